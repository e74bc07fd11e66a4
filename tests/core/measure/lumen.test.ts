import { describe, expect, it } from 'vitest';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import type { Drawn } from './tram-tracks.js';
import { branchingCast, tramTrack } from './tram-tracks.js';

function measured(d: Drawn) {
  const o = segmentAtSeed(d.image, d.click);
  if (!o.ok) throw new Error(o.error.message);
  return measureCalcification(d.image, o.value);
}

// A small calcified artery: two walls so close (0.1–0.15 mm of lumen between 0.2–0.3 mm walls) that
// one outline holds both, the lumen a lucent line down its middle.
const TUBES = [
  { name: 'on film (uncalibrated, 0.05 mm scan)', spec: { pixelMm: 0.05, uncalibrated: true, separationMm: 0.3, wallMm: 0.2 } },
  { name: 'at 0.07 mm (calibrated)', spec: { pixelMm: 0.07, separationMm: 0.4, wallMm: 0.3 } },
  { name: 'at 0.05 mm (calibrated)', spec: { pixelMm: 0.05, separationMm: 0.35, wallMm: 0.3 } },
] as const;

describe('lumen along a calcified tube', () => {
  it.each(TUBES)('sees the lumen of a tube outlined whole $name, and reads it vascular', ({ spec }) => {
    const m = measured(tramTrack({ ...spec, lengthMm: 9, angleDeg: 30, noise: 4, seed: 3 }));
    // Both walls in one outline: wider than either wall.
    expect(m.shortAxis.px * spec.pixelMm).toBeGreaterThan(spec.separationMm);
    const l = m.vessel?.lumen;
    expect(l?.seenFraction ?? 0).toBeGreaterThanOrEqual(0.8);
    expect(l?.dipToNoise ?? 0).toBeGreaterThan(5);
    const d = describeCalcification(m);
    expect(d.terms[0]?.term).toBe('vascular');
    expect(d.evidence[0]).toMatch(/a lumen between two walls seen along \d+ % of the middle of the track/);
  });

  it('sees no lumen in a solid rod (large rod-like stays large rod-like)', () => {
    const m = measured(tramTrack({ pixelMm: 0.07, separationMm: 0.4, wallMm: 0.7, lengthMm: 9, angleDeg: 30, noise: 4, seed: 3, oneWall: true }));
    expect(m.vessel?.lumen?.stationsRead ?? 0).toBeGreaterThan(10);
    expect(m.vessel?.lumen?.seenFraction ?? 1).toBeLessThan(0.2);
    expect(describeCalcification(m).terms[0]?.term).toBe('large rod-like');
  });

  it('sees no lumen along a fine-linear branching cast', () => {
    const m = measured(branchingCast({ pixelMm: 0.05, angleDeg: 40, seed: 5, lengthMm: 6, wallMm: 0.35, noise: 4 }));
    const l = m.vessel?.lumen ?? null;
    expect(l === null || l.seenFraction < 0.2).toBe(true);
    expect(describeCalcification(m).terms.map((t) => t.term)).not.toContain('vascular');
  });
});
