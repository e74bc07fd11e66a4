import { convexHull } from './convex-hull.js';
import type { Point2 } from './polygon.js';

/** Maximum and minimum Feret (calliper) diameters, in the points' unit. */
export interface FeretDiameters {
  readonly max: number;
  readonly min: number;
  /** Direction of the maximum diameter, radians from +x toward +y. */
  readonly maxAngle: number;
}

function twiceTriangleArea(a: Point2, b: Point2, c: Point2): number {
  return Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

/**
 * Feret diameters of a point set by rotating callipers over its convex hull: the largest
 * distance between two points, and the smallest width between two parallel support lines
 * (always attained with one line on a hull edge).
 *
 * @example feretDiameters([{x:0,y:0},{x:4,y:0},{x:4,y:1},{x:0,y:1}]) // → max √17, min 1
 */
export function feretDiameters(points: readonly Point2[]): FeretDiameters {
  const h = convexHull(points);
  const n = h.length;
  if (n === 0) return { max: 0, min: 0, maxAngle: 0 };
  if (n === 1) return { max: 0, min: 0, maxAngle: 0 };
  if (n === 2) {
    const a = h[0] as Point2;
    const b = h[1] as Point2;
    return { max: Math.hypot(b.x - a.x, b.y - a.y), min: 0, maxAngle: Math.atan2(b.y - a.y, b.x - a.x) };
  }
  let max = 0;
  let maxAngle = 0;
  let min = Infinity;
  let j = 1;
  const consider = (p: Point2, q: Point2): void => {
    const d = Math.hypot(q.x - p.x, q.y - p.y);
    if (d > max) {
      max = d;
      maxAngle = Math.atan2(q.y - p.y, q.x - p.x);
    }
  };
  for (let i = 0; i < n; i++) {
    const a = h[i] as Point2;
    const b = h[(i + 1) % n] as Point2;
    while (twiceTriangleArea(a, b, h[(j + 1) % n] as Point2) > twiceTriangleArea(a, b, h[j] as Point2)) j = (j + 1) % n;
    const c = h[j] as Point2;
    const width = twiceTriangleArea(a, b, c) / Math.hypot(b.x - a.x, b.y - a.y);
    if (width < min) min = width;
    consider(a, c);
    consider(b, c);
  }
  return { max, min, maxAngle };
}
