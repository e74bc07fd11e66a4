import { describe, expect, it } from 'vitest';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { calcificationFeatures } from '../../../src/core/describe/calcification-features.js';
import { VASCULAR_THRESHOLDS, vesselCaution } from '../../../src/core/describe/vascular-rules.js';
import { SUSPICIOUS_MORPHOLOGY } from '../../../src/core/lexicon.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import type { VesselEvidence } from '../../../src/core/measure/vessel-evidence.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { mm, px } from '../../../src/core/units.js';
import { branchingCast, tramTrack, type Drawn } from '../measure/tram-tracks.js';
import { calc } from './fixtures.js';

function described(d: Drawn) {
  const o = segmentAtSeed(d.image, d.click);
  if (!o.ok) throw new Error(o.error.message);
  return describeCalcification(measureCalcification(d.image, o.value), { view: 'MLO' });
}

const suspicious = new Set<string>(SUSPICIOUS_MORPHOLOGY);

describe('vascular: a click on either wall of a tram track', () => {
  it.each([
    { pixelMm: 0.07, angleDeg: 25, seed: 11, noise: 8 },
    { pixelMm: 0.1, angleDeg: 100, seed: 12, noise: 8 },
    { pixelMm: 0.05, angleDeg: 160, seed: 13, noise: 16 },
  ])('suggests vascular with the parallel wall in mm at $pixelMm mm per pixel', ({ pixelMm, angleDeg, seed, noise }) => {
    const d = described(tramTrack({ pixelMm, separationMm: 2, angleDeg, seed, lengthMm: 12, wallMm: 0.3, noise }));
    expect(d.terms[0]?.term).toBe('vascular');
    expect(d.evidence[0]).toMatch(/parallel wall 2\.\d mm away over \d+\.\d mm/);
  });

  it('suggests vascular on uncalibrated film, the distance in pixels read at the film scan pitch range', () => {
    const d = described(tramTrack({ pixelMm: 0.05, uncalibrated: true, separationMm: 2, angleDeg: 60, seed: 14, lengthMm: 12, wallMm: 0.3, noise: 8 }));
    expect(d.terms[0]?.term).toBe('vascular');
    // The wall's calibre (< 0.5 mm) cannot be applied uncalibrated: half confidence, but vascular
    // stands — the tram track is shown, so it is not held back for the fine linear that fires too.
    expect(d.terms[0]?.confidence).toBe(0.4);
    expect(d.notCharacterised ?? null).toBeNull();
    expect(d.evidence[0]).toMatch(/parallel wall 4\d px away over \d+ px .*uncalibrated: 1\.\d+–4\.\d mm apart at a film scan pitch of 0\.042–0\.1 mm per pixel/);
    // The vessel is looked for over a narrower range than the image's own (0.042–0.2 mm: too small an image to lower it); the words say which.
    expect(d.evidence[0]).toContain("at a film scan pitch of 0.042–0.1 mm per pixel, the pitches a vessel is looked for at (the image's own range goes to 0.2 mm)");
  });

  it('suggests vascular on a click on one bead of an interrupted wall, its track followed past the gaps', () => {
    const d = described(tramTrack({ pixelMm: 0.07, separationMm: 2.5, angleDeg: 120, seed: 17, lengthMm: 14, wallMm: 0.3, noise: 8, beadMm: 1.2, gapMm: 0.6 }));
    expect(d.terms[0]?.term).toBe('vascular');
    expect(d.evidence[0]).toMatch(/parallel wall 2\.\d mm away over \d+\.\d mm \(seen along \d+ % of the track followed \d+\.\d mm past \d+ gaps\)/);
  });

  it('keeps fine linear on a broken duct cast: pieces in a line, no parallel wall', () => {
    const d = described(tramTrack({ pixelMm: 0.07, separationMm: 2, angleDeg: 10, seed: 18, lengthMm: 8, wallMm: 0.25, noise: 8, beadMm: 1.5, gapMm: 0.5, oneWall: true }));
    expect(d.terms[0]?.term).toBe('fine linear');
    expect(d.notCharacterised ?? null).toBeNull();
  });

  it('does not call a branching duct cast 4 mm long vascular, nor hold its term back', () => {
    const d = described(branchingCast({ pixelMm: 0.07, angleDeg: 30, seed: 15, lengthMm: 4, wallMm: 0.3, noise: 8 }));
    expect(d.terms.map((t) => t.term)).not.toContain('vascular');
    expect(d.terms[0]?.term).toBe('fine-linear branching');
  });
});

describe('vessel caution: no suspicious term on a line that may be a vessel wall', () => {
  it('holds back a suspicious term on a long single line of uncalibrated film and says to check for a parallel wall', () => {
    const d = described(tramTrack({ pixelMm: 0.05, uncalibrated: true, separationMm: 2, angleDeg: 60, seed: 16, lengthMm: 12, wallMm: 0.3, noise: 8, oneWall: true }));
    expect(d.terms.filter((t) => suspicious.has(t.term))).toEqual([]);
    expect(d.notCharacterised?.reason).toMatch(/^not characterised: vascular or fine[- ]linear( branching)?, check for a parallel wall \(track \d+ px long: .* mm at a film scan pitch/);
    expect(d.notCharacterised?.words).toMatch(/check for a parallel wall/);
  });

  const line = (vessel: VesselEvidence | null) => calcificationFeatures({ ...calc({ longMm: 3, elongation: 10, calibreMm: 0.3, lengthMm: 3, branches: 1 }), vessel });
  const wall = (seenFraction: number): VesselEvidence => ({
    track: { px: px(30), mm: mm(3) },
    followed: { px: px(150), mm: mm(15) },
    gapsBridged: 2,
    parallelWall: { separation: { px: px(12), mm: mm(1.2) }, alongside: { px: px(150 * seenFraction), mm: mm(15 * seenFraction) }, seenFraction, ridgeToNoise: 4 },
    searchedPx: { min: 10, max: 40 },
  });

  it('names the partial evidence: a second wall seen along part of the track', () => {
    const c = vesselCaution(line(wall(0.3)), [{ term: 'fine-linear branching', unapplied: 0 }]);
    expect(c?.reason).toContain('parallel wall 1.2 mm away over 4.5 mm (seen along 30 % of the track followed 15.0 mm past 2 gaps)');
    expect(c?.reason).toContain('neither vascular nor fine-linear branching given');
  });

  it('holds back vascular read on unapplied thresholds when a suspicious term fired too, not vascular on full evidence', () => {
    const both = (unapplied: number) => [{ term: 'vascular' as const, unapplied }, { term: 'fine linear' as const, unapplied: 0 }];
    expect(vesselCaution(line(wall(0.3)), both(2))?.words).toBe('vascular or fine linear: check for a parallel wall');
    expect(vesselCaution(line(wall(0.3)), both(0))).toBeNull();
    expect(vesselCaution(line(wall(0.3)), [{ term: 'vascular', unapplied: 2 }])).toBeNull();
  });

  it('reads a second wall beside the line over less than 3 × its distance as no evidence (a neighbouring dot)', () => {
    const short = wall(0.3);
    const near = { ...short, parallelWall: short.parallelWall === null ? null : { ...short.parallelWall, alongside: { px: px(30), mm: mm(3) } } };
    expect(vesselCaution(line(near), [{ term: 'fine linear', unapplied: 0 }])).toBeNull();
  });

  it('gives no caution without vessel evidence, below the partial share, or on a benign term', () => {
    expect(vesselCaution(line(null), [{ term: 'fine-linear branching', unapplied: 0 }])).toBeNull();
    expect(vesselCaution(line(wall(VASCULAR_THRESHOLDS.partialSeenMin - 0.05)), [{ term: 'fine-linear branching', unapplied: 0 }])).toBeNull();
    expect(vesselCaution(line(wall(0.3)), [{ term: 'large rod-like', unapplied: 0 }, { term: 'fine linear', unapplied: 0 }])).toBeNull();
  });

  it('holds back coarse heterogeneous on a bead of a single calcified wall followed over 10 mm, and says to check for a parallel wall', () => {
    // Beads 0.65 mm long on a 0.35 mm wall, one wall only, 14 mm: the clicked bead alone is an
    // irregular conspicuous deposit 0.5–1 mm long (coarse heterogeneous).
    const d = described(tramTrack({ pixelMm: 0.05, separationMm: 2, angleDeg: 40, seed: 21, lengthMm: 14, wallMm: 0.35, noise: 8, beadMm: 0.3, gapMm: 0.5, oneWall: true }));
    expect(d.terms.filter((t) => suspicious.has(t.term))).toEqual([]);
    expect(d.notCharacterised?.reason).toMatch(/^not characterised: vascular or coarse heterogeneous, check for a parallel wall \(a piece \d\.\d+ mm long of a calcified line followed \d+\.\d mm past \d+ gaps \(≥ 10 mm\)/);
    // The same bead on a line 7 mm long: judged on its own.
    const short = described(tramTrack({ pixelMm: 0.05, separationMm: 2, angleDeg: 40, seed: 21, lengthMm: 7, wallMm: 0.35, noise: 8, beadMm: 0.3, gapMm: 0.5, oneWall: true }));
    expect(short.notCharacterised ?? null).toBeNull();
    expect(short.terms[0]?.term).toBe('coarse heterogeneous');
  });

  it('never reads the followed course against fine linear: a cast is a line itself, and casts in a row are followed as far', () => {
    const bead = (held: 'fine linear' | 'coarse heterogeneous' | 'fine pleomorphic' | 'amorphous') =>
      vesselCaution(
        calcificationFeatures({ ...calc({ longMm: 0.7, elongation: 1.8, calibreMm: 0.35, lengthMm: 0.4 }), vessel: { track: { px: px(6), mm: mm(0.4) }, followed: { px: px(120), mm: mm(12) }, gapsBridged: 3, parallelWall: null, searchedPx: { min: 10, max: 40 } } }),
        [{ term: held, unapplied: 0 }],
      );
    expect(bead('fine linear')).toBeNull();
    for (const held of ['coarse heterogeneous', 'fine pleomorphic', 'amorphous'] as const) {
      expect(bead(held)?.words).toBe(`vascular or ${held}: check for a parallel wall`);
    }
    // Followed under 10 mm: no evidence.
    const near = vesselCaution(
      calcificationFeatures({ ...calc({ longMm: 0.7, elongation: 1.8, calibreMm: 0.35, lengthMm: 0.4 }), vessel: { track: { px: px(6), mm: mm(0.4) }, followed: { px: px(95), mm: mm(9.5) }, gapsBridged: 3, parallelWall: null, searchedPx: { min: 10, max: 40 } } }),
      [{ term: 'coarse heterogeneous', unapplied: 0 }],
    );
    expect(near).toBeNull();
  });

  it('reads a calibrated line under 5 mm with no second wall as no vessel evidence', () => {
    const f = line({ track: { px: px(30), mm: mm(3) }, followed: { px: px(30), mm: mm(3) }, gapsBridged: 0, parallelWall: null, searchedPx: { min: 10, max: 40 } });
    expect(vesselCaution(f, [{ term: 'fine linear', unapplied: 0 }])).toBeNull();
    const long = line({ track: { px: px(60), mm: mm(6) }, followed: { px: px(60), mm: mm(6) }, gapsBridged: 0, parallelWall: null, searchedPx: { min: 10, max: 40 } });
    expect(vesselCaution(long, [{ term: 'fine linear', unapplied: 0 }])?.reason).toContain('track 6.0 mm long (≥ 5 mm: longer than a duct-cast piece)');
  });
});

describe('vascular: a tube with its lumen is as wide as a vessel', () => {
  // A very elongated calcification (elongation ≥ 6) with a lucent centre, 12 mm long.
  const tube = (calibreMm: number) => calc({ longMm: 12, lengthMm: 12, calibreMm, elongation: 12 / calibreMm, lucent: 0.14, margin: 0.5, cnr: 12 });

  it('reads a 1.5 mm wide tube with a lucent centre as vascular', () => {
    const d = describeCalcification(tube(1.5), { view: 'MLO' });
    expect(d.terms[0]?.term).toBe('vascular');
    expect(d.evidence.join(' ')).toContain("calibre 1.5 mm ≥ 1 mm (a vessel's)");
  });

  it('reads a 0.9 mm thick rod with a lucent centre (periductal calcium) as large rod-like, not vascular', () => {
    const d = describeCalcification(tube(0.9), { view: 'MLO' });
    expect(d.terms.map((t) => t.term)).not.toContain('vascular');
    expect(d.terms[0]?.term).toBe('large rod-like');
  });
});
