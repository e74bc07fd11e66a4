/**
 * Stored values → the modality values Cornerstone displays (Rescale Slope × stored + Rescale
 * Intercept, DICOM PS3.3 C.11.1): the stored array itself, not copied, when that is the identity
 * (the rule for mammograms), otherwise one new array: the smallest integer type holding the range
 * when slope and intercept are integers, Float32 when they are not.
 */
import type { StoredPixels } from '../../core/image.js';

/** The typed arrays Cornerstone takes as pixel data. */
export type DisplayPixels = StoredPixels | Float32Array;

function minMax(a: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** An array for values in [min, max]: the smallest integer type that holds them when every value is an integer, else Float32. */
function arrayFor(integers: boolean, min: number, max: number, length: number): DisplayPixels {
  if (integers) {
    if (min >= 0 && max <= 65535) return max <= 255 ? new Uint8Array(length) : new Uint16Array(length);
    if (min >= -32768 && max <= 32767) return min >= -128 && max <= 127 ? new Int8Array(length) : new Int16Array(length);
  }
  return new Float32Array(length);
}

/** Stored values → modality values (slope × stored + intercept); the stored array itself when that is the identity. */
export function modalityPixels(stored: StoredPixels, slope: number, intercept: number): { pixels: DisplayPixels; min: number; max: number } {
  const s = minMax(stored);
  if (slope === 1 && intercept === 0) return { pixels: stored, ...s };
  const a = slope * s.min + intercept;
  const b = slope * s.max + intercept;
  const min = Math.min(a, b);
  const max = Math.max(a, b);
  // An integer slope and intercept give integers; a fractional one can fall between integers even when the range ends do not.
  const pixels = arrayFor(Number.isInteger(slope) && Number.isInteger(intercept), min, max, stored.length);
  for (let i = 0; i < stored.length; i++) pixels[i] = slope * (stored[i] as number) + intercept;
  return { pixels, min, max };
}
