import type { DensityPatch } from '../image.js';
import { median } from './background.js';

/**
 * Large-scale background of a patch: the median of each block of `block` × `block` pixels,
 * interpolated bilinearly between block centres. Objects smaller than half a block do not move
 * a block's median, so subtracting this leaves calcifications on a flat, zero-mean background.
 */
export function blockMedianBackground(patch: DensityPatch, block: number): Float32Array {
  const { width, height, data } = patch;
  const b = Math.max(2, Math.round(block));
  const nx = Math.max(1, Math.ceil(width / b));
  const ny = Math.max(1, Math.ceil(height / b));
  const medians = new Float64Array(nx * ny);
  const cx = new Float64Array(nx);
  const cy = new Float64Array(ny);
  const buf: number[] = [];
  for (let j = 0; j < ny; j++) {
    const y0 = j * b;
    const y1 = Math.min(height, y0 + b);
    cy[j] = (y0 + y1 - 1) / 2;
    for (let i = 0; i < nx; i++) {
      const x0 = i * b;
      const x1 = Math.min(width, x0 + b);
      cx[i] = (x0 + x1 - 1) / 2;
      buf.length = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) buf.push(data[y * width + x] as number);
      medians[j * nx + i] = median(buf);
    }
  }
  const out = new Float32Array(width * height);
  const locate = (c: Float64Array, n: number, v: number): [number, number, number] => {
    if (n === 1 || v <= (c[0] as number)) return [0, 0, 0];
    if (v >= (c[n - 1] as number)) return [n - 1, n - 1, 0];
    let k = 0;
    while (k < n - 2 && v > (c[k + 1] as number)) k++;
    return [k, k + 1, (v - (c[k] as number)) / ((c[k + 1] as number) - (c[k] as number))];
  };
  for (let y = 0; y < height; y++) {
    const [j0, j1, fy] = locate(cy, ny, y);
    for (let x = 0; x < width; x++) {
      const [i0, i1, fx] = locate(cx, nx, x);
      const a = medians[j0 * nx + i0] as number;
      const bb = medians[j0 * nx + i1] as number;
      const c = medians[j1 * nx + i0] as number;
      const d = medians[j1 * nx + i1] as number;
      out[y * width + x] = (a * (1 - fx) + bb * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }
  }
  return out;
}
