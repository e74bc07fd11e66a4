/**
 * Pixel-mask steps of segmentation: the 8-connected region above a level that contains a start
 * pixel, and filling of the holes it encloses (a lucent centre belongs to the calcification's
 * outline; it is measured as a dip, not as a hole).
 */
import { workingArray } from './working-arrays.js';

/** Inclusive bounding box of a region, in patch pixels. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Marks the 8-connected pixels with value ≥ level reachable from (sx, sy). Returns the mask
 * (1 = member), the member count and the bounding box; an empty mask (count 0, box null) when
 * the start pixel is below the level.
 */
export function growRegion(
  values: Float32Array,
  width: number,
  height: number,
  sx: number,
  sy: number,
  level: number,
): { mask: Uint8Array; count: number; box: PixelBox | null } {
  const mask = new Uint8Array(width * height);
  const start = sy * width + sx;
  if (sx < 0 || sy < 0 || sx >= width || sy >= height || !((values[start] as number) >= level)) {
    return { mask, count: 0, box: null };
  }
  let bx0 = sx;
  let by0 = sy;
  let bx1 = sx;
  let by1 = sy;
  // The pixels still to visit: a working array (regions grow twice per patch on a vessel wall's patches).
  const stack = workingArray('region stack', width * height, (n) => new Int32Array(n));
  let top = 0;
  stack[top++] = start;
  mask[start] = 1;
  let count = 1;
  while (top > 0) {
    const i = stack[--top] as number;
    const x = i % width;
    const y = (i - x) / width;
    if (x < bx0) bx0 = x;
    if (x > bx1) bx1 = x;
    if (y < by0) by0 = y;
    if (y > by1) by1 = y;
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
        const j = ny * width + nx;
        if (mask[j] === 0 && (values[j] as number) >= level) {
          mask[j] = 1;
          count++;
          stack[top++] = j;
        }
      }
    }
  }
  return { mask, count, box: { x0: bx0, y0: by0, x1: bx1, y1: by1 } };
}

/**
 * Fills the holes of a mask in place: background pixels not 4-connected to the patch border
 * become members. Returns the number of pixels filled.
 */
export function fillHoles(mask: Uint8Array, width: number, height: number): number {
  const outside = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let top = 0;
  const push = (i: number): void => {
    if (mask[i] === 0 && outside[i] === 0) {
      outside[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    push(x);
    push((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    push(y * width);
    push(y * width + width - 1);
  }
  while (top > 0) {
    const i = stack[--top] as number;
    const x = i % width;
    if (x > 0) push(i - 1);
    if (x < width - 1) push(i + 1);
    if (i >= width) push(i - width);
    if (i < width * (height - 1)) push(i + width);
  }
  let filled = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0 && outside[i] === 0) {
      mask[i] = 1;
      filled++;
    }
  }
  return filled;
}

/**
 * 3 × 3 box mean at one pixel; the window shrinks at the patch edge. Returns the mean and the
 * number of pixels averaged.
 */
export function boxMean3At(values: Float32Array, width: number, height: number, x: number, y: number): { mean: number; pixels: number } {
  const y0 = Math.max(0, y - 1);
  const y1 = Math.min(height - 1, y + 1);
  const x0 = Math.max(0, x - 1);
  const x1 = Math.min(width - 1, x + 1);
  let s = 0;
  for (let yy = y0; yy <= y1; yy++) for (let xx = x0; xx <= x1; xx++) s += values[yy * width + xx] as number;
  const pixels = (y1 - y0 + 1) * (x1 - x0 + 1);
  return { mean: s / pixels, pixels };
}
