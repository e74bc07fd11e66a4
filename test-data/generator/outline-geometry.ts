/**
 * Geometry of a binary mask held on a fine grid: largest particle, hole filling, the outer
 * boundary as a polygon (crack following), Douglas–Peucker simplification, convex hull and
 * Feret diameters. Used to state the true size of each rendered calcification.
 */
import type { PointPx } from '../../src/core/units.js';

/** Keeps only the largest 4-connected particle of `mask` (w × h), then fills its holes. */
export function largestFilledParticle(mask: Uint8Array, w: number, h: number): { mask: Uint8Array; count: number } {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let best = 0;
  let bestLabel = 0;
  let next = 1;
  for (let start = 0; start < w * h; start++) {
    if (mask[start] === 0 || label[start] !== 0) continue;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let size = 0;
    while (top > 0) {
      const i = stack[--top] as number;
      size++;
      const x = i % w;
      const y = (i - x) / w;
      if (x > 0 && mask[i - 1] && !label[i - 1]) { label[i - 1] = next; stack[top++] = i - 1; }
      if (x < w - 1 && mask[i + 1] && !label[i + 1]) { label[i + 1] = next; stack[top++] = i + 1; }
      if (y > 0 && mask[i - w] && !label[i - w]) { label[i - w] = next; stack[top++] = i - w; }
      if (y < h - 1 && mask[i + w] && !label[i + w]) { label[i + w] = next; stack[top++] = i + w; }
    }
    if (size > best) { best = size; bestLabel = next; }
    next++;
  }
  // Outside = cells reachable from the border without crossing the particle.
  const outside = new Uint8Array(w * h);
  let top = 0;
  const push = (i: number): void => {
    if (outside[i] === 0 && label[i] !== bestLabel) { outside[i] = 1; stack[top++] = i; }
  };
  for (let x = 0; x < w; x++) { push(x); push((h - 1) * w + x); }
  for (let y = 0; y < h; y++) { push(y * w); push(y * w + w - 1); }
  while (top > 0) {
    const i = stack[--top] as number;
    const x = i % w;
    const y = (i - x) / w;
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
    if (y > 0) push(i - w);
    if (y < h - 1) push(i + w);
  }
  const out = new Uint8Array(w * h);
  let count = 0;
  if (best > 0) {
    for (let i = 0; i < w * h; i++) if (outside[i] === 0) { out[i] = 1; count++; }
  }
  return { mask: out, count };
}

/**
 * Outer boundary of a filled, 4-connected particle as grid-corner coordinates (cell (i, j)
 * spans corners (i, j)–(i+1, j+1)); clockwise on screen (y down), corners only.
 */
export function traceBoundary(mask: Uint8Array, w: number, h: number): PointPx[] {
  let start = -1;
  for (let i = 0; i < w * h; i++) if (mask[i]) { start = i; break; }
  if (start < 0) return [];
  const inside = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && mask[y * w + x] === 1;
  const sx = start % w;
  const sy = (start - sx) / w;
  const dxs = [1, 0, -1, 0];
  const dys = [0, 1, 0, -1];
  let vx = sx;
  let vy = sy;
  let d = 0;
  const pts: PointPx[] = [];
  const limit = 4 * (w + 1) * (h + 1);
  for (let steps = 0; steps < limit; steps++) {
    vx += dxs[d] as number;
    vy += dys[d] as number;
    let rx: number, ry: number, lx: number, ly: number;
    if (d === 0) { rx = vx; ry = vy; lx = vx; ly = vy - 1; }
    else if (d === 1) { rx = vx - 1; ry = vy; lx = vx; ly = vy; }
    else if (d === 2) { rx = vx - 1; ry = vy - 1; lx = vx - 1; ly = vy; }
    else { rx = vx; ry = vy - 1; lx = vx - 1; ly = vy - 1; }
    let nd = d;
    if (!inside(rx, ry)) nd = (d + 1) % 4;
    else if (inside(lx, ly)) nd = (d + 3) % 4;
    if (nd !== d) pts.push({ x: vx, y: vy });
    d = nd;
    if (vx === sx && vy === sy && d === 0) break;
  }
  return pts;
}

/** Douglas–Peucker simplification of a closed polygon. */
export function simplifyClosed(pts: readonly PointPx[], tolerance: number): PointPx[] {
  if (pts.length <= 4) return [...pts];
  // The polygon closed on its first point, split at the point farthest from it: each half is
  // simplified as an open line, its end points kept.
  const p0 = pts[0] as PointPx;
  const closed = [...pts, p0];
  const keep = new Uint8Array(closed.length);
  const rec = (a: number, b: number): void => {
    const p = closed[a] as PointPx;
    const q = closed[b] as PointPx;
    const vx = q.x - p.x;
    const vy = q.y - p.y;
    const len = Math.hypot(vx, vy) || 1;
    let worst = -1;
    let worstD = tolerance;
    for (let i = a + 1; i < b; i++) {
      const r = closed[i] as PointPx;
      const dist = Math.abs((r.x - p.x) * vy - (r.y - p.y) * vx) / len;
      if (dist > worstD) { worstD = dist; worst = i; }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      rec(a, worst);
      rec(worst, b);
    }
  };
  let far = 0;
  let farD = -1;
  for (let i = 1; i < pts.length; i++) {
    const r = pts[i] as PointPx;
    const dd = (r.x - p0.x) ** 2 + (r.y - p0.y) ** 2;
    if (dd > farD) { farD = dd; far = i; }
  }
  keep[0] = 1;
  keep[far] = 1;
  rec(0, far);
  rec(far, pts.length);
  return pts.filter((_, i) => keep[i] === 1);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise in y-up terms. */
export function convexHull(points: readonly PointPx[]): PointPx[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: PointPx, a: PointPx, b: PointPx): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: PointPx[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as PointPx, lower[lower.length - 1] as PointPx, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: PointPx[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as PointPx;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as PointPx, upper[upper.length - 1] as PointPx, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/** Maximum and minimum Feret diameters of a point set (exact, from its convex hull). */
export function feretDiameters(points: readonly PointPx[]): { max: number; min: number } {
  const hull = convexHull(points);
  if (hull.length < 2) return { max: 0, min: 0 };
  let max = 0;
  for (let i = 0; i < hull.length; i++) {
    for (let j = i + 1; j < hull.length; j++) {
      const a = hull[i] as PointPx;
      const b = hull[j] as PointPx;
      max = Math.max(max, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  if (hull.length < 3) return { max, min: 0 };
  let min = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i] as PointPx;
    const b = hull[(i + 1) % hull.length] as PointPx;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    let widest = 0;
    for (const p of hull) widest = Math.max(widest, Math.abs((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x)) / len);
    min = Math.min(min, widest);
  }
  return { max, min };
}
