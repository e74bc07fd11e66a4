import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zhangSuenThinning } from '../../../src/core/measure/skeleton.js';

/**
 * Zhang & Suen, "A fast parallel algorithm for thinning digital patterns", CACM 27(3), 1984,
 * written straight from the paper: every pass scans the whole mask, the neighbours P2 … P9 are read
 * one by one, and the pixels marked in a sub-iteration are removed after it.
 */
function referenceThinning(mask: Uint8Array, w: number, h: number): Uint8Array {
  const m = Uint8Array.from(mask);
  const at = (x: number, y: number): number => (x >= 0 && y >= 0 && x < w && y < h ? (m[y * w + x] as number) : 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let step = 0; step < 2; step++) {
      const marked: number[] = [];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (m[y * w + x] !== 1) continue;
          const p = [at(x, y - 1), at(x + 1, y - 1), at(x + 1, y), at(x + 1, y + 1), at(x, y + 1), at(x - 1, y + 1), at(x - 1, y), at(x - 1, y - 1)];
          const b = p.reduce((s, v) => s + v, 0);
          let a = 0;
          for (let k = 0; k < 8; k++) if (p[k] === 0 && p[(k + 1) % 8] === 1) a++;
          const [p2, , p4, , p6, , p8] = p as number[];
          const cond = step === 0 ? p2! * p4! * p6! === 0 && p4! * p6! * p8! === 0 : p2! * p4! * p8! === 0 && p2! * p6! * p8! === 0;
          if (b >= 2 && b <= 6 && a === 1 && cond) marked.push(y * w + x);
        }
      }
      for (const i of marked) m[i] = 0;
      if (marked.length > 0) changed = true;
    }
  }
  return m;
}

/** Random masks: thick strokes and blobs (what outlines of calcifications look like), plus speckle. */
const masks = fc
  .record({
    w: fc.integer({ min: 3, max: 40 }),
    h: fc.integer({ min: 3, max: 40 }),
    discs: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 6, noNaN: true })), { maxLength: 8 }),
    speckle: fc.array(fc.nat(), { maxLength: 30 }),
  })
  .map(({ w, h, discs, speckle }) => {
    const m = new Uint8Array(w * h);
    for (const [u, v, r] of discs) {
      const cx = u * w;
      const cy = v * h;
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) m[y * w + x] = 1;
    }
    for (const s of speckle) m[s % (w * h)] = 1;
    return { m, w, h };
  });

describe('Zhang–Suen thinning (table-driven) against the paper written out pixel by pixel', () => {
  it('gives the same skeleton on random blobs, strokes and speckle', () => {
    fc.assert(
      fc.property(masks, ({ m, w, h }) => {
        expect(Array.from(zhangSuenThinning(m, w, h))).toEqual(Array.from(referenceThinning(m, w, h)));
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });

  it('thins a filled 9 × 30 bar to a line and leaves the input untouched', () => {
    const w = 12;
    const h = 34;
    const m = new Uint8Array(w * h);
    for (let y = 2; y < 32; y++) for (let x = 1; x < 10; x++) m[y * w + x] = 1;
    const copy = Uint8Array.from(m);
    const out = zhangSuenThinning(m, w, h);
    expect(Array.from(m)).toEqual(Array.from(copy));
    expect(Array.from(out)).toEqual(Array.from(referenceThinning(m, w, h)));
    const rowsWithOne = Array.from({ length: h }, (_, y) => out.slice(y * w, y * w + w).reduce((s, v) => s + v, 0)).filter((n) => n === 1).length;
    expect(rowsWithOne).toBeGreaterThan(15);
  });
});
