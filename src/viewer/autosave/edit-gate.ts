/**
 * The draft of an exam as this tab may change it: while another tab of this browser edits the
 * exam (or before this tab knows), every edit is refused with the reason, and the draft only
 * changes by being read back from what is stored.
 */
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';
import { err } from '../../core/result.js';

export interface EditGate {
  /** Why this tab may not edit now; null when it may. */
  refusal(): string | null;
  /** Opens the gate (null) or closes it with the reason told to each refused edit. */
  set(refusal: string | null): void;
  /** Calls the listener whenever the gate opens or closes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export const CHECKING_OTHER_TABS = 'this tab is checking whether another tab of this browser edits this exam';

/** A gate, closed until this tab knows it is the one editing the exam. */
export function createEditGate(initialRefusal: string | null = CHECKING_OTHER_TABS): EditGate {
  let refusal = initialRefusal;
  const listeners = new Set<() => void>();
  return {
    refusal: () => refusal,
    set(next) {
      if (next === refusal) return;
      refusal = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The store behind the gate: reads and `load` (the stored draft read back) pass; dispatch, undo
 * and redo are refused while the gate is closed, and discard keeps the draft.
 */
export function gatedDraftStore(store: DraftStore, gate: EditGate): DraftStore {
  const refused = (refusal: string) => err('read-only', refusal);
  return {
    getState: () => store.getState(),
    getHistory: () => store.getHistory(),
    subscribe: (listener) => store.subscribe(listener),
    dispatch(action) {
      const r = gate.refusal();
      return r === null ? store.dispatch(action) : refused(r);
    },
    undo() {
      const r = gate.refusal();
      return r === null ? store.undo() : refused(r);
    },
    redo() {
      const r = gate.refusal();
      return r === null ? store.redo() : refused(r);
    },
    endTyping: () => store.endTyping(),
    canUndo: () => gate.refusal() === null && store.canUndo(),
    canRedo: () => gate.refusal() === null && store.canRedo(),
    load: (draft) => store.load(draft),
    discard: () => (gate.refusal() === null ? store.discard() : store.getState()),
  };
}

/**
 * Runs an edit of the draft of an exam no longer on screen whose editing has stopped, which left its
 * gate closed (CHECKING_OTHER_TABS): a calcification pressed while this tab edited the exam and
 * measured after the switch. The edit runs with the gate open and the gate is closed again at once
 * (the edit is synchronous: nothing else runs meanwhile); the save that follows compares the stored
 * revision (saveNotShownDraft), so another tab's draft is never replaced. A gate closed for another
 * reason (another tab edits the exam) stays closed, and the edit is refused with it.
 */
export function editWhileNotShown<T>(gate: EditGate, edit: () => T): T {
  if (gate.refusal() !== CHECKING_OTHER_TABS) return edit();
  gate.set(null);
  try {
    return edit();
  } finally {
    gate.set(CHECKING_OTHER_TABS);
  }
}

/** An exam's draft session whose store is behind its gate. */
export type GatedSession<S extends { readonly store: DraftStore }> = S & { readonly gate: EditGate };

/** The session with its store behind a new gate (closed until this tab knows it edits the exam). */
export function withEditGate<S extends { readonly store: DraftStore }>(session: S): GatedSession<S> {
  const gate = createEditGate();
  return { ...session, store: gatedDraftStore(session.store, gate), gate };
}

/**
 * Why this tab may not edit, once it knows: while it is still checking for another tab (the first
 * moments after the exam is shown) this waits for the answer, up to `ms`.
 */
export function decidedRefusal(gate: EditGate, ms = 5000): Promise<string | null> {
  if (gate.refusal() !== CHECKING_OTHER_TABS) return Promise.resolve(gate.refusal());
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve(gate.refusal());
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = gate.subscribe(() => {
      if (gate.refusal() !== CHECKING_OTHER_TABS) done();
    });
  });
}
