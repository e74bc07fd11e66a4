/**
 * The nipple marker annotations run the extension's placeNipple command on the draft store, and
 * the draft's location changes with them: placing, moving (once, when the drag ends), replacing
 * and deleting a marker; a marker dropped because the draft no longer has it clears nothing.
 */
import { Enums } from '@cornerstonejs/tools';
import { describe, expect, it } from 'vitest';
import { nippleMarkerPlacement, NIPPLE_MARKER_TOOL, type CalcificationAnnotationShape, type WorldToPixel } from '../../extensions/calcification/annotation-mapping.js';
import { calcificationCommands } from '../../extensions/calcification/commands-module.js';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import { followNippleMarkers, MARKER_EVENTS } from '../../extensions/calcification/follow-nipple-markers.js';
import { newExamDraft, type DraftImage } from '../../src/core/draft/index.js';

// A detector plane at z = 0 with 0.125 mm pixels (exact in binary).
const worldToPixel: WorldToPixel = (_id, w) => ({ x: w[0] / 0.125, y: w[1] / 0.125 });
const world = (x: number, y: number): [number, number, number] => [x * 0.125, y * 0.125, 0];

const image = { imageId: 'uid-RCC', laterality: 'R', view: 'CC', role: 'current', rows: 100, columns: 80, geometry: null } as unknown as DraftImage;

type Marker = CalcificationAnnotationShape & { annotationUID: string };
const marker = (uid: string, x: number, y: number, toolName = NIPPLE_MARKER_TOOL): Marker => ({
  annotationUID: uid,
  metadata: { toolName, referencedImageId: 'cs:RCC' },
  data: { handles: { points: [world(x, y)] } },
});

function setUp() {
  const store = createDraftStore(newExamDraft('2.25.9', [image]));
  const place = calcificationCommands({ store })['calcscribe.placeNipple']!.commandFn;
  let onScreen: Marker[] = [];
  const target = new EventTarget();
  const messages: string[] = [];
  const fire = (type: string, a: Marker, detail: Record<string, unknown> = {}) => target.dispatchEvent(new CustomEvent(type, { detail: { annotation: a, ...detail } }));
  const stop = followNippleMarkers(target, {
    worldToPixel,
    toDraftImageId: (id) => (id === 'cs:RCC' ? 'uid-RCC' : null),
    markerOf: (id) => store.getState().nippleMarkers[id],
    placeNipple: place,
    markers: () => onScreen,
    remove: (uid) => {
      const gone = onScreen.find((m) => m.annotationUID === uid);
      onScreen = onScreen.filter((m) => m.annotationUID !== uid);
      if (gone !== undefined) fire(MARKER_EVENTS.removed, gone);
    },
    say: (m) => messages.push(m),
  });
  return {
    store,
    messages,
    stop,
    fire,
    show: (m: Marker) => {
      onScreen = [...onScreen, m];
    },
    onScreen: () => onScreen,
  };
}

describe('nipple markers follow into the draft', () => {
  it('uses the Cornerstone tools event and change-type names', () => {
    expect(MARKER_EVENTS).toEqual({
      completed: Enums.Events.ANNOTATION_COMPLETED,
      modified: Enums.Events.ANNOTATION_MODIFIED,
      removed: Enums.Events.ANNOTATION_REMOVED,
    });
    expect(Enums.ChangeTypes.Completed).toBe('Completed');
  });

  it('reads a marker as the draft image id and stored-image pixels, refusing other annotations with the reason', () => {
    expect(nippleMarkerPlacement(marker('a', 12, 34), worldToPixel, () => 'uid-RCC')).toEqual({ ok: true, value: { imageId: 'uid-RCC', point: { x: 12, y: 34 } } });
    const other = nippleMarkerPlacement(marker('b', 1, 1, 'Length'), worldToPixel);
    expect(!other.ok && other.error.message).toMatch(/not a nipple marker/);
    const elsewhere = nippleMarkerPlacement(marker('c', 1, 1), worldToPixel, () => null);
    expect(!elsewhere.ok && elsewhere.error.message).toMatch(/not in this exam/);
  });

  it('places, moves once per drag, replaces and deletes the marker; each step undoable', () => {
    const t = setUp();
    const first = marker('m1', 10, 20);
    t.show(first);
    t.fire(MARKER_EVENTS.completed, first);
    expect(t.store.getState().nippleMarkers).toEqual({ 'uid-RCC': { x: 10, y: 20 } });

    // While dragging nothing changes; the drag's end moves the marker, as one step.
    const moved = { ...first, data: { handles: { points: [world(15, 25)] } } };
    t.fire(MARKER_EVENTS.modified, moved, { changeType: 'HandlesUpdated' });
    expect(t.store.getState().nippleMarkers['uid-RCC']).toEqual({ x: 10, y: 20 });
    t.fire(MARKER_EVENTS.modified, moved, { changeType: 'Completed' });
    expect(t.store.getState().nippleMarkers['uid-RCC']).toEqual({ x: 15, y: 25 });
    expect(t.store.undo().ok).toBe(true);
    expect(t.store.getState().nippleMarkers['uid-RCC']).toEqual({ x: 10, y: 20 });
    expect(t.store.redo().ok).toBe(true);

    // A second marker replaces the first: its annotation goes, and the draft keeps the new one.
    const second = marker('m2', 40, 50);
    t.show(second);
    t.fire(MARKER_EVENTS.completed, second);
    expect(t.onScreen().map((m) => m.annotationUID)).toEqual(['m2']);
    expect(t.store.getState().nippleMarkers).toEqual({ 'uid-RCC': { x: 40, y: 50 } });

    // Deleting the marker the draft has removes it from the draft.
    t.fire(MARKER_EVENTS.removed, second);
    expect(t.store.getState().nippleMarkers).toEqual({});
    expect(t.messages).toEqual([]);
    t.stop();
    t.fire(MARKER_EVENTS.completed, first);
    expect(t.store.getState().nippleMarkers).toEqual({});
  });

  it('clears nothing when a marker the draft does not have is taken away', () => {
    const t = setUp();
    const m = marker('m1', 10, 20);
    t.fire(MARKER_EVENTS.completed, m);
    t.fire(MARKER_EVENTS.removed, marker('old', 3, 4));
    expect(t.store.getState().nippleMarkers).toEqual({ 'uid-RCC': { x: 10, y: 20 } });
  });

  it('says why a marker is not used (an image not in the exam), changing nothing', () => {
    const t = setUp();
    const elsewhere: Marker = { ...marker('x', 1, 2), metadata: { toolName: NIPPLE_MARKER_TOOL, referencedImageId: 'cs:other' } };
    t.fire(MARKER_EVENTS.completed, elsewhere);
    expect(t.store.getState().nippleMarkers).toEqual({});
    expect(t.messages).toEqual(['nipple marker not used: the nipple marker is on an image that is not in this exam']);
  });
});
