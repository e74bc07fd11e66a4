/**
 * Rectangle and lasso selection of calcifications: drag a rectangle (or draw a freehand loop) and
 * every calcification inside is outlined and measured by the core's region segmentation (through
 * the configured analyser; the viewer runs it in its worker); each becomes a calcification
 * annotation like a click would make, and REGION_COMPLETED_EVENT tells the host which ones came
 * from one region. The drawn region itself is not kept.
 */
import { eventTarget, getEnabledElement, type Types } from '@cornerstonejs/core';
import { AnnotationTool, annotation as annotationApi, drawing, Enums, utilities, type Types as ToolTypes } from '@cornerstonejs/tools';
import { CalcificationTool, fillCalcification, type CalcificationAnnotation } from './calcification-tool.js';
import type { LeftOutDensity, PointPx } from 'calcscribe/core';
import { pixelToWorld, worldToPixels } from './coordinates.js';
import type { CalcificationAnalyser, CalcificationData, CalcificationTarget } from './types.js';

const { addAnnotation, getAnnotations, removeAnnotation, triggerAnnotationCompleted } = annotationApi.state;

/**
 * Fired on Cornerstone's eventTarget after every calcification of one region has been added (each
 * with its own ANNOTATION_COMPLETED first). The radiologist drew them together: hosts keep them in
 * one finding, as the core's analysis of the region does.
 */
export const REGION_COMPLETED_EVENT = 'CALCSCRIBE_REGION_COMPLETED';

export interface RegionCompletedDetail {
  readonly imageId: string;
  /** The calcification annotations made from the region, in the core's order. */
  readonly annotationUIDs: readonly string[];
  /** The region drawn (its annotation, added at the press and removed once drawn): a host can tell where it was drawn from. */
  readonly regionAnnotationUID: string;
}

export interface CalcificationRegionToolConfiguration {
  shape: 'rectangle' | 'lasso';
  analyse: CalcificationAnalyser | null;
  onFailure: ((message: string, imageId: string) => void) | null;
}

interface Drawing {
  readonly element: HTMLDivElement;
  readonly annotation: ToolTypes.Annotation;
  readonly imageId: string;
  readonly viewportIds: string[];
}

/** Per image, the densities the last rectangle or lasso search there left out: marked until the next search on it. */
const LEFT_OUT_BY_IMAGE = new Map<string, readonly PointPx[]>();

export class CalcificationRegionTool extends AnnotationTool {
  static override toolName = 'CalcificationRegion';
  private drawingState: Drawing | null = null;

  constructor(toolProps: ToolTypes.PublicToolProps = {}, defaultToolProps: ToolTypes.ToolProps = {
    supportedInteractionTypes: ['Mouse', 'Touch'],
    configuration: { shape: 'rectangle', analyse: null, onFailure: null } satisfies CalcificationRegionToolConfiguration,
  }) {
    super(toolProps, defaultToolProps);
  }

  private get config(): CalcificationRegionToolConfiguration {
    return this.configuration as unknown as CalcificationRegionToolConfiguration;
  }

  addNewAnnotation = (evt: ToolTypes.EventTypes.InteractionEventType): ToolTypes.Annotation | null => {
    const { element, currentPoints } = evt.detail;
    const { viewport } = getEnabledElement(element) ?? {};
    const imageId = viewport ? (viewport as Types.IStackViewport).getCurrentImageId?.() : undefined;
    if (!viewport || !imageId) return null;
    const start = [...currentPoints.world] as Types.Point3;
    const annotation = (this.constructor as typeof CalcificationRegionTool).createAnnotationForViewport(viewport, {
      data: { handles: { points: [start, [...start] as Types.Point3], activeHandleIndex: null } },
    });
    addAnnotation(annotation, element);
    const viewportIds = utilities.viewportFilters.getViewportIdsWithToolToRender(element, this.getToolName());
    this.drawingState = { element, annotation, imageId, viewportIds };
    this.isDrawing = true;
    element.addEventListener(Enums.Events.MOUSE_DRAG, this.onDrag as EventListener);
    element.addEventListener(Enums.Events.MOUSE_UP, this.onEnd as EventListener);
    element.addEventListener(Enums.Events.MOUSE_CLICK, this.onEnd as EventListener);
    evt.preventDefault();
    utilities.triggerAnnotationRenderForViewportIds(viewportIds);
    return annotation;
  };

  private onDrag = (evt: ToolTypes.EventTypes.MouseDragEventType): void => {
    const d = this.drawingState;
    if (d === null) return;
    const p = [...evt.detail.currentPoints.world] as Types.Point3;
    const points = d.annotation.data.handles?.points as Types.Point3[];
    if (this.config.shape === 'rectangle') points[1] = p;
    else points.push(p);
    utilities.triggerAnnotationRenderForViewportIds(d.viewportIds);
  };

  private onEnd = (): void => {
    const d = this.drawingState;
    if (d === null) return;
    this.drawingState = null;
    this.isDrawing = false;
    d.element.removeEventListener(Enums.Events.MOUSE_DRAG, this.onDrag as EventListener);
    d.element.removeEventListener(Enums.Events.MOUSE_UP, this.onEnd as EventListener);
    d.element.removeEventListener(Enums.Events.MOUSE_CLICK, this.onEnd as EventListener);
    const pts = worldToPixels(d.imageId, (d.annotation.data.handles?.points ?? []) as Types.Point3[]);
    removeAnnotation(d.annotation.annotationUID as string);
    utilities.triggerAnnotationRenderForViewportIds(d.viewportIds);
    const target = this.targetFrom(pts);
    if (target === null) return;
    void this.measure(d, target);
  };

  private targetFrom(pts: readonly { x: number; y: number }[]): CalcificationTarget | null {
    if (this.config.shape === 'rectangle') {
      const [a, b] = pts;
      if (!a || !b || Math.abs(a.x - b.x) < 2 || Math.abs(a.y - b.y) < 2) return null;
      return { kind: 'rectangle', rect: { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) } };
    }
    return pts.length >= 3 ? { kind: 'lasso', polygon: pts } : null;
  }

  private async measure(d: Drawing, target: CalcificationTarget): Promise<void> {
    const analyse = this.config.analyse;
    const r = analyse === null ? null : await analyse(d.imageId, target);
    if (r?.ok === true) this.markLeftOut(d.imageId, r.value.leftOut, d.viewportIds);
    if (r === null || !r.ok || r.value.calcifications.length === 0) {
      this.config.onFailure?.(r === null ? 'calcification tool has no analyser' : r.ok ? 'no calcification found in the region' : r.error.message, d.imageId);
      return;
    }
    const { viewport } = getEnabledElement(d.element) ?? {};
    if (!viewport) return;
    const annotationUIDs: string[] = [];
    for (const c of r.value.calcifications) {
      const a = CalcificationTool.createAnnotationForViewport(viewport, {
        data: { handles: { points: [], activeHandleIndex: null }, status: 'measuring', seed: { x: c.x, y: c.y }, calcification: null, message: null } satisfies ToolTypes.Annotation['data'] & CalcificationData,
      }) as CalcificationAnnotation;
      a.highlighted = false;
      fillCalcification(a, d.imageId, c);
      addAnnotation(a, d.element);
      triggerAnnotationCompleted(a);
      annotationUIDs.push(a.annotationUID as string);
    }
    eventTarget.dispatchEvent(new CustomEvent<RegionCompletedDetail>(REGION_COMPLETED_EVENT, { detail: { imageId: d.imageId, annotationUIDs, regionAnnotationUID: d.annotation.annotationUID as string } }));
    utilities.triggerAnnotationRenderForViewportIds(d.viewportIds);
  }

  isPointNearTool(): boolean {
    return false;
  }

  toolSelectedCallback(): void {}

  handleSelectedCallback(): void {}

  cancel(): string | undefined {
    const d = this.drawingState;
    if (d === null) return undefined;
    this.onEnd();
    return d.annotation.annotationUID;
  }

  private markLeftOut(imageId: string, leftOut: readonly LeftOutDensity[], viewportIds: string[]): void {
    if (leftOut.length === 0 && !LEFT_OUT_BY_IMAGE.has(imageId)) return;
    if (leftOut.length === 0) LEFT_OUT_BY_IMAGE.delete(imageId);
    else LEFT_OUT_BY_IMAGE.set(imageId, leftOut.map((l) => ({ x: l.x, y: l.y })));
    utilities.triggerAnnotationRenderForViewportIds(viewportIds);
  }

  renderAnnotation = (enabledElement: Types.IEnabledElement, svgDrawingHelper: ToolTypes.SVGDrawingHelper): boolean => {
    const { viewport } = enabledElement;
    const annotations = getAnnotations(this.getToolName(), viewport.element) ?? [];
    // What the last search on this image left out as tissue: a dashed grey circle each,
    // where a click outlines it anyway. One set per image, shared by the rectangle and the lasso (both
    // draw the same nodes).
    const imageId = 'getCurrentImageId' in viewport ? (viewport as Types.IStackViewport).getCurrentImageId() : undefined;
    const marks = imageId === undefined ? undefined : LEFT_OUT_BY_IMAGE.get(imageId);
    if (imageId !== undefined && marks !== undefined) {
      marks.forEach((p, i) => {
        const c = viewport.worldToCanvas(pixelToWorld(imageId, p));
        drawing.drawCircle(svgDrawingHelper, LEFT_OUT_MARK, `mark-${i}`, c, 8, { color: 'rgb(170, 170, 170)', lineDash: '3,3', lineWidth: 1 }, LEFT_OUT_MARK);
      });
    }
    for (const a of annotations) {
      const pts = (a.data.handles?.points ?? []).map((w) => viewport.worldToCanvas(w));
      const uid = a.annotationUID as string;
      if (this.config.shape === 'rectangle' && pts.length === 2) {
        drawing.drawRectByCoordinates(svgDrawingHelper, uid, 'region', corners(pts[0] as Types.Point2, pts[1] as Types.Point2), { color: 'rgb(0, 220, 255)', lineDash: '4,3' });
      } else if (pts.length > 1) {
        drawing.drawPolyline(svgDrawingHelper, uid, 'region', pts, { color: 'rgb(0, 220, 255)', lineDash: '4,3' });
      }
    }
    return annotations.length > 0 || (marks?.length ?? 0) > 0;
  };
}

/** The data-id of the marks of what a region search left out (tests and styling find them by it). */
export const LEFT_OUT_MARK = 'calcscribe-left-out';

function corners(a: Types.Point2, b: Types.Point2): Types.Point2[] {
  return [a, [b[0], a[1]], [a[0], b[1]], b];
}
