import { overallAssessment, type OverallAssessment } from '../assess/overall-assessment.js';
import type { Exam } from './finding.js';
import { wordFinding } from './word-finding.js';
import { wordLocationCaveats } from './word-location.js';
import { wordImpression, wordRecommendation } from './word-impression.js';
import { COMPOSITION_WORDS } from './words.js';

export interface DraftReport {
  readonly composition: string;
  readonly findings: readonly string[];
  /** What limits the locations, once per view for the whole report (e.g. the nipple not in profile on the RMLO). */
  readonly locationCaveats: readonly string[];
  readonly comparison: string;
  readonly impression: string;
  readonly recommendation: string;
  readonly overall: OverallAssessment;
  /** The whole draft, sections in report order. */
  readonly text: string;
}

function wordComparison(exam: Exam): string {
  if (exam.priorDate) return `Compared with the prior examination of ${exam.priorDate}.`;
  const compared = exam.findings.some((f) => f.comparison.stated === false || f.comparison.change.kind !== 'no-priors');
  return compared ? 'Compared with prior examinations.' : 'No prior examinations available for comparison.';
}

/**
 * A draft report in report order: breast composition, findings (then what limits their
 * locations, once per view for the whole report), comparison, impression with the suggested
 * category, management. Deterministic: the same exam gives the same text.
 */
export function draftReport(exam: Exam): DraftReport {
  const composition = exam.composition === null ? 'Breast composition not stated.' : COMPOSITION_WORDS[exam.composition];
  const findings = exam.findings.map((f) => wordFinding(f, { locationCaveats: false }));
  const locationCaveats = wordLocationCaveats({ caveats: exam.findings.flatMap((f) => f.location.caveats ?? []) });
  const overall = overallAssessment(exam.findings.map((f) => f.suggestion));
  const comparison = wordComparison(exam);
  const impression = wordImpression(exam.findings, overall);
  const recommendation = wordRecommendation(exam.findings, overall);
  const text = [
    `Breast composition: ${composition}`,
    'Findings:',
    ...(findings.length > 0 ? findings : ['No calcification findings recorded.']),
    ...locationCaveats,
    `Comparison: ${comparison}`,
    `Impression: ${impression}`,
    `Recommendation: ${recommendation}`,
  ].join('\n');
  return { composition, findings, locationCaveats, comparison, impression, recommendation, overall, text };
}
