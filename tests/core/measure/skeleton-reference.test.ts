import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pruneSpurs, skeletonStats, thinMask, zhangSuenThinning } from '../../../src/core/measure/skeleton.js';

/**
 * The skeleton's clean-up and measures read their neighbourhood tests from tables of the 256
 * neighbourhoods; here each test is written out pixel by pixel (neighbours read one by one, their
 * groups joined pair by pair) and the results compared on random masks.
 */
const DX = [0, 1, 1, 1, 0, -1, -1, -1];
const DY = [-1, -1, 0, 1, 1, 1, 0, -1];

function neighbours(m: Uint8Array, w: number, h: number, x: number, y: number): number[] {
  return DX.map((dx, k) => {
    const nx = x + dx;
    const ny = y + (DY[k] as number);
    return nx >= 0 && ny >= 0 && nx < w && ny < h ? (m[ny * w + nx] as number) : 0;
  });
}

function transitions(p: readonly number[]): number {
  let t = 0;
  for (let k = 0; k < 8; k++) if (p[k] === 0 && p[(k + 1) % 8] === 1) t++;
  return t;
}

const isEnd = (p: readonly number[]): boolean => {
  const count = p.reduce((s, v) => s + v, 0);
  return count === 1 || (count === 2 && transitions(p) === 1);
};

/** Whether the neighbours on form one 8-connected group (joined pair by pair). */
function oneGroup(on: readonly number[]): boolean {
  const group = on.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : root(group[i] as number));
  for (let i = 0; i < on.length; i++) {
    for (let j = i + 1; j < on.length; j++) {
      const a = on[i] as number;
      const b = on[j] as number;
      if (Math.abs((DX[a] as number) - (DX[b] as number)) <= 1 && Math.abs((DY[a] as number) - (DY[b] as number)) <= 1) group[root(j)] = root(i);
    }
  }
  return new Set(on.map((_, i) => root(i))).size === 1;
}

function referenceThinMask(mask: Uint8Array, w: number, h: number): Uint8Array {
  const m = zhangSuenThinning(mask, w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (m[y * w + x] !== 1) continue;
      const p = neighbours(m, w, h, x, y);
      const on = [0, 1, 2, 3, 4, 5, 6, 7].filter((k) => p[k] === 1);
      if (on.length >= 2 && oneGroup(on)) m[y * w + x] = 0;
    }
  }
  return m;
}

/** End points and junction pixels of a skeleton, pixel by pixel. */
function referenceEndsAndJunctions(s: Uint8Array, w: number, h: number): { ends: number; junctions: number[] } {
  let ends = 0;
  const junctions: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (s[y * w + x] !== 1) continue;
      const p = neighbours(s, w, h, x, y);
      if (isEnd(p)) ends++;
      if (transitions(p) >= 3) junctions.push(y * w + x);
    }
  }
  return { ends, junctions };
}

/** pruneSpurs written with the neighbours read one by one. */
function referencePruneSpurs(skel: Uint8Array, width: number, height: number, halfWidthAt: (x: number, y: number) => number): Uint8Array {
  const out = Uint8Array.from(skel);
  const on = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && skel[y * width + x] === 1;
  const isJunction = (x: number, y: number): boolean => transitions(neighbours(skel, width, height, x, y)) >= 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!on(x, y) || !isEnd(neighbours(skel, width, height, x, y))) continue;
      const path: number[] = [];
      const seen = new Set<number>();
      let cx = x;
      let cy = y;
      let steps = 0;
      let junction: [number, number] | null = null;
      for (;;) {
        const i = cy * width + cx;
        if (isJunction(cx, cy)) {
          junction = [cx, cy];
          break;
        }
        path.push(i);
        seen.add(i);
        let next: [number, number] | null = null;
        for (const k of [0, 2, 4, 6, 1, 3, 5, 7]) {
          const nx = cx + (DX[k] as number);
          const ny = cy + (DY[k] as number);
          if (on(nx, ny) && !seen.has(ny * width + nx)) {
            next = [nx, ny];
            break;
          }
        }
        if (next === null) break;
        steps += next[0] !== cx && next[1] !== cy ? Math.SQRT2 : 1;
        [cx, cy] = next;
      }
      if (junction !== null && steps <= 2 * halfWidthAt(junction[0], junction[1])) for (const i of path) out[i] = 0;
    }
  }
  return out;
}

/** 8-connected clusters among the given pixel indices. */
function clusters(pixels: readonly number[], w: number): number {
  const left = new Set(pixels);
  let n = 0;
  for (const start of pixels) {
    if (!left.has(start)) continue;
    n++;
    const stack = [start];
    left.delete(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const x = i % w;
      for (let k = 0; k < 8; k++) {
        const nx = x + (DX[k] as number);
        const j = i + (DY[k] as number) * w + (DX[k] as number);
        if (nx >= 0 && nx < w && left.has(j)) {
          left.delete(j);
          stack.push(j);
        }
      }
    }
  }
  return n;
}

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

describe('skeleton clean-up and measures (table-driven) against the tests written out pixel by pixel', () => {
  it('removes the same redundant pixels, finds the same ends, and prunes the same spurs', () => {
    fc.assert(
      fc.property(masks, ({ m, w, h }) => {
        const skel = thinMask(m, w, h);
        expect(Array.from(skel)).toEqual(Array.from(referenceThinMask(m, w, h)));
        const ref = referenceEndsAndJunctions(skel, w, h);
        const stats = skeletonStats(skel, w, h);
        expect(stats.endPoints).toBe(ref.ends);
        expect(stats.branchPoints).toBe(clusters(ref.junctions, w));
        for (const half of [0.5, 1.5, 4]) {
          const halfWidthAt = (x: number, y: number): number => half + ((x + 2 * y) % 3) / 2;
          expect(Array.from(pruneSpurs(skel, w, h, halfWidthAt))).toEqual(Array.from(referencePruneSpurs(skel, w, h, halfWidthAt)));
        }
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });
});
