import { describe, it, expect } from 'vitest';
import { centreAndRim, lucentCentreIndex, LUCENT_CENTRE_SIGNIFICANCE_SIGMA, marginSharpness, sampleBilinear } from '../../../src/core/measure/intensity.js';
import type { DensityPatch } from '../../../src/core/image.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene } from '../segment/synthetic.js';
import type { Shape } from '../segment/synthetic.js';

function patchFrom(w: number, h: number, f: (x: number, y: number) => number, x0 = 0, y0 = 0): DensityPatch {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x + x0, y + y0);
  return { x0, y0, width: w, height: h, data };
}

const circle = (cx: number, cy: number, r: number, n = 32): { x: number; y: number }[] =>
  Array.from({ length: n }, (_, k) => ({ x: cx + r * Math.cos((2 * Math.PI * k) / n), y: cy + r * Math.sin((2 * Math.PI * k) / n) }));

describe('sampleBilinear', () => {
  it('interpolates a plane exactly, in image coordinates', () => {
    const p = patchFrom(5, 5, (x, y) => 10 + 2 * x + 3 * y, 100, 200);
    expect(sampleBilinear(p, 101.5, 202.25)).toBeCloseTo(10 + 203 + 606.75, 4);
  });

  it('clamps outside the patch', () => {
    const p = patchFrom(3, 3, (x) => x);
    expect(sampleBilinear(p, -5, 1)).toBe(0);
    expect(sampleBilinear(p, 9, 1)).toBe(2);
  });
});

describe('marginSharpness', () => {
  it('is the edge gradient over the contrast: a ramp of 100 per px at contrast 400 gives 0.25', () => {
    const p = patchFrom(20, 20, (x) => 100 * x);
    expect(marginSharpness(p, [{ x: 8, y: 8 }, { x: 10, y: 10 }], 400)).toBeCloseTo(0.25, 6);
  });

  it('is 0 without contour or contrast', () => {
    const p = patchFrom(5, 5, () => 1);
    expect(marginSharpness(p, [], 10)).toBe(0);
    expect(marginSharpness(p, [{ x: 2, y: 2 }], 0)).toBe(0);
  });
});

describe('lucentCentreIndex', () => {
  const size = 31;
  const c = 15;
  it('is 0 for a solid disc', () => {
    const p = patchFrom(size, size, (x, y) => (Math.hypot(x - c, y - c) <= 8 ? 500 : 100));
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, circle(c, c, 8.5))).toBeCloseTo(0, 6);
  });

  it('is 1 − centre/rim for a ring with a partly lucent centre', () => {
    const p = patchFrom(size, size, (x, y) => {
      const d = Math.hypot(x - c, y - c);
      return d <= 8 ? (d >= 5 ? 500 : 200) : 100;
    });
    // centre contrast 100, rim contrast 400 → 0.75 (the ring means mix a few pixels across the
    // pixelated wall's edges: within 0.02)
    expect(Math.abs(lucentCentreIndex(p, 100, { x: c, y: c }, circle(c, c, 8.5)) - 0.75)).toBeLessThan(0.02);
  });

  it('is clamped to [0, 1] and 0 for a degenerate contour', () => {
    const p = patchFrom(size, size, (x, y) => (Math.hypot(x - c, y - c) <= 8 && Math.hypot(x - c, y - c) >= 4 ? 500 : 50));
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, circle(c, c, 8.5))).toBe(1);
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, [{ x: 1, y: 1 }])).toBe(0);
  });

  it('counts a centre dip only beyond what the pixel noise makes over the pixels averaged into centre and rim', () => {
    // Rim contrast 400, centre contrast 300: a dip of 100.
    const p = patchFrom(size, size, (x, y) => {
      const d = Math.hypot(x - c, y - c);
      return d <= 8 ? (d >= 5 ? 500 : 400) : 100;
    });
    const contour = circle(c, c, 8.5);
    const v = centreAndRim(p, 100, { x: c, y: c }, contour);
    if (v === null) throw new Error('no centre and rim');
    expect(v.centre).toBeCloseTo(300, 6);
    expect(Math.abs(v.rim - 400)).toBeLessThan(8);
    // The centre disc reaches 0.3 of the 8.5 px to the outline: about π × 2.5² pixels; the rim ring
    // is read on all 32 rays.
    expect(v.centrePixels).toBeGreaterThan(18);
    expect(v.centrePixels).toBeLessThan(21);
    expect(v.rimPixels).toBe(32);
    // The noise at which the dip (about 100) is just significant: dip / (k √(1/n_centre + 1/n_rim)).
    const limit = (v.rim - v.centre) / (LUCENT_CENTRE_SIGNIFICANCE_SIGMA * Math.sqrt(1 / v.centrePixels + 1 / v.rimPixels));
    expect(limit).toBeGreaterThan(100 / LUCENT_CENTRE_SIGNIFICANCE_SIGMA); // averaging lowers the noise of the dip
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, contour, limit * 0.99)).toBeCloseTo(1 - v.centre / v.rim, 6);
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, contour, limit * 1.01)).toBe(0);
  });

  it('reads the centre and the rim round rings that follow an oval outline', () => {
    // An oval shell 16 × 8 px: a ring of fixed radius would cut through its wall and beyond it.
    const ex = 2;
    const p = patchFrom(size, size, (x, y) => {
      const d = Math.hypot((x - c) / ex, y - c);
      return d <= 4 ? (d >= 2.5 ? 500 : 150) : 100;
    });
    const oval = Array.from({ length: 48 }, (_, k) => ({ x: c + 4.2 * ex * Math.cos((2 * Math.PI * k) / 48), y: c + 4.2 * Math.sin((2 * Math.PI * k) / 48) }));
    const v = centreAndRim(p, 100, { x: c, y: c }, oval);
    expect(v?.centre).toBeCloseTo(50, 0);
    expect(v?.rim).toBeGreaterThan(380);
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, oval)).toBeGreaterThan(0.85);
  });
});

describe('lucent-centre index of noisy deposits (segmented and measured)', () => {
  // 1.2 mm deposits at 0.05 mm pixels, blur 1 px, contrast 400 over white noise σ 100: a solid
  // disc, and a shell whose centre (0.7 mm across) holds no calcium.
  const read = (shape: Shape, seed: number): number => {
    const img = renderScene({ rows: 100, columns: 100, rowSpacingMm: 0.05, columnSpacingMm: 0.05, shapes: [shape], level: 3000, noise: 100, blurPx: 1, seed });
    const r = segmentAtSeed(img, { x: 50, y: 50 });
    if (!r.ok) throw new Error(r.error.message);
    return measureCalcification(img, r.value).lucentCentreIndex;
  };
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);

  it('reads a solid disc as solid (index < 0.1) in nearly every image, where noise alone gave 0.1–0.4 in most', () => {
    const solid = seeds.map((s) => read({ kind: 'disc', cx: 2.5, cy: 2.5, r: 0.6, contrast: 400 }, s));
    expect(solid.filter((v) => v < 0.1).length).toBeGreaterThanOrEqual(26);
  });

  it('still reads the shell as lucent-centred (index ≥ 0.1) in nearly every image', () => {
    const shell = seeds.map((s) => read({ kind: 'ring', cx: 2.5, cy: 2.5, rOuter: 0.6, rInner: 0.35, contrast: 400 }, s));
    expect(shell.filter((v) => v >= 0.1).length).toBeGreaterThanOrEqual(26);
  });
});
