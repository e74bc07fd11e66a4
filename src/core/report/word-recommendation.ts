/**
 * The recommendation as a breast radiologist writes it: the method, the side and the finding's
 * place ("stereotactic-guided biopsy of the grouped calcifications in the left breast at 5
 * o'clock, middle depth, 2 cm from the nipple"), one line per finding that needs action, most
 * urgent first; routine screening when none does.
 */
import { overallRank } from '../assess/categories.js';
import type { OverallAssessment } from '../assess/overall-assessment.js';
import type { AssessmentCategory, Side } from '../lexicon.js';
import type { Finding } from './finding.js';
import { needsAction } from './needs-action.js';
import { distributionOf } from './word-finding.js';
import { NO_CLOCK_FACE, NOT_ON_TWO_VIEWS } from './word-location.js';
import { fmtNumber } from './words.js';

/** Category 3's first follow-up when the suggestion does not give one. */
export const FIRST_FOLLOW_UP_MONTHS = 6;

/**
 * The method for each category that asks for action, as data with its source.
 * - 0: ACR BI-RADS Atlas 5th ed., Mammography, Assessment categories, category 0 (recall for
 *   additional imaging; for calcifications, spot magnification views — Guidance, diagnostic work-up).
 * - 3: ibid., category 3 and Guidance: the initial short-interval follow-up is a unilateral
 *   mammogram at 6 months, then bilateral mammograms at 12 and (usually) 24 months.
 * - 4, 5: ibid., tissue diagnosis. Under stereotactic guidance for calcifications: ACR
 *   Appropriateness Criteria, Breast microcalcifications (reviewed 2005): pleomorphic, fine linear
 *   or branching calcifications → core biopsy (rated 9), orthogonal views noted as useful for
 *   pre-stereotactic localisation; Ames V, Britton PD, "Stereotactically guided breast biopsy: a review", Insights Imaging 2011 (issue 2): most breast
 *   lesions are biopsied under ultrasound guidance, mammographic microcalcifications it does not
 *   show need stereotactic guidance. The procedure itself: ACR practice parameter for the
 *   performance of stereotactic-guided breast interventional procedures (revised 2016).
 * - 6: ibid., category 6: surgical excision when clinically appropriate.
 */
type Method = 'recall' | 'follow-up' | 'biopsy' | 'excision';
const METHOD: Readonly<Partial<Record<AssessmentCategory, Method>>> = {
  '0': 'recall',
  '3': 'follow-up',
  '4A': 'biopsy',
  '4B': 'biopsy',
  '4C': 'biopsy',
  '5': 'biopsy',
  '6': 'excision',
};

const BREAST: Readonly<Record<Side, string>> = { right: 'the right breast', left: 'the left breast', both: 'both breasts' };

/** "the grouped calcifications", "the segmental calcifications", "the calcification". */
function theCalcifications(f: Finding): string {
  if (f.measurements.count === 1) return 'the calcification';
  const d = distributionOf(f);
  return d === null ? 'the calcifications' : `the ${d} calcifications`;
}

/** "at 5 o'clock, middle depth, 2 cm from the nipple", or why the clock face is missing. */
function place(f: Finding): string {
  const loc = f.location;
  const parts: string[] = [];
  const clock = loc.clockFace ?? null;
  parts.push(clock === null ? `(${NO_CLOCK_FACE}: ${loc.noClockFace ?? NOT_ON_TWO_VIEWS})` : `at ${clock} o'clock`);
  if (loc.depth !== undefined && loc.depth !== null) parts.push(`${loc.depth} depth`);
  const d = loc.distanceFromNippleCm;
  if (d !== undefined && d !== null && Number.isFinite(d) && d >= 0) parts.push(`${fmtNumber(d)} cm from the nipple`);
  return parts.join(', ');
}

/** Months to the next follow-up of a category 3 finding: the suggestion's, else the first interval. */
function followUpMonths(f: Finding): number {
  return f.suggestion.followUpMonths ?? FIRST_FOLLOW_UP_MONTHS;
}

/** One action for one finding, without the leading capital or the full stop; null when none. */
export function wordAction(f: Finding): string | null {
  const method = METHOD[f.suggestion.assessment];
  if (method === undefined || !needsAction(f.suggestion.assessment)) return null;
  const breast = BREAST[f.side];
  const what = `${theCalcifications(f)} in ${breast} ${place(f)}`;
  const there = `${theCalcifications(f)} ${place(f)}`;
  switch (method) {
    case 'biopsy':
      return `stereotactic-guided biopsy of ${what}`;
    case 'recall':
      return `recall for diagnostic mammography with spot magnification views of ${breast} for ${there}`;
    case 'follow-up': {
      const months = followUpMonths(f);
      return months <= FIRST_FOLLOW_UP_MONTHS && f.side !== 'both'
        ? `unilateral diagnostic mammogram of ${breast} in ${fmtNumber(months)} months for ${there}`
        : `bilateral diagnostic mammogram in ${fmtNumber(months)} months for ${what}`;
    }
    case 'excision':
      return `surgical excision of ${what} when clinically appropriate`;
  }
}

/**
 * "Suggested management: stereotactic-guided biopsy of the grouped calcifications in the left
 * breast at 5 o'clock, middle depth, 2 cm from the nipple." Several findings that need action
 * each get their line, most urgent first; with none, the overall category's management.
 */
export function wordRecommendation(findings: readonly Finding[], overall: OverallAssessment): string {
  const actions = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => needsAction(f.suggestion.assessment))
    .sort((a, b) => overallRank(b.f.suggestion.assessment) - overallRank(a.f.suggestion.assessment) || a.i - b.i)
    .map(({ f }) => wordAction(f))
    .filter((a): a is string => a !== null);
  const lines = [...new Set(actions)];
  if (lines.length === 0) {
    const m = overall.management;
    return `Suggested management: ${m.charAt(0).toLowerCase()}${m.slice(1)}`;
  }
  return `Suggested management: ${lines.join('; ')}.`;
}
