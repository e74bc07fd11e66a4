import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxMean3, greyOpening } from '../../../src/core/segment/texture-background.js';

/**
 * The opening and the 3 × 3 mean as their definitions, pixel by pixel: erosion is the minimum over
 * the (2r + 1)² square cut at the patch edge, dilation of the eroded image the maximum over the
 * same square; the mean sums each row's window, then each column's. The fast versions (van Herk /
 * Gil–Werman passes, separate interior loops) must give exactly the same numbers.
 */
function squareExtreme(a: Float64Array, w: number, h: number, r: number, max: boolean): Float64Array {
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = max ? -Infinity : Infinity;
      for (let j = Math.max(0, y - r); j <= Math.min(h - 1, y + r); j++) {
        for (let i = Math.max(0, x - r); i <= Math.min(w - 1, x + r); i++) m = max ? Math.max(m, a[j * w + i] as number) : Math.min(m, a[j * w + i] as number);
      }
      out[y * w + x] = m;
    }
  }
  return out;
}

function meanOf3(a: ArrayLike<number>, w: number, h: number): Float64Array {
  const rows = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = a[y * w + x] as number;
      let c = 1;
      if (x > 0) {
        s += a[y * w + x - 1] as number;
        c++;
      }
      if (x < w - 1) {
        s += a[y * w + x + 1] as number;
        c++;
      }
      rows[y * w + x] = s / c;
    }
  }
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = rows[y * w + x] as number;
      let c = 1;
      if (y > 0) {
        s += rows[(y - 1) * w + x] as number;
        c++;
      }
      if (y < h - 1) {
        s += rows[(y + 1) * w + x] as number;
        c++;
      }
      out[y * w + x] = s / c;
    }
  }
  return out;
}

const images = fc
  .record({ w: fc.integer({ min: 1, max: 33 }), h: fc.integer({ min: 1, max: 33 }), r: fc.integer({ min: 1, max: 9 }), seed: fc.nat() })
  .map(({ w, h, r, seed }) => {
    let s = seed + 1;
    const a = new Float64Array(w * h);
    // Tissue-like values with ties (rounded) and bright specks.
    for (let i = 0; i < a.length; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      a[i] = Math.round((s / 2147483648) * 20) / 4 + (s % 17 === 0 ? 40 : 0);
    }
    return { a, w, h, r };
  });

describe('greyOpening and boxMean3 against their definitions', () => {
  it('give exactly the numbers of the pixel-by-pixel definitions', () => {
    fc.assert(
      fc.property(images, ({ a, w, h, r }) => {
        const opened = squareExtreme(squareExtreme(a, w, h, r, false), w, h, r, true);
        expect(Array.from(greyOpening(a, w, h, r))).toEqual(Array.from(opened));
        expect(Array.from(boxMean3(a, w, h))).toEqual(Array.from(meanOf3(a, w, h)));
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
