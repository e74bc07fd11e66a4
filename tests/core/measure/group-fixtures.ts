import type { Calibration } from '../../../src/core/image.js';
import type { CalcificationMeasurements } from '../../../src/core/measure/measurements.js';
import { mm, mm2, px, px2 } from '../../../src/core/units.js';

export const CAL_01: Calibration = { kind: 'detector', rowSpacingMm: mm(0.1), columnSpacingMm: mm(0.1), source: 'test' };
export const UNCAL: Calibration = { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'none' };

/** A calcification at (x, y) px with a long axis of `longPx` px (0.1 mm pixels, or none) and a circularity. */
export function calcAt(x: number, y: number, longPx = 4, circularity = 0.9, spacing: number | null = 0.1): CalcificationMeasurements {
  const len = (v: number): { px: ReturnType<typeof px>; mm: ReturnType<typeof mm> | null } => ({ px: px(v), mm: spacing === null ? null : mm(v * spacing) });
  return {
    calibration: spacing === null ? 'uncalibrated' : 'detector',
    centre: { x, y },
    longAxis: len(longPx),
    shortAxis: len(longPx),
    area: { px2: px2(longPx * longPx), mm2: spacing === null ? null : mm2(longPx * longPx * spacing * spacing) },
    equivalentDiameter: len(longPx),
    perimeter: len(Math.PI * longPx),
    circularity,
    elongation: 1,
    solidity: 1,
    marginSharpness: 0.4,
    contrastToNoise: 10,
    contrast: 200,
    lucentCentreIndex: 0,
    heterogeneity: 0.1,
    skeleton: { calibre: len(longPx), length: len(0), branchPoints: 0 },
  };
}
