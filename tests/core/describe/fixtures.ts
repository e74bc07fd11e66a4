/** Hand-made measurements for the describe / report tests (0.1 mm per pixel when calibrated). */
import type { CalibrationKind } from '../../../src/core/image.js';
import type { CalcificationMeasurements, GroupMeasurements } from '../../../src/core/measure/measurements.js';
import { mm, mm2, px, px2, type Length } from '../../../src/core/units.js';

const MM_PER_PX = 0.1;

const lengthAt = (mmValue: number, calibrated: boolean, mmPerPx: number): Length => length(mmValue, calibrated, mmPerPx);

export function length(mmValue: number, calibrated: boolean, mmPerPx = MM_PER_PX): Length {
  return { px: px(mmValue / mmPerPx), mm: calibrated ? mm(mmValue) : null };
}

export interface CalcSpec {
  longMm: number;
  calibreMm?: number;
  lengthMm?: number;
  elongation?: number;
  circularity?: number;
  solidity?: number;
  margin?: number;
  cnr?: number;
  lucent?: number;
  heterogeneity?: number;
  branches?: number;
  calibration?: CalibrationKind;
  /** Pixel size, mm (default 0.1: a full-field detector); 0.2 for a digitised film. */
  mmPerPx?: number;
}

/** One calcification with the given features; unspecified ones are plain (round, solid, defined). */
export function calc(s: CalcSpec): CalcificationMeasurements {
  const calibration = s.calibration ?? 'geometry';
  const cal = calibration !== 'uncalibrated';
  const p = s.mmPerPx ?? MM_PER_PX;
  const length = (v: number, c: boolean): Length => lengthAt(v, c, p);
  const elongation = s.elongation ?? 1.1;
  const shortMm = s.longMm / elongation;
  const area = (Math.PI / 4) * s.longMm * shortMm;
  return {
    calibration,
    centre: { x: 100, y: 100 },
    longAxis: length(s.longMm, cal),
    shortAxis: length(shortMm, cal),
    area: { px2: px2(area / p ** 2), mm2: cal ? mm2(area) : null },
    equivalentDiameter: length(Math.sqrt(area / (Math.PI / 4)), cal),
    perimeter: length(Math.PI * s.longMm, cal),
    circularity: s.circularity ?? 0.9,
    elongation,
    solidity: s.solidity ?? 0.95,
    marginSharpness: s.margin ?? 0.5,
    contrastToNoise: s.cnr ?? 6,
    contrast: 100,
    lucentCentreIndex: s.lucent ?? 0.02,
    heterogeneity: s.heterogeneity ?? 0.1,
    skeleton: {
      calibre: length(s.calibreMm ?? shortMm, cal),
      length: length(s.lengthMm ?? s.longMm, cal),
      branchPoints: s.branches ?? 0,
    },
  };
}

export interface GroupSpec {
  count: number;
  extentMm: number;
  hullMm2?: number;
  linearity?: number;
  orientationDeg?: number | null;
  wedge?: boolean | null;
  calibration?: CalibrationKind;
  /** The largest step between neighbouring calcifications, mm (default 2 mm). */
  stepMm?: number;
}

export function group(s: GroupSpec): GroupMeasurements {
  const calibration = s.calibration ?? 'geometry';
  const cal = calibration !== 'uncalibrated';
  const hull = s.hullMm2 ?? s.extentMm * s.extentMm * 0.5;
  return {
    calibration,
    count: s.count,
    extent: length(s.extentMm, cal),
    hullArea: { px2: px2(hull / MM_PER_PX ** 2), mm2: cal ? mm2(hull) : null },
    nearestNeighbourSpacing: length(2, cal),
    largestNeighbourStep: length(s.stepMm ?? 2, cal),
    linearity: s.linearity ?? 0.3,
    orientationToNippleDeg: s.orientationDeg === undefined ? 60 : s.orientationDeg,
    wedgeTowardNipple: s.wedge === undefined ? false : s.wedge,
    sizeSpread: 0.2,
    shapeSpread: 0.05,
  };
}

/** Typical shapes, named as the reader would. */
export const DYSTROPHIC: CalcSpec = {
  longMm: 2.4,
  elongation: 1.6,
  circularity: 0.6,
  solidity: 0.8,
  margin: 0.7,
  cnr: 12,
  lucent: 0.41,
};

/** The same calcification with the per-pixel contrast-to-noise that gives Rose's k (contrast-to-noise over its area). */
export function atK(s: CalcSpec, k: number): CalcSpec {
  return { ...s, cnr: k / Math.sqrt(calc(s).area.px2) };
}
