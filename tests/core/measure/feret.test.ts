import { describe, it, expect } from 'vitest';
import { feretDiameters } from '../../../src/core/measure/feret.js';

describe('feretDiameters', () => {
  it('gives the diagonal and the short side of a rectangle', () => {
    const f = feretDiameters([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 1 }, { x: 0, y: 1 }]);
    expect(f.max).toBeCloseTo(Math.sqrt(17), 9);
    expect(f.min).toBeCloseTo(1, 9);
  });

  it('gives side and height of an equilateral triangle', () => {
    const f = feretDiameters([{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 1, y: Math.sqrt(3) }]);
    expect(f.max).toBeCloseTo(2, 9);
    expect(f.min).toBeCloseTo(Math.sqrt(3), 9);
  });

  it('measures a rotated rectangle independently of its angle', () => {
    const t = 0.6;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const pts = [[0, 0], [5, 0], [5, 2], [0, 2], [2.5, 1]].map(([x, y]) => ({ x: (x as number) * c - (y as number) * s, y: (x as number) * s + (y as number) * c }));
    const f = feretDiameters(pts);
    expect(f.max).toBeCloseTo(Math.sqrt(29), 9);
    expect(f.min).toBeCloseTo(2, 9);
  });

  it('gives 2 cos(π/n)·r … 2r for a regular polygon of radius r', () => {
    const n = 64;
    const pts = Array.from({ length: n }, (_, k) => ({ x: 3 * Math.cos((2 * Math.PI * k) / n), y: 3 * Math.sin((2 * Math.PI * k) / n) }));
    const f = feretDiameters(pts);
    expect(f.max).toBeCloseTo(6, 9);
    expect(f.min).toBeCloseTo(6 * Math.cos(Math.PI / n), 9);
  });

  it('handles degenerate input: two points, one point, none', () => {
    expect(feretDiameters([{ x: 0, y: 0 }, { x: 3, y: 4 }])).toMatchObject({ max: 5, min: 0 });
    expect(feretDiameters([{ x: 1, y: 1 }])).toMatchObject({ max: 0, min: 0 });
    expect(feretDiameters([])).toMatchObject({ max: 0, min: 0 });
  });
});
