/**
 * The one place where a Cornerstone annotation and the core's calcification meet: world
 * coordinates on the annotation ↔ stored-image pixels in the core, and the core's measurements ↔
 * the annotation's `data.cachedStats`. The world ↔ pixel conversion is passed in (Cornerstone's
 * `utilities.worldToImageCoords` / `imageToWorldCoords` in the viewer), so this needs no viewport.
 */
import type { DraftCalcification, NewCalcification } from 'calcscribe/draft';
import type { CalcificationData } from './tools/types.js';
import { CALIBRATION_WORDS, calcificationSize, type CalcificationSize } from 'calcscribe/core';
import type { CalibrationKind } from 'calcscribe/core';
import type { CalcificationMeasurements } from 'calcscribe/core';
import { err, ok, type Result } from 'calcscribe/core';
import type { PointPx } from 'calcscribe/core';

/** A point in Cornerstone world coordinates (mm in the patient frame). */
export type WorldPoint = readonly [number, number, number];
export type WorldToPixel = (imageId: string, world: WorldPoint) => PointPx;
export type PixelToWorld = (imageId: string, pixel: PointPx) => WorldPoint;

/** The parts of a Cornerstone annotation the mapping reads and writes. */
export interface CalcificationAnnotationShape {
  readonly annotationUID?: string;
  readonly metadata: { readonly toolName: string; readonly referencedImageId?: string };
  readonly data: {
    readonly contour?: { readonly polyline: readonly WorldPoint[]; readonly closed: boolean };
    readonly handles?: { readonly points: readonly WorldPoint[] };
    readonly cachedStats?: Readonly<Record<string, CalcificationStats>>;
    /** The draft's calcification id, to find the calcification back from the annotation. */
    readonly calcificationId?: string;
  };
}

/** What the annotation shows of a calcification's measurements: the core's calcificationSize. */
export type CalcificationStats = CalcificationSize;

/** The words after a length: millimetres at which plane, or pixels when uncalibrated. */
export const UNIT_LABELS: Readonly<Record<CalibrationKind, string>> = Object.fromEntries(
  Object.entries(CALIBRATION_WORDS).map(([kind, words]) => [kind, words.unit]),
) as Record<CalibrationKind, string>;

/** Cornerstone's key for per-image statistics. */
export function targetIdOf(imageId: string): string {
  return `imageId:${imageId}`;
}

/**
 * The annotation's outline in stored-image pixels of its image: the contour polyline when there
 * is one, else the handle points. Fails when the annotation names no image or has no points.
 */
export function annotationToContour(a: CalcificationAnnotationShape, worldToPixel: WorldToPixel): Result<{ imageId: string; contour: PointPx[] }> {
  const imageId = a.metadata.referencedImageId;
  if (imageId === undefined || imageId === '') return err('bad-argument', 'the annotation names no image');
  const world = a.data.contour?.polyline ?? a.data.handles?.points ?? [];
  if (world.length === 0) return err('bad-argument', 'the annotation has no outline');
  const contour = world.map((w) => worldToPixel(imageId, w));
  if (contour.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) return err('bad-argument', 'the outline is not on the image');
  return ok({ imageId, contour });
}

/** The statistics an annotation shows for one calcification (mm when calibrated, else px), with its label. */
export function measurementStats(m: CalcificationMeasurements): CalcificationStats {
  return calcificationSize(m);
}

/**
 * A calcification of the draft as annotation data: the closed outline in world coordinates (also
 * as handles, for tools that edit handles), and its statistics under the image's target id.
 */
export function calcificationToAnnotation(c: DraftCalcification, pixelToWorld: PixelToWorld, toolName = 'Calcification'): CalcificationAnnotationShape {
  const polyline = c.contour.map((p) => pixelToWorld(c.imageId, p));
  return {
    metadata: { toolName, referencedImageId: c.imageId },
    data: {
      contour: { polyline, closed: true },
      handles: { points: polyline },
      cachedStats: { [targetIdOf(c.imageId)]: measurementStats(c.measurements) },
      calcificationId: c.id,
    },
  };
}

/** The nipple marker tool's name (a Cornerstone probe annotation, one point). */
export const NIPPLE_MARKER_TOOL = 'NippleMarker';

/** Where a nipple marker annotation puts the nipple: its image (the draft's id) and point in stored-image pixels. */
export interface NipplePlacement {
  readonly imageId: string;
  readonly point: PointPx;
}

/**
 * A nipple marker annotation as the draft's nipple: its one handle in stored-image pixels of its
 * image, under the draft's image id (`toDraftImageId` maps the host's image id; null when the image
 * is not in the draft). Fails for another tool's annotation, one without an image or a point.
 */
export function nippleMarkerPlacement(
  a: CalcificationAnnotationShape,
  worldToPixel: WorldToPixel,
  toDraftImageId: (hostImageId: string) => string | null = (id) => id,
): Result<NipplePlacement> {
  if (a.metadata.toolName !== NIPPLE_MARKER_TOOL) return err('bad-argument', `a ${a.metadata.toolName} annotation is not a nipple marker`);
  const hostId = a.metadata.referencedImageId;
  if (hostId === undefined || hostId === '') return err('bad-argument', 'the nipple marker names no image');
  const imageId = toDraftImageId(hostId);
  if (imageId === null) return err('bad-argument', 'the nipple marker is on an image that is not in this exam');
  const world = a.data.handles?.points[0];
  if (world === undefined) return err('bad-argument', 'the nipple marker has no point');
  const point = worldToPixel(hostId, world);
  if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return err('bad-argument', 'the nipple marker is not on the image');
  return ok({ imageId, point });
}

/**
 * A measured calcification annotation (the calcification tools' data) as the draft takes it: the
 * clicked seed, the outline and the measurements, under the draft's image id of the annotation's
 * image. Null while it is not measured, or when its image is not in the draft.
 */
export function measuredAnnotationToDraft(
  a: { readonly metadata?: { readonly referencedImageId?: string }; readonly data: CalcificationData },
  toDraftImageId: (hostImageId: string) => string | null,
): { imageId: string; item: NewCalcification } | null {
  const hostId = a.metadata?.referencedImageId;
  const imageId = hostId === undefined ? null : toDraftImageId(hostId);
  const measured = a.data.calcification;
  if (measured === null || imageId === null) return null;
  return { imageId, item: { seed: a.data.seed, contour: measured.outline.contour, measurements: measured.measurements } };
}

/**
 * The calcification tool's data showing a draft calcification (a redo, a restored draft): its
 * outline in world coordinates (`polyline`, converted by the host on its image), its size label,
 * and the draft's id to find it back; measured already, so nothing is re-analysed.
 */
export function draftCalcificationToolData(c: DraftCalcification, polyline: readonly WorldPoint[]): CalcificationData & {
  handles: { points: [number, number, number][]; activeHandleIndex: null };
  contour: { polyline: [number, number, number][]; closed: true };
  label: string;
  calcificationId: string;
} {
  return {
    handles: { points: [], activeHandleIndex: null },
    contour: { polyline: polyline.map((w): [number, number, number] => [w[0], w[1], w[2]]), closed: true },
    status: 'measured',
    seed: c.seed,
    calcification: null,
    message: null,
    label: measurementStats(c.measurements).label,
    calcificationId: c.id,
  };
}
