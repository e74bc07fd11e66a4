import { useCallback, useEffect, useRef, useState } from 'react';
import type { StorageResult } from './draft-database.js';
import { startAutosave, type Autosave, type AutosaveOptions, type DraftSource } from './start-autosave.js';

/** What the "draft saved" indicator shows. */
export type AutosaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved'; readonly revision: number }
  | { readonly kind: 'kept-newer'; readonly storedRevision: number }
  | { readonly kind: 'failed'; readonly message: string };

/** The indicator's words, e.g. "Draft saved (revision 12)". */
export function autosaveStatusText(s: AutosaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return 'Draft not changed yet';
    case 'saved':
      return `Draft saved in this browser (revision ${s.revision})`;
    case 'kept-newer':
      return `A newer draft (revision ${s.storedRevision}) is saved, e.g. from another tab: this one was not saved over it`;
    case 'failed':
      return `Draft NOT saved: ${s.message}`;
  }
}

/**
 * Autosaves a store's drafts while the component is mounted (saving what is pending when it
 * unmounts), with the status to show and the confirmed "discard draft".
 */
export function useAutosave(
  store: DraftSource,
  examKey: string,
  options: Omit<AutosaveOptions, 'onResult'> = {},
): { readonly status: AutosaveStatus; readonly discard: () => Promise<StorageResult<void>> } {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const running = useRef<Autosave | null>(null);
  const { delayMs, factory, documentTarget, windowTarget } = options;
  useEffect(() => {
    const auto = startAutosave(store, examKey, {
      ...(delayMs !== undefined ? { delayMs } : {}),
      ...(factory !== undefined ? { factory } : {}),
      ...(documentTarget !== undefined ? { documentTarget } : {}),
      ...(windowTarget !== undefined ? { windowTarget } : {}),
      onResult: (r) => {
        if (!r.ok) setStatus({ kind: 'failed', message: r.message });
        else if (r.value.kind === 'saved') setStatus({ kind: 'saved', revision: r.value.revision });
        else if (r.value.kind === 'kept-newer') setStatus({ kind: 'kept-newer', storedRevision: r.value.storedRevision });
        else setStatus({ kind: 'failed', message: `another tab saved this exam's draft (revision ${r.value.storedRevision ?? 'none'}) since it was read: not saved over it` });
      },
    });
    running.current = auto;
    return () => {
      running.current = null;
      void auto.stop();
    };
  }, [store, examKey, delayMs, factory, documentTarget, windowTarget]);
  const discard = useCallback(async (): Promise<StorageResult<void>> => {
    const auto = running.current;
    if (auto === null) return { ok: false, message: 'autosave is not running' };
    const r = await auto.discard();
    setStatus(r.ok ? { kind: 'idle' } : { kind: 'failed', message: r.message });
    return r;
  }, []);
  return { status, discard };
}
