import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { emptyDraft, fakeStore } from './draft-fixtures.js';
import { analyzeFinding } from '../../src/core/analyze.js';
import { applyDraftAction } from '../../src/core/draft/apply-draft-action.js';
import { draftImageFrom, newExamDraft } from '../../src/core/draft/new-exam-draft.js';
import { renderScene } from '../core/segment/synthetic.js';
import { DRAFT_DATABASE, DRAFT_STORE, discardDraft, loadDraft, restoreDraft, saveDraft, startAutosave } from '../../src/viewer/autosave/index.js';

const draft = (revision: number, over: Partial<ExamDraft> = {}): ExamDraft => emptyDraft('2.25.1', revision, over);


let factory: IDBFactory;

/** Writes a record as is, bypassing saveDraft (what an older or broken version might have left). */
function putRaw(key: string, value: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = factory.open(DRAFT_DATABASE);
    req.onupgradeneeded = () => req.result.createObjectStore(DRAFT_STORE);
    req.onsuccess = () => {
      const tx = req.result.transaction(DRAFT_STORE, 'readwrite');
      tx.objectStore(DRAFT_STORE).put(value, key);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
beforeEach(() => {
  factory = new IDBFactory();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saveDraft / loadDraft / discardDraft', () => {
  it('stores a draft under its exam key and reads it back equal', async () => {
    const d = draft(3, { reportText: 'Findings: edited', composition: 'c' });
    const saved = await saveDraft(d, factory);
    expect(saved).toEqual({ ok: true, value: { kind: 'saved', revision: 3 } });
    const back = await loadDraft('2.25.1', factory);
    expect(back).toEqual({ ok: true, value: d });
  });

  it('returns null for an exam with no saved draft', async () => {
    expect(await loadDraft('2.25.999', factory)).toEqual({ ok: true, value: null });
  });

  it('keeps drafts of different exams apart', async () => {
    await saveDraft(draft(1, { examKey: 'A', reportText: 'a' }), factory);
    await saveDraft(draft(7, { examKey: 'B', reportText: 'b' }), factory);
    const a = await loadDraft('A', factory);
    const b = await loadDraft('B', factory);
    expect(a.ok && a.value?.reportText).toBe('a');
    expect(b.ok && b.value?.reportText).toBe('b');
  });

  it('never replaces a newer revision with an older one', async () => {
    await saveDraft(draft(5, { reportText: 'newer' }), factory);
    const r = await saveDraft(draft(4, { reportText: 'older' }), factory);
    expect(r).toEqual({ ok: true, value: { kind: 'kept-newer', storedRevision: 5 } });
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('newer');
    expect(back.ok && back.value?.revision).toBe(5);
  });

  it('replaces a draft with a later revision and accepts the same revision again', async () => {
    await saveDraft(draft(5, { reportText: 'five' }), factory);
    await saveDraft(draft(6, { reportText: 'six' }), factory);
    expect((await loadDraft('2.25.1', factory)).ok && ((await loadDraft('2.25.1', factory)) as { value: ExamDraft }).value.reportText).toBe('six');
    const same = await saveDraft(draft(6, { reportText: 'six again' }), factory);
    expect(same).toEqual({ ok: true, value: { kind: 'saved', revision: 6 } });
  });

  it('discardDraft deletes only that exam', async () => {
    await saveDraft(draft(1, { examKey: 'A' }), factory);
    await saveDraft(draft(1, { examKey: 'B' }), factory);
    expect(await discardDraft('A', factory)).toEqual({ ok: true, value: undefined });
    expect(await loadDraft('A', factory)).toEqual({ ok: true, value: null });
    const b = await loadDraft('B', factory);
    expect(b.ok && b.value?.examKey).toBe('B');
  });

  it('reports a stored value that is not a draft instead of returning it', async () => {
    await saveDraft(draft(1), factory);
    await putRaw('broken', { hello: 'world' });
    const r = await loadDraft('broken', factory);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not a draft/);
  });

  it('reports a saved draft whose text is not a valid draft', async () => {
    await putRaw('corrupt', { revision: 3, text: '{"schema":"something-else"}' });
    const r = await loadDraft('corrupt', factory);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^the saved draft of exam corrupt cannot be read: /);
  });

  it('refuses a draft stored under another exam key', async () => {
    await putRaw('2.25.other', { revision: 1, text: JSON.stringify(draft(1)) });
    const r = await loadDraft('2.25.other', factory);
    expect(r).toEqual({ ok: false, message: 'the draft saved under exam 2.25.other belongs to exam 2.25.1' });
  });

  it('keeps a draft with real measurements, overrides and history exactly', async () => {
    const image = renderScene({ rows: 80, columns: 80, rowSpacingMm: 0.07, columnSpacingMm: 0.07, shapes: [{ kind: 'ring', cx: 2.5, cy: 2.5, rOuter: 0.6, rInner: 0.35, contrast: 300 }], noise: 5, seed: 4 });
    const analysed = analyzeFinding(image, { seeds: [{ x: 36, y: 36 }] });
    if (!analysed.ok) throw new Error(analysed.error.message);
    const c = analysed.value.calcifications[0];
    if (c === undefined) throw new Error('no calcification');
    let d = newExamDraft('2.25.77', [draftImageFrom(image, 'img-1', 'current', null)]);
    for (const action of [
      { type: 'addCalcifications', imageId: 'img-1', items: [{ seed: { x: 36, y: 36 }, contour: c.outline.contour, measurements: c.measurements }] },
      { type: 'setHistory', history: { events: [{ kind: 'lumpectomy', side: 'right', date: '2019-05-02', site: 'upper outer quadrant' }], implants: false, injections: false, conditions: [] } },
      { type: 'editReportText', text: 'Typed by the radiologist.' },
    ] as const) {
      const r = applyDraftAction(d, action);
      if (!r.ok) throw new Error(r.error.message);
      d = r.value;
    }
    const findingId = d.findings[0]?.id ?? '';
    const o = applyDraftAction(d, { type: 'overrideTerms', findingId, overrides: { morphology: ['dystrophic'] } });
    if (!o.ok) throw new Error(o.error.message);
    d = o.value;
    expect(await saveDraft(d, factory)).toEqual({ ok: true, value: { kind: 'saved', revision: 4 } });
    expect(await loadDraft('2.25.77', factory)).toEqual({ ok: true, value: d });
  });

  it('fails with a message when the database cannot be opened', async () => {
    const broken = { open: () => { throw new Error('denied'); } } as unknown as IDBFactory;
    const r2 = await loadDraft('2.25.1', broken);
    expect(r2).toEqual({ ok: false, message: 'the draft database could not be opened (Error: denied)' });
  });
});

describe('restoreDraft', () => {
  it('gives the saved draft after a reload, else the fresh one', async () => {
    const fresh = draft(0);
    expect(await restoreDraft(fresh, factory)).toEqual({ ok: true, value: { draft: fresh, restored: false } });
    await saveDraft(draft(9, { reportText: 'typed before the crash' }), factory);
    const r = await restoreDraft(fresh, factory);
    expect(r.ok && r.value.restored).toBe(true);
    expect(r.ok && r.value.draft.reportText).toBe('typed before the crash');
  });

  it('an exam saved with some of its files and opened again with more: the work comes back and every image opened can be measured', async () => {
    const image = renderScene({ rows: 80, columns: 80, rowSpacingMm: 0.07, columnSpacingMm: 0.07, shapes: [{ kind: 'ring', cx: 2.5, cy: 2.5, rOuter: 0.6, rInner: 0.35, contrast: 300 }], noise: 5, seed: 4 });
    const analysed = analyzeFinding(image, { seeds: [{ x: 36, y: 36 }] });
    if (!analysed.ok) throw new Error(analysed.error.message);
    const c = analysed.value.calcifications[0];
    if (c === undefined) throw new Error('no calcification');
    const item = { seed: { x: 36, y: 36 }, contour: c.outline.contour, measurements: c.measurements };
    const before = newExamDraft('2.25.78', [draftImageFrom(image, 'img-1', 'current', null), draftImageFrom(image, 'img-not-opened-again', 'current', null)]);
    const measured = applyDraftAction(before, { type: 'addCalcifications', imageId: 'img-1', items: [item] });
    if (!measured.ok) throw new Error(measured.error.message);
    await saveDraft(measured.value, factory);

    const fresh = newExamDraft('2.25.78', [draftImageFrom(image, 'img-1', 'current', null), draftImageFrom(image, 'img-2', 'current', null)]);
    const r = await restoreDraft(fresh, factory);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.restored).toBe(true);
    expect(r.value.draft.images.map((i) => i.imageId)).toEqual(['img-1', 'img-2', 'img-not-opened-again']);
    expect(r.value.draft.calcifications).toEqual(measured.value.calcifications);
    expect(r.value.draft.revision).toBe(measured.value.revision);
    const onNewImage = applyDraftAction(r.value.draft, { type: 'addCalcifications', imageId: 'img-2', items: [item] });
    expect(onNewImage.ok).toBe(true);
    // Without the images opened now, the saved draft refuses a measurement on the new image.
    expect(applyDraftAction(measured.value, { type: 'addCalcifications', imageId: 'img-2', items: [item] }).ok).toBe(false);
  });
});

describe('startAutosave', () => {
  it('saves once after a burst of revisions, with the latest revision', async () => {
    const store = fakeStore(draft(0));
    const results: number[] = [];
    const auto = startAutosave(store, '2.25.1', {
      factory,
      delayMs: 40,
      documentTarget: null,
      windowTarget: null,
      onResult: (r) => {
        if (r.ok && r.value.kind === 'saved') results.push(r.value.revision);
      },
    });
    store.set(draft(1));
    store.set(draft(2));
    store.set(draft(3, { reportText: 'last' }));
    expect(results).toEqual([]);
    await new Promise((r) => setTimeout(r, 120));
    await auto.flush();
    expect(results).toEqual([3]);
    expect(auto.savedRevision()).toBe(3);
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('last');
    await auto.stop();
  });

  it('saves at once on pagehide and when the page becomes hidden', async () => {
    const store = fakeStore(draft(0));
    const win = new EventTarget();
    const doc = new EventTarget();
    const auto = startAutosave(store, '2.25.1', { factory, delayMs: 60_000, documentTarget: doc, windowTarget: win });
    store.set(draft(1, { reportText: 'before leaving' }));
    win.dispatchEvent(new Event('pagehide'));
    await auto.flush();
    expect(auto.savedRevision()).toBe(1);
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('before leaving');
    await auto.stop();
  });

  it('saves at once when the document becomes hidden, not when it becomes visible', async () => {
    const store = fakeStore(draft(0));
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const auto = startAutosave(store, '2.25.1', { factory, delayMs: 60_000, documentTarget: doc, windowTarget: null });
    store.set(draft(1));
    doc.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 20));
    expect(auto.savedRevision()).toBeNull();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 50));
    expect(auto.savedRevision()).toBe(1);
    await auto.stop();
  });

  it('stop saves the pending revision and then ignores later ones', async () => {
    const store = fakeStore(draft(0));
    const auto = startAutosave(store, '2.25.1', { factory, delayMs: 60_000, documentTarget: null, windowTarget: null });
    store.set(draft(4, { reportText: 'pending' }));
    await auto.stop();
    expect(auto.savedRevision()).toBe(4);
    store.set(draft(5, { reportText: 'after stop' }));
    await new Promise((r) => setTimeout(r, 20));
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.revision).toBe(4);
  });

  it('discard deletes the saved draft, saves no more of it, and then saves the fresh draft', async () => {
    const store = fakeStore(draft(0));
    const auto = startAutosave(store, '2.25.1', { factory, delayMs: 10, documentTarget: null, windowTarget: null });
    store.set(draft(8, { reportText: 'to be discarded' }));
    await auto.flush();
    expect(auto.savedRevision()).toBe(8);
    expect(await auto.discard()).toEqual({ ok: true, value: undefined });
    expect(await loadDraft('2.25.1', factory)).toEqual({ ok: true, value: null });
    await auto.flush();
    expect(await loadDraft('2.25.1', factory)).toEqual({ ok: true, value: null });
    store.set(draft(0, { reportText: 'fresh' }));
    await auto.flush();
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('fresh');
    expect(auto.savedRevision()).toBe(0);
    await auto.stop();
  });

  it('does not save a revision of another exam under this key', async () => {
    const store = fakeStore(draft(0));
    const auto = startAutosave(store, '2.25.1', { factory, delayMs: 10, documentTarget: null, windowTarget: null });
    store.set(draft(2, { examKey: '2.25.other' }));
    await auto.flush();
    expect(auto.savedRevision()).toBeNull();
    expect(await loadDraft('2.25.other', factory)).toEqual({ ok: true, value: null });
    await auto.stop();
  });

  it('does not overwrite a newer revision saved by another tab', async () => {
    await saveDraft(draft(10, { reportText: 'other tab' }), factory);
    const store = fakeStore(draft(0));
    const outcomes: string[] = [];
    const auto = startAutosave(store, '2.25.1', {
      factory,
      delayMs: 10,
      documentTarget: null,
      windowTarget: null,
      onResult: (r) => outcomes.push(r.ok ? r.value.kind : 'failed'),
    });
    store.set(draft(3, { reportText: 'this tab' }));
    await auto.flush();
    expect(outcomes).toEqual(['kept-newer']);
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('other tab');
    await auto.stop();
  });
});

describe('saveDraft with the revision it was made from (compare-and-set)', () => {
  it('writes over the base revision only', async () => {
    expect(await saveDraft(draft(1, { reportText: 'first' }), factory, { baseRevision: null })).toEqual({ ok: true, value: { kind: 'saved', revision: 1 } });
    expect(await saveDraft(draft(2, { reportText: 'second' }), factory, { baseRevision: 1 })).toEqual({ ok: true, value: { kind: 'saved', revision: 2 } });
    // A tab that read revision 1 (or nothing) does not write over revision 2, even with a higher revision.
    expect(await saveDraft(draft(7, { reportText: 'other tab' }), factory, { baseRevision: 1 })).toEqual({ ok: true, value: { kind: 'conflict', storedRevision: 2, baseRevision: 1 } });
    expect(await saveDraft(draft(1, { reportText: 'fresh tab' }), factory, { baseRevision: null })).toEqual({ ok: true, value: { kind: 'conflict', storedRevision: 2, baseRevision: null } });
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('second');
  });

  it('refuses a base that is no longer stored (discarded meanwhile)', async () => {
    expect(await saveDraft(draft(4), factory, { baseRevision: 3 })).toEqual({ ok: true, value: { kind: 'conflict', storedRevision: null, baseRevision: 3 } });
    expect(await loadDraft('2.25.1', factory)).toEqual({ ok: true, value: null });
  });
});

describe('startAutosave with a base revision', () => {
  it('two autosaves from the same stored revision: the second is refused, not written over the first', async () => {
    await saveDraft(draft(3, { reportText: 'stored' }), factory);
    const one = fakeStore(draft(3));
    const two = fakeStore(draft(3));
    const outcomes: string[] = [];
    const opts = { factory, delayMs: 60_000, documentTarget: null, windowTarget: null, baseRevision: 3 } as const;
    const a = startAutosave(one, '2.25.1', { ...opts, onResult: (r) => outcomes.push(r.ok ? r.value.kind : r.message) });
    const b = startAutosave(two, '2.25.1', { ...opts, onResult: (r) => outcomes.push(r.ok ? r.value.kind : r.message) });
    one.set(draft(4, { reportText: 'tab one' }));
    await a.flush();
    two.set(draft(4, { reportText: 'tab two' }));
    await b.flush();
    // Tab one goes on from its own save.
    one.set(draft(5, { reportText: 'tab one again' }));
    await a.flush();
    expect(outcomes).toEqual(['saved', 'conflict', 'saved']);
    expect(a.baseRevision()).toBe(5);
    expect(b.baseRevision()).toBe(3);
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('tab one again');
    await a.stop();
    await b.stop();
  });

  it('saves nothing while paused, and does not save again a draft adopted from the store', async () => {
    const store = fakeStore(draft(0));
    const auto = startAutosave(store, '2.25.1', { factory, delayMs: 5, documentTarget: null, windowTarget: null, baseRevision: null });
    auto.pause();
    store.set(draft(1, { reportText: 'while read-only' }));
    await new Promise((r) => setTimeout(r, 30));
    await auto.flush();
    expect(await loadDraft('2.25.1', factory)).toEqual({ ok: true, value: null });
    await saveDraft(draft(6, { reportText: 'from the other tab' }), factory);
    auto.adoptStored(6);
    store.set(draft(6, { reportText: 'from the other tab' }));
    auto.resume();
    await auto.flush();
    expect(auto.baseRevision()).toBe(6);
    store.set(draft(7, { reportText: 'edited here' }));
    await auto.flush();
    const back = await loadDraft('2.25.1', factory);
    expect(back.ok && back.value?.reportText).toBe('edited here');
    await auto.stop();
  });
});
