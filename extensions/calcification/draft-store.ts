/**
 * The exam draft as a small observable store: subscribe / getState / dispatch with undo and redo,
 * around the pure draft functions of src/core/draft. Framework-free, so React
 * (useSyncExternalStore) and the OHIF commands share one store.
 */
import { newExamDraft } from 'calcscribe/draft';
import { endTyping, record, redo, startHistory, undo, type DraftHistory } from 'calcscribe/draft';
import type { DraftAction } from 'calcscribe/draft';
import type { ExamDraft } from 'calcscribe/draft';
import { ok, type Result } from 'calcscribe/core';

export interface DraftStore {
  /** The current draft (the same object until something changes). */
  getState(): ExamDraft;
  getHistory(): DraftHistory;
  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Applies an action (undoable). A refused action changes nothing and says why. */
  dispatch(action: DraftAction): Result<ExamDraft>;
  undo(): Result<ExamDraft>;
  redo(): Result<ExamDraft>;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Ends the undo step of the text being typed (the field was left): the next keystroke starts another. */
  endTyping(): void;
  /** Puts another draft in place (a restored autosave, another exam); the undo steps are cleared. */
  load(draft: ExamDraft): void;
  /**
   * Empties the draft of this exam (same images, nothing annotated) with a higher revision; the
   * undo steps are cleared. The only way the radiologist's work is thrown away.
   */
  discard(): ExamDraft;
}

/** A pause this long in typing ends the undo step of the word typed (the next keystroke starts another), ms. */
export const TYPING_PAUSE_MS = 1000;

export interface DraftStoreOptions {
  /** See TYPING_PAUSE_MS. */
  readonly typingPauseMs?: number;
  /** The clock, ms (default performance.now or Date.now). */
  readonly now?: () => number;
}

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * A store holding one exam's draft. Keystrokes typed in one free-text field in one go are one undo
 * step (the core's history); a pause of `typingPauseMs`, or leaving the field (endTyping), ends the step.
 * @example
 * const store = createDraftStore(newExamDraft(studyUid, images));
 * store.subscribe(() => render(store.getState()));
 * store.dispatch({ type: 'setComposition', composition: 'b' });
 */
export function createDraftStore(
  initial: ExamDraft,
  /**
   * The draft as the exam supplied it before any work (its clinical context from the RIS, the
   * loaded prior's date): what "discard" returns to. Absent: an empty draft of the same images.
   */
  fresh?: ExamDraft,
  options: DraftStoreOptions = {},
): DraftStore {
  const pause = options.typingPauseMs ?? TYPING_PAUSE_MS;
  const now = options.now ?? defaultNow;
  let history = startHistory(initial);
  let lastRecordedAt = -Infinity;
  const listeners = new Set<() => void>();
  const emit = (): void => {
    for (const l of [...listeners]) l();
  };
  const step = (r: Result<DraftHistory>): Result<ExamDraft> => {
    if (!r.ok) return r;
    history = r.value;
    emit();
    return ok(history.present);
  };
  return {
    getState: () => history.present,
    getHistory: () => history,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(action) {
      const at = now();
      const from = at - lastRecordedAt >= pause ? endTyping(history) : history;
      const r = record(from, action);
      if (r.ok) lastRecordedAt = at;
      return step(r);
    },
    undo: () => step(undo(history)),
    redo: () => step(redo(history)),
    endTyping() {
      history = endTyping(history);
      lastRecordedAt = -Infinity;
    },
    canUndo: () => history.past.length > 0,
    canRedo: () => history.future.length > 0,
    load(draft) {
      history = startHistory(draft);
      emit();
    },
    discard() {
      const old = history.present;
      const empty = { ...(fresh ?? newExamDraft(old.examKey, old.images)), revision: old.revision + 1 };
      history = startHistory(empty);
      emit();
      return empty;
    },
  };
}

let current: DraftStore | null = null;

/** Makes a store the one the extension's commands and panel use when none was configured. */
export function setCurrentDraftStore(store: DraftStore | null): void {
  current = store;
}

/** The store set with setCurrentDraftStore, or null. */
export function getCurrentDraftStore(): DraftStore | null {
  return current;
}
