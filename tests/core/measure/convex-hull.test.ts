import { describe, it, expect } from 'vitest';
import { convexHull } from '../../../src/core/measure/convex-hull.js';
import { polygonArea } from '../../../src/core/measure/polygon.js';

describe('convexHull', () => {
  it('drops interior and collinear points', () => {
    const h = convexHull([
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 2, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
      { x: 0.5, y: 1.5 },
    ]);
    expect(h).toHaveLength(4);
    expect(polygonArea(h)).toBe(4);
  });

  it('bridges a concavity', () => {
    // An L shape: area 3, hull area 3.5.
    const l = [{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 1 }, { x: 1, y: 1 }, { x: 1, y: 2 }, { x: 0, y: 2 }];
    expect(polygonArea(convexHull(l))).toBe(3.5);
  });

  it('returns the distinct points when there are fewer than 3', () => {
    expect(convexHull([{ x: 1, y: 1 }, { x: 1, y: 1 }])).toEqual([{ x: 1, y: 1 }]);
    expect(convexHull([])).toEqual([]);
  });
});
