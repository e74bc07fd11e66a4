import { describe, it, expect } from 'vitest';
import { calibreFromArea, pruneSpurs, skeletonStats, thinMask } from '../../../src/core/measure/skeleton.js';

const grid = (rows: string[]): { m: Uint8Array; w: number; h: number } => {
  const h = rows.length;
  const w = (rows[0] as string).length;
  const m = new Uint8Array(w * h);
  rows.forEach((r, y) => [...r].forEach((ch, x) => (m[y * w + x] = ch === '#' ? 1 : 0)));
  return { m, w, h };
};

describe('thinMask', () => {
  it('thins a 3-pixel-wide bar to a one-pixel line along its middle row', () => {
    const { m, w, h } = grid(['.............', '.###########.', '.###########.', '.###########.', '.............']);
    const s = thinMask(m, w, h);
    const [, r1, r2, r3] = [0, 1, 2, 3, 4].map((y) => [...s.slice(y * w, y * w + w)].reduce((a, b) => a + b, 0));
    expect(r2).toBeGreaterThanOrEqual(7);
    expect((r1 ?? 0) + (r3 ?? 0)).toBeLessThanOrEqual(2);
    const st = skeletonStats(s, w, h);
    expect(st.endPoints).toBe(2);
    expect(st.branchPoints).toBe(0);
  });

  it('keeps a one-pixel line unchanged and does not touch the input', () => {
    const { m, w, h } = grid(['.....', '.###.', '.....']);
    const copy = Uint8Array.from(m);
    expect([...thinMask(m, w, h)]).toEqual([...copy]);
    expect([...m]).toEqual([...copy]);
  });

  it('thins a thick plus sign to a cross with one branch point and four ends', () => {
    const { m, w, h } = grid([
      '...........',
      '....###....',
      '....###....',
      '....###....',
      '.#########.',
      '.#########.',
      '.#########.',
      '....###....',
      '....###....',
      '....###....',
      '...........',
    ]);
    const st = skeletonStats(thinMask(m, w, h), w, h);
    expect(st.branchPoints).toBe(1);
    expect(st.endPoints).toBe(4);
  });
});

describe('thinMask clean-up', () => {
  it('drops the corner pixels of a staircase so the diagonal counts √2', () => {
    const { m, w, h } = grid(['##...', '.##..', '..##.', '...##']);
    const s = thinMask(m, w, h);
    const st = skeletonStats(s, w, h);
    expect(st.pixels).toBeLessThan(8);
    expect(st.endPoints).toBe(2);
    expect(st.lengthPx).toBeLessThan(7);
  });
});

describe('skeletonStats', () => {
  it('counts straight steps as 1 and diagonal steps as √2', () => {
    const line = grid(['#####']);
    expect(skeletonStats(line.m, line.w, line.h).lengthPx).toBe(4);
    const diag = grid(['#....', '.#...', '..#..', '...#.', '....#']);
    expect(skeletonStats(diag.m, diag.w, diag.h).lengthPx).toBeCloseTo(4 * Math.SQRT2, 9);
  });

  it('does not count a corner twice', () => {
    const l = grid(['#..', '##.', '.#.']);
    // (0,0)→(0,1)→(1,1)→(1,2): three straight steps, the (0,1)–(1,2) diagonal is a shortcut already walked.
    expect(skeletonStats(l.m, l.w, l.h).lengthPx).toBe(3);
  });

  it('scales steps by the column and row spacing', () => {
    const h = grid(['#####']);
    expect(skeletonStats(h.m, h.w, h.h, 0.1, 0.2).lengthScaled).toBeCloseTo(0.4, 9);
    const v = grid(['#', '#', '#', '#', '#']);
    expect(skeletonStats(v.m, v.w, v.h, 0.1, 0.2).lengthScaled).toBeCloseTo(0.8, 9);
  });

  it('finds the junction of a T', () => {
    const t = grid(['#######', '...#...', '...#...', '...#...']);
    const st = skeletonStats(t.m, t.w, t.h);
    expect(st.branchPoints).toBe(1);
    expect(st.endPoints).toBe(3);
  });
});

describe('pruneSpurs', () => {
  it('removes a branch no longer than the width at its junction and keeps a long one', () => {
    const { m, w, h } = grid([
      '.............',
      '#############',
      '.....#...#...',
      '.....#...#...',
      '.........#...',
      '.........#...',
    ]);
    // The spur at x = 5 is 2 steps long, the width there is 2 × 1: pruned. The branch at x = 9 is 4 long.
    const pruned = pruneSpurs(m, w, h, () => 1);
    expect(pruned[2 * w + 5]).toBe(0);
    expect(pruned[3 * w + 5]).toBe(0);
    expect(pruned[5 * w + 9]).toBe(1);
    expect(pruned[1 * w + 0]).toBe(1);
    const st = skeletonStats(pruned, w, h);
    expect(st.branchPoints).toBe(1);
    expect(st.endPoints).toBe(3);
  });

  it('leaves a plain line alone', () => {
    const { m, w, h } = grid(['#####']);
    expect([...pruneSpurs(m, w, h, () => 10)]).toEqual([...m]);
  });
});

describe('calibreFromArea', () => {
  it('solves area = c · (L + e·c/2) for the calibre', () => {
    // A band 2 wide whose skeleton lost 1 at each of its 2 ends: 2 · (10 + 2) = 24.
    expect(calibreFromArea(24, 10, 2)).toBeCloseTo(2, 9);
  });

  it('divides area by length for a closed loop (no ends) and gives the equivalent diameter for a dot', () => {
    expect(calibreFromArea(30, 15, 0)).toBe(2);
    expect(calibreFromArea(Math.PI, 0, 0)).toBeCloseTo(2, 9);
    expect(calibreFromArea(0, 5, 2)).toBe(0);
  });
});
