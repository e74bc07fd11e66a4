/**
 * Density measurements of one calcification on a density patch: contrast, heterogeneity,
 * margin sharpness and the lucent-centre dip. All work on contrast = density − background.
 */
import type { DensityPatch } from '../image.js';
import type { Point2 } from './polygon.js';

/** Bilinear sample of a patch at image coordinates (clamped to the patch). */
export function sampleBilinear(p: DensityPatch, x: number, y: number): number {
  const lx = Math.min(p.width - 1, Math.max(0, x - p.x0));
  const ly = Math.min(p.height - 1, Math.max(0, y - p.y0));
  const x0 = Math.min(p.width - 2, Math.floor(lx));
  const y0 = Math.min(p.height - 2, Math.floor(ly));
  if (x0 < 0 || y0 < 0) return p.data[Math.round(ly) * p.width + Math.round(lx)] as number;
  const fx = lx - x0;
  const fy = ly - y0;
  const i = y0 * p.width + x0;
  const d = p.data;
  return (
    (d[i] as number) * (1 - fx) * (1 - fy) +
    (d[i + 1] as number) * fx * (1 - fy) +
    (d[i + p.width] as number) * (1 - fx) * fy +
    (d[i + p.width + 1] as number) * fx * fy
  );
}

/**
 * Mean gradient magnitude (density per pixel, central differences, bilinear) at the contour's
 * vertices divided by the peak contrast: about 1 / (2.5 σ) for an edge blurred by a Gaussian of
 * σ pixels, lower for ill-defined margins.
 */
export function marginSharpness(p: DensityPatch, contour: readonly Point2[], peakContrast: number): number {
  if (contour.length === 0 || !(peakContrast > 0)) return 0;
  let s = 0;
  for (const q of contour) {
    const gx = (sampleBilinear(p, q.x + 1, q.y) - sampleBilinear(p, q.x - 1, q.y)) / 2;
    const gy = (sampleBilinear(p, q.x, q.y + 1) - sampleBilinear(p, q.x, q.y - 1)) / 2;
    s += Math.hypot(gx, gy);
  }
  return s / contour.length / peakContrast;
}

/**
 * Lucent-centre index: 1 − (contrast at the centre) / (contrast on the rim), clamped to [0, 1].
 * The centre value is the mean of five bilinear samples within half a pixel of the outline's
 * centroid; the rim value is the median over 16 rays from the centroid to the outline of the
 * brightest contrast along each ray. 0 for a solid disc, toward 1 for a thin shell.
 */
export function lucentCentreIndex(
  p: DensityPatch,
  background: number,
  centre: Point2,
  contour: readonly Point2[],
): number {
  if (contour.length < 3) return 0;
  const c = (x: number, y: number): number => sampleBilinear(p, x, y) - background;
  const centreValue =
    (c(centre.x, centre.y) +
      c(centre.x + 0.5, centre.y) +
      c(centre.x - 0.5, centre.y) +
      c(centre.x, centre.y + 0.5) +
      c(centre.x, centre.y - 0.5)) /
    5;
  const rays = 16;
  const maxima: number[] = [];
  for (let k = 0; k < rays; k++) {
    const t = (2 * Math.PI * k) / rays;
    const dx = Math.cos(t);
    const dy = Math.sin(t);
    const reach = rayReach(centre, dx, dy, contour);
    let best = -Infinity;
    for (let r = 0; r <= reach; r += 0.25) best = Math.max(best, c(centre.x + r * dx, centre.y + r * dy));
    maxima.push(best);
  }
  maxima.sort((a, b) => a - b);
  const rim = ((maxima[7] as number) + (maxima[8] as number)) / 2;
  if (!(rim > 0)) return 0;
  return Math.min(1, Math.max(0, 1 - centreValue / rim));
}

/** Distance from `o` along (dx, dy) to the farthest crossing with the closed contour. */
function rayReach(o: Point2, dx: number, dy: number, contour: readonly Point2[]): number {
  let far = 0;
  for (let i = 0; i < contour.length; i++) {
    const a = contour[i] as Point2;
    const b = contour[(i + 1) % contour.length] as Point2;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const den = dx * ey - dy * ex;
    if (Math.abs(den) < 1e-12) continue;
    const wx = a.x - o.x;
    const wy = a.y - o.y;
    const r = (wx * ey - wy * ex) / den;
    const s = (wx * dy - wy * dx) / den;
    if (r >= 0 && s >= 0 && s <= 1 && r > far) far = r;
  }
  return far;
}
