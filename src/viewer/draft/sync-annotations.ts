/**
 * Keeps Cornerstone's calcification annotations and the exam draft in step: a measured
 * annotation adds its calcification to the draft; a deleted annotation removes it; a calcification
 * that leaves the draft (undo, removed in the panel, discarded draft) loses its annotation; one that
 * appears in the draft without an annotation (redo, restored draft) gets one on its viewport.
 */
import { getEnabledElementByViewportId } from '@cornerstonejs/core';
import { annotation as annotationApi, type Types as ToolTypes } from '@cornerstonejs/tools';
import { measurementStats } from '../../../extensions/calcification/annotation-mapping.js';
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';
import { CalcificationTool, calcificationOf, pixelsToWorld, type CalcificationData } from '../../../extensions/calcification/tools/index.js';
import type { DraftCalcification } from '../../core/draft/exam-draft.js';
import type { ImageIds } from './draft-ids.js';

const { addAnnotation, getAllAnnotations, removeAnnotation } = annotationApi.state;

type Linked = ToolTypes.Annotation & { data: ToolTypes.Annotation['data'] & CalcificationData & { calcificationId?: string } };

function calcificationAnnotations(): Linked[] {
  return (getAllAnnotations() ?? []).filter((a) => a.metadata?.toolName === CalcificationTool.toolName && calcificationOf(a) !== null) as Linked[];
}

/** Adds a measured annotation's calcification to the draft and links the two. */
export function addToDraft(store: DraftStore, ids: ImageIds, a: ToolTypes.Annotation): string | null {
  const data = calcificationOf(a);
  const csImageId = a.metadata?.referencedImageId;
  const draftImageId = csImageId === undefined ? null : ids.toDraft(csImageId);
  if (data === null || data.calcification === null || draftImageId === null) return null;
  const before = new Set(store.getState().calcifications.map((c) => c.id));
  const r = store.dispatch({
    type: 'addCalcifications',
    imageId: draftImageId,
    items: [{ seed: data.seed, contour: data.calcification.outline.contour, measurements: data.calcification.measurements }],
  });
  if (!r.ok) return r.error.message;
  const added = r.value.calcifications.find((c) => !before.has(c.id));
  if (added) (a as Linked).data.calcificationId = added.id;
  return null;
}

/** Removes a deleted annotation's calcification from the draft (when it is still there). */
export function removeFromDraft(store: DraftStore, a: ToolTypes.Annotation): void {
  const id = (a as Linked).data.calcificationId;
  if (id !== undefined && store.getState().calcifications.some((c) => c.id === id)) store.dispatch({ type: 'removeCalcification', id });
}

/**
 * Brings the annotations on the given viewports in line with the draft. `viewports` maps each
 * Cornerstone image id on screen to its viewport id. Returns whether any annotation was added or removed.
 */
export function syncAnnotations(store: DraftStore, ids: ImageIds, viewports: ReadonlyMap<string, string>, renderingEngineId: string): boolean {
  let changed = false;
  const draft = store.getState();
  const inDraft = new Map(draft.calcifications.map((c) => [c.id, c]));
  const annotations = calcificationAnnotations();
  const linked = new Set<string>();
  for (const a of annotations) {
    const id = a.data.calcificationId;
    if (id === undefined) continue;
    if (!inDraft.has(id)) {
      removeAnnotation(a.annotationUID as string);
      changed = true;
    } else linked.add(id);
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
  const polyline = pixelsToWorld(csImageId, c.contour);
  const a = CalcificationTool.createAnnotationForViewport(viewport, {
    data: {
      handles: { points: [], activeHandleIndex: null },
      contour: { polyline, closed: true },
      status: 'measured',
      seed: c.seed,
      calcification: null,
      message: null,
      label: measurementStats(c.measurements).label,
      calcificationId: c.id,
    } satisfies ToolTypes.Annotation['data'] & CalcificationData & { calcificationId: string },
  }) as Linked;
  a.highlighted = false;
  return a;
}
