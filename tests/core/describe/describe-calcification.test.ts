import { describe, expect, it } from 'vitest';
import { describeCalcification, UNCALIBRATED_EVIDENCE } from '../../../src/core/describe/index.js';
import { calc, DYSTROPHIC, type CalcSpec } from './fixtures.js';

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
      'dystrophic: long axis 2.4 mm > 1 mm; irregular: circularity 0.60, solidity 0.80; lucent-centre index 0.41 ≥ 0.25; dense (contrast-to-noise 12.0 ≥ 8); margin smooth (sharpness 0.70 ≥ 0.6)',
    );
    expect(d.terms[0]?.confidence).toBe(0.75);
    expect(d.sizeThresholdsApplied).toBe(true);
  });

  it('coarse: > 2 mm, lobulated, dense, solid', () => {
    const coarse: CalcSpec = { longMm: 3, solidity: 0.8, cnr: 12, circularity: 0.75, margin: 0.7, lucent: 0.1 };
    expect(top(coarse)).toBe('coarse');
    expect(terms({ ...coarse, longMm: 2 })).not.toContain('coarse');
  });

  it('rim: thin shell around a lucent centre, round or oval, smooth', () => {
    const rim: CalcSpec = { longMm: 3, lucent: 0.6, elongation: 1.2, margin: 0.7 };
    expect(top(rim)).toBe('rim');
    expect(terms({ ...rim, lucent: 0.49 })).not.toContain('rim');
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
    expect(terms({ ...amorphous, cnr: 4 })).not.toContain('amorphous');
  });

  it('coarse heterogeneous: 0.5–1 mm, irregular, heterogeneous, conspicuous', () => {
    const ch: CalcSpec = { longMm: 0.7, circularity: 0.5, heterogeneity: 0.3, cnr: 6 };
    expect(top(ch)).toBe('coarse heterogeneous');
    expect(terms({ ...ch, heterogeneity: 0.24 })).not.toContain('coarse heterogeneous');
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
    const meniscus: CalcSpec = { longMm: 1.5, elongation: 4, calibreMm: 0.4, margin: 0.7, circularity: 0.4 };
    expect(terms(meniscus, { view: 'ML' })).toContain('milk of calcium');
    expect(terms(meniscus, { view: 'CC' })).not.toContain('milk of calcium');
  });

  it('suggests nothing when no rule matches, and says so', () => {
    const d = describeCalcification(calc({ longMm: 1.5, circularity: 0.75, solidity: 0.95 }));
    expect(d.terms).toEqual([]);
    expect(d.evidence).toContain('no morphology rule matched these measurements');
  });
});

describe('describeCalcification on an uncalibrated image', () => {
  it('applies no size threshold, says so and halves the confidence', () => {
    const d = describeCalcification(calc({ ...DYSTROPHIC, calibration: 'uncalibrated' }));
    expect(d.sizeThresholdsApplied).toBe(false);
    expect(d.evidence[0]).toBe(UNCALIBRATED_EVIDENCE);
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
    const ev = describeCalcification(calc({ longMm: 0.3 }), { view: 'CC' }).evidence.join(' | ');
    expect(ev).toContain('tangential view');
    expect(ev).toContain('ML or LM view');
  });

  it('drops the warnings when the separating views are present', () => {
    const ev = describeCalcification(calc({ longMm: 0.3 }), { view: 'ML', viewModifiers: ['tangential'] }).evidence.join(' | ');
    expect(ev).not.toContain('tangential view');
    expect(ev).not.toContain('ML or LM view');
  });
});
