/**
 * Local background that follows fibroglandular texture: a grey-level opening (erosion, then
 * dilation, by a square) of the lightly smoothed patch. The opening removes every bright
 * structure narrower than the square — a speck, a cluster of specks, a thin linear cast — and
 * keeps broader tissue, so what is left above it is the calcification alone. The detector
 * noise a peak must stand out from is measured on pixel − 3 × 3 mean, which texture does not reach.
 */
import { median, medianAndSigma } from './background.js';
import { workingArray } from './working-arrays.js';

/**
 * Running minimum (or, with `max`, maximum) over `2r + 1` samples along each row of `src`
 * (width × height) into `dst`, by van Herk / Gil–Werman: g holds the minimum from each block's
 * start, h from each block's end; windows are cut at the row ends.
 */
function rowPass(src: Float64Array, dst: Float64Array, width: number, height: number, r: number, max: boolean, g: Float64Array, h: Float64Array): void {
  const k = 2 * r + 1;
  const lastBlock = Math.floor((width - 1) / k) * k;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let b = 0; b < width; b += k) {
      const e = b + k < width ? b + k : width;
      let m = src[row + b] as number;
      g[b] = m;
      for (let i = b + 1; i < e; i++) {
        const v = src[row + i] as number;
        if (max ? v > m : v < m) m = v;
        g[i] = m;
      }
      m = src[row + e - 1] as number;
      h[e - 1] = m;
      for (let i = e - 2; i >= b; i--) {
        const v = src[row + i] as number;
        if (max ? v > m : v < m) m = v;
        h[i] = m;
      }
    }
    for (let i = 0; i < width; i++) {
      const lo = i > r ? i - r : 0;
      const hi = i + r < width ? i + r : width - 1;
      let v: number;
      if (lo === 0) v = g[hi] as number;
      else if (hi === width - 1 && lo >= lastBlock) v = h[lo] as number;
      else {
        const a = h[lo] as number;
        const c = g[hi] as number;
        v = (max ? a > c : a < c) ? a : c;
      }
      dst[row + i] = v;
    }
  }
}

/**
 * The same running minimum (or maximum) down each column, every row of the image at once so that
 * memory is read in order: g and h (width × height each) hold the block-wise minima from each
 * block's first and last row.
 */
function columnPass(src: Float64Array, dst: Float64Array, width: number, height: number, r: number, max: boolean, g: Float64Array, h: Float64Array): void {
  const k = 2 * r + 1;
  const lastBlock = Math.floor((height - 1) / k) * k;
  for (let b = 0; b < height; b += k) {
    const e = b + k < height ? b + k : height;
    for (let x = 0; x < width; x++) g[b * width + x] = src[b * width + x] as number;
    for (let y = b + 1; y < e; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) {
        const v = src[row + x] as number;
        const m = g[row - width + x] as number;
        g[row + x] = (max ? v > m : v < m) ? v : m;
      }
    }
    for (let x = 0; x < width; x++) h[(e - 1) * width + x] = src[(e - 1) * width + x] as number;
    for (let y = e - 2; y >= b; y--) {
      const row = y * width;
      for (let x = 0; x < width; x++) {
        const v = src[row + x] as number;
        const m = h[row + width + x] as number;
        h[row + x] = (max ? v > m : v < m) ? v : m;
      }
    }
  }
  for (let y = 0; y < height; y++) {
    const lo = y > r ? y - r : 0;
    const hi = y + r < height ? y + r : height - 1;
    const row = y * width;
    if (lo === 0) dst.set(g.subarray(hi * width, hi * width + width), row);
    else if (hi === height - 1 && lo >= lastBlock) dst.set(h.subarray(lo * width, lo * width + width), row);
    else {
      const ho = lo * width;
      const go = hi * width;
      for (let x = 0; x < width; x++) {
        const a = h[ho + x] as number;
        const c = g[go + x] as number;
        dst[row + x] = (max ? a > c : a < c) ? a : c;
      }
    }
  }
}

/** Erosion (min) or dilation (max) by a (2r + 1) × (2r + 1) square, into `out` (`tmp`, `g` and `h` are scratch of the image's size). */
function squareFilter(values: Float64Array, width: number, height: number, r: number, max: boolean, tmp: Float64Array, out: Float64Array, g: Float64Array, h: Float64Array): void {
  rowPass(values, tmp, width, height, r, max, g, h);
  columnPass(tmp, out, width, height, r, max, g, h);
}

/** `count` distinct working arrays of n values for the square filters (working-arrays.ts). */
function scratch(n: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, i) => workingArray(`opening scratch ${i}`, n, (k) => new Float64Array(k)));
}

/** Grey-level opening by a (2r + 1) × (2r + 1) square: the largest surface below `values` that the square fits under (into `out`, every value written). */
export function greyOpening(values: ArrayLike<number>, width: number, height: number, r: number, out: Float64Array = new Float64Array(width * height)): Float64Array {
  const n = width * height;
  const src = values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
  const [tmp, eroded, g, h] = scratch(n, 4) as [Float64Array, Float64Array, Float64Array, Float64Array];
  squareFilter(src, width, height, r, false, tmp, eroded, g, h);
  squareFilter(eroded, width, height, r, true, tmp, out, g, h);
  return out;
}

/** 3 × 3 box mean of every pixel (the window shrinks at the edge), into `out` (every value written). */
export function boxMean3(values: ArrayLike<number>, width: number, height: number, out: Float64Array = new Float64Array(width * height)): Float64Array {
  const [rows] = scratch(width * height, 1) as [Float64Array];
  // Along rows: the centre, then the left and right neighbours where there are some.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    if (width === 1) {
      rows[row] = values[row] as number;
      continue;
    }
    rows[row] = ((values[row] as number) + (values[row + 1] as number)) / 2;
    for (let i = row + 1; i < row + width - 1; i++) rows[i] = ((values[i] as number) + (values[i - 1] as number) + (values[i + 1] as number)) / 3;
    const last = row + width - 1;
    rows[last] = ((values[last] as number) + (values[last - 1] as number)) / 2;
  }
  // Down columns, likewise.
  if (height === 1) {
    out.set(rows);
    return out;
  }
  for (let x = 0; x < width; x++) out[x] = ((rows[x] as number) + (rows[x + width] as number)) / 2;
  for (let i = width; i < width * (height - 1); i++) out[i] = ((rows[i] as number) + (rows[i - width] as number) + (rows[i + width] as number)) / 3;
  const last = width * (height - 1);
  for (let x = 0; x < width; x++) out[last + x] = ((rows[last + x] as number) + (rows[last + x - width] as number)) / 2;
  return out;
}

/**
 * boxMean3 into a working array, for a caller that is done with it before it asks again (a click's
 * patch analysis: the detector noise and the opening read it, nothing keeps it).
 */
export function boxMean3Kept(values: ArrayLike<number>, width: number, height: number): Float64Array {
  return boxMean3(values, width, height, workingArray('box mean', width * height, (k) => new Float64Array(k)));
}

export interface TextureBackground {
  /** Background density of every pixel, one array per opening radius asked for. */
  readonly background: readonly Float64Array[];
  /** Density minus background (calcifications stand out, tissue is near 0), per radius. */
  readonly contrast: readonly Float32Array[];
}

/** √(8/9): σ of (pixel − 3 × 3 mean) for white noise of unit σ. */
const HIGH_PASS_GAIN = Math.sqrt(8 / 9);
/** Most pixels sampled for the robust statistics. */
const MAX_SAMPLES = 300;

/**
 * Backgrounds of a patch by opening its 3 × 3 mean with a (2r + 1)² square for each radius r,
 * each shifted so that the typical tissue pixel has zero contrast (the opening of a noisy
 * surface sits below it): the shift is the median of 3 × 3 mean − opening, which the few
 * pixels of bright objects do not move. Returns null for a patch smaller
 * than 3 × 3. `smooth` may pass the patch's 3 × 3 mean when already computed.
 */
export function textureBackground(data: ArrayLike<number>, width: number, height: number, radii: readonly number[], smooth: Float64Array = boxMean3(data, width, height)): TextureBackground | null {
  const n = width * height;
  if (width < 3 || height < 3 || radii.length === 0) return null;
  const background: Float64Array[] = [];
  const contrast: Float32Array[] = [];
  for (const r of radii) {
    const b = new Float64Array(n);
    const c = new Float32Array(n);
    shiftedOpening(data, smooth, width, height, r, b, c);
    background.push(b);
    contrast.push(c);
  }
  return { background, contrast };
}

/**
 * textureBackground for one radius into arrays kept between calls, for a caller that is done with
 * them before it asks again (a click's patch: the region is grown and outlined on it before the
 * next patch is analysed; a click on a long vessel wall analyses several of a few hundred thousand
 * pixels). Null for a patch smaller than 3 × 3.
 */
export function textureBackgroundKept(data: ArrayLike<number>, width: number, height: number, r: number, smooth: Float64Array): { background: Float64Array; contrast: Float32Array } | null {
  const n = width * height;
  if (width < 3 || height < 3) return null;
  const background = workingArray('texture background', n, (k) => new Float64Array(k));
  const contrast = workingArray('texture contrast', n, (k) => new Float32Array(k));
  shiftedOpening(data, smooth, width, height, r, background, contrast);
  return { background, contrast };
}

/** The opening of `smooth` for radius r, shifted to the typical tissue pixel, into `b`, and `data` − it into `c` (see textureBackground). */
function shiftedOpening(data: ArrayLike<number>, smooth: Float64Array, width: number, height: number, r: number, b: Float64Array, c: Float32Array): void {
  const n = width * height;
  const step = Math.max(1, Math.floor(n / MAX_SAMPLES));
  const sample = new Float64Array(Math.ceil(n / step));
  greyOpening(smooth, width, height, Math.max(1, Math.round(r)), b);
  let k = 0;
  for (let i = 0; i < n; i += step) sample[k++] = (smooth[i] as number) - (b[i] as number);
  const level = median(sample.subarray(0, k));
  for (let i = 0; i < n; i++) {
    const v = (b[i] as number) + level;
    b[i] = v;
    c[i] = (data[i] as number) - v;
  }
}

/**
 * Detector noise σ of one pixel in a patch: robust spread of pixel − 3 × 3 mean (which smooth
 * texture does not reach), with the large differences at the edges of bright objects trimmed
 * (beyond 3 σ of a first estimate), scaled to a pixel's σ. NaN for a patch smaller than 3 × 3.
 */
export function detectorNoise(data: ArrayLike<number>, width: number, height: number, smooth: Float64Array = boxMean3(data, width, height)): number {
  if (width < 3 || height < 3) return NaN;
  const n = width * height;
  const step = Math.max(1, Math.floor(n / MAX_SAMPLES));
  const hp = new Float64Array(Math.ceil(n / step));
  let k = 0;
  for (let i = 0; i < n; i += step) {
    const x = i % width;
    if (x === 0 || x === width - 1 || i < width || i >= n - width) continue;
    hp[k++] = (data[i] as number) - (smooth[i] as number);
  }
  if (k < 9) return NaN;
  const first = medianAndSigma(hp.subarray(0, k));
  const kept = hp.subarray(0, k).filter((v) => Math.abs(v - first.median) <= 3 * first.sigma);
  return (kept.length >= 9 ? medianAndSigma(kept).sigma : first.sigma) / HIGH_PASS_GAIN;
}
