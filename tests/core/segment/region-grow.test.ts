import { describe, it, expect } from 'vitest';
import { boxMean3At, fillHoles, growRegion } from '../../../src/core/segment/region-grow.js';

const grid = (rows: string[]): { f: Float32Array; w: number; h: number } => {
  const h = rows.length;
  const w = (rows[0] as string).length;
  const f = new Float32Array(w * h);
  rows.forEach((r, y) => [...r].forEach((ch, x) => (f[y * w + x] = ch === '#' ? 1 : 0)));
  return { f, w, h };
};

describe('growRegion', () => {
  it('joins diagonal neighbours (8-connectivity) and stops at gaps', () => {
    const { f, w, h } = grid(['#....', '.#...', '..#.#', '.....']);
    const r = growRegion(f, w, h, 0, 0, 0.5);
    expect(r.count).toBe(3);
    expect(r.box).toEqual({ x0: 0, y0: 0, x1: 2, y1: 2 });
    expect(r.mask[2 * w + 4]).toBe(0);
  });

  it('returns an empty region when the start is below the level or outside', () => {
    const { f, w, h } = grid(['#.', '..']);
    expect(growRegion(f, w, h, 1, 1, 0.5)).toMatchObject({ count: 0, box: null });
    expect(growRegion(f, w, h, 5, 0, 0.5).count).toBe(0);
  });

  it('grows the same region after a larger one was grown (its working stack is kept between calls)', () => {
    const big = new Float32Array(300 * 300).fill(1);
    expect(growRegion(big, 300, 300, 150, 150, 0.5).count).toBe(90000);
    const { f, w, h } = grid(['##..#', '.#..#', '.##..', '.....']);
    const r = growRegion(f, w, h, 0, 0, 0.5);
    expect(r.count).toBe(5);
    expect(r.box).toEqual({ x0: 0, y0: 0, x1: 2, y1: 2 });
    expect([...r.mask]).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('fillHoles', () => {
  it('fills an enclosed lucent centre but not an open notch', () => {
    const { f, w, h } = grid(['.....', '.###.', '.#.#.', '.###.', '.....', '.#.#.', '.###.']);
    const mask = Uint8Array.from(f);
    expect(fillHoles(mask, w, h)).toBe(1);
    expect(mask[2 * w + 2]).toBe(1);
    expect(mask[5 * w + 2]).toBe(0);
  });

  it('treats a hole reached only diagonally from outside as enclosed', () => {
    const { f, w, h } = grid(['.#.', '#.#', '.#.']);
    const mask = Uint8Array.from(f);
    expect(fillHoles(mask, w, h)).toBe(1);
  });
});

describe('boxMean3At', () => {
  it('averages the 3 × 3 neighbourhood, shrinking at the edge', () => {
    const f = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(boxMean3At(f, 3, 3, 1, 1)).toEqual({ mean: 5, pixels: 9 });
    expect(boxMean3At(f, 3, 3, 0, 0)).toEqual({ mean: (1 + 2 + 4 + 5) / 4, pixels: 4 });
  });
});
