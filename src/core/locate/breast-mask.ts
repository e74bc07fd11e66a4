/**
 * Breast versus background on the overview image. Otsu's threshold alone tends to fall between
 * fat and glandular tissue (the thin, fatty periphery then counts as background), so the
 * threshold is moved down toward the background level: a quarter of the way from the
 * background's peak to Otsu's level, and at least six background noise deviations above the
 * peak. Thin bright bands and strokes are then cut off the breast: the mask is eroded by a disc,
 * the largest region of what is left is the breast's core, and the breast is the part of the
 * thresholded mask within the same disc of that core (discs by chamfer distance; an opening that
 * keeps the skin line where it is). Film edges, burned-in letters, rulers and marker tapes touching the breast along a band
 * narrower than the disc no longer join it; the breast itself, many times wider, keeps its shape.
 * Holes inside the breast are filled.
 */
import type { OverviewImage } from './overview-image.js';
import { otsuThreshold } from './otsu-threshold.js';

/** Where the breast / background threshold sits, as data. */
export const MASK_RULES = {
  /** Fraction of the way from the background peak to Otsu's threshold. */
  fractionOfOtsu: 0.25,
  /** Minimum height above the background peak, in background noise deviations. */
  minNoiseDeviations: 6,
  /**
   * Radius of the disc that cuts thin bands off the breast, overview samples (about 1.2 % of the
   * image's long side: 3 mm on a 24 × 30 cm field). Film edges and letter strokes are narrower
   * than its diameter; the nipple in profile is wider.
   */
  bandRadius: 3,
} as const;

export interface BreastMask {
  readonly width: number;
  readonly height: number;
  /** 1 = breast, row-major, same layout as the overview. */
  readonly data: Uint8Array;
  readonly threshold: number;
  /** Number of breast samples. */
  readonly count: number;
}

/** Finds the breast on the overview; null when the image is uniform or nothing stands out. */
export function findBreastMask(overview: OverviewImage): BreastMask | null {
  const { width: w, height: h, data } = overview;
  const threshold = breastThreshold(data);
  if (threshold === null) return null;
  const above = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) above[i] = (data[i] as number) > threshold ? 1 : 0;
  const core = largestRegion(erode(above, w, h, MASK_RULES.bandRadius), w, h);
  if (core === null) return null;
  const near = dilate(core, w, h, MASK_RULES.bandRadius);
  for (let i = 0; i < w * h; i++) near[i] = (near[i] as number) & (above[i] as number);
  const largest = largestRegion(near, w, h);
  if (largest === null) return null;
  const filled = fillHoles(largest, w, h);
  let count = 0;
  for (let i = 0; i < w * h; i++) count += filled[i] as number;
  return { width: w, height: h, data: filled, threshold, count };
}

/** The breast / background level (see the module note); null when all values are equal. */
export function breastThreshold(values: Float32Array): number | null {
  const otsu = otsuThreshold(values);
  if (otsu === null) return null;
  let lo = Infinity;
  for (const v of values) if (v < lo) lo = v;
  // Background peak: the mode of the values below Otsu's threshold.
  const bins = 256;
  const hist = new Uint32Array(bins);
  const scale = (bins - 1) / (otsu - lo);
  for (const v of values) {
    if (v > otsu) continue;
    const b = Math.round((v - lo) * scale);
    hist[b] = (hist[b] as number) + 1;
  }
  let modeBin = 0;
  for (let b = 1; b < bins; b++) if ((hist[b] as number) > (hist[modeBin] as number)) modeBin = b;
  const peak = lo + modeBin / scale;
  // Noise from the dark side of the peak only (the bright side mixes in the breast edge),
  // read off the histogram: the median distance below the peak, in bins.
  let below = 0;
  for (let b = 0; b <= modeBin; b++) below += hist[b] as number;
  let seen = 0;
  let medianBins = 0;
  for (let b = modeBin; b >= 0; b--) {
    seen += hist[b] as number;
    if (seen >= below / 2) {
      medianBins = modeBin - b;
      break;
    }
  }
  const sigma = (1.4826 * medianBins) / scale;
  const level = Math.max(
    peak + MASK_RULES.fractionOfOtsu * (otsu - peak),
    peak + MASK_RULES.minNoiseDeviations * sigma,
  );
  return Math.min(level, otsu);
}

/** Chamfer steps (3 along a row or column, 4 along a diagonal): distances within 8 % of Euclidean. */
const STRAIGHT = 3;
const DIAGONAL = 4;

/**
 * Chamfer distance (in units of STRAIGHT per sample) from every sample to the nearest sample whose
 * mask value is `target`; samples outside the image count as `target` when `outsideIsTarget`.
 */
function chamferDistance(mask: Uint8Array, w: number, h: number, target: 0 | 1, outsideIsTarget: boolean): Int32Array {
  const far = 1 << 29;
  const edge = outsideIsTarget ? 0 : far;
  const d = new Int32Array(w * h);
  for (let i = 0; i < w * h; i++) d[i] = mask[i] === target ? 0 : far;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? edge : (d[y * w + x] as number));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = Math.min(
        d[i] as number,
        at(x - 1, y) + STRAIGHT,
        at(x, y - 1) + STRAIGHT,
        at(x - 1, y - 1) + DIAGONAL,
        at(x + 1, y - 1) + DIAGONAL,
      );
      d[i] = v;
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      const v = Math.min(
        d[i] as number,
        at(x + 1, y) + STRAIGHT,
        at(x, y + 1) + STRAIGHT,
        at(x + 1, y + 1) + DIAGONAL,
        at(x - 1, y + 1) + DIAGONAL,
      );
      d[i] = v;
    }
  }
  return d;
}

/**
 * Keeps the samples farther than r from any background sample. Outside the image counts as
 * background, so a band along an image edge goes as well (the breast at the chest-wall edge comes
 * back with the dilation).
 */
function erode(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const d = chamferDistance(mask, w, h, 0, true);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) out[i] = (d[i] as number) > r * STRAIGHT ? 1 : 0;
  return out;
}

/** Sets every sample within r of a mask sample. */
function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const d = chamferDistance(mask, w, h, 1, false);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) out[i] = (d[i] as number) <= r * STRAIGHT ? 1 : 0;
  return out;
}

/** Labels 4-connected regions of 1s and returns a mask of the largest one (null when none). */
function largestRegion(mask: Uint8Array, w: number, h: number): Uint8Array | null {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let bestLabel = 0;
  let bestSize = 0;
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (mask[start] === 0 || label[start] !== 0) continue;
    next++;
    const size = flood(mask, label, stack, w, h, start, next, 1);
    if (size > bestSize) {
      bestSize = size;
      bestLabel = next;
    }
  }
  if (bestSize === 0) return null;
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) out[i] = label[i] === bestLabel ? 1 : 0;
  return out;
}

/** Sets to 1 every 0-sample not connected to the image border through 0-samples. */
function fillHoles(mask: Uint8Array, w: number, h: number): Uint8Array {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  for (let x = 0; x < w; x++) {
    for (const y of [0, h - 1]) {
      const i = y * w + x;
      if (mask[i] === 0 && label[i] === 0) flood(mask, label, stack, w, h, i, 1, 0);
    }
  }
  for (let y = 0; y < h; y++) {
    for (const x of [0, w - 1]) {
      const i = y * w + x;
      if (mask[i] === 0 && label[i] === 0) flood(mask, label, stack, w, h, i, 1, 0);
    }
  }
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) out[i] = mask[i] === 1 || label[i] === 0 ? 1 : 0;
  return out;
}

/** 4-connected flood fill of samples equal to `value`, writing `id` into `label`; returns the size. */
function flood(
  mask: Uint8Array,
  label: Int32Array,
  stack: Int32Array,
  w: number,
  h: number,
  start: number,
  id: number,
  value: number,
): number {
  let top = 0;
  stack[top++] = start;
  label[start] = id;
  let size = 0;
  while (top > 0) {
    const i = stack[--top] as number;
    size++;
    const x = i % w;
    if (x > 0 && mask[i - 1] === value && label[i - 1] === 0) {
      label[i - 1] = id;
      stack[top++] = i - 1;
    }
    if (x < w - 1 && mask[i + 1] === value && label[i + 1] === 0) {
      label[i + 1] = id;
      stack[top++] = i + 1;
    }
    if (i >= w && mask[i - w] === value && label[i - w] === 0) {
      label[i - w] = id;
      stack[top++] = i - w;
    }
    if (i < w * (h - 1) && mask[i + w] === value && label[i + w] === 0) {
      label[i + w] = id;
      stack[top++] = i + w;
    }
  }
  return size;
}
