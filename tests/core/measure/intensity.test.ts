import { describe, it, expect } from 'vitest';
import { lucentCentreIndex, marginSharpness, sampleBilinear } from '../../../src/core/measure/intensity.js';
import type { DensityPatch } from '../../../src/core/image.js';

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
    // centre contrast 100, rim contrast 400 → 0.75
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, circle(c, c, 8.5))).toBeCloseTo(0.75, 6);
  });

  it('is clamped to [0, 1] and 0 for a degenerate contour', () => {
    const p = patchFrom(size, size, (x, y) => (Math.hypot(x - c, y - c) <= 8 && Math.hypot(x - c, y - c) >= 4 ? 500 : 50));
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, circle(c, c, 8.5))).toBe(1);
    expect(lucentCentreIndex(p, 100, { x: c, y: c }, [{ x: 1, y: 1 }])).toBe(0);
  });
});
