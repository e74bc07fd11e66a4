import { err, ok, type Result } from '../result.js';
import { applyDraftAction } from './apply-draft-action.js';
import type { DraftAction } from './draft-action.js';
import type { ExamDraft } from './exam-draft.js';
import { typingFieldOf } from './typing-field.js';

/** The draft with its undo and redo stacks (most recent last in `past`, next redo last in `future`). */
export interface DraftHistory {
  readonly past: readonly ExamDraft[];
  readonly present: ExamDraft;
  readonly future: readonly ExamDraft[];
  /**
   * The free-text field the present step is typing into (typing-field.ts): the next keystroke in
   * the same field joins this step instead of making another. Absent: the next action is a step of its own.
   */
  readonly typing?: string;
}

/** How many steps can be undone. */
export const UNDO_LIMIT = 200;

/** A history holding only the given draft. */
export function startHistory(draft: ExamDraft): DraftHistory {
  return { past: [], present: draft, future: [] };
}

/**
 * Applies an action; the previous draft can be undone, and the redo stack is cleared. Consecutive
 * typing in one free-text field (e.g. the site of an event, the report text) is one step: one undo
 * takes the whole word or sentence typed back, and the text typed is always the present draft.
 */
export function record(history: DraftHistory, action: DraftAction): Result<DraftHistory> {
  const next = applyDraftAction(history.present, action);
  if (!next.ok) return next;
  const typing = typingFieldOf(history.present, action);
  const typingNow = typing === null ? {} : { typing };
  if (typing !== null && typing === history.typing) return ok({ past: history.past, present: next.value, future: [], ...typingNow });
  return ok({ past: [...history.past, history.present].slice(-UNDO_LIMIT), present: next.value, future: [], ...typingNow });
}

/** Ends the typing step under way (the field was left, or the radiologist paused): the next keystroke is a new step. */
export function endTyping(history: DraftHistory): DraftHistory {
  if (history.typing === undefined) return history;
  return { past: history.past, present: history.present, future: history.future };
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
