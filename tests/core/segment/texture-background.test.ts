import { describe, it, expect } from 'vitest';
import { boxMean3, boxMean3Kept, detectorNoise, greyOpening, textureBackground, textureBackgroundKept } from '../../../src/core/segment/texture-background.js';
import { gaussian, rng } from './synthetic.js';

const W = 40;
const H = 30;
const field = (f: (x: number, y: number) => number): Float64Array => {
  const a = new Float64Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) a[y * W + x] = f(x, y);
  return a;
};
const at = (a: ArrayLike<number>, x: number, y: number): number => a[y * W + x] as number;

describe('greyOpening', () => {
  it('removes a bright square narrower than the structuring square and keeps a wider one', () => {
    const img = field((x, y) => 100 + (x >= 5 && x < 8 && y >= 5 && y < 8 ? 50 : 0) + (x >= 20 && x < 30 && y >= 10 && y < 20 ? 70 : 0));
    const o = greyOpening(img, W, H, 2);
    expect(at(o, 6, 6)).toBe(100);
    expect(at(o, 25, 15)).toBe(170);
    expect(at(o, 20, 10)).toBe(170);
    for (let i = 0; i < img.length; i++) expect(o[i]).toBeLessThanOrEqual(img[i] as number);
  });

  it('leaves a plane unchanged away from the patch edge (an opening follows smooth tissue)', () => {
    const img = field((x, y) => 1000 + 3 * x - 2 * y);
    const r = 4;
    const o = greyOpening(img, W, H, r);
    for (let y = 2 * r; y < H - 2 * r; y++) for (let x = 2 * r; x < W - 2 * r; x++) expect(at(o, x, y)).toBeCloseTo(at(img, x, y), 6);
    // Within 2r of an edge the tissue rising towards it is cut, never raised.
    for (let i = 0; i < img.length; i++) expect(o[i]).toBeLessThanOrEqual((img[i] as number) + 1e-9);
    expect(at(o, W - 1, 0)).toBeLessThan(at(img, W - 1, 0));
  });
});

describe('boxMean3', () => {
  it('averages 3 × 3 inside and the shrunken window at the edge', () => {
    const img = field((x, y) => x + 10 * y);
    const m = boxMean3(img, W, H);
    expect(at(m, 5, 5)).toBeCloseTo(55, 9);
    expect(at(m, 0, 0)).toBeCloseTo((0 + 1 + 10 + 11) / 4, 9);
  });

  it('gives the same means in its kept array, whatever size was asked for before', () => {
    const normal = gaussian(rng(4));
    const sizes: [number, number][] = [[W, H], [7, 5], [W, H], [1, 9], [12, 1], [3, 3]];
    for (const [w, h] of sizes) {
      const img = Float32Array.from({ length: w * h }, () => 1000 + 20 * normal());
      expect([...boxMean3Kept(img, w, h)]).toEqual([...boxMean3(img, w, h)]);
    }
  });
});

describe('textureBackground', () => {
  const normal = gaussian(rng(9));
  // Smooth, strong texture (±200, period 50 px) + noise σ 10 + two 3 × 3 px specks 4 px apart.
  const img = field((x, y) => 2000 + 200 * Math.sin(x / 8) * Math.cos(y / 8) + 10 * normal() + (Math.abs(x - 12) <= 1 && Math.abs(y - 12) <= 1 ? 300 : 0) + (Math.abs(x - 16) <= 1 && Math.abs(y - 13) <= 1 ? 240 : 0));

  it('puts each of two neighbouring specks on its own background, at nearly full contrast', () => {
    const t = textureBackground(img, W, H, [4]);
    expect(t).not.toBeNull();
    if (t === null) return;
    const c = boxMean3(t.contrast[0] as Float32Array, W, H);
    expect(at(c, 12, 12)).toBeGreaterThan(0.8 * 300);
    expect(at(c, 12, 12)).toBeLessThan(1.1 * 300);
    expect(at(c, 16, 13)).toBeGreaterThan(0.8 * 240);
    // Tissue away from the specks stays near 0 despite the ±200 texture.
    let big = 0;
    for (let y = 1; y < H - 1; y++) for (let x = 22; x < W - 1; x++) if (Math.abs(at(c, x, y)) > 75) big++;
    expect(big).toBeLessThan(0.05 * (W - 23) * (H - 2));
  });

  it('gives the same background and contrast in its kept arrays, whatever size was asked for before', () => {
    const noise = gaussian(rng(5));
    for (const [w, h, r] of [[W, H, 3], [9, 7, 2], [W, H, 5], [3, 3, 1]] as const) {
      const d = Float32Array.from({ length: w * h }, (_, i) => 2000 + 100 * Math.sin(i / 7) + 10 * noise() + (i % 37 === 0 ? 300 : 0));
      const smooth = boxMean3(d, w, h);
      const fresh = textureBackground(d, w, h, [r], smooth);
      const kept = textureBackgroundKept(d, w, h, r, smooth);
      expect([...(kept?.background ?? [])]).toEqual([...(fresh?.background[0] ?? [NaN])]);
      expect([...(kept?.contrast ?? [])]).toEqual([...(fresh?.contrast[0] ?? [NaN])]);
    }
    expect(textureBackgroundKept(new Float32Array(4), 2, 2, 1, new Float64Array(4))).toBeNull();
  });

  it('returns null for a patch smaller than 3 × 3 or without radii', () => {
    expect(textureBackground([1, 2, 3, 4], 2, 2, [1])).toBeNull();
    expect(textureBackground(img, W, H, [])).toBeNull();
  });
});

describe('detectorNoise', () => {
  it('measures the white noise under strong smooth texture and bright specks, not the texture', () => {
    const normal = gaussian(rng(4));
    const img = field((x, y) => 3000 + 400 * Math.sin(x / 6 + y / 9) + 25 * normal() + ((x % 10 === 5 && y % 10 === 5) ? 800 : 0));
    const s = detectorNoise(img, W, H);
    expect(s).toBeGreaterThan(22);
    expect(s).toBeLessThan(29);
  });

  it('is NaN for a patch smaller than 3 × 3', () => {
    expect(detectorNoise([1, 2, 3, 4], 2, 2)).toBeNaN();
  });
});
