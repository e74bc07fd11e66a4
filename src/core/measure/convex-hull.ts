import type { Point2 } from './polygon.js';

function cross(o: Point2, a: Point2, b: Point2): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/**
 * Convex hull (Andrew's monotone chain). Returns the hull vertices without collinear points,
 * counter-clockwise in a y-up frame (clockwise on screen); fewer than 3 points come back as the
 * distinct input points.
 *
 * @example convexHull([{x:0,y:0},{x:2,y:0},{x:1,y:1},{x:2,y:2},{x:0,y:2}]) // → the 4 corners
 */
export function convexHull(points: readonly Point2[]): Point2[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const uniq: Point2[] = [];
  for (const q of p) {
    const last = uniq[uniq.length - 1];
    if (last === undefined || last.x !== q.x || last.y !== q.y) uniq.push(q);
  }
  if (uniq.length < 3) return uniq;
  const lower: Point2[] = [];
  for (const q of uniq) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Point2, lower[lower.length - 1] as Point2, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point2[] = [];
  for (let i = uniq.length - 1; i >= 0; i--) {
    const q = uniq[i] as Point2;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Point2, upper[upper.length - 1] as Point2, q) <= 0) upper.pop();
    upper.push(q);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}
