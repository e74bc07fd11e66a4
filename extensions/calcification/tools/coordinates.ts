/**
 * Conversions between Cornerstone world coordinates and the core's stored-image pixels
 * (x = column, y = row, origin at the centre of the top-left pixel). Cornerstone's own image
 * coordinates put the origin at the top-left corner of that pixel (pixel centres at +0.5), so the
 * two differ by half a pixel. The image plane is read once per call, so whole outlines convert fast.
 */
import { metaData, type Types } from '@cornerstonejs/core';
import type { PointPx } from 'calcscribe/core';

interface Plane {
  readonly origin: Types.Point3;
  readonly row: Types.Point3;
  readonly column: Types.Point3;
  /** Spacing along a row (between columns) and along a column (between rows), mm. */
  readonly dx: number;
  readonly dy: number;
}

function planeOf(imageId: string): Plane {
  const m = metaData.get('imagePlaneModule', imageId) as
    | { imagePositionPatient?: Types.Point3; rowCosines?: Types.Point3; columnCosines?: Types.Point3; rowPixelSpacing?: number; columnPixelSpacing?: number }
    | undefined;
  if (!m?.imagePositionPatient || !m.rowCosines || !m.columnCosines) throw new Error(`no image plane for ${imageId}`);
  // Cornerstone steps along the row direction with rowPixelSpacing and along the column direction with columnPixelSpacing.
  return { origin: m.imagePositionPatient, row: m.rowCosines, column: m.columnCosines, dx: m.rowPixelSpacing || 1, dy: m.columnPixelSpacing || 1 };
}

function toWorld(p: Plane, q: PointPx): Types.Point3 {
  const a = q.x * p.dx;
  const b = q.y * p.dy;
  return [p.origin[0] + a * p.row[0] + b * p.column[0], p.origin[1] + a * p.row[1] + b * p.column[1], p.origin[2] + a * p.row[2] + b * p.column[2]];
}

function toPixel(p: Plane, w: Types.Point3): PointPx {
  const d = [w[0] - p.origin[0], w[1] - p.origin[1], w[2] - p.origin[2]];
  const along = (v: Types.Point3): number => (d[0] as number) * v[0] + (d[1] as number) * v[1] + (d[2] as number) * v[2];
  return { x: along(p.row) / p.dx, y: along(p.column) / p.dy };
}

/** World position → stored-image pixel position on the given image. */
export function worldToPixel(imageId: string, world: Types.Point3): PointPx {
  return toPixel(planeOf(imageId), world);
}

/** Stored-image pixel position → world position on the given image. */
export function pixelToWorld(imageId: string, p: PointPx): Types.Point3 {
  return toWorld(planeOf(imageId), p);
}

/** A whole outline, stored-image pixels → world positions. */
export function pixelsToWorld(imageId: string, points: readonly PointPx[]): Types.Point3[] {
  const plane = planeOf(imageId);
  return points.map((q) => toWorld(plane, q));
}

/** A whole outline, world positions → stored-image pixels. */
export function worldToPixels(imageId: string, points: readonly Types.Point3[]): PointPx[] {
  const plane = planeOf(imageId);
  return points.map((w) => toPixel(plane, w));
}

/**
 * The viewport's world → canvas mapping read once, for drawing many points: a stack viewport
 * projects in parallel, so the mapping is affine and four calls to worldToCanvas fix it
 * (Cornerstone rebuilds its camera matrices on every call).
 */
export function canvasMapper(viewport: { worldToCanvas(world: Types.Point3): Types.Point2 }, at: Types.Point3): (world: Types.Point3) => Types.Point2 {
  const o = viewport.worldToCanvas(at);
  const axes = [0, 1, 2].map((i) => {
    const w: Types.Point3 = [at[0] + (i === 0 ? 1 : 0), at[1] + (i === 1 ? 1 : 0), at[2] + (i === 2 ? 1 : 0)];
    const c = viewport.worldToCanvas(w);
    return [c[0] - o[0], c[1] - o[1]] as const;
  }) as [readonly [number, number], readonly [number, number], readonly [number, number]];
  return (w) => {
    const d0 = w[0] - at[0];
    const d1 = w[1] - at[1];
    const d2 = w[2] - at[2];
    return [o[0] + d0 * axes[0][0] + d1 * axes[1][0] + d2 * axes[2][0], o[1] + d0 * axes[0][1] + d1 * axes[1][1] + d2 * axes[2][1]];
  };
}
