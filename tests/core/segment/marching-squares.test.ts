import { describe, it, expect } from 'vitest';
import { traceOuterContour } from '../../../src/core/segment/marching-squares.js';
import type { PointPx } from '../../../src/core/units.js';

function signedArea(p: readonly PointPx[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as PointPx;
    const b = p[(i + 1) % p.length] as PointPx;
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

function field(w: number, h: number, on: readonly [number, number, number][]): Float32Array {
  const f = new Float32Array(w * h);
  for (const [x, y, v] of on) f[y * w + x] = v;
  return f;
}

const maskOf = (f: Float32Array, level: number): Uint8Array => Uint8Array.from(f, (v) => (v >= level ? 1 : 0));

describe('traceOuterContour', () => {
  it('draws a diamond half a pixel from a single pixel at half its value', () => {
    const f = field(3, 3, [[1, 1, 1]]);
    const c = traceOuterContour(f, 3, 3, 0.5, maskOf(f, 0.5));
    expect(c).toHaveLength(4);
    for (const p of c) expect(Math.abs(p.x - 1) + Math.abs(p.y - 1)).toBeCloseTo(0.5, 6);
    expect(signedArea(c)).toBeCloseTo(0.5, 6);
  });

  it('places crossings by linear interpolation between pixel centres', () => {
    const f = field(3, 3, [[1, 1, 1]]);
    const c = traceOuterContour(f, 3, 3, 0.25, maskOf(f, 0.25));
    // (0.25 − 0) / (1 − 0) of the way from the outside pixel: 0.75 px from the centre.
    for (const p of c) expect(Math.abs(p.x - 1) + Math.abs(p.y - 1)).toBeCloseTo(0.75, 6);
    expect(signedArea(c)).toBeCloseTo(2 * 0.75 * 0.75, 6);
  });

  it('outlines a 3 × 3 block as an octagon of area 8.5, clockwise on screen', () => {
    const on: [number, number, number][] = [];
    for (let y = 1; y <= 3; y++) for (let x = 1; x <= 3; x++) on.push([x, y, 1]);
    const f = field(5, 5, on);
    const c = traceOuterContour(f, 5, 5, 0.5, maskOf(f, 0.5));
    expect(c).toHaveLength(12);
    expect(signedArea(c)).toBeCloseTo(8.5, 6);
  });

  it('closes the contour when the region touches the patch edge', () => {
    const f = field(2, 2, [
      [0, 0, 1],
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 1],
    ]);
    const c = traceOuterContour(f, 2, 2, 0.5, maskOf(f, 0.5));
    expect(signedArea(c)).toBeGreaterThan(1);
    expect(Math.min(...c.map((p) => p.x))).toBeLessThan(0);
    expect(Math.max(...c.map((p) => p.x))).toBeGreaterThan(1);
  });

  it('follows only the member region and ignores other bright pixels', () => {
    const f = field(7, 3, [
      [1, 1, 1],
      [5, 1, 1],
    ]);
    const member = new Uint8Array(21);
    member[1 * 7 + 1] = 1;
    const c = traceOuterContour(f, 7, 3, 0.5, member);
    expect(Math.max(...c.map((p) => p.x))).toBeLessThan(2);
  });

  it('joins diagonal neighbours into one loop (8-connected regions)', () => {
    const f = field(4, 4, [
      [1, 1, 1],
      [2, 2, 1],
    ]);
    const c = traceOuterContour(f, 4, 4, 0.5, maskOf(f, 0.5));
    // Three quarter-diamonds of 0.125 around each pixel plus the saddle cell less its two cut-off
    // corners (1 − 2 × 0.125): 0.375 + 0.375 + 0.75.
    expect(signedArea(c)).toBeCloseTo(1.5, 6);
  });

  it('returns an empty contour for an empty region', () => {
    expect(traceOuterContour(new Float32Array(9), 3, 3, 0.5, new Uint8Array(9))).toEqual([]);
  });

  it('traces the outer boundary of a ring whose hole is a member', () => {
    const on: [number, number, number][] = [];
    for (let y = 1; y <= 3; y++) for (let x = 1; x <= 3; x++) if (!(x === 2 && y === 2)) on.push([x, y, 1]);
    const f = field(5, 5, on);
    const member = maskOf(f, 0.5);
    member[2 * 5 + 2] = 1;
    const c = traceOuterContour(f, 5, 5, 0.5, member);
    expect(signedArea(c)).toBeCloseTo(8.5, 6);
  });
});
