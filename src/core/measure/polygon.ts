import type { PointPx } from '../units.js';

/** A point in any planar frame (pixels, or millimetres after scaling). */
export interface Point2 {
  readonly x: number;
  readonly y: number;
}

/**
 * Area enclosed by a closed polygon (shoelace formula), always ≥ 0, in the square of the
 * coordinates' unit.
 *
 * @example polygonArea([{x:0,y:0},{x:2,y:0},{x:2,y:1},{x:0,y:1}]) // → 2
 */
export function polygonArea(p: readonly Point2[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as Point2;
    const b = p[(i + 1) % p.length] as Point2;
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

/** Length of a closed polygon's boundary (the last point joins the first). */
export function polygonPerimeter(p: readonly Point2[]): number {
  if (p.length < 2) return 0;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as Point2;
    const b = p[(i + 1) % p.length] as Point2;
    s += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return s;
}

/** Centroid of the area enclosed by a closed polygon; the vertex mean when the area is zero. */
export function polygonCentroid(p: readonly Point2[]): Point2 {
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as Point2;
    const b = p[(i + 1) % p.length] as Point2;
    const c = a.x * b.y - b.x * a.y;
    a2 += c;
    cx += (a.x + b.x) * c;
    cy += (a.y + b.y) * c;
  }
  if (Math.abs(a2) < 1e-12) {
    const n = Math.max(1, p.length);
    return { x: p.reduce((s, q) => s + q.x, 0) / n, y: p.reduce((s, q) => s + q.y, 0) / n };
  }
  return { x: cx / (3 * a2), y: cy / (3 * a2) };
}

/** Scales pixel coordinates to millimetres (x by column spacing, y by row spacing). */
export function scalePoints(p: readonly PointPx[], columnSpacingMm: number, rowSpacingMm: number): Point2[] {
  return p.map((q) => ({ x: q.x * columnSpacingMm, y: q.y * rowSpacingMm }));
}

/** Shortest distance from a point to the line through the points in order (closed: back to the first); Infinity when there are none. */
export function distanceToPolyline(p: Point2, points: readonly Point2[], closed = false): number {
  let best = Infinity;
  // A closed line returns to its first point; an open one of a single point is that point.
  const segments = closed || points.length === 1 ? points.length : Math.max(0, points.length - 1);
  for (let i = 0; i < segments; i++) {
    const a = points[i] as Point2;
    const b = points[(i + 1) % points.length] as Point2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
    const d = Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
    if (d < best) best = d;
  }
  return best;
}

/** Shortest distance from a point to the boundary of a closed polygon. */
export function distanceToBoundary(p: Point2, polygon: readonly Point2[]): number {
  return distanceToPolyline(p, polygon, true);
}
