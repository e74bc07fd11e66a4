import { categoryLabel } from '../assess/categories.js';
import type { OverallAssessment } from '../assess/overall-assessment.js';
import type { Finding } from './finding.js';
import { listInWords, MORPHOLOGY_WORDS, SIDE_WORDS } from './words.js';

/**
 * The impression: one line per finding with its suggested category, then the suggested overall
 * assessment. "Right breast: coarse dystrophic calcifications, suggested BI-RADS 2. Suggested
 * overall assessment: BI-RADS 2 — benign."
 */
export function wordImpression(findings: readonly Finding[], overall: OverallAssessment): string {
  const lines = findings.map((f) => {
    const morph = f.morphology.length > 0 ? listInWords(f.morphology.map((t) => MORPHOLOGY_WORDS[t])) : 'uncharacterised';
    return `${SIDE_WORDS[f.side]}: ${morph} calcifications, suggested BI-RADS ${f.suggestion.assessment}.`;
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
