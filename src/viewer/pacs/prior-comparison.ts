/**
 * A prior chosen from the PACS is the comparison: its date fills the draft's comparison date when
 * none is set, as a prior opened with the examination does (exam-draft-session.ts). Without this,
 * a draft saved before the prior was chosen keeps an empty comparison date and the report names no
 * comparison. A comparison date the radiologist set is left as it is. The change is one undoable
 * step, refused like any edit in a read-only tab.
 */
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';
import { comparisonDateOf } from '../../core/report/comparison-date.js';
import type { Result } from '../../core/result.js';
import type { LoadedImage } from '../loading/exam.js';

/** Sets the comparison date from the prior's images when the draft has none; null when nothing was to be done. */
export function comparisonFromPrior(store: Pick<DraftStore, 'getState' | 'dispatch'>, prior: readonly LoadedImage[]): Result<unknown> | null {
  if (store.getState().priorDate !== null) return null;
  const date = comparisonDateOf(prior.map((i) => i.summary.meta.studyDate));
  if (date === null) return null;
  return store.dispatch({ type: 'setPriorDate', date });
}
