import type { PointPx } from '../units.js';

/**
 * Whether a point lies inside a closed polygon (even–odd rule; the last point joins the first).
 *
 * @example isInsidePolygon({x:1,y:1}, [{x:0,y:0},{x:2,y:0},{x:2,y:2},{x:0,y:2}]) // → true
 */
export function isInsidePolygon(p: PointPx, polygon: readonly PointPx[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as PointPx;
    const b = polygon[j] as PointPx;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
