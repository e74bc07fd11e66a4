import { overallAssessment, overallAssessmentBySide, type OverallAssessment } from '../assess/overall-assessment.js';
import type { Exam } from './finding.js';
import { isVascularOnly, wordFinding } from './word-finding.js';
import { wordLocationCaveats } from './word-location.js';
import { wordImpression, type AssessmentBySide } from './word-impression.js';
import { wordRecommendation } from './word-recommendation.js';
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
  /** The suggested assessment of each breast. */
  readonly bySide: AssessmentBySide;
  /** The whole draft, sections in report order. */
  readonly text: string;
}

/** What the comparison line says when there is nothing to compare with. */
export const NO_PRIORS_WORDS = 'No prior examinations available for comparison.';

/**
 * The comparison exam by its date (ACR BI-RADS Atlas 5th ed., Mammography, Reporting System,
 * Report organization: a statement that the examination was compared with previous
 * examination(s), specifying their dates): "2024-03-12."; "No prior examinations available for
 * comparison." only when there is no prior.
 */
function wordComparison(exam: Exam): string {
  if (exam.priorDate) return `${exam.priorDate}.`;
  const compared = exam.findings.some((f) => f.comparison.stated === false || f.comparison.change.kind !== 'no-priors');
  return compared ? 'Compared with prior examinations (date not stated).' : NO_PRIORS_WORDS;
}

/**
 * A draft report in report order: breast composition, findings (then what limits their
 * locations, once per view for the whole report), comparison, impression with the suggested
 * category of each finding, each breast and the exam, management. Deterministic: the same exam
 * gives the same text.
 */
export function draftReport(exam: Exam): DraftReport {
  const composition = exam.composition === null ? 'not stated.' : COMPOSITION_WORDS[exam.composition];
  const findings = exam.findings.map((f) => wordFinding(f, { locationCaveats: false }));
  // Vascular calcifications are not located, so their locations' caveats are not stated either.
  const located = exam.findings.filter((f) => !isVascularOnly(f));
  const locationCaveats = wordLocationCaveats({ caveats: located.flatMap((f) => f.location.caveats ?? []) });
  const overall = overallAssessment(exam.findings.map((f) => f.suggestion));
  const bySide = overallAssessmentBySide(exam.findings.map((f) => ({ side: f.side, assessment: f.suggestion.assessment })));
  const comparison = wordComparison(exam);
  const impression = wordImpression(exam.findings, overall, bySide);
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
  return { composition, findings, locationCaveats, comparison, impression, recommendation, overall, bySide, text };
}
