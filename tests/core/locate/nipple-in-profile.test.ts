/**
 * The nipple in profile on drawn breasts (drawn-nipple.ts): a nipple standing out alone from a
 * smooth front is recognised by its protrusion (nipple-protrusion.ts) and its tip is the nipple
 * point; a smooth front, a skin roll or crease, a spike too narrow for a nipple and letters or a
 * marker in front of the breast are not taken for one. The real images are in
 * real-mammograms.test.ts (the GE RMLO: not in profile; the film: in profile by its lobe).
 */
import { describe, it, expect } from 'vitest';
import { findBreast } from '../../../src/core/locate/find-breast.js';
import { locateFinding } from '../../../src/core/locate/locate-finding.js';
import { drawBreast, type DrawnBreastSpec } from './drawn-nipple.js';

/** Nipple point found vs drawn tip, mm. */
function judge(spec: DrawnBreastSpec): { inProfile: boolean | undefined; tipErrorMm: number } {
  const d = drawBreast(spec);
  const g = findBreast(d.image);
  if (!g.ok) throw new Error(g.error.message);
  return {
    inProfile: g.value.nippleInProfile,
    tipErrorMm: Math.hypot(g.value.nipple.x - d.tip.x, g.value.nipple.y - d.tip.y) * spec.pitchMm,
  };
}

const FFDM_CC: DrawnBreastSpec = { side: 'R', projection: 'CC', pitchMm: 0.1 };

describe('nipple in profile: a nipple standing out from a smooth front', () => {
  // Round bumps: projection r, base 2r, at 0.1 mm pixels.
  for (const r of [3, 6, 10]) {
    it(`a ${r} mm round nipple is in profile, its tip the nipple point (≤ 1 mm)`, () => {
      const j = judge({ ...FFDM_CC, nipple: { diameterMm: 2 * r, projectionMm: r } });
      expect(j.inProfile).toBe(true);
      expect(j.tipErrorMm).toBeLessThanOrEqual(1);
    });
  }

  it('a 1 mm rise is below the smallest nipple projection: not in profile, the front’s apex kept (≤ 0.5 mm)', () => {
    const j = judge({ ...FFDM_CC, nipple: { diameterMm: 2, projectionMm: 1 } });
    expect(j.inProfile).toBe(false);
    expect(j.tipErrorMm).toBeLessThanOrEqual(0.5);
  });

  it('on either side of the 2 mm projection limit: 1.5 mm not in profile, 2.5 mm in profile (8 mm nipples)', () => {
    expect(judge({ ...FFDM_CC, nipple: { diameterMm: 8, projectionMm: 1.5 } }).inProfile).toBe(false);
    expect(judge({ ...FFDM_CC, nipple: { diameterMm: 8, projectionMm: 2.5 } }).inProfile).toBe(true);
  });

  const NIPPLE = { diameterMm: 12, projectionMm: 5 } as const;
  const settings: { name: string; spec: DrawnBreastSpec }[] = [
    { name: 'right CC, FFDM 0.1 mm', spec: { side: 'R', projection: 'CC', pitchMm: 0.1 } },
    { name: 'left CC, FFDM 0.07 mm', spec: { side: 'L', projection: 'CC', pitchMm: 0.07 } },
    { name: 'right MLO, FFDM 0.1 mm', spec: { side: 'R', projection: 'MLO', pitchMm: 0.1 } },
    { name: 'left MLO, digitised film 0.05 mm', spec: { side: 'L', projection: 'MLO', pitchMm: 0.05, calibrationKind: 'film-scanner' } },
    { name: 'right MLO, MONOCHROME1, 0.07 mm', spec: { side: 'R', projection: 'MLO', pitchMm: 0.07, monochrome1: true } },
  ];
  for (const s of settings) {
    it(`a 12 mm × 5 mm nipple, ${s.name}: in profile, tip ≤ 1 mm`, () => {
      const j = judge({ ...s.spec, nipple: NIPPLE });
      expect(j.inProfile).toBe(true);
      expect(j.tipErrorMm).toBeLessThanOrEqual(1);
    });
    // Without a nipple the apex of a smooth front is well defined across the front but not along
    // it (the front is flat there): 2 mm allowed.
    it(`no nipple, ${s.name}: not in profile, the apex kept (≤ 2 mm)`, () => {
      const j = judge(s.spec);
      expect(j.inProfile).toBe(false);
      expect(j.tipErrorMm).toBeLessThanOrEqual(2);
    });
  }

  it('letters and a marker dot in front of the breast: not a nipple on a smooth front, no hindrance to a real one', () => {
    const bare = judge({ ...FFDM_CC, letters: true });
    expect(bare.inProfile).toBe(false);
    expect(bare.tipErrorMm).toBeLessThanOrEqual(0.5);
    const withNipple = judge({ side: 'L', projection: 'CC', pitchMm: 0.1, letters: true, nipple: NIPPLE });
    expect(withNipple.inProfile).toBe(true);
    expect(withNipple.tipErrorMm).toBeLessThanOrEqual(1);
  });

  it('an MLO front curving more sharply below the apex than above it is not a nipple; with a skin roll neither', () => {
    expect(judge({ side: 'L', projection: 'MLO', pitchMm: 0.1 }).inProfile).toBe(false);
    expect(judge({ side: 'R', projection: 'MLO', pitchMm: 0.07, fold: { kind: 'roll', widthMm: 40, heightMm: 3 } }).inProfile).toBe(false);
  });

  it('a skin roll (40 mm wide, 3 mm high) and a crease (2 mm wide and deep) on the front are not a nipple', () => {
    expect(judge({ ...FFDM_CC, fold: { kind: 'roll', widthMm: 40, heightMm: 3 } }).inProfile).toBe(false);
    expect(judge({ ...FFDM_CC, fold: { kind: 'crease', offsetMm: 8, widthMm: 2, depthMm: 2 } }).inProfile).toBe(false);
  });

  it('a spike too narrow for a nipple (2 mm wide, 3 mm out) is not a nipple', () => {
    expect(judge({ ...FFDM_CC, nipple: { diameterMm: 2, projectionMm: 3 } }).inProfile).toBe(false);
  });

  it('uncalibrated: nipple sizes cannot be judged, so the caveat stays (not in profile), tip still found', () => {
    const j = judge({ ...FFDM_CC, calibrationKind: 'uncalibrated', nipple: NIPPLE });
    expect(j.inProfile).toBe(false);
    expect(j.tipErrorMm).toBeLessThanOrEqual(1);
  });

  it('a location on a view with a protruding nipple carries no not-in-profile caveat', () => {
    const d = drawBreast({ side: 'R', projection: 'MLO', pitchMm: 0.1, nipple: NIPPLE });
    const g = findBreast(d.image);
    if (!g.ok) throw new Error(g.error.message);
    const at = { x: d.tip.x + 300, y: d.tip.y - 100 };
    const r = locateFinding(at, g.value, d.image);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.caveats).toEqual([]);
    const flat = drawBreast({ side: 'R', projection: 'MLO', pitchMm: 0.1 });
    const gf = findBreast(flat.image);
    if (!gf.ok) throw new Error(gf.error.message);
    const rf = locateFinding(at, gf.value, flat.image);
    if (!rf.ok) throw new Error(rf.error.message);
    expect(rf.value.caveats).toEqual(['nipple not in profile on the RMLO: depth, clock position and distance are measured from the most anterior skin point']);
  });
});
