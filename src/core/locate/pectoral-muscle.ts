/**
 * The pectoral muscle on MLO / ML views: the bright triangle in the chest-wall corner at the
 * head end. Its anterior edge is fitted as a straight line (least squares on the triangle's
 * width per line along the chest wall).
 */
import type { LinePx } from './breast-geometry.js';
import type { BreastMask } from './breast-mask.js';
import type { ChestWallFrame } from './chest-wall.js';
import type { OverviewFrame } from './overview-frame.js';
import type { OverviewImage } from './overview-image.js';
import { otsuThreshold } from './otsu-threshold.js';
import type { SkinProfile } from './skin-line.js';

/** Acceptance rules for the triangle, as data. */
export const PECTORAL_RULES = {
  /** The triangle must start within this fraction of the chest-wall length from the head end. */
  maxStartFraction: 0.1,
  /** At least this many overview lines. */
  minLines: 4,
  /** Width at the head end, overview samples. */
  minTopWidth: 3,
  /** Otsu separability (between-class / total variance) of muscle vs breast in the search region. */
  minSeparability: 0.5,
  /** Widths farther than this from the fitted line (overview samples, at least) are outliers … */
  minOutlierDistance: 2,
  /** … as are those beyond this many median absolute residuals. */
  outlierMads: 3,
  /** At least this fraction of the lines must fit the line. */
  minInlierFraction: 0.6,
  /** Search no farther from the chest wall than this fraction of the breast's reach … */
  maxWidthFraction: 0.9,
  /** … nor farther along the chest wall than this fraction of its length. */
  maxLengthFraction: 0.8,
  /** Root-mean-square residual of the line fit, as a fraction of the head-end width. */
  maxResidualFraction: 0.2,
} as const;

/**
 * Finds the pectoral line. `headAtStart`: true when the head end is at v = 0 (top of the image for
 * a chest wall on the left or right), false for the other end, null to try both (larger wins).
 */
export function findPectoralLine(
  overview: OverviewImage,
  mask: BreastMask,
  of: OverviewFrame,
  frame: ChestWallFrame,
  profile: SkinProfile,
  headAtStart: boolean | null,
): LinePx | null {
  const ends = headAtStart === null ? [true, false] : [headAtStart];
  let best: { line: LinePx; width: number } | null = null;
  for (const start of ends) {
    const found = fitAtEnd(overview, mask, of, frame, profile, start);
    if (found !== null && (best === null || found.width > best.width)) best = found;
  }
  return best?.line ?? null;
}

function fitAtEnd(
  overview: OverviewImage,
  mask: BreastMask,
  of: OverviewFrame,
  frame: ChestWallFrame,
  profile: SkinProfile,
  headAtStart: boolean,
): { line: LinePx; width: number } | null {
  const line = (k: number): number => (headAtStart ? k : of.nv - 1 - k);
  const touches = (k: number): boolean => mask.data[of.index(0, line(k))] === 1;
  let k0 = 0;
  while (k0 < of.nv && !touches(k0)) k0++;
  if (k0 > PECTORAL_RULES.maxStartFraction * of.nv) return null;
  let maxReach = 0;
  for (const r of profile.reach) if (r > maxReach) maxReach = r;
  const uLimit = Math.max(1, Math.floor(maxReach * PECTORAL_RULES.maxWidthFraction));
  const kLimit = of.nv * PECTORAL_RULES.maxLengthFraction;
  const region: number[] = [];
  for (let k = k0; k < kLimit; k++) {
    for (let iu = 0; iu < uLimit; iu++) {
      const i = of.index(iu, line(k));
      if (mask.data[i] === 1) region.push(overview.data[i] as number);
    }
  }
  const t = otsuThreshold(region);
  if (t === null || separability(region, t) < PECTORAL_RULES.minSeparability) return null;
  const ks: number[] = [];
  const widths: number[] = [];
  for (let k = k0; k < kLimit; k++) {
    let w = 0;
    while (w < uLimit && (overview.data[of.index(w, line(k))] as number) > t) w++;
    if (w === 0) break;
    if (w === uLimit) continue;
    ks.push(k);
    widths.push(w);
  }
  if (ks.length < PECTORAL_RULES.minLines || (widths[0] as number) < PECTORAL_RULES.minTopWidth) return null;
  const fit = robustLine(ks, widths);
  if (fit === null || fit.slope >= 0) return null;
  const topWidth = fit.intercept + fit.slope * k0;
  if (topWidth <= 0 || fit.rms > PECTORAL_RULES.maxResidualFraction * topWidth) return null;
  // Edge in full resolution: boundary between the last muscle sample (w − 1) and the next.
  const vOf = (k: number): number => of.vAt(line(k));
  const uOfK = (k: number): number => of.uAt(fit.intercept + fit.slope * k - 0.5);
  const headEdgeV = headAtStart ? -0.5 : frame.edgeLength - 0.5;
  const kAtHeadEdge = headAtStart ? (headEdgeV - of.vAt(0)) / of.stride : (of.vAt(of.nv - 1) - headEdgeV) / of.stride;
  const kAtChestWall = (0.5 - of.uAt(0) / of.stride - fit.intercept) / fit.slope;
  const p0 = frame.toImage({ u: uOfK(kAtHeadEdge), v: headEdgeV });
  const p1 = frame.toImage({ u: 0, v: vOf(kAtChestWall) });
  return { line: { p0, p1 }, width: topWidth };
}

function separability(values: readonly number[], t: number): number {
  let n0 = 0;
  let s0 = 0;
  let n1 = 0;
  let s1 = 0;
  let sum = 0;
  let sumSq = 0;
  for (const v of values) {
    sum += v;
    sumSq += v * v;
    if (v > t) {
      n1++;
      s1 += v;
    } else {
      n0++;
      s0 += v;
    }
  }
  const n = values.length;
  const total = sumSq / n - (sum / n) ** 2;
  if (n0 === 0 || n1 === 0 || total <= 0) return 0;
  const between = (n0 / n) * (n1 / n) * (s1 / n1 - s0 / n0) ** 2;
  return between / total;
}

/** Least squares, then twice: drop outlying widths (glandular tissue touching the muscle) and refit. */
function robustLine(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; rms: number } | null {
  let keepX = [...xs];
  let keepY = [...ys];
  let fit = leastSquares(keepX, keepY);
  for (let round = 0; round < 2; round++) {
    const residuals = xs.map((x, i) => Math.abs((ys[i] as number) - (fit.intercept + fit.slope * x)));
    const sorted = [...residuals].sort((a, b) => a - b);
    const mad = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const limit = Math.max(PECTORAL_RULES.minOutlierDistance, PECTORAL_RULES.outlierMads * mad);
    keepX = xs.filter((_, i) => (residuals[i] as number) <= limit);
    keepY = ys.filter((_, i) => (residuals[i] as number) <= limit);
    if (keepX.length < PECTORAL_RULES.minLines) return null;
    fit = leastSquares(keepX, keepY);
  }
  if (keepX.length < PECTORAL_RULES.minInlierFraction * xs.length) return null;
  return fit;
}

function leastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; rms: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((ys[i] as number) - (intercept + slope * (xs[i] as number))) ** 2;
  return { slope, intercept, rms: Math.sqrt(ss / n) };
}
