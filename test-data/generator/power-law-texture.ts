/**
 * Fibroglandular texture: Gaussian noise with a power-law spectrum P(f) ∝ 1/f^β (β ≈ 3 for
 * mammographic parenchyma), made by shaping white noise in the Fourier domain on a coarse grid
 * and interpolating bilinearly to the image size. β = 3 puts almost no power at the highest
 * frequencies, so the coarse grid keeps generation fast even for full-field images.
 */
import type { Random } from './random.js';

/** In-place radix-2 complex FFT of length n (a power of two), stride 1. */
function fft1d(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < half; k++) {
        const a = i + k;
        const b = a + half;
        const br = re[b] as number;
        const bi = im[b] as number;
        const xr = br * cr - bi * ci;
        const xi = br * ci + bi * cr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}

/** 2-D FFT of an n × n grid held as row-major re / im arrays. */
function fft2d(re: Float64Array, im: Float64Array, n: number, inverse: boolean): void {
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    const o = y * n;
    for (let x = 0; x < n; x++) {
      rr[x] = re[o + x] as number;
      ri[x] = im[o + x] as number;
    }
    fft1d(rr, ri, inverse);
    for (let x = 0; x < n; x++) {
      re[o + x] = rr[x] as number;
      im[o + x] = ri[x] as number;
    }
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      rr[y] = re[y * n + x] as number;
      ri[y] = im[y * n + x] as number;
    }
    fft1d(rr, ri, inverse);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = rr[y] as number;
      im[y * n + x] = ri[y] as number;
    }
  }
}

/**
 * A square grid of power-law noise, zero mean and unit standard deviation.
 * @param n grid size, a power of two
 * @param beta spectral exponent (power ∝ 1/f^beta)
 */
export function powerLawGrid(n: number, beta: number, random: Random): Float32Array {
  if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`powerLawGrid: ${n} is not a power of two`);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) re[i] = random.normal();
  fft2d(re, im, n, false);
  for (let y = 0; y < n; y++) {
    const fy = y <= n / 2 ? y : y - n;
    for (let x = 0; x < n; x++) {
      const fx = x <= n / 2 ? x : x - n;
      const f = Math.hypot(fx, fy);
      const gain = f === 0 ? 0 : Math.pow(f, -beta / 2);
      re[y * n + x] = (re[y * n + x] as number) * gain;
      im[y * n + x] = (im[y * n + x] as number) * gain;
    }
  }
  fft2d(re, im, n, true);
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n * n; i++) {
    const v = re[i] as number;
    sum += v;
    sum2 += v * v;
  }
  const mean = sum / (n * n);
  const sd = Math.sqrt(Math.max(sum2 / (n * n) - mean * mean, 1e-30));
  const out = new Float32Array(n * n);
  for (let i = 0; i < n * n; i++) out[i] = ((re[i] as number) - mean) / sd;
  return out;
}

/**
 * Power-law texture for a rows × columns image: a coarse grid (at most 1024 square, about half
 * the image's larger side) interpolated bilinearly. Zero mean, roughly unit standard deviation.
 */
export function powerLawTexture(rows: number, columns: number, beta: number, random: Random): Float32Array {
  const side = Math.max(rows, columns);
  let n = 64;
  while (n < side / 2 && n < 1024) n *= 2;
  const grid = powerLawGrid(n, beta, random);
  const out = new Float32Array(rows * columns);
  const scale = (n - 1) / Math.max(side - 1, 1);
  for (let y = 0; y < rows; y++) {
    const gy = y * scale;
    const y0 = Math.floor(gy);
    const y1 = Math.min(y0 + 1, n - 1);
    const ty = gy - y0;
    for (let x = 0; x < columns; x++) {
      const gx = x * scale;
      const x0 = Math.floor(gx);
      const x1 = Math.min(x0 + 1, n - 1);
      const tx = gx - x0;
      const a = grid[y0 * n + x0] as number;
      const b = grid[y0 * n + x1] as number;
      const c = grid[y1 * n + x0] as number;
      const d = grid[y1 * n + x1] as number;
      out[y * columns + x] = (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
    }
  }
  return out;
}
