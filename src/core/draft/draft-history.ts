import { err, ok, type Result } from '../result.js';
import { applyDraftAction } from './apply-draft-action.js';
import type { DraftAction } from './draft-action.js';
import type { ExamDraft } from './exam-draft.js';

/** The draft with its undo and redo stacks (most recent last in `past`, next redo last in `future`). */
export interface DraftHistory {
  readonly past: readonly ExamDraft[];
  readonly present: ExamDraft;
  readonly future: readonly ExamDraft[];
}

/** How many steps can be undone. */
export const UNDO_LIMIT = 200;

/** A history holding only the given draft. */
export function startHistory(draft: ExamDraft): DraftHistory {
  return { past: [], present: draft, future: [] };
}

/** Applies an action; the previous draft can be undone, and the redo stack is cleared. */
export function record(history: DraftHistory, action: DraftAction): Result<DraftHistory> {
  const next = applyDraftAction(history.present, action);
  if (!next.ok) return next;
  return ok({ past: [...history.past, history.present].slice(-UNDO_LIMIT), present: next.value, future: [] });
}

/**
 * Goes one step back. The restored draft gets a new, higher revision so that an autosave of it
 * is never mistaken for an older save.
 */
export function undo(history: DraftHistory): Result<DraftHistory> {
  const prev = history.past[history.past.length - 1];
  if (prev === undefined) return err('bad-argument', 'nothing to undo');
  return ok({
    past: history.past.slice(0, -1),
    present: { ...prev, revision: history.present.revision + 1 },
    future: [...history.future, history.present],
  });
}

/** Re-applies the last undone step (with a new, higher revision). */
export function redo(history: DraftHistory): Result<DraftHistory> {
  const next = history.future[history.future.length - 1];
  if (next === undefined) return err('bad-argument', 'nothing to redo');
  return ok({
    past: [...history.past, history.present].slice(-UNDO_LIMIT),
    present: { ...next, revision: history.present.revision + 1 },
    future: history.future.slice(0, -1),
  });
}
