// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { emptyDraft, fakeStore } from './draft-fixtures.js';
import { autosaveStatusText, loadDraft, useAutosave } from '../../src/viewer/autosave/index.js';

const draft = (revision: number, reportText: string | null = null): ExamDraft => emptyDraft('2.25.5', revision, { reportText });


afterEach(() => cleanup());

describe('useAutosave', () => {
  it('reports each save, discards on request, and saves what is pending on unmount', async () => {
    const factory = new IDBFactory();
    const store = fakeStore(draft(0));
    const opts = { factory, delayMs: 5, documentTarget: null, windowTarget: null };
    const { result, unmount } = renderHook(() => useAutosave(store, '2.25.5', opts));
    expect(result.current.status).toEqual({ kind: 'idle' });
    act(() => store.set(draft(1, 'one')));
    await waitFor(() => expect(result.current.status).toEqual({ kind: 'saved', revision: 1 }));
    expect(autosaveStatusText(result.current.status)).toBe('Draft saved in this browser (revision 1)');

    await act(async () => {
      expect(await result.current.discard()).toEqual({ ok: true, value: undefined });
    });
    expect(result.current.status).toEqual({ kind: 'idle' });
    expect(await loadDraft('2.25.5', factory)).toEqual({ ok: true, value: null });

    act(() => store.set(draft(2, 'pending at unmount')));
    unmount();
    await waitFor(async () => {
      const r = await loadDraft('2.25.5', factory);
      expect(r.ok && r.value?.reportText).toBe('pending at unmount');
    });
  });

  it('says plainly when a draft could not be saved', () => {
    expect(autosaveStatusText({ kind: 'failed', message: 'QuotaExceededError: full' })).toBe('Draft NOT saved: QuotaExceededError: full');
    expect(autosaveStatusText({ kind: 'kept-newer', storedRevision: 9 })).toMatch(/revision 9/);
  });
});
