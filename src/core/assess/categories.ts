/**
 * The BI-RADS assessment categories as data: meaning, likelihood of malignancy, management
 * wording and the coded follow-up (CID 6029) for each.
 */
import type { FollowUp } from '../codes.js';
import type { AssessmentCategory } from '../lexicon.js';

export interface CategoryInfo {
  readonly category: AssessmentCategory;
  /** What the category means, in the atlas's words, e.g. "benign". */
  readonly name: string;
  readonly likelihood: string;
  /** Management wording, a full sentence. */
  readonly management: string;
  readonly followUp: FollowUp;
}

export const CATEGORY_TABLE: Readonly<Record<AssessmentCategory, CategoryInfo>> = {
  '0': {
    category: '0',
    name: 'incomplete, needs additional imaging evaluation and/or prior mammograms for comparison',
    likelihood: 'not applicable',
    management: 'Recall for additional imaging (e.g. spot magnification views) and/or comparison with prior examinations.',
    followUp: 'spot magnification views',
  },
  '1': {
    category: '1',
    name: 'negative',
    likelihood: 'essentially 0 %',
    management: 'Routine screening mammography.',
    followUp: 'normal interval follow-up',
  },
  '2': {
    category: '2',
    name: 'benign',
    likelihood: 'essentially 0 %',
    management: 'Routine screening mammography.',
    followUp: 'normal interval follow-up',
  },
  '3': {
    category: '3',
    name: 'probably benign',
    likelihood: '> 0 % to ≤ 2 %',
    management: 'Short-interval (6-month) follow-up mammography.',
    followUp: 'short interval follow-up',
  },
  '4A': {
    category: '4A',
    name: 'low suspicion for malignancy',
    likelihood: '> 2 % to ≤ 10 %',
    management: 'Tissue diagnosis (biopsy).',
    followUp: 'biopsy should be considered',
  },
  '4B': {
    category: '4B',
    name: 'moderate suspicion for malignancy',
    likelihood: '> 10 % to ≤ 50 %',
    management: 'Tissue diagnosis (biopsy).',
    followUp: 'biopsy should be considered',
  },
  '4C': {
    category: '4C',
    name: 'high suspicion for malignancy',
    likelihood: '> 50 % to < 95 %',
    management: 'Tissue diagnosis (biopsy).',
    followUp: 'biopsy should be strongly considered',
  },
  '5': {
    category: '5',
    name: 'highly suggestive of malignancy',
    likelihood: '≥ 95 %',
    management: 'Tissue diagnosis (biopsy).',
    followUp: 'highly suggestive of malignancy, take appropriate action',
  },
  '6': {
    category: '6',
    name: 'known biopsy-proven malignancy',
    likelihood: 'not applicable',
    management: 'Surgical excision when clinically appropriate.',
    followUp: 'known biopsy proven malignancy, take appropriate action',
  },
};

/** Likelihood of malignancy, lowest first: the order in which a finding's rules raise or lower it. */
export const SUSPICION_ORDER: readonly AssessmentCategory[] = ['1', '2', '3', '4A', '4B', '4C', '5'];

/**
 * Exam-level precedence, least to most urgent. 0 (incomplete) outranks 1–3: the exam cannot be
 * closed as benign while a finding still needs work-up. 4 and 5 outrank 0: a finding that already
 * warrants biopsy decides management. 6 ranks below 0 and 4–5: a known cancer's management is
 * already set, so another finding that needs work-up or biopsy is the more urgent action.
 */
export const OVERALL_ORDER: readonly AssessmentCategory[] = ['1', '2', '3', '6', '0', '4A', '4B', '4C', '5'];

/** Position in the suspicion order; 0 and 6 (outside it) answer -1. */
export function suspicionRank(c: AssessmentCategory): number {
  return SUSPICION_ORDER.indexOf(c);
}

/** Position in the exam-level precedence. */
export function overallRank(c: AssessmentCategory): number {
  return OVERALL_ORDER.indexOf(c);
}

/** One step down the suspicion order, never below `floor`. */
export function lowerOneStep(c: AssessmentCategory, floor: AssessmentCategory): AssessmentCategory {
  const i = suspicionRank(c);
  const f = suspicionRank(floor);
  if (i < 0 || i <= f) return c;
  return SUSPICION_ORDER[i - 1] ?? c;
}

/** "BI-RADS 2 — benign". */
export function categoryLabel(c: AssessmentCategory): string {
  return `BI-RADS ${c} — ${CATEGORY_TABLE[c].name}`;
}
