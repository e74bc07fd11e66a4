/**
 * Which suggested categories ask for an action other than routine screening, and so need the
 * finding placed for whoever acts on it (recall, follow-up, biopsy).
 */
import type { AssessmentCategory } from '../lexicon.js';

/**
 * ACR BI-RADS Atlas 5th ed., Mammography, Reporting System, Assessment categories: 0 (recall for
 * additional imaging), 3 (short-interval follow-up), 4 and 5 (tissue diagnosis) and 6 (surgical
 * excision) each ask for an action at the finding; 1 and 2 ask for routine screening only.
 */
export const ACTION_CATEGORIES: readonly AssessmentCategory[] = ['0', '3', '4A', '4B', '4C', '5', '6'];

/** Whether a finding with this suggested category needs an action at its location. */
export function needsAction(c: AssessmentCategory): boolean {
  return ACTION_CATEGORIES.includes(c);
}
