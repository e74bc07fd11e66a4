/**
 * An outline as drawn on screen: the measured contour (often hundreds of points on a long vessel
 * wall) thinned to the points that change the drawing by more than a fraction of a screen pixel.
 * Only the drawing uses it: the measurement, the draft and a drag keep every point of the contour.
 */

/** Canvas position, CSS pixels. */
export type CanvasPoint = readonly [number, number];

/** Largest distance, CSS pixels, of a dropped point from the drawn outline: below what the eye sees. */
export const SCREEN_TOLERANCE_PX = 0.5;

/** Distance, CSS pixels, from p to the segment a–b. */
export function distanceToSegment(p: CanvasPoint, a: CanvasPoint, b: CanvasPoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * The indices of a closed outline's points to draw (ascending, the first point always kept): every
 * point left out lies within `tolerancePx` of the drawn outline (Douglas–Peucker, with the outline
 * split at its first point and the point farthest from it).
 */
export function screenOutlineIndices(points: readonly CanvasPoint[], tolerancePx = SCREEN_TOLERANCE_PX): number[] {
  const n = points.length;
  if (n <= 3) return points.map((_, i) => i);
  const first = points[0] as CanvasPoint;
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n; i++) {
    const p = points[i] as CanvasPoint;
    const d = Math.hypot(p[0] - first[0], p[1] - first[1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  if (farD <= tolerancePx) return [0];
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[far] = 1;
  // Index n stands for the first point again (the outline is closed).
  const at = (i: number): CanvasPoint => points[i === n ? 0 : i] as CanvasPoint;
  const stack: [number, number][] = [
    [0, far],
    [far, n],
  ];
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    const [a, b] = s;
    let worst = -1;
    let worstD = tolerancePx;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(at(i), at(a), at(b));
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([a, worst], [worst, b]);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i] === 1) out.push(i);
  return out;
}

/** The closed outline's points to draw (see screenOutlineIndices). */
export function screenOutline<P extends CanvasPoint>(points: readonly P[], tolerancePx = SCREEN_TOLERANCE_PX): P[] {
  return screenOutlineIndices(points, tolerancePx).map((i) => points[i] as P);
}
