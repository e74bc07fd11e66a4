/**
 * A finding that carries no suspicious term while one of its calcifications reads a suspicious term
 * on its own, at full support, says so in its warnings: the set's vote stands, the radiologist looks.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFinding } from '../../../src/core/analyze.js';
import { chosenTerms } from '../../../src/core/describe/chosen-terms.js';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { describeCalcifications, HELD_ALONE_MIN_CONFIDENCE, heldAloneWarnings } from '../../../src/core/describe/describe-calcifications.js';
import { loadRealImage } from '../locate/real-mammograms.js';
import { calc } from './fixtures.js';

const round = (longMm: number) => calc({ longMm, cnr: 20, circularity: 0.95, elongation: 1.05, margin: 0.5 });
const cast = calc({ longMm: 2, elongation: 6, calibreMm: 0.2, lengthMm: 2, cnr: 20 });
const irregular = calc({ longMm: 0.8, elongation: 1.6, circularity: 0.6, solidity: 0.8, cnr: 20 });

describe('a suspicious term held alone beside a benign finding', () => {
  it('is named, with how many hold it and how strongly, when the finding carries only benign terms', () => {
    const d = describeCalcifications([round(0.7), round(0.72), round(0.68), round(0.7), cast]);
    expect(chosenTerms(d)).toEqual(['round']);
    expect(d.heldAlone).toEqual([{ term: 'fine linear', count: 1, of: 5, confidence: 0.65 }]);
    expect(heldAloneWarnings(d, chosenTerms(d))).toEqual([
      '1 of 5 calcifications reads fine linear on its own (confidence 0.65), a term the finding does not carry (round): look at it before accepting the suggestion',
    ]);
    expect(HELD_ALONE_MIN_CONFIDENCE).toBe(0.5);
  });

  it('is named beside a suspicious finding only when of a higher likelihood of malignancy in the atlas', () => {
    // A fine linear cast (about 70 %) in a coarse heterogeneous group (a little under 15 %): named.
    const d = describeCalcifications([irregular, irregular, irregular, cast]);
    expect(chosenTerms(d)).toEqual(['coarse heterogeneous']);
    expect(heldAloneWarnings(d, chosenTerms(d))).toEqual([
      '1 of 4 calcifications reads fine linear on its own (confidence 0.65), a form of higher likelihood of malignancy than the finding carries (fine linear about 70 % against coarse heterogeneous a little under 15 %, ACR BI-RADS Atlas, 5th ed.; the finding: coarse heterogeneous): look at it before accepting the suggestion',
    ]);
    // The same held alone beside a finding carrying fine linear, or a form as likely: not named.
    expect(heldAloneWarnings(d, ['fine linear'])).toEqual([]);
    expect(heldAloneWarnings(d, ['fine-linear branching'])).toEqual([]);
    // A coarse heterogeneous deposit beside a fine pleomorphic finding (about 29 %): less likely, not named.
    const lower = describeCalcifications([irregular, irregular, irregular]);
    expect(lower.heldAlone?.map((h) => h.term)).toContain('coarse heterogeneous');
    expect(heldAloneWarnings(lower, ['fine pleomorphic'])).toEqual([]);
  });

  it('is not named for a term read at half support', () => {
    // Uncalibrated, a faint 6 px speck is amorphous only if under 1 mm, which the film pitches leave open
    // (0.25–1.2 mm): half confidence, under the line.
    const speck = calc({ longMm: 0.6, cnr: 2, calibration: 'uncalibrated' });
    expect(describeCalcification(speck).terms).toEqual([{ term: 'amorphous', confidence: 0.25 }]);
    const unc = [0.7, 0.72, 0.68, 0.7].map((l) => calc({ longMm: l, cnr: 20, circularity: 0.95, elongation: 1.05, margin: 0.5, calibration: 'uncalibrated' }));
    expect(describeCalcifications([...unc, speck]).heldAlone).toEqual([]);
    // The same speck 4 px across: under 1 mm at every pitch, amorphous at full support, named.
    const small = calc({ longMm: 0.4, cnr: 2, calibration: 'uncalibrated' });
    expect(describeCalcifications([...unc, small]).heldAlone).toEqual([{ term: 'amorphous', count: 1, of: 5, confidence: 0.5 }]);
  });

  it('is named on the real film\'s 10 mm square at film-1, read vascular as a whole', async () => {
    const image = await loadRealImage('digitised-film-lmlo-jpeg12.dcm');
    const r = analyzeFinding(image, { roi: { x0: 1850, y0: 2900, x1: 2050, y1: 3100 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.suggestion.assessment).toBe('2');
    expect(r.value.warnings).toContainEqual(expect.stringMatching(/^1 of 6 calcifications reads fine-linear branching on its own \(confidence 0\.\d\d\), a term the finding does not carry \(vascular\)/));
  }, 60_000);
});
