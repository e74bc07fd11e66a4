/**
 * A small overview of the whole mammogram (about 256 pixels on the long side) for finding the
 * breast quickly. Sample (i, j) is the full-resolution pixel (i·stride + offset, j·stride + offset).
 */
import { readDensityPatch, type MammoImage } from '../image.js';

export interface OverviewImage {
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly offset: number;
  /** Density, row-major, after a separable 3 × 3 median (noise removed, edges kept where they are). */
  readonly data: Float32Array;
}

/** Long side of the overview, in samples. */
export const OVERVIEW_LONG_SIDE = 256;

/**
 * Samples the image every `stride` pixels (stride chosen so the long side is ≤ 256 samples)
 * through `readDensityPatch`, one row strip at a time, then takes a separable 3 × 3 median.
 */
export function makeOverview(image: MammoImage, longSide = OVERVIEW_LONG_SIDE): OverviewImage {
  const stride = Math.max(1, Math.ceil(Math.max(image.rows, image.columns) / longSide));
  const offset = Math.floor(stride / 2);
  const width = Math.floor((image.columns - 1 - offset) / stride) + 1;
  const height = Math.floor((image.rows - 1 - offset) / stride) + 1;
  const raw = new Float32Array(width * height);
  for (let j = 0; j < height; j++) {
    const y = j * stride + offset;
    const strip = readDensityPatch(image, { x0: 0, y0: y, x1: image.columns, y1: y + 1 });
    if (strip === null) continue;
    for (let i = 0; i < width; i++) raw[j * width + i] = strip.data[i * stride + offset] as number;
  }
  return { width, height, stride, offset, data: median3(raw, width, height) };
}

/** 3 × 3 separable median: median of three along rows, then along columns (keeps step edges). */
function median3(src: Float32Array, w: number, h: number): Float32Array {
  const rowPass = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      rowPass[r + x] = mid(src[r + Math.max(0, x - 1)] as number, src[r + x] as number, src[r + Math.min(w - 1, x + 1)] as number);
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const down = Math.min(h - 1, y + 1) * w;
    const r = y * w;
    for (let x = 0; x < w; x++) out[r + x] = mid(rowPass[up + x] as number, rowPass[r + x] as number, rowPass[down + x] as number);
  }
  return out;
}

function mid(a: number, b: number, c: number): number {
  return a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
}
