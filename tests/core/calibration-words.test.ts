import { describe, expect, it } from 'vitest';
import { calcificationDetailWords, distanceWords } from '../../src/core/calibration-words.js';
import type { Calibration } from '../../src/core/image.js';
import type { CalcificationMeasurements } from '../../src/core/measure/measurements.js';
import { mm, mm2, px, px2 } from '../../src/core/units.js';

const cal = (kind: Calibration['kind'], row: number | null, column: number | null): Calibration => ({
  kind,
  rowSpacingMm: row === null ? null : mm(row),
  columnSpacingMm: column === null ? null : mm(column),
  source: 'test',
});

describe('distanceWords', () => {
  it('measures each axis with its own pixel spacing (non-square pixels, a line at an angle)', () => {
    // 30 columns at 0.1 mm and 40 rows at 0.05 mm: hypot(3, 2) = 3.61 mm — not 5.00 mm as one spacing would give.
    expect(distanceWords({ x: 0, y: 0 }, { x: 30, y: 40 }, cal('magnification-corrected', 0.05, 0.1))).toBe('3.61 mm (magnification-corrected)');
    expect(distanceWords({ x: 0, y: 0 }, { x: 30, y: 40 }, cal('detector', 0.07, 0.07))).toBe('3.50 mm (detector)');
  });

  it('gives pixels, never a guessed millimetre, when the image is uncalibrated', () => {
    expect(distanceWords({ x: 2, y: 2 }, { x: 32, y: 42 }, cal('uncalibrated', null, null))).toBe('50 px (uncalibrated)');
    expect(distanceWords({ x: 0, y: 0 }, { x: 3, y: 4 }, cal('geometry', null, 0.1))).toBe('5 px (uncalibrated)');
  });
});

describe('calcificationDetailWords', () => {
  const len = (p: number, m: number | null) => ({ px: px(p), mm: m === null ? null : mm(m) });
  const m = {
    calibration: 'magnification-corrected',
    longAxis: len(30, 2.131),
    shortAxis: len(23, 1.628),
    area: { px2: px2(540), mm2: mm2(2.7) },
    lucentCentreIndex: 0.123,
    circularity: 0.906,
  } as unknown as CalcificationMeasurements;

  it('reads the size as beside the outline, then the lucent-centre index and circularity', () => {
    expect(calcificationDetailWords(m, false)).toBe('2.13 × 1.63 mm (magnification-corrected); lucent-centre index 0.12; circularity 0.91');
  });

  it('says when the radiologist edited the outline', () => {
    expect(calcificationDetailWords(m, true)).toMatch(/; outline edited$/);
  });
});
