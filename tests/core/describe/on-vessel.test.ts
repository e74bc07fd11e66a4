/**
 * A calcification lying on a vessel that another calcification of the same finding shows by its two
 * walls reads as that vessel's (describe/on-vessel.ts): a deposit on the wall of a tram track reads
 * coarse heterogeneous alone, vascular beside the wall that shows the vessel; a calcification beside
 * the vessel keeps its own term.
 */
import { describe, expect, it } from 'vitest';
import { analyseCalcifications } from '../../../src/core/analyze.js';
import { describeCalcifications, ON_VESSEL } from '../../../src/core/describe/index.js';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { describeMembers } from '../../../src/core/describe/on-vessel.js';
import { distanceToBoundary, distanceToPolyline } from '../../../src/core/measure/polygon.js';
import { mm, px } from '../../../src/core/units.js';
import { calc } from './fixtures.js';
import { onSecondWall, tramTrack } from '../measure/tram-tracks.js';

describe('distance to a wall path', () => {
  it('is the distance to the nearest segment, not only to the points', () => {
    const path = [{ x: 0, y: 0 }, { x: 6, y: 0 }, { x: 12, y: 0 }];
    expect(distanceToPolyline({ x: 3, y: 2 }, path)).toBeCloseTo(2, 9);
    expect(distanceToPolyline({ x: 15, y: 4 }, path)).toBeCloseTo(5, 9);
    expect(distanceToPolyline({ x: 1, y: 1 }, [])).toBe(Infinity);
    expect(distanceToPolyline({ x: 3, y: 4 }, [{ x: 0, y: 0 }])).toBeCloseTo(5, 9);
    // Open: no segment back from the last point to the first (a polygon's boundary has one).
    const corner = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }];
    expect(distanceToPolyline({ x: 4, y: 5 }, corner)).toBeCloseTo(5, 9);
    expect(distanceToBoundary({ x: 4, y: 5 }, corner)).toBeCloseTo(Math.SQRT1_2, 9);
    expect(ON_VESSEL.minTolerancePx).toBe(3);
  });
});

describe('a deposit on the wall of a calcified vessel, clicked with the vessel', () => {
  const spec = { separationMm: 2, angleDeg: 30, seed: 21, lengthMm: 12, wallMm: 0.3, noise: 8, beadMm: 1.2, gapMm: 1.2 };
  // An irregular deposit in a gap of the second wall, 3 mm from the middle; a round one 3 mm beside the vessel.
  const bead = onSecondWall(spec, -3);
  const a = ((spec.angleDeg + 90) * Math.PI) / 180;
  const beside = { x: bead.x + 3 * Math.cos(a), y: bead.y + 3 * Math.sin(a) };
  const scene = (pixelMm: number, uncalibrated: boolean) => {
    const d = tramTrack({
      ...spec, pixelMm, uncalibrated,
      extra: [
        { kind: 'ellipse', cx: bead.x, cy: bead.y, a: 0.35, b: 0.22, angleDeg: 75, contrast: 200 },
        { kind: 'disc', cx: beside.x, cy: beside.y, r: 0.3, contrast: 200 },
      ],
    });
    const toPx = (p: { x: number; y: number }) => ({ x: Math.round(p.x / pixelMm), y: Math.round(p.y / pixelMm) });
    return { d, bead: toPx(bead), beside: toPx(beside) };
  };

  it.each([
    { pixelMm: 0.07, uncalibrated: false },
    { pixelMm: 0.05, uncalibrated: false },
    { pixelMm: 0.1, uncalibrated: true },
  ])('reads it vascular, on the vessel the clicked wall shows, at $pixelMm mm per pixel (uncalibrated: $uncalibrated)', ({ pixelMm, uncalibrated }) => {
    const { d, bead: b, beside: o } = scene(pixelMm, uncalibrated);
    const r = analyseCalcifications(d.image, { seeds: [d.click, b, o] });
    if (!r.ok) throw new Error(r.error.message);
    const [wall, deposit, round] = r.value.calcifications;
    expect(wall?.morphology[0]).toBe('vascular');
    expect(deposit?.morphology).toEqual(['vascular']);
    expect(deposit?.evidence[0]).toMatch(/^vascular: on the calcified vessel shown by the calcification at \(\d+, \d+\) — its centre \d+\.\d px from its other wall \(≤ \d+\.\d px: a piece of that wall\)$/);
    // What it reads alone is kept in its evidence, and is not vascular.
    expect(deposit?.evidence[1]).toMatch(/^read alone: /);
    expect(deposit?.evidence[1]).not.toMatch(/vascular/);
    // The calcification beside the vessel keeps its own term.
    expect(round?.morphology[0]).not.toBe('vascular');
    // The finding: vascular, by 2 of 3.
    const set = describeCalcifications(r.value.calcifications.map((c) => c.measurements));
    expect(set.terms[0]?.term).toBe('vascular');
    expect(set.evidence).toContain('majority vascular: 2 of 3 calcifications');
  }, 30_000);

  it('reads the deposit as it reads alone when the finding holds no calcification that shows the vessel', () => {
    const { d, bead: b, beside: o } = scene(0.07, false);
    const r = analyseCalcifications(d.image, { seeds: [b, o] });
    if (!r.ok) throw new Error(r.error.message);
    const [deposit] = r.value.calcifications;
    expect(deposit?.morphology[0]).not.toBe('vascular');
    expect(deposit?.evidence[0]).not.toMatch(/on the calcified vessel/);
  }, 30_000);
});

describe('what lies on the walls of a vessel the finding shows', () => {
  // A vessel shown by its tram track: walls 20 px apart along y = 100 and y = 120, followed 180 px.
  const wallA = [0, 6, 12, 18].map((i) => ({ x: 10 * i, y: 100 }));
  const wallB = wallA.map((p) => ({ x: p.x, y: 120 }));
  const vessel = {
    ...calc({ longMm: 6, elongation: 10, calibreMm: 0.3, lengthMm: 6, cnr: 20 }),
    centre: { x: 60, y: 100 },
    vessel: {
      track: { px: px(60), mm: mm(6) }, followed: { px: px(180), mm: mm(18) }, gapsBridged: 2, searchedPx: { min: 10, max: 40 },
      parallelWall: { separation: { px: px(20), mm: mm(2) }, alongside: { px: px(160), mm: mm(16) }, seenFraction: 0.9, ridgeToNoise: 6 },
      walls: [wallA, wallB],
    },
  };
  const irregular = (x: number, y: number) => ({ ...calc({ longMm: 0.8, elongation: 1.6, circularity: 0.6, solidity: 0.8, cnr: 20 }), centre: { x, y } });
  const cast = { ...calc({ longMm: 2, elongation: 6, calibreMm: 0.2, lengthMm: 2, cnr: 20 }), centre: { x: 90, y: 119 } };

  it('reads a deposit on either wall as the vessel\'s, one off the walls and a duct cast on a wall as they read alone', () => {
    expect(describeCalcification(vessel).terms[0]?.term).toBe('vascular');
    const [, onWall, onOther, castOnWall, off] = describeMembers([vessel, irregular(33, 101), irregular(30, 121), cast, irregular(30, 140)]);
    expect(onWall?.terms).toEqual([{ term: 'vascular', confidence: describeCalcification(vessel).terms[0]?.confidence }]);
    expect(onWall?.evidence[0]).toBe('vascular: on the calcified vessel shown by the calcification at (60, 100) — its centre 1.0 px from the wall followed from there (≤ 3.0 px: a piece of that wall)');
    expect(onWall?.evidence[1]).toBe('read alone: coarse heterogeneous');
    expect(onOther?.evidence[0]).toMatch(/its centre 1\.0 px from its other wall/);
    // A duct cast is a line itself: a wall followed may be a line of casts.
    expect(castOnWall?.terms[0]?.term).toBe('fine linear');
    // 20 px off the wall: its own term.
    expect(off?.terms[0]?.term).toBe('coarse heterogeneous');
  });

  it('reads walls saved in a file that are not lists of points as no walls', () => {
    for (const walls of [5, 'x', [[{ x: 'a', y: 1 }]], [null], [[]]] as unknown[]) {
      const odd = { ...vessel, vessel: { ...vessel.vessel, walls } } as unknown as typeof vessel;
      const [, bead] = describeMembers([odd, irregular(33, 101)]);
      expect(bead?.terms[0]?.term).toBe('coarse heterogeneous');
    }
  });

  it('reads nothing as the vessel\'s when the vessel is not shown (no second wall), or when the finding is one calcification', () => {
    const unshown = { ...vessel, vessel: { ...vessel.vessel, parallelWall: null, walls: [wallA] } };
    const [, bead] = describeMembers([unshown, irregular(33, 101)]);
    expect(bead?.evidence[0]).not.toMatch(/on the calcified vessel/);
    expect(describeMembers([irregular(33, 101)])[0]?.terms[0]?.term).toBe('coarse heterogeneous');
  });
});
