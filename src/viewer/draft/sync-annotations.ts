/**
 * Keeps Cornerstone's calcification annotations and the exam draft in step: a measured
 * annotation adds its calcification to the draft (the calcifications of one rectangle or lasso in
 * one step, as one finding); a deleted annotation removes it; a calcification
 * that leaves the draft (undo, removed in the panel, discarded draft) loses its annotation; one that
 * appears in the draft without an annotation (redo, restored draft) gets one on its viewport; one
 * whose outline changed in the draft (an edit, or its undo) has its annotation redrawn. A dragged
 * outline is re-measured on its image and goes into the draft as an undoable edit.
 */
import { getEnabledElementByViewportId } from '@cornerstonejs/core';
import { annotation as annotationApi, type Types as ToolTypes } from '@cornerstonejs/tools';
import { draftCalcificationToolData, measuredAnnotationToDraft, measurementStats, nippleMarkerPlacement } from '../../../extensions/calcification/annotation-mapping.js';
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';
import { CalcificationTool, calcificationOf, NippleMarkerTool, pixelToWorld, pixelsToWorld, worldToPixel, type CalcificationData } from '../../../extensions/calcification/tools/index.js';
import { editOutlineAction } from '../../core/draft/edit-outline.js';
import type { NewCalcification } from '../../core/draft/draft-action.js';
import type { DraftCalcification } from '../../core/draft/exam-draft.js';
import type { MammoImage } from '../../core/image.js';
import type { PointPx } from '../../core/units.js';
import type { ImageIds } from './draft-ids.js';

const { addAnnotation, getAllAnnotations, removeAnnotation } = annotationApi.state;

type Linked = ToolTypes.Annotation & { data: ToolTypes.Annotation['data'] & CalcificationData & { calcificationId?: string } };

/** Above zero while annotations are being added to the draft (and not yet linked to their calcifications). */
let adding = 0;

/** The draft outline each annotation shows (by identity: an edit or an undo puts another array in the draft). */
const shown = new WeakMap<object, readonly PointPx[]>();

function calcificationAnnotations(): Linked[] {
  return (getAllAnnotations() ?? []).filter((a) => a.metadata?.toolName === CalcificationTool.toolName && calcificationOf(a) !== null) as Linked[];
}

/** A measured annotation's calcification as the draft takes it, with its draft image id (null when it has none). */
function newCalcificationOf(ids: ImageIds, a: ToolTypes.Annotation): { imageId: string; item: NewCalcification } | null {
  const data = calcificationOf(a);
  return data === null ? null : measuredAnnotationToDraft({ metadata: a.metadata, data }, (id) => ids.toDraft(id));
}

/**
 * Adds measured annotations of one image to the draft in one undoable step and links each to its
 * calcification. `together`: they come from one rectangle or lasso and stay one finding.
 * Returns null or why they could not be added.
 */
function addAll(store: DraftStore, ids: ImageIds, annotations: readonly ToolTypes.Annotation[], together: boolean): string | null {
  const mapped = annotations.map((a) => ({ a, n: newCalcificationOf(ids, a) }));
  const items = mapped.filter((x): x is { a: ToolTypes.Annotation; n: NonNullable<typeof x.n> } => x.n !== null);
  // Measured, but on an image this exam's draft does not hold: the exam on screen changed before the measurement came back.
  const strangers = mapped.filter((x) => x.n === null && calcificationOf(x.a)?.calcification != null).length;
  const strangerWords =
    strangers === 0
      ? null
      : `${strangers === 1 ? 'a calcification' : `${strangers} calcifications`} measured on an image that is not in the exam on screen (the exam changed before the measurement came back): not added; click it again on this exam's image`;
  const first = items[0];
  if (first === undefined) return strangerWords;
  if (items.some((x) => x.n.imageId !== first.n.imageId)) return 'the calcifications of one region must be on one image';
  const before = new Set(store.getState().calcifications.map((c) => c.id));
  // The store tells its listeners before the annotations are linked: syncAnnotations must not draw them a second time meanwhile.
  adding++;
  let r;
  try {
    r = store.dispatch({ type: 'addCalcifications', imageId: first.n.imageId, items: items.map((x) => x.n.item), ...(together ? { together: true } : {}) });
  } finally {
    adding--;
  }
  if (!r.ok) return r.error.message;
  // The draft adds them in the order given.
  const added = r.value.calcifications.filter((c) => !before.has(c.id));
  items.forEach((x, i) => {
    const c = added[i];
    if (c === undefined) return;
    (x.a as Linked).data.calcificationId = c.id;
    shown.set(x.a, c.contour);
  });
  return strangerWords;
}

/**
 * Why measured calcifications were not added when no examination open holds their image (the files
 * were opened anew, or closed, before the measurement came back).
 */
export function notInOpenExamWords(count: number): string {
  return `${count === 1 ? 'a calcification' : `${count} calcifications`} measured on an image that no examination open holds (its files were opened anew before the measurement came back): not added; open them again and click it`;
}

/** Adds a measured annotation's calcification to the draft and links the two. */
export function addToDraft(store: DraftStore, ids: ImageIds, a: ToolTypes.Annotation): string | null {
  return addAll(store, ids, [a], false);
}

/**
 * Adds the calcifications of one rectangle or lasso to the draft as one finding, in one undoable
 * step: one undo takes the whole region back, one redo brings it all again.
 */
export function addRegionToDraft(store: DraftStore, ids: ImageIds, annotations: readonly ToolTypes.Annotation[]): string | null {
  return addAll(store, ids, annotations, true);
}

/**
 * Removes a deleted annotation's calcification from the draft (when it is still there). Returns
 * null, or why the draft refused (e.g. this tab is read-only): the calcification is then still in
 * the draft and its outline is drawn again by the next syncAnnotations.
 */
export function removeFromDraft(store: DraftStore, a: ToolTypes.Annotation): string | null {
  const id = (a as Linked).data.calcificationId;
  if (id === undefined || !store.getState().calcifications.some((c) => c.id === id)) return null;
  const r = store.dispatch({ type: 'removeCalcification', id });
  return r.ok ? null : `outline not deleted: ${r.error.message}`;
}

/** Draws an annotation with the draft's outline and size of its calcification. */
function showOutline(a: Linked, c: DraftCalcification): void {
  const csImageId = a.metadata?.referencedImageId;
  if (csImageId === undefined) return;
  a.data.contour = { polyline: pixelsToWorld(csImageId, c.contour), closed: true };
  (a.data as { label?: string | null }).label = measurementStats(c.measurements).label;
  a.invalidated = true;
  shown.set(a, c.contour);
}

/**
 * Puts a dragged outline into the draft: re-measured on its image (the core's remeasureOutline),
 * as an undoable 'editOutline'. When it cannot be (the image is not read, a degenerate outline) the
 * annotation goes back to the draft's outline and the message says why. Returns null or a message.
 */
export async function editInDraft(store: DraftStore, a: ToolTypes.Annotation, contour: readonly PointPx[], readImage: (draftImageId: string) => Promise<MammoImage | null>): Promise<string | null> {
  const id = (a as Linked).data.calcificationId;
  const c = id === undefined ? undefined : store.getState().calcifications.find((x) => x.id === id);
  if (c === undefined) return 'this outline is not in the draft';
  const image = await readImage(c.imageId);
  const now = store.getState().calcifications.find((x) => x.id === c.id);
  if (now === undefined) return 'the calcification was removed meanwhile';
  const action = image === null ? null : editOutlineAction(store.getState(), image, c.id, contour);
  const r = action === null ? null : action.ok ? store.dispatch(action.value) : action;
  if (r !== null && r.ok) return null;
  showOutline(a as Linked, now);
  return `outline not changed: ${r === null ? 'the image could not be read' : r.error.message}`;
}

/**
 * Brings the annotations on the given viewports in line with the draft. `viewports` maps each
 * Cornerstone image id on screen to its viewport id. Returns whether any annotation was added or removed.
 */
export function syncAnnotations(store: DraftStore, ids: ImageIds, viewports: ReadonlyMap<string, string>, renderingEngineId: string): boolean {
  if (adding > 0) return false;
  let changed = false;
  const draft = store.getState();
  const inDraft = new Map(draft.calcifications.map((c) => [c.id, c]));
  const annotations = calcificationAnnotations();
  const linked = new Set<string>();
  for (const a of annotations) {
    const id = a.data.calcificationId;
    if (id === undefined) continue;
    const c = inDraft.get(id);
    if (c === undefined) {
      removeAnnotation(a.annotationUID as string);
      changed = true;
    } else {
      linked.add(id);
      if (shown.get(a) !== c.contour) {
        showOutline(a, c);
        changed = true;
      }
    }
  }
  for (const c of draft.calcifications) {
    if (linked.has(c.id)) continue;
    const csImageId = ids.toCornerstone(c.imageId);
    const viewportId = csImageId === null ? undefined : viewports.get(csImageId);
    if (csImageId === null || viewportId === undefined) continue;
    const enabled = getEnabledElementByViewportId(viewportId);
    if (!enabled || enabled.renderingEngine.id !== renderingEngineId) continue;
    addAnnotation(annotationFor(c, csImageId, enabled.viewport), enabled.viewport.element);
    changed = true;
  }
  return changed;
}

function annotationFor(c: DraftCalcification, csImageId: string, viewport: unknown): Linked {
  const a = CalcificationTool.createAnnotationForViewport(viewport, {
    data: { ...draftCalcificationToolData(c, pixelsToWorld(csImageId, c.contour)) } satisfies ToolTypes.Annotation['data'] & CalcificationData & { calcificationId: string },
  }) as Linked;
  a.highlighted = false;
  shown.set(a, c.contour);
  return a;
}

/**
 * Brings the nipple marker annotations in line with the draft's markers: a marker annotation the
 * draft does not have at its place (an undo, another draft) is taken away; a draft marker on an
 * image on screen without its annotation (a redo, a restored draft) is drawn. Its removal clears
 * nothing in the draft (follow-nipple-markers.ts clears only the draft's own marker). Returns whether any changed.
 */
export function syncNippleMarkers(store: DraftStore, ids: ImageIds, viewports: ReadonlyMap<string, string>, renderingEngineId: string): boolean {
  const markers = store.getState().nippleMarkers;
  let changed = false;
  const drawn = new Set<string>();
  for (const a of getAllAnnotations() ?? []) {
    if (a.metadata?.toolName !== NippleMarkerTool.toolName) continue;
    const p = nippleMarkerPlacement(a as never, (id, w) => worldToPixel(id, [w[0], w[1], w[2]]), (id) => ids.toDraft(id));
    const wanted = p.ok ? markers[p.value.imageId] : undefined;
    if (p.ok && wanted !== undefined && !drawn.has(p.value.imageId) && Math.abs(wanted.x - p.value.point.x) < 1e-6 && Math.abs(wanted.y - p.value.point.y) < 1e-6) {
      drawn.add(p.value.imageId);
      continue;
    }
    removeAnnotation(a.annotationUID as string);
    changed = true;
  }
  for (const [draftImageId, point] of Object.entries(markers)) {
    if (drawn.has(draftImageId)) continue;
    const csImageId = ids.toCornerstone(draftImageId);
    const viewportId = csImageId === null ? undefined : viewports.get(csImageId);
    if (csImageId === null || viewportId === undefined) continue;
    const enabled = getEnabledElementByViewportId(viewportId);
    if (!enabled || enabled.renderingEngine.id !== renderingEngineId) continue;
    const marker = NippleMarkerTool.createAnnotationForViewport(enabled.viewport, {
      data: { handles: { points: [pixelToWorld(csImageId, point)], activeHandleIndex: null } },
    }) as ToolTypes.Annotation;
    addAnnotation(marker, enabled.viewport.element);
    changed = true;
  }
  return changed;
}
