import { describe, expect, it } from 'vitest';
import { createDraftStore, getCurrentDraftStore, setCurrentDraftStore, TYPING_PAUSE_MS } from '../../extensions/calcification/draft-store.js';
import { newExamDraft } from '../../src/core/draft/index.js';

const image = {
  imageId: 'RCC',
  laterality: 'R' as const,
  view: 'CC' as const,
  viewModifiers: [],
  calibration: { kind: 'detector' as const, rowSpacingMm: 0.1, columnSpacingMm: 0.1, source: 'test' },
  geometry: null,
  role: 'current' as const,
};

describe('the draft store', () => {
  it('tells subscribers of every change, and stops after unsubscribe', () => {
    const store = createDraftStore(newExamDraft('exam', [image]));
    const seen: (string | null)[] = [];
    const off = store.subscribe(() => seen.push(store.getState().composition));
    expect(store.dispatch({ type: 'setComposition', composition: 'b' }).ok).toBe(true);
    expect(store.dispatch({ type: 'setComposition', composition: 'c' }).ok).toBe(true);
    off();
    store.dispatch({ type: 'setComposition', composition: 'd' });
    expect(seen).toEqual(['b', 'c']);
  });

  it('keeps the same state object while nothing changes, so React does not re-render', () => {
    const store = createDraftStore(newExamDraft('exam', [image]));
    const a = store.getState();
    expect(store.getState()).toBe(a);
    let calls = 0;
    store.subscribe(() => calls++);
    const refused = store.dispatch({ type: 'setPriorDate', date: 'last year' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'bad-argument' } });
    expect(store.getState()).toBe(a);
    expect(calls).toBe(0);
  });

  it('undoes and redoes, and says when it can', () => {
    // Two edits of the report text with a pause between them (typed in one go they would be one step).
    let t = 0;
    const store = createDraftStore(newExamDraft('exam', [image]), undefined, { now: () => t });
    expect(store.canUndo()).toBe(false);
    expect(store.undo().ok).toBe(false);
    store.dispatch({ type: 'editReportText', text: 'one' });
    t += TYPING_PAUSE_MS;
    store.dispatch({ type: 'editReportText', text: 'two' });
    expect(store.undo()).toMatchObject({ ok: true, value: { reportText: 'one' } });
    expect(store.canRedo()).toBe(true);
    expect(store.redo()).toMatchObject({ ok: true, value: { reportText: 'two' } });
    expect(store.canRedo()).toBe(false);
    expect(store.getHistory().past).toHaveLength(2);
  });

  it('keystrokes typed in one go are one undo step; a pause starts another, and no letter is lost', () => {
    let t = 0;
    const store = createDraftStore(newExamDraft('exam', [image]), undefined, { now: () => t });
    for (const text of ['F', 'Fi', 'Fin', 'Fine']) {
      t += 150;
      store.dispatch({ type: 'editReportText', text });
    }
    t += TYPING_PAUSE_MS + 1;
    for (const text of ['Fine ', 'Fine c', 'Fine ca']) {
      t += 150;
      store.dispatch({ type: 'editReportText', text });
    }
    expect(store.getState().reportText).toBe('Fine ca');
    expect(store.getHistory().past).toHaveLength(2);
    expect(store.undo()).toMatchObject({ ok: true, value: { reportText: 'Fine' } });
    expect(store.undo()).toMatchObject({ ok: true, value: { reportText: null } });
    expect(store.redo()).toMatchObject({ ok: true, value: { reportText: 'Fine' } });
    expect(store.redo()).toMatchObject({ ok: true, value: { reportText: 'Fine ca' } });
  });

  it('loads another draft without undo steps, and discards to an empty draft with a higher revision', () => {
    const store = createDraftStore(newExamDraft('exam', [image]));
    store.dispatch({ type: 'editReportText', text: 'typed' });
    const restored = { ...newExamDraft('exam', [image]), reportText: 'restored', revision: 9 };
    store.load(restored);
    expect(store.getState()).toBe(restored);
    expect(store.canUndo()).toBe(false);
    const empty = store.discard();
    expect(empty.reportText).toBeNull();
    expect(empty.images).toEqual([image]);
    expect(empty.revision).toBe(10);
    expect(store.canUndo()).toBe(false);
  });

  it('keeps one current store for the commands and the panel', () => {
    const store = createDraftStore(newExamDraft('exam', [image]));
    setCurrentDraftStore(store);
    expect(getCurrentDraftStore()).toBe(store);
    setCurrentDraftStore(null);
    expect(getCurrentDraftStore()).toBeNull();
  });

  it('discards to the draft as the exam supplied it (clinical context, the loaded prior\'s date), not to an empty history', () => {
    const fresh = { ...newExamDraft('exam', [image]), composition: 'b' as const, priorDate: '2024-03-12', indication: 'screening' as const };
    const store = createDraftStore({ ...fresh, reportText: 'restored', revision: 4 }, fresh);
    store.dispatch({ type: 'editReportText', text: 'typed' });
    const back = store.discard();
    expect([back.composition, back.priorDate, back.indication, back.reportText]).toEqual(['b', '2024-03-12', 'screening', null]);
    expect(back.revision).toBe(6);
  });
});
