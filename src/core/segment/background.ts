/**
 * Local background of a calcification: a plane fitted robustly to a ring of pixels around it,
 * so that a smooth density gradient across the patch does not bias the threshold, and a
 * MAD-based noise estimate of what is left.
 */

/** Scale from median absolute deviation to the standard deviation of a Gaussian. */
export const MAD_TO_SIGMA = 1.4826;

/** Density = a + b·x + c·y (patch coordinates). */
export interface BackgroundPlane {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Robust (MAD-based) standard deviation of the residuals in the ring. */
  readonly noise: number;
}

/** k-th smallest of the first n values of `a` (quickselect; reorders `a`). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

function medianOfCopy(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const m = n >> 1;
  const hi = select(a, n, m);
  if (n % 2 === 1) return hi;
  let lo = -Infinity;
  for (let i = 0; i < m; i++) if ((a[i] as number) > lo) lo = a[i] as number;
  return (lo + hi) / 2;
}

/** Median of the values (copied, not modified). NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
  return medianOfCopy(Float64Array.from(values as ArrayLike<number>));
}

/** Median and robust standard deviation (1.4826 × median absolute deviation) together. */
export function medianAndSigma(values: ArrayLike<number>): { median: number; sigma: number } {
  const m = median(values);
  const dev = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) dev[i] = Math.abs((values[i] as number) - m);
  return { median: m, sigma: MAD_TO_SIGMA * medianOfCopy(dev) };
}

/** Robust standard deviation: 1.4826 × median absolute deviation from the median. */
export function robustSigma(values: ArrayLike<number>): number {
  return medianAndSigma(values).sigma;
}

function solvePlane(xs: ArrayLike<number>, ys: ArrayLike<number>, vs: ArrayLike<number>, use: Uint8Array): [number, number, number] | null {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sv = 0, sxv = 0, syv = 0;
  for (let i = 0; i < vs.length; i++) {
    if (use[i] !== 1) continue;
    const x = xs[i] as number, y = ys[i] as number, v = vs[i] as number;
    n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; sv += v; sxv += x * v; syv += y * v;
  }
  if (n < 3) return null;
  // Centre the coordinates for numerical stability.
  const mx = sx / n, my = sy / n, mv = sv / n;
  const cxx = sxx - n * mx * mx, cyy = syy - n * my * my, cxy = sxy - n * mx * my;
  const cxv = sxv - n * mx * mv, cyv = syv - n * my * mv;
  const det = cxx * cyy - cxy * cxy;
  if (Math.abs(det) < 1e-12 * Math.max(1, cxx * cyy)) return [mv, 0, 0];
  const b = (cxv * cyy - cyv * cxy) / det;
  const c = (cyv * cxx - cxv * cxy) / det;
  return [mv - b * mx - c * my, b, c];
}

/**
 * Fits the background plane to sample points (x, y, density): least squares, then again
 * without points further than 2.5 σ from the first plane (bright neighbours, vessels).
 * Returns null with fewer than 3 points.
 */
export function fitBackgroundPlane(xs: ArrayLike<number>, ys: ArrayLike<number>, vs: ArrayLike<number>): BackgroundPlane | null {
  const n = vs.length;
  const use = new Uint8Array(n).fill(1);
  // Start from the median level so outliers cannot drag the first fit far.
  const { median: med, sigma: sig0 } = medianAndSigma(vs);
  for (let i = 0; i < n; i++) if (Math.abs((vs[i] as number) - med) > 3 * sig0 + 1e-9) use[i] = 0;
  let p = solvePlane(xs, ys, vs, use) ?? solvePlane(xs, ys, vs, use.fill(1));
  if (p === null) return null;
  const res = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) res[i] = (vs[i] as number) - (p[0] + p[1] * (xs[i] as number) + p[2] * (ys[i] as number));
    const { median: m, sigma: s } = medianAndSigma(res);
    for (let i = 0; i < n; i++) use[i] = Math.abs((res[i] as number) - m) <= 2.5 * s + 1e-9 ? 1 : 0;
    p = solvePlane(xs, ys, vs, use) ?? p;
  }
  for (let i = 0; i < n; i++) res[i] = (vs[i] as number) - (p[0] + p[1] * (xs[i] as number) + p[2] * (ys[i] as number));
  return { a: p[0], b: p[1], c: p[2], noise: robustSigma(res) };
}
