import { categoryLabel } from '../assess/categories.js';
import type { OverallAssessment } from '../assess/overall-assessment.js';
import type { Finding } from './finding.js';
import { wordMorphology } from './word-morphology.js';
import { SIDE_WORDS } from './words.js';

/**
 * The impression: one line per finding with its suggested category, then the suggested overall
 * assessment. "Right breast: coarse dystrophic calcifications, suggested BI-RADS 2. Suggested
 * overall assessment: BI-RADS 2 — benign."
 */
export function wordImpression(findings: readonly Finding[], overall: OverallAssessment): string {
  const lines = findings.map((f) => {
    const { terms } = wordMorphology(f);
    const single = f.measurements.count === 1;
    const what =
      terms === null
        ? single
          ? 'a single calcification, not characterised'
          : 'calcifications not characterised'
        : single
          ? `a single ${terms} calcification`
          : `${terms} calcifications`;
    return `${SIDE_WORDS[f.side]}: ${what}, suggested BI-RADS ${f.suggestion.assessment}.`;
  });
  if (findings.length === 0) lines.push('No calcification findings recorded.');
  lines.push(`Suggested overall assessment: ${categoryLabel(overall.assessment)}.`);
  return lines.join(' ');
}

/**
 * The management for the overall assessment, as a suggestion: "Suggested management: routine
 * screening mammography." A rule's own management wording, when the deciding finding has one,
 * takes the place of the category table's.
 */
export function wordRecommendation(findings: readonly Finding[], overall: OverallAssessment): string {
  const decider = overall.decidedBy === null ? undefined : findings[overall.decidedBy];
  const management =
    decider !== undefined && decider.suggestion.assessment === overall.assessment
      ? decider.suggestion.management
      : overall.management;
  return `Suggested management: ${management.charAt(0).toLowerCase()}${management.slice(1)}`;
}
