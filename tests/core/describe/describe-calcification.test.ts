import { describe, expect, it } from 'vitest';
import { describeCalcification, uncalibratedEvidence } from '../../../src/core/describe/index.js';
import { FILM_SCAN_PITCH_MM } from '../../../src/core/film-scan-pitch.js';
import { atK, calc, DYSTROPHIC, type CalcSpec } from './fixtures.js';

const UNCALIBRATED_EVIDENCE = uncalibratedEvidence(FILM_SCAN_PITCH_MM);

const top = (s: CalcSpec, ctx = {}) => describeCalcification(calc(s), ctx).terms[0]?.term ?? null;
const terms = (s: CalcSpec, ctx = {}) => describeCalcification(calc(s), ctx).terms.map((t) => t.term);

describe('describeCalcification: one rule per term, a case that fires and one that just misses', () => {
  it('dystrophic: > 1 mm, irregular, lucent centre, dense, smooth margin', () => {
    expect(top(DYSTROPHIC)).toBe('dystrophic');
    expect(terms({ ...DYSTROPHIC, longMm: 1.0 })).not.toContain('dystrophic');
  });

  it('states the evidence with the measured numbers', () => {
    const d = describeCalcification(calc(DYSTROPHIC));
    expect(d.evidence[0]).toBe(
      'dystrophic: long axis 2.4 mm > 1 mm; irregular: circularity 0.60 < 0.9 and elongation 1.60 > 1.25 and solidity 0.80 < 0.85; elongation 1.60 < 3; lucent-centre index 0.41 ≥ 0.05; dense (contrast-to-noise per 0.1 mm pixel 12.0 ≥ 8); margin smooth (edge width 0.15 mm ≤ 0.74 mm for a deposit 1.5 mm wide)',
    );
    expect(d.terms[0]?.confidence).toBe(0.75);
    expect(d.sizeThresholdsApplied).toBe(true);
  });

  it('coarse: > 2 mm, lobulated, dense, solid centre', () => {
    const coarse: CalcSpec = { longMm: 3, solidity: 0.8, cnr: 12, circularity: 0.75, margin: 0.7, lucent: 0.02 };
    expect(top(coarse)).toBe('coarse');
    expect(terms({ ...coarse, longMm: 2 })).not.toContain('coarse');
    // Lobulated by circularity alone (< 0.85) with a solid outline; not by 0.85.
    expect(top({ ...coarse, solidity: 0.95, circularity: 0.84 })).toBe('coarse');
    expect(terms({ ...coarse, solidity: 0.95, circularity: 0.85 })).not.toContain('coarse');
    // A long rod is not popcorn.
    expect(terms({ ...coarse, elongation: 3 })).not.toContain('coarse');
    // Popcorn's centre, read round rings that follow the outline, is solid (phantom popcorn at
    // most 0.14, 0 up to the 90th percentile): from 0.05 the deposit has a lucent centre, dystrophic.
    expect(top({ ...coarse, lucent: 0.04 })).toBe('coarse');
    expect(terms({ ...coarse, lucent: 0.05 })).not.toContain('coarse');
    expect(top({ ...coarse, lucent: 0.15 })).toBe('dystrophic');
    // Where both fit (no lucent centre), the lobulated outline names popcorn before dystrophic.
    expect(terms(coarse)).toEqual(expect.arrayContaining(['coarse', 'dystrophic']));
    // A clear lucent centre in an irregular deposit stays dystrophic.
    expect(top(DYSTROPHIC)).toBe('dystrophic');
  });

  it('rim: thin shell around a lucent centre, round or oval, smooth', () => {
    const rim: CalcSpec = { longMm: 3, lucent: 0.15, elongation: 1.02, circularity: 0.99, margin: 0.42, cnr: 20 };
    expect(top(rim)).toBe('rim');
    expect(terms({ ...rim, lucent: 0.04 })).not.toContain('rim');
    expect(top({ ...rim, lucent: 0.05 })).toBe('rim');
    // A centre dip on a deposit of a few pixels is noise: rim needs > 1 mm.
    expect(terms({ ...rim, longMm: 1.0 })).not.toContain('rim');
    expect(terms({ ...rim, longMm: 1.05 })).toContain('rim');
    // A sphere's shell is a disc in projection (convex); a curved band of the same length and width
    // (an arc of a calcified vessel: solidity 0.57 on the film phantoms) has a bay inside its curve.
    expect(terms({ ...rim, solidity: 0.84 })).not.toContain('rim');
    expect(top({ ...rim, solidity: 0.85 })).toBe('rim');
  });

  it('punctate below 0.5 mm and round from 0.5 mm up to 1 mm', () => {
    expect(top({ longMm: 0.3 })).toBe('punctate');
    expect(top({ longMm: 0.5 })).toBe('round');
    expect(top({ longMm: 0.99 })).toBe('round');
    expect(terms({ longMm: 1.0 })).not.toContain('round');
  });

  it('amorphous: small, faint and hazy', () => {
    const amorphous: CalcSpec = { longMm: 0.4, cnr: 3, margin: 0.2, circularity: 0.6 };
    expect(top(amorphous)).toBe('amorphous');
    // Faint is read on the contrast-to-noise over the deposit's area (Rose's k), limit 11.
    expect(top(atK({ ...amorphous, margin: 0.45, circularity: 0.9 }, 10.9))).toBe('amorphous');
    expect(terms(atK(amorphous, 11))).not.toContain('amorphous');
  });

  it('coarse heterogeneous: 0.5–1 mm, irregular, heterogeneous, conspicuous', () => {
    const ch: CalcSpec = { longMm: 0.7, circularity: 0.5, heterogeneity: 0.3, cnr: 6 };
    expect(top(ch)).toBe('coarse heterogeneous');
    // Irregular by elongation alone (> 1.25) at a circularity that still reads round.
    expect(top({ ...ch, circularity: 0.93, elongation: 1.3, heterogeneity: 0.2 })).toBe('coarse heterogeneous');
    expect(top({ ...ch, circularity: 0.93, elongation: 1.25 })).toBe('round');
    expect(terms({ ...ch, longMm: 1.0 })).not.toContain('coarse heterogeneous');
    expect(terms(atK(ch, 10.9))).not.toContain('coarse heterogeneous');
  });

  it('fine linear: elongated, calibre < 0.5 mm, no branches', () => {
    const fl: CalcSpec = { longMm: 2, elongation: 5, calibreMm: 0.3, circularity: 0.3 };
    expect(top(fl)).toBe('fine linear');
    expect(terms({ ...fl, calibreMm: 0.5 })).not.toContain('fine linear');
  });

  it('fine-linear branching: the same with a branch point', () => {
    const flb: CalcSpec = { longMm: 2, elongation: 5, calibreMm: 0.3, circularity: 0.3, branches: 2 };
    expect(top(flb)).toBe('fine-linear branching');
    expect(terms({ ...flb, branches: 0 })).not.toContain('fine-linear branching');
  });

  it('fine linear: a fork within the outline\'s noise is not a branch, and the evidence says why', () => {
    const m = calc({ longMm: 2, elongation: 5, calibreMm: 0.3, circularity: 0.3 });
    const d = describeCalcification({ ...m, skeleton: { ...m.skeleton, branchPointsInNoise: 1, outlineUncertaintyPx: 1.4 } });
    expect(d.terms[0]?.term).toBe('fine linear');
    expect(d.evidence[0]).toContain("no branch points read (1 within the outline's noise: its uncertainty is over 0.35 × the calibre)");
    expect(describeCalcification(m).evidence[0]).toContain('; no branch points');
  });

  it('large rod-like: elongated, ≥ 0.5 mm thick, > 1 mm long, smooth and dense', () => {
    const rod: CalcSpec = { longMm: 3, elongation: 5, calibreMm: 0.7, margin: 0.7, cnr: 10, circularity: 0.4 };
    expect(top(rod)).toBe('large rod-like');
    expect(terms({ ...rod, calibreMm: 0.45 })).not.toContain('large rod-like');
  });

  it('vascular: a long, very elongated tube with a lucent lumen', () => {
    const vessel: CalcSpec = { longMm: 12, lengthMm: 12, elongation: 8, calibreMm: 1.5, lucent: 0.3, circularity: 0.2 };
    expect(top(vessel)).toBe('vascular');
    expect(terms({ ...vessel, lengthMm: 4.9 })).not.toContain('vascular');
  });

  it('milk of calcium only on a true lateral view', () => {
    const meniscus: CalcSpec = { longMm: 1.1, elongation: 3.2, calibreMm: 0.3, margin: 0.37, circularity: 0.6, solidity: 0.99, cnr: 20 };
    expect(top(meniscus, { view: 'ML' })).toBe('milk of calcium');
    expect(terms(meniscus, { view: 'CC' })).not.toContain('milk of calcium');
    expect(top(meniscus, { view: 'CC' })).toBe('fine linear');
    // A concave outline (a duct cast piece) is not a meniscus; nor is a near-round deposit.
    // (A noisy meniscus measures 0.95–0.96: the limit is 0.95.)
    expect(terms({ ...meniscus, solidity: 0.95 }, { view: 'ML' })).toContain('milk of calcium');
    expect(terms({ ...meniscus, solidity: 0.94 }, { view: 'ML' })).not.toContain('milk of calcium');
    expect(terms({ ...meniscus, elongation: 1.9 }, { view: 'ML' })).not.toContain('milk of calcium');
  });

  it('vascular: one wall of a tram-track, a thin line of 5 mm or more', () => {
    const wall: CalcSpec = { longMm: 12, lengthMm: 12, elongation: 20, calibreMm: 0.27, lucent: 0.02, circularity: 0.07, cnr: 6 };
    expect(top(wall)).toBe('vascular');
    expect(top({ ...wall, lengthMm: 4.9 })).toBe('fine linear');
    expect(terms({ ...wall, calibreMm: 0.5 })).not.toContain('vascular');
  });

  it('dystrophic without a visible lucent centre: > 1 mm, irregular, dense, at lower confidence', () => {
    const solid: CalcSpec = { ...DYSTROPHIC, elongation: 1.4, circularity: 0.92, solidity: 0.98, lucent: 0.03, margin: 0.42 };
    expect(describeCalcification(calc(solid)).terms[0]).toEqual({ term: 'dystrophic', confidence: 0.6 });
    expect(terms({ ...solid, elongation: 3 })).not.toContain('dystrophic');
    expect(terms({ ...solid, cnr: 7.9 })).not.toContain('dystrophic');
  });

  it('punctate and round need a conspicuous, round deposit', () => {
    expect(top(atK({ longMm: 0.3 }, 11))).toBe('punctate');
    expect(top(atK({ longMm: 0.3 }, 10.9))).toBe('amorphous');
    expect(terms({ longMm: 0.7, circularity: 0.89 })).not.toContain('round');
    expect(top({ longMm: 0.7, circularity: 0.9 })).toBe('round');
  });

  it('suggests nothing when no rule matches, and says so', () => {
    const d = describeCalcification(calc({ longMm: 1.5, circularity: 0.75, solidity: 0.95, cnr: 6 }));
    expect(d.terms).toEqual([]);
    expect(d.evidence).toContain('no morphology rule matched these measurements');
  });
});

describe('describeCalcification on an uncalibrated image', () => {
  it('applies no size threshold the film scan pitch leaves open, says so and halves the confidence', () => {
    const d = describeCalcification(calc({ ...DYSTROPHIC, calibration: 'uncalibrated' }));
    expect(d.sizeThresholdsApplied).toBe(false);
    // A caveat for the whole finding: stated once, not in each calcification's evidence.
    expect(d.caveats).toEqual([UNCALIBRATED_EVIDENCE]);
    expect(d.evidence).not.toContain(UNCALIBRATED_EVIDENCE);
    expect(d.terms.find((t) => t.term === 'dystrophic')?.confidence).toBe(0.38);
    expect(d.evidence.join(' ')).not.toMatch(/\d mm/);
  });

  it('cannot tell punctate from round without millimetres', () => {
    const names = describeCalcification(calc({ longMm: 0.3, calibration: 'uncalibrated' })).terms.map((t) => t.term);
    expect(names).toEqual(expect.arrayContaining(['punctate', 'round']));
  });
});

describe('classes one view cannot separate', () => {
  it('warns about skin and milk of calcium on a single CC view', () => {
    // Caveats for the whole finding: stated once (describeCalcifications), not per calcification.
    const d = describeCalcification(calc({ longMm: 0.3 }), { view: 'CC' });
    const caveats = (d.caveats ?? []).join(' | ');
    expect(caveats).toContain('tangential view');
    expect(caveats).toContain('ML or LM view');
    expect(d.evidence.join(' | ')).not.toContain('tangential view');
  });

  it('drops the warnings when the separating views are present', () => {
    const d = describeCalcification(calc({ longMm: 0.3 }), { view: 'ML', viewModifiers: ['tangential'] });
    const ev = [...d.evidence, ...(d.caveats ?? [])].join(' | ');
    expect(ev).not.toContain('tangential view');
    expect(ev).not.toContain('ML or LM view');
  });
});

describe('describeCalcification reads the same deposit the same way at any pixel size', () => {
  // Halving the pixel halves the per-pixel sharpness (the edge spans twice the pixels) and the
  // per-pixel contrast-to-noise (quantum noise per pixel doubles); the physical features stay.
  const at = (s: CalcSpec, mmPerPx: number): CalcSpec => ({ ...s, mmPerPx, margin: ((s.margin ?? 0.5) * mmPerPx) / 0.1, cnr: ((s.cnr ?? 6) * mmPerPx) / 0.1 });

  it('a meniscus on 0.05 mm pixels is smooth and milk of calcium, as on 0.1 mm pixels', () => {
    const meniscus: CalcSpec = { longMm: 1.1, elongation: 3.2, calibreMm: 0.3, margin: 0.37, circularity: 0.6, solidity: 0.99, cnr: 20 };
    expect(top(meniscus, { view: 'ML' })).toBe('milk of calcium');
    const fine = at(meniscus, 0.05);
    expect(fine.margin).toBeCloseTo(0.185, 6);
    expect(top(fine, { view: 'ML' })).toBe('milk of calcium');
    const d = describeCalcification(calc(fine), { view: 'ML' });
    expect(d.evidence[0]).toContain('margin smooth (edge width 0.28 mm ≤ 0.29 mm)');
    // A wider edge is hazy at either pixel size: 0.30 mm.
    expect(terms(at({ ...meniscus, margin: 0.34 }, 0.05), { view: 'ML' })).not.toContain('milk of calcium');
    expect(terms({ ...meniscus, margin: 0.34 }, { view: 'ML' })).not.toContain('milk of calcium');
  });

  it('on film pixels (above 0.1 mm) the sampling sets the least edge width and noise is not rescaled', () => {
    const round: CalcSpec = { longMm: 0.8, circularity: 0.95, elongation: 1.05, mmPerPx: 0.2, margin: 0.36, cnr: 8 };
    const d = describeCalcification(calc(round));
    expect(d.terms[0]?.term).toBe('round');
    // 1.02 × 0.2 / 0.36 = 0.57 mm ≤ 1.02 × 0.2 / 0.35 = 0.58 mm, the per-pixel limit at 0.2 mm.
    expect(d.evidence[0]).toContain('margin defined (edge width 0.57 mm ≤ 0.58 mm at the 0.20 mm pixel size)');
    expect(terms({ ...round, margin: 0.34 })).not.toContain('round');
    expect(describeCalcification(calc({ longMm: 3, solidity: 0.8, cnr: 8, circularity: 0.75, margin: 0.7, mmPerPx: 0.2 })).evidence[0]).toContain(
      'dense (contrast-to-noise per 0.20 mm pixel 8.0 ≥ 8)',
    );
  });

  it('density and conspicuity do not change with the pixel size', () => {
    const coarse: CalcSpec = { longMm: 3, solidity: 0.8, cnr: 9, circularity: 0.75, margin: 0.7, lucent: 0.02 };
    expect(top(coarse)).toBe('coarse');
    expect(top(at(coarse, 0.05))).toBe('coarse');
    expect(describeCalcification(calc(at(coarse, 0.05))).evidence[0]).toContain('dense (contrast-to-noise per 0.1 mm pixel 9.0 ≥ 8)');
    const dot: CalcSpec = atK({ longMm: 0.3 }, 12);
    expect(top(dot)).toBe('punctate');
    expect(top(at(dot, 0.05))).toBe('punctate');
  });
});
