/**
 * Two tabs on one exam, without a browser: the editing / read-only
 * hand-over over a stand-in of the Web Locks API and Node's BroadcastChannel (which, like the
 * browser's, carries messages between the instances of one channel name).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftStore, type DraftStore } from '../../extensions/calcification/draft-store.js';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import {
  CHECKING_OTHER_TABS,
  createEditGate,
  decidedRefusal,
  editWhileNotShown,
  gatedDraftStore,
  loadDraft,
  saveDraft,
  saveNotShownDraft,
  startTabEditing,
  type LockManagerLike,
  type TabEditing,
  type TabEditingOptions,
} from '../../src/viewer/autosave/index.js';
import { emptyDraft } from './draft-fixtures.js';

const KEY = '2.25.42';
const draft = (revision: number, over: Partial<ExamDraft> = {}): ExamDraft => emptyDraft(KEY, revision, over);

/**
 * A stand-in of navigator.locks: exclusive locks, `ifAvailable`, a first-come queue, abort by
 * signal, and `steal` (the holder's request rejects, the stealer holds at once, ahead of the queue).
 */
function fakeLocks(): LockManagerLike {
  interface Holder {
    readonly taken: (e: Error) => void;
  }
  const holders = new Map<string, Holder>();
  const queues = new Map<string, { holder: Holder; grant: () => void }[]>();
  return {
    async request(name, options, callback) {
      let taken: (e: Error) => void = () => undefined;
      const takenFrom = new Promise<never>((_, reject) => {
        taken = reject;
      });
      takenFrom.catch(() => undefined);
      const me: Holder = { taken: (e) => taken(e) };
      if (options.steal === true) {
        holders.get(name)?.taken(new Error('AbortError: the lock was stolen'));
        holders.set(name, me);
      } else if (holders.has(name)) {
        if (options.ifAvailable === true) return callback(null);
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        await new Promise<void>((resolve, reject) => {
          const entry = { holder: me, grant: resolve };
          queue.push(entry);
          options.signal?.addEventListener('abort', () => {
            const i = queue.indexOf(entry);
            if (i >= 0) queue.splice(i, 1);
            reject(new Error('AbortError'));
          });
        });
      } else holders.set(name, me);
      try {
        return await Promise.race([callback({ name }), takenFrom]);
      } finally {
        if (holders.get(name) === me) {
          const next = queues.get(name)?.shift();
          if (next !== undefined) {
            holders.set(name, next.holder);
            next.grant();
          } else holders.delete(name);
        }
      }
    },
  };
}

let factory: IDBFactory;
let locks: LockManagerLike;
const running: TabEditing[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  locks = fakeLocks();
});
afterEach(async () => {
  for (const t of running.splice(0)) await t.stop();
});

/** One tab: its gated store over a real draft store, and its editing. */
function openTab(initial: ExamDraft, baseRevision: number | null, over: Partial<TabEditingOptions> = {}): { store: DraftStore; editing: TabEditing; showAgain: () => TabEditing } {
  const gate = createEditGate();
  const store = gatedDraftStore(createDraftStore(initial), gate);
  const options: TabEditingOptions = { factory, locks, gate, baseRevision, delayMs: 5, documentTarget: null, windowTarget: null, takeOverTimeoutMs: 300, ...over };
  const editing = startTabEditing(store, KEY, options);
  running.push(editing);
  /** The exam shown again in this tab: its draft panel's editing starts again on the same store. */
  const showAgain = (): TabEditing => {
    const again = startTabEditing(store, KEY, options);
    running.push(again);
    return again;
  };
  return { store, editing, showAgain };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('startTabEditing: one tab edits, the others are read-only', () => {
  it('the second tab is read-only, refuses edits with the reason, and shows what the first tab saves', async () => {
    const a = openTab(draft(0), null);
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    const b = openTab(draft(0), null);
    await until(() => b.editing.state().mode === 'read-only', 'tab B read-only');
    const refused = b.store.dispatch({ type: 'setComposition', composition: 'b' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/another tab of this browser; this tab is read-only/);
    expect(b.store.canUndo()).toBe(false);
    expect(await b.editing.discard()).toEqual({ ok: false, message: expect.stringMatching(/read-only/) as unknown as string });

    expect(a.store.dispatch({ type: 'setComposition', composition: 'c' }).ok).toBe(true);
    expect(a.editing.state().save).toEqual({ kind: 'pending' });
    await until(() => a.editing.state().save.kind === 'saved', 'A saved');
    expect(a.editing.state().save).toEqual({ kind: 'saved', revision: 1 });
    await until(() => b.store.getState().composition === 'c', 'B follows the stored draft');
    expect(b.editing.state().save).toEqual({ kind: 'saved', revision: 1 });
    expect(b.editing.state().mode).toBe('read-only');
  });

  it('take over: the editing tab saves first and becomes read-only; the other edits from the stored draft, and both edits are stored', async () => {
    const a = openTab(draft(0), null, { delayMs: 60_000 });
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    const b = openTab(draft(0), null);
    await until(() => b.editing.state().mode === 'read-only', 'tab B read-only');
    // A's edit is still pending (long debounce) when B takes over: it is saved before the hand-over.
    a.store.dispatch({ type: 'setComposition', composition: 'd' });
    b.editing.takeOver();
    expect(b.editing.state().mode).toBe('taking-over');
    await until(() => b.editing.state().mode === 'editing', 'tab B editing');
    expect(a.editing.state().mode).toBe('read-only');
    expect(a.editing.state().notice).toMatch(/taken over in another tab/);
    expect(b.store.getState().composition).toBe('d');
    expect(a.store.dispatch({ type: 'setComposition', composition: 'a' }).ok).toBe(false);

    expect(b.store.dispatch({ type: 'editReportText', text: 'typed in B' }).ok).toBe(true);
    await until(() => b.editing.state().save.kind === 'saved', 'B saved');
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value?.composition).toBe('d');
    expect(back.ok && back.value?.reportText).toBe('typed in B');
    await until(() => a.store.getState().reportText === 'typed in B', 'A follows');
  });

  it('closing the editing tab lets the read-only tab edit, from what was stored', async () => {
    const a = openTab(draft(0), null);
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    const b = openTab(draft(0), null);
    await until(() => b.editing.state().mode === 'read-only', 'tab B read-only');
    a.store.dispatch({ type: 'setComposition', composition: 'b' });
    await a.editing.stop();
    await until(() => b.editing.state().mode === 'editing', 'tab B editing');
    expect(b.store.getState().composition).toBe('b');
    expect(b.store.dispatch({ type: 'editReportText', text: 'after A closed' }).ok).toBe(true);
    await until(() => b.editing.state().save.kind === 'saved', 'B saved');
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value?.reportText).toBe('after A closed');
    expect(back.ok && back.value?.composition).toBe('b');
  });

  it('take over with no answer from the editing tab goes back to read-only and says so', async () => {
    // Tab A hears no messages (as a frozen tab would not answer).
    const a = openTab(draft(0), null, { channel: null });
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    const b = openTab(draft(0), null);
    await until(() => b.editing.state().mode === 'read-only', 'tab B read-only');
    b.editing.takeOver();
    await until(() => b.editing.state().mode === 'read-only', 'back to read-only', 3000);
    expect(b.editing.state().notice).toMatch(/did not hand over editing/);
    expect(a.editing.state().mode).toBe('editing');
  });

  it('three tabs: the tab that takes over edits (not the one queued first), exactly one edits at any time, and every edit is stored', async () => {
    const a = openTab(draft(0), null);
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    const b = openTab(draft(0), null);
    const c = openTab(draft(0), null);
    await until(() => b.editing.state().mode === 'read-only' && c.editing.state().mode === 'read-only', 'tabs B and C read-only');
    const tabs = [a, b, c];
    const editingNow = (): number => tabs.filter((t) => t.editing.state().mode === 'editing').length;
    // Sampled all along: never two tabs editing.
    let most = 0;
    const watch = setInterval(() => {
      most = Math.max(most, editingNow());
    }, 1);
    try {
      expect(a.store.dispatch({ type: 'setComposition', composition: 'b' }).ok).toBe(true);
      // C takes over although B queued for the lock before it.
      c.editing.takeOver();
      await until(() => c.editing.state().mode === 'editing', 'tab C editing');
      expect(b.editing.state().mode).toBe('read-only');
      expect(a.editing.state().mode).toBe('read-only');
      expect(c.store.getState().composition).toBe('b');
      expect(c.store.dispatch({ type: 'editReportText', text: 'from C' }).ok).toBe(true);
      expect(a.store.dispatch({ type: 'setComposition', composition: 'c' }).ok).toBe(false);

      b.editing.takeOver();
      await until(() => b.editing.state().mode === 'editing', 'tab B editing');
      expect(c.editing.state().mode).toBe('read-only');
      expect(c.editing.state().notice).toMatch(/taken over in another tab/);
      expect(b.store.getState().reportText).toBe('from C');
      expect(b.store.dispatch({ type: 'setIndication', indication: 'diagnostic' }).ok).toBe(true);

      a.editing.takeOver();
      await until(() => a.editing.state().mode === 'editing', 'tab A editing again');
      expect(a.store.getState()).toMatchObject({ composition: 'b', reportText: 'from C', indication: 'diagnostic' });
      expect(a.store.dispatch({ type: 'setComposition', composition: 'd' }).ok).toBe(true);
      await until(() => a.editing.state().save.kind === 'saved', 'A saved');
      await until(() => b.store.getState().composition === 'd' && c.store.getState().composition === 'd', 'B and C follow');
    } finally {
      clearInterval(watch);
    }
    expect(most).toBe(1);
    expect(tabs.map((t) => t.editing.state().mode)).toEqual(['editing', 'read-only', 'read-only']);
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value).toMatchObject({ composition: 'd', reportText: 'from C', indication: 'diagnostic' });
  });

  it('two tabs taking over at once: both get to edit in turn (none is left waiting to time out), one edits in the end; nothing is lost', async () => {
    const a = openTab(draft(0), null);
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    const b = openTab(draft(0), null);
    const c = openTab(draft(0), null);
    await until(() => b.editing.state().mode === 'read-only' && c.editing.state().mode === 'read-only', 'tabs B and C read-only');
    a.store.dispatch({ type: 'setComposition', composition: 'c' });
    b.editing.takeOver();
    c.editing.takeOver();
    await until(() => [a, b, c].filter((t) => t.editing.state().mode === 'editing').length === 1 && [a, b, c].every((t) => t.editing.state().mode !== 'taking-over'), 'one tab editing, none waiting', 3000);
    // Whichever of the two A heard first edited, then handed over to the other.
    const [last, first] = c.editing.state().mode === 'editing' ? [c, b] : [b, c];
    expect(last.editing.state()).toMatchObject({ mode: 'editing', notice: expect.stringMatching(/handed over to this tab/) as unknown as string });
    expect(first.editing.state()).toMatchObject({ mode: 'read-only', notice: expect.stringMatching(/taken over in another tab/) as unknown as string });
    expect(a.editing.state().mode).toBe('read-only');
    expect(last.store.getState().composition).toBe('c');
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value?.composition).toBe('c');
  });

  it('without Web Locks the tab edits, and the compare-and-set still refuses a save over another tab\'s', async () => {
    const a = openTab(draft(0), null, { locks: null });
    const b = openTab(draft(0), null, { locks: null });
    expect(a.editing.state()).toMatchObject({ mode: 'editing', uncoordinated: true });
    a.store.dispatch({ type: 'setComposition', composition: 'c' });
    await until(() => a.editing.state().save.kind === 'saved', 'A saved');
    b.store.dispatch({ type: 'setComposition', composition: 'a' });
    await until(() => b.editing.state().save.kind === 'conflict', 'B refused');
    expect(b.editing.state().save).toEqual({ kind: 'conflict', storedRevision: 1, baseRevision: null });
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value?.composition).toBe('c');
  });

});

describe('a draft changed while its exam is not shown (saveNotShownDraft)', () => {
  it("a calcification measured while the exam's editing stops is saved after the stop, from the revision this tab saved; shown again, editing goes on with no conflict", async () => {
    const a = openTab(draft(0), null);
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    a.store.dispatch({ type: 'setComposition', composition: 'b' });
    await until(() => a.editing.state().save.kind === 'saved', 'A saved');
    const stopped = a.editing.stop();
    // The measurement comes back after the switch, before the stop's last save has finished.
    expect(a.store.dispatch({ type: 'editReportText', text: 'measured after the switch' }).ok).toBe(true);
    const r = await saveNotShownDraft(a.store, KEY, factory);
    await stopped;
    expect(r).toEqual({ ok: true, value: { kind: 'saved', revision: 2 } });
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value?.reportText).toBe('measured after the switch');
    const again = a.showAgain();
    await until(() => again.state().mode === 'editing', 'shown again, editing');
    expect(a.store.dispatch({ type: 'setComposition', composition: 'c' }).ok).toBe(true);
    await until(() => again.state().save.kind !== 'pending' && again.state().save.kind !== 'idle', 'saved again');
    expect(again.state().save).toEqual({ kind: 'saved', revision: 3 });
    const last = await loadDraft(KEY, factory);
    expect(last.ok && last.value).toMatchObject({ revision: 3, composition: 'c', reportText: 'measured after the switch' });
  });

  it("asked before the exam's editing has stopped: waits for its stop, and what the stop saved is not written again", async () => {
    const a = openTab(draft(0), null, { delayMs: 60_000 });
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    expect(a.store.dispatch({ type: 'editReportText', text: 'clicked just before the switch' }).ok).toBe(true);
    const r = saveNotShownDraft(a.store, KEY, factory);
    await a.editing.stop();
    // The stop's last save wrote it (no save went first and made the stop's a conflict).
    expect(a.editing.state().save).toEqual({ kind: 'saved', revision: 1 });
    expect(await r).toEqual({ ok: true, value: { kind: 'saved', revision: 1 } });
    const again = a.showAgain();
    await until(() => again.state().mode === 'editing', 'shown again, editing');
    expect(a.store.dispatch({ type: 'setComposition', composition: 'd' }).ok).toBe(true);
    await again.stop();
    expect(again.baseRevision()).toBe(2);
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value).toMatchObject({ revision: 2, composition: 'd', reportText: 'clicked just before the switch' });
  });

  it('another tab saved the same revision meanwhile: its draft is kept, this one is refused (conflict)', async () => {
    const a = openTab(draft(0), null);
    await until(() => a.editing.state().mode === 'editing', 'tab A editing');
    a.store.dispatch({ type: 'setComposition', composition: 'b' });
    await until(() => a.editing.state().save.kind === 'saved', 'A saved');
    const stopped = a.editing.stop();
    expect(a.store.dispatch({ type: 'editReportText', text: 'this tab, after the switch' }).ok).toBe(true);
    await stopped;
    // Another tab takes the exam over and saves its own revision 2 from revision 1.
    const other = await saveDraft(draft(2, { composition: 'b', reportText: 'typed in the other tab' }), factory, { baseRevision: 1 });
    expect(other).toEqual({ ok: true, value: { kind: 'saved', revision: 2 } });
    const r = await saveNotShownDraft(a.store, KEY, factory);
    expect(r).toEqual({ ok: true, value: { kind: 'conflict', storedRevision: 2, baseRevision: 1 } });
    const back = await loadDraft(KEY, factory);
    expect(back.ok && back.value?.reportText).toBe('typed in the other tab');
  });
});

describe('the edit gate', () => {
  it('a click while the tab is still checking waits for the answer: measured once the tab edits, refused once it is read-only', async () => {
    const gate = createEditGate();
    expect(gate.refusal()).toBe(CHECKING_OTHER_TABS);
    const first = decidedRefusal(gate, 1000);
    gate.set(null);
    expect(await first).toBeNull();
    gate.set(CHECKING_OTHER_TABS);
    const second = decidedRefusal(gate, 1000);
    gate.set('this tab is read-only');
    expect(await second).toBe('this tab is read-only');
    expect(await decidedRefusal(gate, 1000)).toBe('this tab is read-only');
  });

  it("an edit of an exam no longer shown passes the gate its stopped editing closed, which closes again at once; a read-only tab's gate stays shut", () => {
    const gate = createEditGate();
    const store = gatedDraftStore(createDraftStore(draft(0)), gate);
    expect(editWhileNotShown(gate, () => store.dispatch({ type: 'setComposition', composition: 'b' })).ok).toBe(true);
    expect(gate.refusal()).toBe(CHECKING_OTHER_TABS);
    expect(store.dispatch({ type: 'setComposition', composition: 'c' }).ok).toBe(false);
    gate.set('another tab edits this exam');
    expect(editWhileNotShown(gate, () => store.dispatch({ type: 'setComposition', composition: 'd' }))).toEqual({ ok: false, error: { kind: 'read-only', message: 'another tab edits this exam' } });
    expect(store.getState().composition).toBe('b');
  });

  it('a gated store changes only by loading the stored draft while closed', () => {
    const gate = createEditGate('read-only here');
    const store = gatedDraftStore(createDraftStore(draft(0)), gate);
    expect(store.dispatch({ type: 'setComposition', composition: 'b' })).toEqual({ ok: false, error: { kind: 'read-only', message: 'read-only here' } });
    expect(store.discard()).toBe(store.getState());
    store.load(draft(5, { composition: 'c' }));
    expect(store.getState().composition).toBe('c');
    gate.set(null);
    expect(store.dispatch({ type: 'setComposition', composition: 'b' }).ok).toBe(true);
    expect(store.getState().revision).toBe(6);
  });
});
