/**
 * Correcting an outline through the draft store: the calcification is re-measured from the edited
 * outline (the core's remeasureOutline), the finding's descriptors, suggestion and wording follow,
 * and the edit undoes and redoes like any other draft action.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import { deriveFinding, editOutlineAction } from '../../src/core/draft/index.js';
import { backgroundOfMeasurement, measureOutline } from '../../src/core/measure/measure-outline.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from '../core/draft/sample-exam.js';

let rcc: SampleImage;

beforeAll(async () => {
  rcc = await loadSampleImage('RCC');
});

function storeWithOneCalcification() {
  const clicked = clickGroup(rcc, 'R1');
  const item = clicked.find((c) => (c.measurements.longAxis.mm ?? 0) > 1);
  if (item === undefined) throw new Error('no calcification of R1 over 1 mm');
  const store = createDraftStore(sampleDraft([rcc]));
  const r = store.dispatch({ type: 'addCalcifications', imageId: 'RCC', items: [item] });
  if (!r.ok) throw new Error(r.error.message);
  const c = r.value.calcifications[0];
  const f = r.value.findings[0];
  if (c === undefined || f === undefined) throw new Error('nothing added');
  return { store, c, f };
}

describe('editing an outline', () => {
  it('re-measures the calcification from the edited outline and recomputes the finding', () => {
    const { store, c, f } = storeWithOneCalcification();
    const before = deriveFinding(store.getState(), f.id);
    if (!before.ok) throw new Error(before.error.message);
    const centre = c.measurements.centre;
    // Stretched to twice its length along x: the long axis grows, the outline is no longer the segmented one.
    const stretched = c.contour.map((p) => ({ x: centre.x + 2 * (p.x - centre.x), y: p.y }));
    const action = editOutlineAction(store.getState(), rcc.image, c.id, stretched);
    if (!action.ok) throw new Error(action.error.message);
    expect(store.dispatch(action.value).ok).toBe(true);

    const edited = store.getState().calcifications[0];
    expect(edited?.edited).toBe(true);
    expect(edited?.contour).toEqual(stretched);
    expect(edited?.measurements.longAxis.px).toBeGreaterThan(1.5 * c.measurements.longAxis.px);
    expect(edited?.measurements.area.px2).toBeCloseTo(2 * c.measurements.area.px2, 6);
    // The same numbers the core gives for that outline against the background it was first measured against.
    const bg = backgroundOfMeasurement(rcc.image, c.contour, c.measurements);
    expect(bg).not.toBeNull();
    expect(measureOutline(rcc.image, stretched, bg!, c.seed)).toEqual(edited?.measurements);

    const after = deriveFinding(store.getState(), f.id);
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.sizeRange.max).toBeGreaterThan(before.value.sizeRange.max + 0.5);
    expect(after.value.wording).not.toBe(before.value.wording);
    expect(after.value.wording).toContain(`${after.value.sizeRange.max.toFixed(1)} mm`);
    expect(after.value.morphology).not.toEqual(before.value.morphology);
  });

  it('undoes and redoes like any other draft action', () => {
    const { store, c, f } = storeWithOneCalcification();
    const wordingOf = (): string => {
      const d = deriveFinding(store.getState(), f.id);
      if (!d.ok) throw new Error(d.error.message);
      return d.value.wording;
    };
    const original = wordingOf();
    const centre = c.measurements.centre;
    const shrunk = c.contour.map((p) => ({ x: centre.x + 0.6 * (p.x - centre.x), y: centre.y + 0.6 * (p.y - centre.y) }));
    const action = editOutlineAction(store.getState(), rcc.image, c.id, shrunk);
    if (!action.ok) throw new Error(action.error.message);
    store.dispatch(action.value);
    const edited = store.getState().calcifications[0];
    const editedWording = wordingOf();
    // Measured as the core measures any outline (the long axis reaches the edge the image shows
    // beyond it, at most 1.5 px per end): shorter than before, and what measureOutline gives.
    const bg = backgroundOfMeasurement(rcc.image, c.contour, c.measurements);
    expect(edited?.measurements).toEqual(measureOutline(rcc.image, shrunk, bg!, c.seed));
    expect(edited?.measurements.longAxis.px).toBeLessThan(0.6 * c.measurements.longAxis.px + 3);
    expect(edited?.measurements.longAxis.px).toBeLessThan(0.8 * c.measurements.longAxis.px);

    expect(store.undo().ok).toBe(true);
    expect(store.getState().calcifications[0]).toEqual(c);
    expect(wordingOf()).toBe(original);
    expect(store.redo().ok).toBe(true);
    expect(store.getState().calcifications[0]).toEqual(edited);
    expect(wordingOf()).toBe(editedWording);
  });

  it('refuses an unknown calcification and a degenerate outline, changing nothing', () => {
    const { store, c } = storeWithOneCalcification();
    expect(editOutlineAction(store.getState(), rcc.image, 'nope', c.contour).ok).toBe(false);
    expect(editOutlineAction(store.getState(), rcc.image, c.id, c.contour.slice(0, 2)).ok).toBe(false);
    expect(editOutlineAction(store.getState(), rcc.image, c.id, [...c.contour.slice(0, 3), { x: Number.NaN, y: 1 }]).ok).toBe(false);
    expect(store.canUndo()).toBe(true);
    expect(store.getState().calcifications[0]).toEqual(c);
  });
});
