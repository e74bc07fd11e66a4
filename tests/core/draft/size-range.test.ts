/**
 * A finding's size range as its card shows it (sizeRangeOf, worked out once in the core): the
 * millimetres carry the digits the report sentence gives a size (two decimals below 1 mm, one
 * above), so the card's largest size reads as the report's "up to" size.
 */
import { describe, expect, it } from 'vitest';
import { sizeRangeOf } from '../../../src/core/draft/size-range.js';
import type { CalcificationMeasurements } from '../../../src/core/measure/measurements.js';
import { summariseMeasurements } from '../../../src/core/report/finding-measurements.js';
import { mm, mm2, px, px2 } from '../../../src/core/units.js';

function m(longPx: number, longMm: number | null, calibration: CalcificationMeasurements['calibration']): CalcificationMeasurements {
  const L = { px: px(longPx), mm: longMm === null ? null : mm(longMm) };
  return {
    calibration,
    centre: { x: 0, y: 0 },
    longAxis: L,
    shortAxis: L,
    area: { px2: px2(1), mm2: longMm === null ? null : mm2(1) },
    equivalentDiameter: L,
    perimeter: L,
    circularity: 1,
    elongation: 1,
    solidity: 1,
    marginSharpness: 1,
    contrastToNoise: 10,
    contrast: 100,
    lucentCentreIndex: 0,
    heterogeneity: 0,
    skeleton: { calibre: L, length: L, branchPoints: 0 },
  };
}

describe('sizeRangeOf', () => {
  it('gives the smallest to largest long axis in mm with the calibration kind, in the report\'s digits', () => {
    const r = sizeRangeOf([m(8, 0.42, 'magnification-corrected'), m(40, 2.38, 'magnification-corrected'), m(20, 1.2, 'magnification-corrected')]);
    expect(r.words).toBe('0.42–2.4 mm, magnification-corrected');
    expect(r).toMatchObject({ min: 0.42, max: 2.38, unit: 'mm', calibration: 'magnification-corrected' });
  });
  it('gives two decimals below 1 mm, as the report does ("individually up to 0.50 mm")', () => {
    expect(sizeRangeOf([m(6, 0.3, 'detector'), m(10, 0.5, 'detector')]).words).toBe('0.30–0.50 mm, detector spacing, not magnification-corrected');
    expect(sizeRangeOf([m(20, 0.8, 'film-scanner'), m(30, 1.2, 'film-scanner')]).words).toBe('0.80–1.2 mm, scanner pitch on the film, not magnification-corrected');
  });
  it('gives pixels and says uncalibrated when any calcification has no millimetres', () => {
    expect(sizeRangeOf([m(6, null, 'uncalibrated'), m(37, null, 'uncalibrated')]).words).toBe('6–37 px, uncalibrated');
    const mixed = sizeRangeOf([m(6, 0.3, 'detector'), m(37, null, 'uncalibrated')]);
    expect(mixed.words).toBe('6–37 px, uncalibrated');
    expect(mixed).toMatchObject({ min: 6, max: 37, unit: 'px', calibration: 'uncalibrated' });
  });
  it('gives one number for one calcification and names mixed calibrations', () => {
    expect(sizeRangeOf([m(20, 1.04, 'fiducial')]).words).toBe('1.0 mm, fiducial-calibrated');
    expect(sizeRangeOf([m(20, 1.0, 'fiducial'), m(30, 1.5, 'detector')]).words).toBe('1.0–1.5 mm, fiducial-calibrated / detector spacing, not magnification-corrected');
  });
  it('has the same largest size as the report\'s, also when views of one finding differ in pixel size', () => {
    // A 30 px calcification on a 0.05 mm image is smaller than a 20 px one on a 0.1 mm image.
    const ms = [m(30, 1.5, 'magnification-corrected'), m(20, 2.0, 'magnification-corrected')];
    const r = sizeRangeOf(ms);
    expect(r.max).toBe(2.0);
    expect(summariseMeasurements(ms).largest?.mm).toBe(r.max);
    expect(r.words).toBe('1.5–2.0 mm, magnification-corrected');
  });
});
