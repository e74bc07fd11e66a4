/**
 * The nipple in profile as a protrusion of the skin line: the nipple standing out alone from a
 * smooth breast front, which the lobe rule (nipple.ts, a nipple beside the breast's own curve)
 * cannot tell from the apex of that curve.
 *
 * The breast's front is fitted as a smooth curve (a cubic u(v)) on the skin contour on each
 * side of the farthest point, leaving out the part a nipple could occupy; the nipple is in profile
 * when the contour stands out beyond that curve by at least a nipple's projection, over a width a
 * nipple has, and falls back to it on both sides within the part left out. The ACR's positioning criterion is that the nipple be seen in profile (ACR
 * Mammography Quality Control Manual, 2018, clinical image quality: positioning); a nipple seen in
 * profile is what this rule recognises.
 */
import type { MammoImage } from '../image.js';
import type { ChestWallFrame, FramePoint } from './chest-wall.js';
import type { OverviewFrame } from './overview-frame.js';
import { refineNipple, traceFront } from './nipple.js';
import type { SkinProfile } from './skin-line.js';

/**
 * Nipple sizes (anthropometric studies of the nipple–areola complex: nipple diameter about
 * 10–15 mm and projection about 3–10 mm in adult women — Sanuki et al., Aesthetic Plast Surg
 * 2009;33:295–7, 600 breasts; Avşar et al., Aesthet Surg J 2010;30:44–50, 385 women) turned into
 * image-analysis limits.
 */
export const NIPPLE_PROTRUSION_RULES = {
  /**
   * Least height of the tip above the fitted front, mm: the low end of nipple projection (3 mm),
   * less 1 mm for compression flattening the nipple and the blur of the skin edge.
   */
  minProjectionMm: 2,
  /**
   * Width of the protrusion where it stands half its height above the front, mm. Least: a
   * 10 mm nipple is about 9 mm wide at half its height; 3 mm leaves room for small nipples and
   * keeps out one-line spikes of noise or a marker's edge.
   */
  minHalfHeightWidthMm: 3,
  /** Most: the widest nipples are about 20 mm; a wider rise is the breast's own curve or a fold. */
  maxHalfHeightWidthMm: 25,
  /**
   * Part of the contour on each side of the farthest point left out of the front's fit, mm: half
   * the widest nipple base allowed (maxHalfHeightWidthMm / 2), so a nipple never bends the fit.
   */
  excludedHalfWidthMm: 12.5,
  /** Contour fitted on each side beyond the excluded part, mm: enough of the front to fix its curve. */
  flankMm: 25,
  /**
   * Degree of the curve fitted to the front: 3, so that a front curving more sharply on one side
   * of its apex than on the other (as on an MLO) is followed without a false rise at the join.
   */
  frontDegree: 3,
  /** Contour sampled every this many mm along the chest wall (a 6 mm nipple gets a dozen samples). */
  sampleStepMm: 0.5,
  /** Least fraction of each flank's lines where a skin edge was found, for a fit to be trusted. */
  minFlankCoverage: 0.6,
} as const;

/** A nipple found standing out of the front, with the figures it was judged on. */
export interface NippleProtrusion {
  /** The nipple's tip (its most anterior point) in the chest-wall frame. */
  readonly tip: FramePoint;
  /** Height of the tip above the fitted front, mm. */
  readonly projectionMm: number;
  /** Width at half that height, mm. */
  readonly halfHeightWidthMm: number;
}

/**
 * Looks for a nipple protruding from the breast front near `farthest` (the farthest skin point).
 * Returns it when it meets NIPPLE_PROTRUSION_RULES, else null — also on an uncalibrated image
 * (nipple sizes are in mm) or when the front is too short on either side to fit.
 */
export function nippleProtrusion(
  image: MammoImage,
  frame: ChestWallFrame,
  of: OverviewFrame,
  profile: SkinProfile,
  farthest: FramePoint,
  threshold: number,
): NippleProtrusion | null {
  const R = NIPPLE_PROTRUSION_RULES;
  const vertical = frame.edge === 'left' || frame.edge === 'right';
  const { rowSpacingMm, columnSpacingMm } = image.calibration;
  if (rowSpacingMm === null || columnSpacingMm === null) return null;
  const vMm = vertical ? rowSpacingMm : columnSpacingMm;
  const uMm = vertical ? columnSpacingMm : rowSpacingMm;
  const step = Math.max(1, Math.round(R.sampleStepMm / vMm));
  const excluded = R.excludedHalfWidthMm / vMm;
  const reach = excluded + R.flankMm / vMm;
  const front = traceFront(image, frame, of, profile, farthest.v, reach, step, threshold, R.excludedHalfWidthMm / uMm);
  const vs = front.vs;
  const us = medianOfThree(front.us);

  // The front fitted on both flanks, relative to the farthest point.
  const flankLines = Math.round(R.flankMm / vMm / step);
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < vs.length; i++) {
    const dv = (vs[i] as number) - farthest.v;
    if (dv <= -excluded) left.push(i);
    else if (dv >= excluded) right.push(i);
  }
  if (left.length < R.minFlankCoverage * flankLines || right.length < R.minFlankCoverage * flankLines) return null;
  const fit = fitPolynomial(
    [...left, ...right].map((i) => [(vs[i] as number) - farthest.v, us[i] as number] as const),
    R.frontDegree,
  );
  if (fit === null) return null;
  const above = us.map((u, i) => u - fit((vs[i] as number) - farthest.v));

  // The highest point above the front within the excluded part, and the run above half its height.
  let top = -1;
  for (let i = 0; i < vs.length; i++) {
    if (Math.abs((vs[i] as number) - farthest.v) >= excluded) continue;
    if (top < 0 || (above[i] as number) > (above[top] as number)) top = i;
  }
  if (top < 0) return null;
  const projectionMm = (above[top] as number) * uMm;
  if (projectionMm < R.minProjectionMm) return null;
  const halfHeight = (above[top] as number) / 2;
  let lo = top;
  while (lo > 0 && (above[lo - 1] as number) >= halfHeight) lo--;
  let hi = top;
  while (hi < vs.length - 1 && (above[hi + 1] as number) >= halfHeight) hi++;
  // A nipple falls back to the front on both sides within the part left out of the fit; a rise
  // still going on beyond it is the breast's own shape.
  if (Math.abs((vs[lo] as number) - farthest.v) >= excluded || Math.abs((vs[hi] as number) - farthest.v) >= excluded) return null;
  // Half a sample added on each side: the run's ends lie between its last samples and the next.
  const halfHeightWidthMm = ((vs[hi] as number) - (vs[lo] as number) + step) * vMm;
  if (halfHeightWidthMm < R.minHalfHeightWidthMm || halfHeightWidthMm > R.maxHalfHeightWidthMm) return null;

  // The tip: the nipple's most anterior point, refined on every full-resolution line near it when
  // the refinement stays on the protrusion.
  let at = lo;
  for (let i = lo; i <= hi; i++) if ((us[i] as number) > (us[at] as number)) at = i;
  const traced = { u: us[at] as number, v: vs[at] as number };
  const refined = refineNipple(image, frame, traced, threshold, step);
  const onIt = refined.v >= (vs[lo] as number) && refined.v <= (vs[hi] as number) && refined.u >= traced.u - 1;
  return { tip: onIt ? refined : traced, projectionMm, halfHeightWidthMm };
}

/** Each value replaced by the median of itself and its two neighbours (ends kept): one-line spikes go. */
function medianOfThree(values: readonly number[]): number[] {
  return values.map((x, i) => {
    if (i === 0 || i === values.length - 1) return x;
    const a = values[i - 1] as number;
    const b = values[i + 1] as number;
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), x));
  });
}

/** Least-squares polynomial of `degree` through the points; null when they do not fix one. */
function fitPolynomial(points: readonly (readonly [number, number])[], degree: number): ((x: number) => number) | null {
  const n = degree + 1;
  if (points.length < n) return null;
  // Normal equations on x scaled to about 1, for conditioning.
  let scale = 0;
  for (const [x] of points) scale = Math.max(scale, Math.abs(x));
  if (scale === 0) return null;
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  for (const [x0, y] of points) {
    const x = x0 / scale;
    const powers: number[] = [1];
    for (let k = 1; k < 2 * n - 1; k++) powers.push((powers[k - 1] as number) * x);
    for (let r = 0; r < n; r++) {
      const row = m[r] as number[];
      for (let c = 0; c < n; c++) row[c] = (row[c] as number) + (powers[r + c] as number);
      row[n] = (row[n] as number) + (powers[r] as number) * y;
    }
  }
  // Gauss–Jordan elimination with partial pivoting.
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[pivot] as number[])[c] as number)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    const d = pr[c] as number;
    if (Math.abs(d) < 1e-12 * points.length) return null;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / d;
      for (let k = c; k <= n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  const coef = m.map((row, i) => (row[n] as number) / (row[i] as number));
  return (x0: number) => {
    const x = x0 / scale;
    let u = 0;
    for (let k = n - 1; k >= 0; k--) u = u * x + (coef[k] as number);
    return u;
  };
}
