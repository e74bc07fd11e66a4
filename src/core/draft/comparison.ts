import type { ChangeSincePrior } from '../lexicon.js';
import type { ExamDraft } from './exam-draft.js';

/** What a finding's wording says while its change since the prior is not yet stated (the report layer words it). */
export { CHANGE_NOT_STATED } from '../report/word-finding.js';

/**
 * How the assessment rules read a change not yet stated: as new. Calcifications not shown to be
 * stable on the comparison are managed as new (the cautious reading), and "no priors" would be
 * false when there is a comparison exam.
 */
export const UNSTATED_CHANGE_FOR_RULES: ChangeSincePrior = { kind: 'new' };

/** Whether the exam has something to compare with: a comparison date, or a prior image loaded. */
export function hasComparison(draft: Pick<ExamDraft, 'priorDate' | 'images'>): boolean {
  return draft.priorDate !== null || draft.images.some((i) => i.role === 'prior');
}

/**
 * A new finding's change since prior: "no priors" only when the exam has nothing to compare with;
 * otherwise not stated (null) until the radiologist says new, stable, increased or decreased.
 */
export function defaultChange(draft: Pick<ExamDraft, 'priorDate' | 'images'>): ChangeSincePrior | null {
  return hasComparison(draft) ? null : { kind: 'no-priors' };
}
