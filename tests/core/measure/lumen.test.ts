import { describe, expect, it } from 'vitest';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { lumenAlongTrack } from '../../../src/core/measure/lumen.js';
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

describe('lumenAlongTrack on a drawn patch', () => {
  // A horizontal band 60 px long: rows 10–20 inside the outline; density by row.
  function band(profile: (row: number) => number, insideRows: (row: number) => boolean) {
    const width = 80;
    const height = 31;
    const data = new Float32Array(width * height);
    const mask = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inBand = x >= 10 && x < 70;
        data[y * width + x] = 100 + (inBand ? profile(y) : 0);
        mask[y * width + x] = inBand && insideRows(y) ? 1 : 0;
      }
    }
    return { patch: { x0: 0, y0: 0, width, height, data }, mask: { x0: 0, y0: 0, width, height, data: mask } };
  }
  const walls = (y: number): number => (y === 11 || y === 12 || y === 18 || y === 19 ? 300 : y >= 13 && y <= 17 ? 180 : y === 10 || y === 20 ? 150 : 0);

  it('sees a lumen inside the outline along the middle of the track', () => {
    const { patch, mask } = band(walls, (y) => y >= 10 && y <= 20);
    const l = lumenAlongTrack(patch, mask, 5, 100);
    expect(l?.seenFraction).toBe(1);
    expect(l?.stationsRead ?? 0).toBeGreaterThanOrEqual(15);
  });

  it('sees none where the gap between two lines is outside the outline (two casts side by side)', () => {
    const { patch, mask } = band((y) => (y === 13 || y === 14 ? 0 : walls(y)), (y) => y >= 10 && y <= 20 && y !== 13 && y !== 14);
    // The mask is two bands: its centreline runs between them, and the least dense point lies outside.
    const l = lumenAlongTrack(patch, mask, 5, 100);
    expect(l?.stationsRead ?? 0).toBeGreaterThanOrEqual(15);
    expect(l?.seenFraction).toBe(0);
  });

  it('sees none in a solid band, and none where the dip is within the noise', () => {
    const solid = band((y) => (y >= 10 && y <= 20 ? 300 - 10 * Math.abs(y - 15) : 0), (y) => y >= 10 && y <= 20);
    expect(lumenAlongTrack(solid.patch, solid.mask, 5, 100)?.seenFraction).toBe(0);
    expect(lumenAlongTrack(solid.patch, solid.mask, 5, 100)?.stationsRead ?? 0).toBeGreaterThanOrEqual(15);
    const { patch, mask } = band(walls, (y) => y >= 10 && y <= 20);
    // A dip of 120 against a pixel noise of 100: under 3 σ of the dip's spread.
    expect(lumenAlongTrack(patch, mask, 100, 100)?.seenFraction).toBe(0);
  });

  it('reads nothing on an outline too narrow to hold a lumen', () => {
    const { patch, mask } = band(walls, (y) => y >= 14 && y <= 16);
    expect(lumenAlongTrack(patch, mask, 5, 100)).toBeNull();
  });
});
