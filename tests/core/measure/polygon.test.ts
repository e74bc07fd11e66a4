import { describe, it, expect } from 'vitest';
import { polygonArea, polygonCentroid, polygonPerimeter, scalePoints } from '../../../src/core/measure/polygon.js';
import type { PointPx } from '../../../src/core/units.js';

const rect: PointPx[] = [
  { x: 1, y: 1 },
  { x: 4, y: 1 },
  { x: 4, y: 3 },
  { x: 1, y: 3 },
];

describe('polygonArea', () => {
  it('gives width × height for a rectangle in either winding', () => {
    expect(polygonArea(rect)).toBe(6);
    expect(polygonArea([...rect].reverse())).toBe(6);
  });

  it('gives half base × height for a triangle and 0 for fewer than 3 points', () => {
    expect(polygonArea([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 3 }])).toBe(6);
    expect(polygonArea([{ x: 0, y: 0 }, { x: 4, y: 0 }])).toBe(0);
  });
});

describe('polygonPerimeter', () => {
  it('sums the closed boundary', () => {
    expect(polygonPerimeter(rect)).toBe(10);
    expect(polygonPerimeter([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 3 }])).toBe(12);
    expect(polygonPerimeter([{ x: 0, y: 0 }])).toBe(0);
  });
});

describe('polygonCentroid', () => {
  it('finds the centre of area, not the vertex mean', () => {
    expect(polygonCentroid(rect)).toEqual({ x: 2.5, y: 2 });
    // Extra collinear vertices on one side would move a vertex mean but not the area centre.
    const c = polygonCentroid([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }, { x: 3, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 2 }, { x: 0, y: 2 }]);
    expect(c.x).toBeCloseTo(2, 9);
    expect(c.y).toBeCloseTo(1, 9);
  });

  it('falls back to the vertex mean for a degenerate polygon', () => {
    expect(polygonCentroid([{ x: 0, y: 0 }, { x: 2, y: 2 }])).toEqual({ x: 1, y: 1 });
  });
});

describe('scalePoints', () => {
  it('scales x by the column spacing and y by the row spacing', () => {
    expect(scalePoints([{ x: 10, y: 10 }], 0.1, 0.2)).toEqual([{ x: 1, y: 2 }]);
  });
});
