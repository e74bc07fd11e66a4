/**
 * A typically benign term is not given over a suspicious one on thresholds never applied
 * (describe/benign-undecided.ts): on film without a pixel spacing a fine linear cast also fits a
 * vessel wall, a coarse heterogeneous deposit also fits coarse; the size that separates them is
 * not known, so neither is given.
 */
import { describe, expect, it } from 'vitest';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { isTypicallyBenign } from '../../../src/core/lexicon.js';
import { calc, type CalcSpec } from './fixtures.js';

const CAST: CalcSpec = { longMm: 3, elongation: 6, calibreMm: 0.4, lengthMm: 3, cnr: 20, margin: 0.5 };
const IRREGULAR: CalcSpec = { longMm: 1.4, elongation: 1.6, circularity: 0.7, solidity: 0.8, cnr: 20, margin: 0.5 };

describe('a benign term over a suspicious one on a threshold not applied', () => {
  it('is not given on film without a pixel spacing: both terms named, with what could not be measured', () => {
    const cast = describeCalcification(calc({ ...CAST, calibration: 'uncalibrated' }));
    expect(cast.terms).toEqual([]);
    expect(cast.notCharacterised?.reason).toMatch(/^not characterised: vascular or fine linear — what separates them could not be measured \(the image has no pixel spacing: .*calibre 4 px \(0\.17–0\.80 mm at a film scan pitch/);
    expect(cast.notCharacterised?.words).toBe('vascular or fine linear: cannot be separated without a pixel spacing');
    const lump = describeCalcification(calc({ ...IRREGULAR, calibration: 'uncalibrated' }));
    expect(lump.terms).toEqual([]);
    expect(lump.notCharacterised?.reason).toMatch(/^not characterised: coarse or coarse heterogeneous .*long axis 14 px \(0\.59–2\.8 mm/);
  });

  it('leaves calibrated images to the rules: the sizes decide', () => {
    expect(describeCalcification(calc(CAST)).terms[0]?.term).toBe('fine linear');
    expect(describeCalcification(calc(IRREGULAR)).terms[0]?.term).toBe('dystrophic');
  });

  it('leaves a benign term that no suspicious rule also fits', () => {
    // A large smooth round rim on film: rim, whatever the pitch.
    const rim = describeCalcification(calc({ longMm: 4, lucent: 0.15, elongation: 1.02, circularity: 0.99, margin: 0.42, cnr: 20, calibration: 'uncalibrated' }));
    expect(rim.terms[0]?.term).toBe('rim');
    expect(isTypicallyBenign('rim')).toBe(true);
  });
});
