import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenOutline, screenOutlineIndices, SCREEN_TOLERANCE_PX, type CanvasPoint } from '../../extensions/calcification/tools/screen-outline.js';

function distanceToSegment(p: CanvasPoint, a: CanvasPoint, b: CanvasPoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance of p from the closed outline through `drawn`. */
function fromOutline(p: CanvasPoint, drawn: readonly CanvasPoint[]): number {
  if (drawn.length === 1) return Math.hypot(p[0] - drawn[0]![0], p[1] - drawn[0]![1]);
  let d = Infinity;
  for (let i = 0; i < drawn.length; i++) d = Math.min(d, distanceToSegment(p, drawn[i]!, drawn[(i + 1) % drawn.length]!));
  return d;
}

/** A long thin outline like a vessel wall's contour: n points around a 20 mm × 0.6 mm band seen at `scale` screen px per image px. */
function vesselWall(n: number, scale: number): CanvasPoint[] {
  const out: CanvasPoint[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / n) * 2 * Math.PI;
    // 280 × 8 image pixels, a slight wobble of half an image pixel.
    out.push([100 + scale * (140 * Math.cos(t)), 100 + scale * (4 * Math.sin(t) + 0.5 * Math.sin(9 * t))]);
  }
  return out;
}

describe('screenOutline', () => {
  it('draws a long contour seen small with far fewer points, every left-out point within half a screen pixel', () => {
    const contour = vesselWall(800, 0.17);
    const drawn = screenOutline(contour);
    expect(drawn.length).toBeLessThan(80);
    expect(drawn[0]).toBe(contour[0]);
    for (const p of contour) expect(fromOutline(p, drawn)).toBeLessThanOrEqual(SCREEN_TOLERANCE_PX + 1e-9);
  });

  it('keeps the points that show when the outline is zoomed in', () => {
    const small = screenOutline(vesselWall(800, 0.17)).length;
    const zoomed = screenOutline(vesselWall(800, 4)).length;
    expect(zoomed).toBeGreaterThan(small);
  });

  it('returns indices in order, starting at the first point', () => {
    const idx = screenOutlineIndices(vesselWall(400, 1));
    expect(idx[0]).toBe(0);
    for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
  });

  it('keeps outlines of three points or fewer as they are, and a speck as one point', () => {
    const tri: CanvasPoint[] = [[0, 0], [5, 0], [0, 5]];
    expect(screenOutline(tri)).toEqual(tri);
    expect(screenOutline([[1, 1], [1.1, 1], [1.1, 1.1], [1, 1.1]] as CanvasPoint[])).toEqual([[1, 1]]);
  });

  it('leaves out no point farther than the tolerance from what is drawn (any outline)', () => {
    const pt = fc.tuple(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }));
    fc.assert(
      fc.property(fc.array(pt, { minLength: 1, maxLength: 120 }), fc.double({ min: 0.1, max: 5, noNaN: true }), (points, tol) => {
        const drawn = screenOutline(points as CanvasPoint[], tol);
        for (const p of points) if (fromOutline(p as CanvasPoint, drawn) > tol + 1e-6) return false;
        return true;
      }),
    );
  });
});
