/**
 * The calcifications of one rectangle or lasso go into the draft store as one undoable step: one
 * finding holding all of them, one undo takes every one back, one redo brings them all again.
 * Real measurements of the sample exam (the left breast's vascular calcifications and fine
 * pleomorphic group: together wider than 2 cm, so the grouping rule alone does not make them one finding).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import type { NewCalcification } from '../../src/core/draft/index.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from '../core/draft/sample-exam.js';

let lcc: SampleImage;
let items: NewCalcification[];

beforeAll(async () => {
  lcc = await loadSampleImage('LCC');
  items = [...clickGroup(lcc, 'L1'), ...clickGroup(lcc, 'L2')];
});

describe('a region in the draft store', () => {
  it('without `together` the proximity rule alone makes several findings of these calcifications (the case below needs the merge)', () => {
    const store = createDraftStore(sampleDraft([lcc]));
    expect(store.dispatch({ type: 'addCalcifications', imageId: 'LCC', items }).ok).toBe(true);
    expect(store.getState().findings.length).toBeGreaterThanOrEqual(2);
  });

  it('is one finding with every calcification, made in one step that one undo takes back and one redo brings again', () => {
    const store = createDraftStore(sampleDraft([lcc]));
    expect(items.length).toBeGreaterThanOrEqual(6);
    let emitted = 0;
    store.subscribe(() => emitted++);
    const r = store.dispatch({ type: 'addCalcifications', imageId: 'LCC', items, together: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(emitted).toBe(1);
    expect(store.getHistory().past).toHaveLength(1);
    const made = store.getState();
    expect(made.calcifications).toHaveLength(items.length);
    expect(made.findings).toHaveLength(1);
    expect([...(made.findings[0]?.calcificationIds ?? [])].sort()).toEqual(made.calcifications.map((c) => c.id).sort());
    // The calcifications come in the order given (the viewer links each annotation by position).
    expect(made.calcifications.map((c) => c.seed)).toEqual(items.map((i) => i.seed));

    expect(store.undo().ok).toBe(true);
    expect(store.getState().calcifications).toEqual([]);
    expect(store.getState().findings).toEqual([]);
    expect(store.canUndo()).toBe(false);

    expect(store.redo().ok).toBe(true);
    expect(store.getState().calcifications.map((c) => c.id)).toEqual(made.calcifications.map((c) => c.id));
    expect(store.getState().findings).toEqual(made.findings);
  });

  it('after a click, a region undoes alone: the clicked calcification stays', () => {
    const store = createDraftStore(sampleDraft([lcc]));
    const [one, ...rest] = items;
    if (one === undefined) throw new Error('no calcification measured');
    expect(store.dispatch({ type: 'addCalcifications', imageId: 'LCC', items: [one] }).ok).toBe(true);
    const afterClick = store.getState();
    expect(store.dispatch({ type: 'addCalcifications', imageId: 'LCC', items: rest, together: true }).ok).toBe(true);
    expect(store.getState().calcifications.length).toBe(afterClick.calcifications.length + rest.length);
    store.undo();
    expect(store.getState().calcifications).toEqual(afterClick.calcifications);
    expect(store.getState().findings).toEqual(afterClick.findings);
  });

  it('a refused region changes nothing', () => {
    const store = createDraftStore(sampleDraft([lcc]));
    const before = store.getState();
    expect(store.dispatch({ type: 'addCalcifications', imageId: 'nope', items, together: true }).ok).toBe(false);
    expect(store.getState()).toBe(before);
    expect(store.canUndo()).toBe(false);
  });
});
