import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitBackgroundPlane, median, robustSigma } from '../../../src/core/segment/background.js';

describe('median and robustSigma', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('agrees with sorting for any list, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const k = s.length >> 1;
        const expected = s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
        expect(median(xs)).toBe(expected);
      }),
    );
  });

  it('scales the median absolute deviation to a Gaussian σ and ignores one outlier', () => {
    // deviations from the median 3: 2, 1, 0, 1, 997 → MAD 1
    expect(robustSigma([1, 2, 3, 4, 1000])).toBeCloseTo(1.4826, 4);
  });
});

describe('fitBackgroundPlane', () => {
  it('recovers an exact plane', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    const vs: number[] = [];
    for (let y = 0; y < 10; y++) for (let x = 0; x < 10; x++) {
      xs.push(x);
      ys.push(y);
      vs.push(100 + 2 * x - 3 * y);
    }
    const p = fitBackgroundPlane(xs, ys, vs);
    expect(p?.a).toBeCloseTo(100, 6);
    expect(p?.b).toBeCloseTo(2, 6);
    expect(p?.c).toBeCloseTo(-3, 6);
    expect(p?.noise).toBeCloseTo(0, 6);
  });

  it('is not pulled by a few bright pixels (a neighbouring calcification in the ring)', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    const vs: number[] = [];
    for (let y = 0; y < 10; y++) for (let x = 0; x < 10; x++) {
      xs.push(x);
      ys.push(y);
      vs.push(500 + x + ((x * 7 + y * 3) % 5) - 2 + (x < 2 && y < 2 ? 400 : 0));
    }
    const p = fitBackgroundPlane(xs, ys, vs);
    expect(p?.a).toBeCloseTo(500, 0);
    expect(p?.b).toBeCloseTo(1, 1);
    expect(p?.noise ?? 99).toBeLessThan(3);
  });

  it('returns null with fewer than 3 points', () => {
    expect(fitBackgroundPlane([0, 1], [0, 0], [1, 2])).toBeNull();
  });
});
