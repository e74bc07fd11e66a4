/**
 * What the exam indication and the probably-benign schedule do to a finding's category, as data.
 */
import type { AssessmentCategory, ChangeSincePrior } from '../lexicon.js';

/**
 * Screening: the final categories are 0, 1 and 2 only. A finding that would be 3, 4 or 5 at
 * diagnostic work-up is 0 (recall); the reason keeps the diagnostic-level reading.
 */
export const SCREENING_RECALL = {
  id: 'screening-recall',
  recalled: ['3', '4A', '4B', '4C', '5'] as readonly AssessmentCategory[],
  category: '0' as AssessmentCategory,
  management: 'Recall for diagnostic mammography with spot magnification views.',
  reason: 'screening examination: {finding}: would suggest {diagnostic} at diagnostic work-up; recall (BI-RADS 0) for diagnostic mammography with spot magnification views',
  summary: 'recall for diagnostic work-up',
  source:
    'ACR BI-RADS Atlas, 5th ed. (2013), Guidance: a screening examination ends in 0, 1 or 2; findings needing work-up are recalled (0), for calcifications with spot magnification views',
} as const;

/**
 * Probably benign (3) surveillance: months from the first examination at which the follow-up
 * examinations fall (6 months unilateral, then 12 and 24 months); stable through 24 months → 2.
 * Source: ACR BI-RADS Atlas, 5th ed. (2013), Guidance, category 3 (the atlas allows a further
 * 36-month examination; this tool calls the finding benign after 24 months).
 */
export const PROBABLY_BENIGN_SCHEDULE_MONTHS: readonly number[] = [6, 12, 24];

/**
 * Months from this examination to the next follow-up of a probably benign finding: the next point
 * of the schedule after the time already followed ("stable:1" → 12 months, to the 24-month exam).
 */
export function nextFollowUpMonths(change: ChangeSincePrior): number {
  const followed = change.kind === 'stable' ? Math.round((change.years ?? 0) * 12) : 0;
  const next = PROBABLY_BENIGN_SCHEDULE_MONTHS.find((m) => m > followed);
  return next === undefined ? (PROBABLY_BENIGN_SCHEDULE_MONTHS[0] ?? 6) : next - followed;
}
