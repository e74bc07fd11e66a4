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
  return meanEdgeGradient(p, contour) / peakContrast;
}

/** Mean gradient magnitude (density per pixel, central differences, bilinear) at the contour's vertices; 0 for no vertex. */
export function meanEdgeGradient(p: DensityPatch, contour: readonly Point2[]): number {
  if (contour.length === 0) return 0;
  let s = 0;
  for (const q of contour) {
    const gx = (sampleBilinear(p, q.x + 1, q.y) - sampleBilinear(p, q.x - 1, q.y)) / 2;
    const gy = (sampleBilinear(p, q.x, q.y + 1) - sampleBilinear(p, q.x, q.y - 1)) / 2;
    s += Math.hypot(gx, gy);
  }
  return s / contour.length;
}

/** Contrast at a calcification's centre and on its rim, as lucentCentreIndex reads them. */
export interface CentreAndRim {
  readonly centre: number;
  readonly rim: number;
  /** Pixels averaged into each value: what their noise is divided by (√ of it). */
  readonly centrePixels: number;
  readonly rimPixels: number;
}

/**
 * How the centre and the rim are read: on rings that follow the outline (each ray from the centre
 * to the outline cut at the same fraction of its length), averaged round the ring. A rim's wall
 * runs round the whole outline and its lucent centre fills the middle, so averaging round rings
 * keeps both while it averages the pixel noise away; a single pixel at the centre and the
 * brightest point of each ray carried a pixel's noise each, and at high noise that noise hid real
 * lucent centres.
 */
export const CENTRE_AND_RIM = {
  /** Rays from the centre to the outline. */
  rays: 32,
  /** Rings, as fractions of each ray's length, 0 to 1. */
  rings: 20,
  /**
   * The centre is the disc inside this fraction of the way to the outline. A rim's wall is under
   * 1 mm thick on a shell over 1 mm across (ACR BI-RADS Atlas, 5th ed., rim: "thin calcium
   * deposited on the surface of a sphere"), so its lucent centre reaches well past a third of the
   * way to the outline; inside 0.3 the disc stays within it.
   */
  centreFraction: 0.3,
} as const;

/**
 * The centre value (mean contrast over the disc within CENTRE_AND_RIM.centreFraction of the way to
 * the outline, weighted by area) and the rim value (the highest of the ring means beyond it), with
 * the number of pixels behind each. Null for a degenerate contour.
 */
export function centreAndRim(p: DensityPatch, background: number, centre: Point2, contour: readonly Point2[]): CentreAndRim | null {
  if (contour.length < 3) return null;
  const { rays, rings, centreFraction } = CENTRE_AND_RIM;
  const c = (x: number, y: number): number => sampleBilinear(p, x, y) - background;
  const dirs: { dx: number; dy: number; reach: number }[] = [];
  for (let k = 0; k < rays; k++) {
    const t = (2 * Math.PI * k) / rays;
    const dx = Math.cos(t);
    const dy = Math.sin(t);
    dirs.push({ dx, dy, reach: rayReach(centre, dx, dy, contour) });
  }
  const meanReach = dirs.reduce((s, d) => s + d.reach, 0) / rays;
  if (!(meanReach > 0)) return null;
  const step = 1 / rings;
  let centreSum = 0;
  let centreWeight = 0;
  let rim = -Infinity;
  let rimFraction = 1;
  for (let j = 0; j <= rings; j++) {
    const f = j * step;
    let s = 0;
    for (const d of dirs) s += c(centre.x + f * d.reach * d.dx, centre.y + f * d.reach * d.dy);
    const ring = s / rays;
    if (f <= centreFraction + 1e-9) {
      // Area of the ring at f (2π f df), or of the innermost disc (π (df / 2)²), per 2π df.
      const w = j === 0 ? step / 8 : f;
      centreSum += w * ring;
      centreWeight += w;
    } else if (ring > rim) {
      rim = ring;
      rimFraction = f;
    }
  }
  return {
    centre: centreSum / centreWeight,
    rim,
    centrePixels: Math.max(1, Math.PI * (centreFraction * meanReach) ** 2),
    rimPixels: Math.max(1, Math.min(rays, 2 * Math.PI * rimFraction * meanReach)),
  };
}

/**
 * How far a centre must dip below the rim before it counts as lucent, in units of the noise of
 * that difference: the pixel noise σ (detector noise: pixel − 3 × 3 mean, which texture does not
 * reach) over the pixels averaged into the centre and into the rim, σ √(1/n_centre + 1/n_rim).
 * The rim is the highest of the ring means, which noise alone raises by about one of its own σ;
 * the difference spreads by about another one.
 */
export const LUCENT_CENTRE_SIGNIFICANCE_SIGMA = 3;

/**
 * Lucent-centre index: 1 − (contrast at the centre) / (contrast on the rim), clamped to [0, 1]
 * (centre and rim as centreAndRim reads them), and 0 when the dip (rim − centre) is within what
 * pixel noise of σ `noise` alone makes over the pixels averaged (LUCENT_CENTRE_SIGNIFICANCE_SIGMA).
 * 0 for a solid disc, toward 1 for a thin shell.
 */
export function lucentCentreIndex(
  p: DensityPatch,
  background: number,
  centre: Point2,
  contour: readonly Point2[],
  noise = 0,
): number {
  const v = centreAndRim(p, background, centre, contour);
  if (v === null || !(v.rim > 0)) return 0;
  const index = Math.min(1, Math.max(0, 1 - v.centre / v.rim));
  const spread = noise * Math.sqrt(1 / v.centrePixels + 1 / v.rimPixels);
  if (v.rim - v.centre < LUCENT_CENTRE_SIGNIFICANCE_SIGMA * spread) return 0;
  return index;
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
    // A ray through a vertex meets both edges at their ends: a rounding error must not lose it.
    if (r >= 0 && s >= -1e-9 && s <= 1 + 1e-9 && r > far) far = r;
  }
  return far;
}
