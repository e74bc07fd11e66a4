import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { StorageResult } from './draft-database.js';
import { startTabEditing, type AutosaveStatus, type EditableDraft, type TabEditing, type TabEditingOptions, type TabEditingState } from './tab-editing.js';

export type { AutosaveStatus } from './tab-editing.js';

/** The indicator's words, e.g. "Draft saved in this browser (revision 12)". */
export function autosaveStatusText(s: AutosaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return 'Draft not changed yet';
    case 'pending':
      return 'Draft changed: not yet saved';
    case 'saved':
      return `Draft saved in this browser (revision ${s.revision})`;
    case 'kept-newer':
      return `A newer draft (revision ${s.storedRevision}) is saved, e.g. from another tab: this one was not saved over it`;
    case 'conflict':
      return s.storedRevision === null
        ? `Draft NOT saved: the saved draft of this exam was discarded in another tab since this tab read it (revision ${s.baseRevision ?? 'none'}); this tab's changes since then are not saved`
        : `Draft NOT saved: another tab saved this exam's draft (revision ${s.storedRevision}) since this tab read ${s.baseRevision === null ? 'it' : `revision ${s.baseRevision}`}; this tab's changes since then were not saved over it`;
    case 'failed':
      return `Draft NOT saved: ${s.message}`;
  }
}

/** Before the editing of the exam has started (the first render): nothing is known yet. */
const NOT_STARTED: TabEditingState = { mode: 'checking', uncoordinated: false, save: { kind: 'idle' }, notice: null };

/**
 * Edits one exam's draft in this tab while the component is mounted: autosaves it (saving what is
 * pending when it unmounts), or is read-only while another tab of this browser edits the exam.
 * Gives the state to show, "take over editing here" and the confirmed "discard draft".
 * `baseRevision`: the stored revision the draft was read from (see TabEditingOptions).
 */
export function useAutosave(
  store: EditableDraft,
  examKey: string,
  options: TabEditingOptions = {},
): {
  readonly status: AutosaveStatus;
  readonly editing: TabEditingState;
  readonly takeOver: () => void;
  readonly discard: () => Promise<StorageResult<void>>;
} {
  const [running, setRunning] = useState<TabEditing | null>(null);
  const current = useRef<TabEditing | null>(null);
  const { delayMs, factory, documentTarget, windowTarget, baseRevision, locks, channel, gate, takeOverTimeoutMs } = options;
  useEffect(() => {
    const editing = startTabEditing(store, examKey, {
      ...(delayMs !== undefined ? { delayMs } : {}),
      ...(factory !== undefined ? { factory } : {}),
      ...(documentTarget !== undefined ? { documentTarget } : {}),
      ...(windowTarget !== undefined ? { windowTarget } : {}),
      ...(baseRevision !== undefined ? { baseRevision } : {}),
      ...(locks !== undefined ? { locks } : {}),
      ...(channel !== undefined ? { channel } : {}),
      ...(gate !== undefined ? { gate } : {}),
      ...(takeOverTimeoutMs !== undefined ? { takeOverTimeoutMs } : {}),
    });
    current.current = editing;
    setRunning(editing);
    return () => {
      current.current = null;
      void editing.stop();
    };
  }, [store, examKey, delayMs, factory, documentTarget, windowTarget, baseRevision, locks, channel, gate, takeOverTimeoutMs]);
  const subscribe = useCallback((l: () => void) => running?.subscribe(l) ?? (() => undefined), [running]);
  const editing = useSyncExternalStore(subscribe, () => running?.state() ?? NOT_STARTED);
  const discard = useCallback(async (): Promise<StorageResult<void>> => {
    const e = current.current;
    if (e === null) return { ok: false, message: 'autosave is not running' };
    return e.discard();
  }, []);
  const takeOver = useCallback(() => current.current?.takeOver(), []);
  return { status: editing.save, editing, takeOver, discard };
}
