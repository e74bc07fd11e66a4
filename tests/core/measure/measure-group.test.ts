import { describe, it, expect } from 'vitest';
import { measureGroup, principalAxes } from '../../../src/core/measure/measure-group.js';
import { CAL_01, UNCAL, calcAt } from './group-fixtures.js';

describe('measureGroup', () => {
  const square = [calcAt(0, 0), calcAt(30, 0), calcAt(30, 40), calcAt(0, 40)];

  it('measures extent as the farthest centres plus their two half long axes', () => {
    // Diagonal 50 px + 2 + 2 = 54 px = 5.4 mm.
    const g = measureGroup(square, CAL_01);
    expect(g.count).toBe(4);
    expect(g.extent.px).toBeCloseTo(54, 9);
    expect(g.extent.mm).toBeCloseTo(5.4, 9);
  });

  it('measures hull area and median nearest-neighbour spacing', () => {
    const g = measureGroup([...square, calcAt(15, 20)], CAL_01);
    expect(g.hullArea.px2).toBeCloseTo(1200, 9);
    expect(g.hullArea.mm2).toBeCloseTo(12, 9);
    // Nearest neighbours: corners → centre 25 px; centre → a corner 25 px.
    expect(g.nearestNeighbourSpacing.mm).toBeCloseTo(2.5, 9);
  });

  it('measures the largest step between neighbouring centres (the longest edge of their minimum spanning tree)', () => {
    // A line 2.5 mm apart, then one 30 mm beyond its end.
    const line = [0, 1, 2, 3].map((k) => calcAt(25 * k, 0));
    expect(measureGroup(line, CAL_01).largestNeighbourStep.mm).toBeCloseTo(2.5, 9);
    expect(measureGroup([...line, calcAt(375, 0)], CAL_01).largestNeighbourStep.mm).toBeCloseTo(30, 9);
    // A cross of side 20 px: every arm's tip is 10 px from the centre, the tips 14.1 px from each other.
    const cross = [calcAt(10, 0), calcAt(0, 10), calcAt(10, 10), calcAt(20, 10), calcAt(10, 20)];
    expect(measureGroup(cross, CAL_01).largestNeighbourStep.px).toBeCloseTo(10, 9);
    // Order does not matter; against every spanning tree of four points (brute force).
    const pts = [calcAt(0, 0), calcAt(60, 5), calcAt(20, 40), calcAt(90, 70)];
    const d = (i: number, j: number) => Math.hypot(pts[i]!.centre.x - pts[j]!.centre.x, pts[i]!.centre.y - pts[j]!.centre.y);
    const edges = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]] as const;
    let bestMax = Infinity;
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) for (let c = b + 1; c < 6; c++) {
      const chosen = [edges[a]!, edges[b]!, edges[c]!];
      const parent = [0, 1, 2, 3];
      const find = (x: number): number => (parent[x] === x ? x : find(parent[x]!));
      let spanning = true;
      for (const [i, j] of chosen) { const ri = find(i), rj = find(j); if (ri === rj) spanning = false; else parent[ri] = rj; }
      if (spanning) bestMax = Math.min(bestMax, Math.max(...chosen.map(([i, j]) => d(i, j))));
    }
    expect(measureGroup(pts, CAL_01).largestNeighbourStep.px).toBeCloseTo(bestMax, 9);
    expect(measureGroup([...pts].reverse(), CAL_01).largestNeighbourStep.px).toBeCloseTo(bestMax, 9);
    expect(measureGroup([calcAt(0, 0)], CAL_01).largestNeighbourStep.px).toBe(0);
    expect(measureGroup(line, UNCAL).largestNeighbourStep.mm).toBeNull();
  });

  it('gives linearity 1 for collinear centres and about 0 for a symmetric cloud', () => {
    const line = [0, 1, 2, 3, 4].map((k) => calcAt(10 * k, 5 * k));
    expect(measureGroup(line, CAL_01).linearity).toBeCloseTo(1, 9);
    const cross = [calcAt(0, 10), calcAt(20, 10), calcAt(10, 0), calcAt(10, 20)];
    expect(measureGroup(cross, CAL_01).linearity).toBeCloseTo(0, 9);
  });

  it('measures the angle between the main axis and the direction to the nipple', () => {
    const line = [0, 1, 2, 3].map((k) => calcAt(100 + 20 * k, 100));
    expect(measureGroup(line, CAL_01, { x: 0, y: 100 }).orientationToNippleDeg).toBeCloseTo(0, 6);
    expect(measureGroup(line, CAL_01, { x: 130, y: 500 }).orientationToNippleDeg).toBeCloseTo(90, 6);
    expect(measureGroup(line, CAL_01).orientationToNippleDeg).toBeNull();
    expect(measureGroup(line, CAL_01).wedgeTowardNipple).toBeNull();
  });

  it('recognises a cone that widens away from the nipple, and not a band or a reversed cone', () => {
    const nipple = { x: 0, y: 200 };
    // Spread across the nipple direction grows with distance from the nipple.
    const cone = [200, 240, 280, 320, 360, 400, 440, 480].flatMap((x) => [calcAt(x, 200 + (x - 150) / 4), calcAt(x, 200 - (x - 150) / 4)]);
    expect(measureGroup(cone, CAL_01, nipple).wedgeTowardNipple).toBe(true);
    const band = [200, 240, 280, 320, 360, 400, 440, 480].flatMap((x) => [calcAt(x, 215), calcAt(x, 185)]);
    expect(measureGroup(band, CAL_01, nipple).wedgeTowardNipple).toBe(false);
    const reversed = [200, 240, 280, 320, 360, 400, 440, 480].flatMap((x) => [calcAt(x, 200 + (530 - x) / 4), calcAt(x, 200 - (530 - x) / 4)]);
    expect(measureGroup(reversed, CAL_01, nipple).wedgeTowardNipple).toBe(false);
    // Too few calcifications to judge.
    expect(measureGroup(cone.slice(0, 4), CAL_01, nipple).wedgeTowardNipple).toBe(false);
  });

  it('recognises a slowly widening segment by the growth of its width, when the halves differ by less than the spread ratio', () => {
    const nipple = { x: 0, y: 200 };
    // Half-width 40 px at the near end, 68 px at the far end: far/near spread about 1.35 (< 1.5),
    // but the width grows steadily with the distance from the nipple.
    const slow = [200, 240, 280, 320, 360, 400, 440, 480].flatMap((x) => [calcAt(x, 200 + 40 + (x - 200) / 10), calcAt(x, 200 - 40 - (x - 200) / 10)]);
    expect(measureGroup(slow, CAL_01, nipple).wedgeTowardNipple).toBe(true);
  });

  it('does not call a fan wider than it is long a wedge: its main axis does not point at the nipple', () => {
    const nipple = { x: 0, y: 200 };
    const fan = [-60, -40, -20, 0, 20, 40, 60].flatMap((deg) => [200, 300].map((r) => calcAt(r * Math.cos((deg * Math.PI) / 180), 200 + r * Math.sin((deg * Math.PI) / 180))));
    const g = measureGroup(fan, CAL_01, nipple);
    expect(g.orientationToNippleDeg).toBeGreaterThan(30);
    expect(g.wedgeTowardNipple).toBe(false);
  });

  it('measures size spread (CV of long axes) and shape spread (SD of circularity)', () => {
    const g = measureGroup([calcAt(0, 0, 2, 0.9), calcAt(10, 0, 4, 0.7), calcAt(20, 0, 6, 0.5)], CAL_01);
    expect(g.sizeSpread).toBeCloseTo(Math.sqrt(8 / 3) / 4, 9);
    expect(g.shapeSpread).toBeCloseTo(Math.sqrt(0.08 / 3), 9);
  });

  it('gives null millimetres when uncalibrated', () => {
    const g = measureGroup(square.map((c) => calcAt(c.centre.x, c.centre.y, 4, 0.9, null)), UNCAL, { x: 0, y: 0 });
    expect(g.calibration).toBe('uncalibrated');
    expect(g.extent.mm).toBeNull();
    expect(g.extent.px).toBeCloseTo(54, 9);
    expect(g.hullArea.mm2).toBeNull();
    expect(g.nearestNeighbourSpacing.mm).toBeNull();
  });

  it('handles one calcification and an empty group', () => {
    const one = measureGroup([calcAt(5, 5)], CAL_01, { x: 0, y: 0 });
    expect(one.extent.mm).toBeCloseTo(0.4, 9);
    expect(one.nearestNeighbourSpacing.mm).toBe(0);
    expect(one.linearity).toBe(0);
    expect(one.orientationToNippleDeg).toBeNull();
    const none = measureGroup([], CAL_01);
    expect(none.count).toBe(0);
    expect(none.extent.px).toBe(0);
    expect(none.sizeSpread).toBe(0);
  });
});

describe('principalAxes', () => {
  it('finds the main direction and variances of a point cloud', () => {
    const p = principalAxes([{ x: 0, y: 0 }, { x: 2, y: 2 }, { x: 4, y: 4 }]);
    expect(Math.abs(p.axis.x)).toBeCloseTo(Math.SQRT1_2, 9);
    expect(Math.abs(p.axis.y)).toBeCloseTo(Math.SQRT1_2, 9);
    expect(p.major).toBeCloseTo(16 / 3, 9);
    expect(p.minor).toBeCloseTo(0, 9);
  });
});
