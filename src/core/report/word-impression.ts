import { categoryLabel } from '../assess/categories.js';
import type { OverallAssessment } from '../assess/overall-assessment.js';
import type { Finding } from './finding.js';
import { isVascularOnly } from './word-finding.js';
import { wordMorphology } from './word-morphology.js';
import { SIDE_WORDS } from './words.js';

/** The suggested assessment of each breast (overallAssessmentBySide). */
export interface AssessmentBySide {
  readonly right: OverallAssessment;
  readonly left: OverallAssessment;
}

/**
 * The impression: one line per finding with its suggested category, then the suggested
 * assessment of each breast and the overall one (ACR BI-RADS Atlas 5th ed., Mammography,
 * Reporting System: an overall assessment, per breast when they are reported separately; the
 * overall one is the more urgent). "Right breast: dystrophic calcifications, suggested BI-RADS 2.
 * Suggested assessment, right breast: BI-RADS 2 — benign. Suggested assessment, left breast:
 * BI-RADS 1 — negative. Suggested overall assessment: BI-RADS 2 — benign."
 */
export function wordImpression(findings: readonly Finding[], overall: OverallAssessment, bySide?: AssessmentBySide): string {
  const lines = findings.map((f) => {
    const { terms } = wordMorphology(f);
    const single = f.measurements.count === 1 && !isVascularOnly(f);
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
  if (bySide !== undefined) {
    lines.push(`Suggested assessment, right breast: ${categoryLabel(bySide.right.assessment)}.`);
    lines.push(`Suggested assessment, left breast: ${categoryLabel(bySide.left.assessment)}.`);
  }
  lines.push(`Suggested overall assessment: ${categoryLabel(overall.assessment)}.`);
  return lines.join(' ');
}
