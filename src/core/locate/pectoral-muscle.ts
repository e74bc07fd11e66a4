/**
 * The pectoral muscle on MLO / ML views: the dense band in the chest-wall corner at the head end,
 * widest at the head end. Its anterior edge is traced on the overview as a step down in density
 * (muscle → breast) that runs continuously from the head end toward the chest wall, then fitted
 * as a straight line (least squares, outlying lines dropped).
 *
 * The trace is the best path of a dynamic programme over the lines along the chest wall: each line
 * adds the size of its density step minus a minimum step, so the path follows the muscle's edge
 * as long as that edge is stronger than the texture around it and ends where the muscle ends (or
 * is lost in dense tissue). A global threshold does not work on real images: glandular tissue is
 * often as dense as the muscle, and the muscle can be only slightly denser than the fat in front
 * of it.
 */
import type { LinePx } from './breast-geometry.js';
import type { BreastMask } from './breast-mask.js';
import type { ChestWallFrame } from './chest-wall.js';
import type { OverviewFrame } from './overview-frame.js';
import type { OverviewImage } from './overview-image.js';
import type { SkinProfile } from './skin-line.js';

/** Acceptance rules for the muscle's edge, as data (image-analysis settings, not clinical rules). */
export const PECTORAL_RULES = {
  /** The muscle must touch the chest wall within this fraction of its length from the head end. */
  maxStartFraction: 0.1,
  /** The traced edge may start on any line within this fraction of the chest-wall length of the first breast line. */
  startWindowFraction: 0.05,
  /** At least this many overview lines. */
  minLines: 4,
  /** Width at the head end, overview samples. */
  minTopWidth: 3,
  /** Density samples averaged on each side of a step, overview samples. */
  stepHalfWidth: 3,
  /**
   * A line extends the trace only when its step exceeds this fraction of the breast's density
   * range (breast / background threshold to the 95th percentile of the breast).
   */
  minStepFraction: 0.04,
  /**
   * From one line to the next (away from the head end) the muscle may narrow by at most this many
   * samples and never widens: its anterior edge runs toward the chest wall.
   */
  maxShiftPerLine: 2,
  /** Mean step along the trace, as a fraction of the breast's density range. */
  minMeanStepFraction: 0.05,
  /**
   * The traced edge must approach the chest wall: its width on the last traced line at most this
   * fraction of its width on the first. The muscle's anterior edge runs down and back to meet the
   * chest wall (the triangle of a well-positioned MLO); an edge of glandular tissue does not.
   */
  maxEndToStartWidth: 0.5,
  /** The edge stays at least this many samples inside the skin line. */
  skinMargin: 3,
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

/** The pectoral line, or why it was not found (in words a reader can check on the image). */
export type PectoralSearch = { readonly line: LinePx } | { readonly line: null; readonly reason: string };

type Fit = { readonly line: LinePx; readonly width: number } | { readonly reason: string };

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
): PectoralSearch {
  const ends = headAtStart === null ? [true, false] : [headAtStart];
  let best: { line: LinePx; width: number } | null = null;
  const reasons: string[] = [];
  const range = breastRange(overview, mask);
  for (const start of ends) {
    const found = fitAtEnd(overview, mask, of, frame, profile, start, range);
    if ('reason' in found) reasons.push(found.reason);
    else if (best === null || found.width > best.width) best = found;
  }
  return best !== null ? { line: best.line } : { line: null, reason: reasons.join('; ') };
}

const percent = (f: number): string => `${Math.round(f * 100)} %`;

/** The breast's density range: mask threshold to the 95th percentile of breast samples. */
function breastRange(overview: OverviewImage, mask: BreastMask): number {
  const values = new Float32Array(mask.count);
  let n = 0;
  for (let i = 0; i < mask.data.length && n < values.length; i++) if (mask.data[i] === 1) values[n++] = overview.data[i] as number;
  if (n === 0) return 0;
  const sorted = values.subarray(0, n).sort();
  return (sorted[Math.floor(0.95 * (n - 1))] as number) - mask.threshold;
}

function fitAtEnd(
  overview: OverviewImage,
  mask: BreastMask,
  of: OverviewFrame,
  frame: ChestWallFrame,
  profile: SkinProfile,
  headAtStart: boolean,
  range: number,
): Fit {
  const R = PECTORAL_RULES;
  const line = (k: number): number => (headAtStart ? k : of.nv - 1 - k);
  const touches = (k: number): boolean => mask.data[of.index(0, line(k))] === 1;
  let k0 = 0;
  while (k0 < of.nv && !touches(k0)) k0++;
  if (k0 > R.maxStartFraction * of.nv) return { reason: 'the breast does not reach the chest wall at the head end' };
  if (!(range > 0)) return { reason: 'the breast has no density range' };
  let maxReach = 0;
  for (const r of profile.reach) if (r > maxReach) maxReach = r;
  const uLimit = Math.max(1, Math.floor(maxReach * R.maxWidthFraction));
  const kEnd = Math.min(of.nv, Math.ceil(of.nv * R.maxLengthFraction));
  const lines = kEnd - k0;
  if (lines < R.minLines) return { reason: 'the breast is too short along the chest wall' };
  const h = R.stepHalfWidth;
  const nu = uLimit + h;
  // Density along each line, averaged over the line and its two neighbours (texture, noise).
  const density = (k: number, iu: number): number => {
    let s = 0;
    let n = 0;
    for (let dk = -1; dk <= 1; dk++) {
      const kk = k + dk;
      if (kk < k0 || kk >= kEnd || iu >= of.nu) continue;
      s += overview.data[of.index(iu, line(kk))] as number;
      n++;
    }
    return n === 0 ? Number.NaN : s / n;
  };
  // Step at iu: mean of up to h samples before it (chest-wall side) minus mean of h samples from it.
  const step = new Float64Array(lines * nu).fill(Number.NEGATIVE_INFINITY);
  for (let j = 0; j < lines; j++) {
    const k = k0 + j;
    const reach = profile.reach[line(k)] ?? -1;
    const uMax = Math.min(uLimit, reach - R.skinMargin - h + 1);
    const d = new Float64Array(Math.max(0, uMax + h));
    for (let iu = 0; iu < d.length; iu++) d[iu] = density(k, iu);
    for (let iu = h; iu <= uMax; iu++) {
      let before = 0;
      let nb = 0;
      for (let t = iu - h; t < iu; t++) {
        before += d[t] as number;
        nb++;
      }
      let after = 0;
      for (let t = iu; t < iu + h; t++) after += d[t] as number;
      const s = (before / nb - after / h) / range;
      if (Number.isFinite(s)) step[j * nu + iu] = s;
    }
  }
  // Dynamic programme: best trace ending at (j, iu); a trace starts only near the head end.
  const startLines = Math.max(2, Math.ceil(R.startWindowFraction * of.nv));
  const score = new Float64Array(lines * nu).fill(Number.NEGATIVE_INFINITY);
  const from = new Int32Array(lines * nu).fill(-1);
  let bestScore = 0;
  let bestAt = -1;
  for (let j = 0; j < lines; j++) {
    for (let iu = 1; iu < nu; iu++) {
      const s = step[j * nu + iu] as number;
      if (s === Number.NEGATIVE_INFINITY) continue;
      let prev = j < startLines ? 0 : Number.NEGATIVE_INFINITY;
      let prevAt = -1;
      if (j > 0) {
        for (let d = 0; d <= R.maxShiftPerLine; d++) {
          const pu = iu + d;
          if (pu < 1 || pu >= nu) continue;
          const p = score[(j - 1) * nu + pu] as number;
          if (p > prev) {
            prev = p;
            prevAt = (j - 1) * nu + pu;
          }
        }
      }
      if (prev === Number.NEGATIVE_INFINITY) continue;
      const v = prev + s - R.minStepFraction;
      score[j * nu + iu] = v;
      from[j * nu + iu] = prevAt;
      if (v > bestScore) {
        bestScore = v;
        bestAt = j * nu + iu;
      }
    }
  }
  if (bestAt < 0) return { reason: 'no denser band along the chest wall at the head end' };
  const ks: number[] = [];
  const widths: number[] = [];
  let stepSum = 0;
  for (let at = bestAt; at >= 0; at = from[at] as number) {
    const j = Math.floor(at / nu);
    ks.unshift(k0 + j);
    widths.unshift(at % nu);
    stepSum += step[at] as number;
  }
  if (ks.length < R.minLines || (widths[0] as number) < R.minTopWidth) {
    return { reason: 'no denser band at the head end large enough to be the muscle' };
  }
  const meanStep = stepSum / ks.length;
  if (meanStep < R.minMeanStepFraction) {
    return {
      reason: `the edge of the denser band at the head end is faint (${percent(meanStep)} of the breast's density range, at least ${percent(R.minMeanStepFraction)} needed)`,
    };
  }
  if ((widths[widths.length - 1] as number) > R.maxEndToStartWidth * (widths[0] as number)) {
    return { reason: 'the edge of the denser band at the head end does not run toward the chest wall' };
  }
  const fit = robustLine(ks, widths);
  if (fit === null || fit.slope >= 0) return { reason: 'the edge of the denser band at the head end is not a straight line' };
  const topWidth = fit.intercept + fit.slope * k0;
  if (topWidth <= 0 || fit.rms > R.maxResidualFraction * topWidth) {
    return { reason: 'the edge of the denser band at the head end is not a straight line' };
  }
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
