/**
 * The calcification tool: a click on a calcification asks the analyser (the core's seed-point
 * segmentation and measurement) for its outline and measurements, draws the outline and labels it
 * with its size and calibration kind. Outlines can be selected and deleted, and corrected by dragging
 * a point of the outline (nearby points follow, less the further they are); the corrected outline
 * is announced with OUTLINE_EDITED for the host to re-measure. The measurement stays the core's,
 * the tool only converts coordinates.
 */
import { eventTarget, getEnabledElement, triggerEvent, type Types } from '@cornerstonejs/core';
import { AnnotationTool, annotation as annotationApi, cursors, Enums as ToolEnums, drawing, state as toolState, utilities, type Types as ToolTypes } from '@cornerstonejs/tools';
import type { PointPx } from 'calcscribe/core';
import { canvasMapper, pixelsToWorld, worldToPixel, worldToPixels } from './coordinates.js';
import { placeLabels, type LabelCandidate } from './label-layout.js';
import { distanceToSegment, screenOutline, screenOutlineIndices } from './screen-outline.js';
import { drawSizeLabel, labelBoxWidth } from './size-label.js';
import { sizeLabel, type CalcificationAnalyser, type CalcificationData, type CalcificationTarget, type MeasuredCalcification } from './types.js';

const { addAnnotation, getAnnotations, removeAnnotation } = annotationApi.state;
const { triggerAnnotationCompleted, triggerAnnotationModified } = annotationApi.state;

export interface CalcificationToolConfiguration {
  /** Runs the core on the image; required before the tool is used. */
  analyse: CalcificationAnalyser | null;
  /** Told when a click or region gives no calcification (message in the radiologist's words). */
  onFailure: ((message: string, imageId: string) => void) | null;
  /** Colour of outlines being measured and measured. */
  color: string;
  /**
   * Why the outlines may not be changed now (e.g. this tab is read-only), or null when they may:
   * a drag is then refused with the reason (told to onFailure) and the outline does not move.
   * Absent: outlines can always be dragged.
   */
  editRefusal?: (() => string | null) | null;
}

/** How long after a press that measured a calcification Cornerstone's own event for that press may come (its double-click wait, with room). */
const MEASURING_PRESS_MS = 1500;

/** Event (on Cornerstone's eventTarget) after the radiologist dragged a point of an outline. */
export const OUTLINE_EDITED = 'CALCSCRIBE_OUTLINE_EDITED';

export interface OutlineEditedDetail {
  readonly annotation: ToolTypes.Annotation;
  /** Cornerstone image id of the annotation's image. */
  readonly imageId: string;
  /** The corrected outline in stored-image pixels. */
  readonly contour: readonly PointPx[];
}

/**
 * A contour dragged at point `index` by `delta` (world): that point moves by all of it and the
 * points within a third of the outline's size of it by less (smooth fall-off), so a drag bends
 * the outline instead of pulling one spike out of it.
 */
export function dragContour(polyline: readonly Types.Point3[], index: number, delta: Types.Point3): Types.Point3[] {
  const grabbed = polyline[index];
  if (grabbed === undefined) return polyline.map((p) => [...p] as Types.Point3);
  let size = 0;
  for (const p of polyline) size = Math.max(size, Math.hypot(p[0] - grabbed[0], p[1] - grabbed[1], p[2] - grabbed[2]));
  const reach = size / 3;
  return polyline.map((p, i) => {
    const d = Math.hypot(p[0] - grabbed[0], p[1] - grabbed[1], p[2] - grabbed[2]);
    const w = i === index ? 1 : reach > 0 && d < reach ? (1 - (d / reach) ** 2) ** 2 : 0;
    return [p[0] + w * delta[0], p[1] + w * delta[1], p[2] + w * delta[2]];
  });
}

interface OutlineDrag {
  readonly annotation: CalcificationAnnotation;
  readonly element: HTMLDivElement;
  readonly index: number;
  readonly original: readonly Types.Point3[];
  readonly start: Types.Point3;
  readonly viewportIds: string[];
  moved: boolean;
  /** Why this drag may not change the outline (said once, when it first moves), or null. */
  readonly refusal: string | null;
}

/** A Cornerstone annotation carrying one calcification. */
export type CalcificationAnnotation = ToolTypes.Annotation & { data: ToolTypes.Annotation['data'] & CalcificationData };

/** Reads a calcification annotation's data, or null when the annotation is not one. */
export function calcificationOf(a: ToolTypes.Annotation): CalcificationData | null {
  const d = a.data as Partial<CalcificationData>;
  return d && typeof d.status === 'string' && d.seed !== undefined ? (d as CalcificationData) : null;
}

function imageIdOf(viewport: unknown): string | null {
  const v = viewport as Partial<Types.IStackViewport>;
  return typeof v.getCurrentImageId === 'function' ? (v.getCurrentImageId() ?? null) : null;
}

export class CalcificationTool extends AnnotationTool {
  static override toolName = 'Calcification';

  constructor(toolProps: ToolTypes.PublicToolProps = {}, defaultToolProps: ToolTypes.ToolProps = {
    supportedInteractionTypes: ['Mouse', 'Touch'],
    configuration: { analyse: null, onFailure: null, color: 'rgb(255, 200, 0)' } satisfies CalcificationToolConfiguration,
  }) {
    super(toolProps, defaultToolProps);
  }

  private get config(): CalcificationToolConfiguration {
    return this.configuration as unknown as CalcificationToolConfiguration;
  }

  addNewAnnotation = (evt: ToolTypes.EventTypes.InteractionEventType): CalcificationAnnotation | null => {
    evt.preventDefault();
    return this.addAtWorld(evt.detail.element, [...evt.detail.currentPoints.world] as Types.Point3);
  };

  /**
   * Adds a calcification at a canvas position at once (Cornerstone's own mouse-down waits to rule
   * out a double click). Returns null, adding nothing, when the position is on an existing outline
   * (that press selects it) or the element shows no image.
   */
  addAtCanvas(element: HTMLDivElement, canvas: Types.Point2, proximity = 6): CalcificationAnnotation | null {
    const { viewport } = getEnabledElement(element) ?? {};
    if (!viewport) return null;
    if (this.outlineAtCanvas(element, canvas, proximity) !== null) return null;
    const added = this.addAtWorld(element, viewport.canvasToWorld(canvas));
    if (added !== null) this.measuringPress = { element, canvas: [canvas[0], canvas[1]], at: performance.now() };
    return added;
  }

  /** The last press that measured a calcification: Cornerstone's own handling of that press comes later (after its double-click wait). */
  private measuringPress: { readonly element: HTMLDivElement; readonly canvas: Types.Point2; readonly at: number } | null = null;

  /**
   * Whether Cornerstone asks about the press that measured a calcification (its own handling of a
   * press comes after its double-click wait, when the new outline is there): that press measures,
   * it does not also select the new outline.
   */
  private isMeasuringPressAt(element: HTMLDivElement, canvas: Types.Point2): boolean {
    const m = this.measuringPress;
    if (m === null || element !== m.element) return false;
    return performance.now() - m.at < MEASURING_PRESS_MS && Math.hypot(canvas[0] - m.canvas[0], canvas[1] - m.canvas[1]) < 1;
  }

  /** The outline drawn at a canvas position (within `proximity` px), or null. */
  outlineAtCanvas(element: HTMLDivElement, canvas: Types.Point2, proximity = 6): CalcificationAnnotation | null {
    const onImage = this.filterInteractableAnnotationsForElement(element, getAnnotations(this.getToolName(), element) ?? []) ?? [];
    return (onImage.find((a) => this.nearOutline(element, a, canvas, proximity)) as CalcificationAnnotation | undefined) ?? null;
  }

  /**
   * Selects the outline at a canvas position (as a press on it does with the mouse), for the
   * keyboard crosshair; false when there is no outline there.
   */
  selectAtCanvas(element: HTMLDivElement, canvas: Types.Point2, proximity = 6): boolean {
    const a = this.outlineAtCanvas(element, canvas, proximity);
    if (a === null) return false;
    annotationApi.selection.setAnnotationSelected(a.annotationUID as string, true);
    utilities.triggerAnnotationRenderForViewportIds(utilities.viewportFilters.getViewportIdsWithToolToRender(element, this.getToolName()));
    return true;
  }

  private addAtWorld(element: HTMLDivElement, world: Types.Point3): CalcificationAnnotation | null {
    const { viewport } = getEnabledElement(element) ?? {};
    if (!viewport) return null;
    const imageId = imageIdOf(viewport);
    if (imageId === null) return null;
    const seed = worldToPixel(imageId, world);
    const annotation = (this.constructor as typeof CalcificationTool).createAnnotationForViewport(viewport, {
      data: {
        handles: { points: [[...world] as Types.Point3], activeHandleIndex: null },
        status: 'measuring',
        seed,
        calcification: null,
        message: null,
      } satisfies ToolTypes.Annotation['data'] & CalcificationData,
    }) as CalcificationAnnotation;
    annotation.highlighted = false;
    addAnnotation(annotation, element);
    const ids = utilities.viewportFilters.getViewportIdsWithToolToRender(element, this.getToolName());
    utilities.triggerAnnotationRenderForViewportIds(ids);
    void this.measure(annotation, element, imageId, { kind: 'seed', seed }, ids);
    return annotation;
  }

  /** Asks the analyser and fills the annotation in, or removes it with a message. */
  private async measure(annotation: CalcificationAnnotation, element: HTMLDivElement, imageId: string, target: CalcificationTarget, ids: string[]): Promise<void> {
    const analyse = this.config.analyse;
    const r = analyse === null ? null : await analyse(imageId, target);
    const first = r?.ok ? r.value.calcifications[0] : undefined;
    if (r === null || !r.ok || first === undefined) {
      removeAnnotation(annotation.annotationUID as string);
      const message = r === null ? 'calcification tool has no analyser' : r.ok ? 'no calcification found at this point' : r.error.message;
      this.config.onFailure?.(message, imageId);
      utilities.triggerAnnotationRenderForViewportIds(ids);
      return;
    }
    fillCalcification(annotation, imageId, first);
    triggerAnnotationModified(annotation, element);
    triggerAnnotationCompleted(annotation);
    utilities.triggerAnnotationRenderForViewportIds(ids);
  }

  /** Cornerstone's question (hover, press): is the position on this outline? Not for the press that measured it. */
  isPointNearTool(element: HTMLDivElement, annotation: ToolTypes.Annotation, canvasCoords: Types.Point2, proximity: number): boolean {
    return !this.isMeasuringPressAt(element, canvasCoords) && this.nearOutline(element, annotation, canvasCoords, proximity);
  }

  /** Whether a canvas position is within `proximity` px of the outline as drawn. */
  private nearOutline(element: HTMLDivElement, annotation: ToolTypes.Annotation, canvasCoords: Types.Point2, proximity: number): boolean {
    const { viewport } = getEnabledElement(element) ?? {};
    if (!viewport) return false;
    const polyline = annotation.data.contour?.polyline ?? annotation.data.handles?.points ?? [];
    const first = polyline[0];
    if (first === undefined) return false;
    const toCanvas = canvasMapper(viewport, first);
    // The outline as drawn (within half a screen pixel of every contour point): hovering tests it on every mouse move.
    const pts = screenOutline(polyline.map((w) => toCanvas(w)));
    if (pts.length === 1) return Math.hypot(canvasCoords[0] - (pts[0] as Types.Point2)[0], canvasCoords[1] - (pts[0] as Types.Point2)[1]) < proximity;
    for (let i = 0; i < pts.length; i++) {
      if (distanceToSegment(canvasCoords, pts[i] as Types.Point2, pts[(i + 1) % pts.length] as Types.Point2) < proximity) return true;
    }
    return false;
  }

  toolSelectedCallback(_evt: ToolTypes.EventTypes.InteractionEventType, annotation: ToolTypes.Annotation): void {
    annotation.highlighted = true;
    annotationApi.selection.setAnnotationSelected(annotation.annotationUID as string, true);
  }

  /** The outline point nearest a canvas position, within `proximity` px: the handle a drag moves. */
  override getHandleNearImagePoint(element: HTMLDivElement, annotation: ToolTypes.Annotation, canvasCoords: Types.Point2, proximity: number): ToolTypes.ToolHandle | undefined {
    const { viewport } = getEnabledElement(element) ?? {};
    const polyline = annotation.data.contour?.polyline;
    if (!viewport || !polyline || polyline.length < 3 || calcificationOf(annotation)?.status !== 'measured' || this.isMeasuringPressAt(element, canvasCoords)) return undefined;
    let best: Types.Point3 | undefined;
    let bestD = proximity;
    const toCanvas = canvasMapper(viewport, polyline[0] as Types.Point3);
    for (const w of polyline) {
      const c = toCanvas(w);
      const d = Math.hypot(c[0] - canvasCoords[0], c[1] - canvasCoords[1]);
      if (d < bestD) {
        bestD = d;
        best = w;
      }
    }
    return best;
  }

  private drag: OutlineDrag | null = null;

  handleSelectedCallback(evt: ToolTypes.EventTypes.InteractionEventType, annotation: ToolTypes.Annotation, handle?: ToolTypes.ToolHandle): void {
    this.toolSelectedCallback(evt, annotation);
    // Only the left button drags a point: a right- or middle-button drag starting on an outline zooms or pans.
    const press = evt.detail.event as Partial<MouseEvent> | undefined;
    if (press?.button !== undefined && press.button !== 0) return;
    const polyline = annotation.data.contour?.polyline;
    const index = polyline === undefined || handle === undefined ? -1 : polyline.findIndex((p) => p === handle);
    if (polyline === undefined || index < 0) return;
    const element = evt.detail.element;
    this.drag = {
      annotation: annotation as CalcificationAnnotation,
      element,
      index,
      original: polyline.map((p) => [...p] as Types.Point3),
      start: [...(polyline[index] as Types.Point3)] as Types.Point3,
      viewportIds: utilities.viewportFilters.getViewportIdsWithToolToRender(element, this.getToolName()),
      moved: false,
      // Selecting an outline is seeing it; moving its points changes the draft, which may be refused.
      refusal: this.config.editRefusal?.() ?? null,
    };
    toolState.isInteractingWithTool = true;
    element.addEventListener(ToolEnums.Events.MOUSE_DRAG, this.onDrag as EventListener);
    element.addEventListener(ToolEnums.Events.MOUSE_UP, this.onDragEnd as EventListener);
    element.addEventListener(ToolEnums.Events.MOUSE_CLICK, this.onDragEnd as EventListener);
    cursors.elementCursor.hideElementCursor(element);
    utilities.triggerAnnotationRenderForViewportIds(this.drag.viewportIds);
    evt.preventDefault();
  }

  private onDrag = (evt: ToolTypes.EventTypes.MouseDragEventType): void => {
    const d = this.drag;
    if (d === null) return;
    const w = evt.detail.currentPoints.world;
    const delta: Types.Point3 = [w[0] - d.start[0], w[1] - d.start[1], w[2] - d.start[2]];
    if (d.refusal !== null) {
      // The outline stays as it is; the reason is said once per drag.
      if (!d.moved && Math.hypot(...delta) > 0) this.config.onFailure?.(`outline not changed: ${d.refusal}`, d.annotation.metadata?.referencedImageId ?? '');
      d.moved = d.moved || Math.hypot(...delta) > 0;
      return;
    }
    d.moved = d.moved || Math.hypot(...delta) > 0;
    const contour = d.annotation.data.contour;
    if (contour) contour.polyline = dragContour(d.original, d.index, delta);
    d.annotation.invalidated = true;
    utilities.triggerAnnotationRenderForViewportIds(d.viewportIds);
  };

  private onDragEnd = (): void => {
    const d = this.drag;
    if (d === null) return;
    this.drag = null;
    toolState.isInteractingWithTool = false;
    d.element.removeEventListener(ToolEnums.Events.MOUSE_DRAG, this.onDrag as EventListener);
    d.element.removeEventListener(ToolEnums.Events.MOUSE_UP, this.onDragEnd as EventListener);
    d.element.removeEventListener(ToolEnums.Events.MOUSE_CLICK, this.onDragEnd as EventListener);
    cursors.elementCursor.resetElementCursor(d.element);
    const imageId = d.annotation.metadata?.referencedImageId;
    const polyline = d.annotation.data.contour?.polyline;
    if (d.moved && d.refusal === null && imageId !== undefined && polyline !== undefined) {
      const detail: OutlineEditedDetail = { annotation: d.annotation, imageId, contour: worldToPixels(imageId, polyline) };
      triggerEvent(eventTarget, OUTLINE_EDITED, detail);
    }
    utilities.triggerAnnotationRenderForViewportIds(d.viewportIds);
  };

  cancel(): string | undefined {
    return undefined;
  }

  renderAnnotation = (enabledElement: Types.IEnabledElement, svgDrawingHelper: ToolTypes.SVGDrawingHelper): boolean => {
    const { viewport } = enabledElement;
    const annotations = getAnnotations(this.getToolName(), viewport.element) ?? [];
    let rendered = false;
    const labels: (LabelCandidate & { color: string })[] = [];
    for (const a of this.filterInteractableAnnotationsForElement(viewport.element, annotations) ?? []) {
      const uid = a.annotationUID as string;
      const data = calcificationOf(a);
      if (data === null) continue;
      const active = a.highlighted === true || a.isSelected === true;
      const color = active ? 'rgb(0, 220, 255)' : this.config.color;
      const polyline = a.data.contour?.polyline;
      if (polyline && polyline.length > 1) {
        const toCanvas = canvasMapper(viewport, polyline[0] as Types.Point3);
        const all = polyline.map((w) => toCanvas(w));
        // Drawn with the points that change the drawing by half a screen pixel or more; the contour keeps them all.
        const drawn = screenOutlineIndices(all);
        const pts = drawn.map((i) => all[i] as Types.Point2);
        drawing.drawPolyline(svgDrawingHelper, uid, 'outline', [...pts, pts[0] as Types.Point2], { color, lineWidth: 1.5 });
        // A selected outline shows its points (those drawn): each can be dragged to correct the outline.
        if (a.isSelected === true) drawing.drawHandles(svgDrawingHelper, uid, 'points', pts, { color, handleRadius: '2' });
        const label = data.label ?? (data.calcification ? sizeLabel(data.calcification) : null);
        if (label !== null) {
          const right = pts.reduce((m, p) => (p[0] > m[0] ? p : m), pts[0] as Types.Point2);
          labels.push({ key: uid, at: [right[0] + 6, right[1] - 8], text: label, priority: active, color, widthPx: labelBoxWidth(label) });
        }
      } else {
        const p = a.data.handles?.points?.[0];
        if (p) drawing.drawCircle(svgDrawingHelper, uid, 'pending', viewport.worldToCanvas(p), 4, { color, lineDash: '2,2' });
      }
      rendered = true;
    }
    // Labels never overlap: on a dense group some outlines go without one (hover or select to see it).
    const shown = placeLabels(labels);
    for (const l of labels) {
      if (shown.has(l.key)) drawSizeLabel(svgDrawingHelper, l.key, l.text, l.at, l.color, 'rgba(0,0,0,0.55)');
    }
    return rendered;
  };
}

/** Writes a measured calcification into an annotation: outline in world coordinates, data for the panel. */
export function fillCalcification(annotation: CalcificationAnnotation, imageId: string, c: MeasuredCalcification): void {
  const polyline = pixelsToWorld(imageId, c.outline.contour);
  annotation.data.contour = { polyline, closed: true };
  Object.assign(annotation.data, { status: 'measured', calcification: c, label: sizeLabel(c), message: null } satisfies Partial<CalcificationData>);
  annotation.invalidated = true;
}
