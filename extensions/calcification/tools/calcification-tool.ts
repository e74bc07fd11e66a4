/**
 * The calcification tool: a click on a calcification asks the analyser (the core's seed-point
 * segmentation and measurement) for its outline and measurements, draws the outline and labels it
 * with its size and calibration kind. Outlines can be selected and deleted; the measurement stays
 * the core's, the tool only converts coordinates.
 */
import { getEnabledElement, type Types } from '@cornerstonejs/core';
import { AnnotationTool, annotation as annotationApi, drawing, utilities, type Types as ToolTypes } from '@cornerstonejs/tools';
import { pixelsToWorld, worldToPixel } from './coordinates.js';
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

function distanceToSegment(p: Types.Point2, a: Types.Point2, b: Types.Point2): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
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
    const onImage = this.filterInteractableAnnotationsForElement(element, getAnnotations(this.getToolName(), element) ?? []) ?? [];
    const near = onImage.some((a) => this.isPointNearTool(element, a, canvas, proximity));
    if (near) return null;
    return this.addAtWorld(element, viewport.canvasToWorld(canvas));
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
    const first = r?.ok ? r.value[0] : undefined;
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

  isPointNearTool(element: HTMLDivElement, annotation: ToolTypes.Annotation, canvasCoords: Types.Point2, proximity: number): boolean {
    const { viewport } = getEnabledElement(element) ?? {};
    if (!viewport) return false;
    const polyline = annotation.data.contour?.polyline ?? annotation.data.handles?.points ?? [];
    const pts = polyline.map((w) => viewport.worldToCanvas(w));
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

  handleSelectedCallback(evt: ToolTypes.EventTypes.InteractionEventType, annotation: ToolTypes.Annotation): void {
    this.toolSelectedCallback(evt, annotation);
  }

  cancel(): string | undefined {
    return undefined;
  }

  renderAnnotation = (enabledElement: Types.IEnabledElement, svgDrawingHelper: ToolTypes.SVGDrawingHelper): boolean => {
    const { viewport } = enabledElement;
    const annotations = getAnnotations(this.getToolName(), viewport.element) ?? [];
    let rendered = false;
    for (const a of this.filterInteractableAnnotationsForElement(viewport.element, annotations) ?? []) {
      const uid = a.annotationUID as string;
      const data = calcificationOf(a);
      if (data === null) continue;
      const color = a.highlighted || a.isSelected ? 'rgb(0, 220, 255)' : this.config.color;
      const polyline = a.data.contour?.polyline;
      if (polyline && polyline.length > 1) {
        const pts = polyline.map((w) => viewport.worldToCanvas(w));
        drawing.drawPolyline(svgDrawingHelper, uid, 'outline', [...pts, pts[0] as Types.Point2], { color, lineWidth: 1.5 });
        const label = data.label ?? (data.calcification ? sizeLabel(data.calcification) : null);
        if (label !== null) {
          const right = pts.reduce((m, p) => (p[0] > m[0] ? p : m), pts[0] as Types.Point2);
          drawing.drawTextBox(svgDrawingHelper, uid, 'size', [label], [right[0] + 6, right[1] - 8], { color, fontSize: '12px', background: 'rgba(0,0,0,0.55)' });
        }
      } else {
        const p = a.data.handles?.points?.[0];
        if (p) drawing.drawCircle(svgDrawingHelper, uid, 'pending', viewport.worldToCanvas(p), 4, { color, lineDash: '2,2' });
      }
      rendered = true;
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
