import type { MammoView } from '../image.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { DescribeContext } from './context.js';

/** The numbers the morphology rules read, with millimetres null on an uncalibrated image. */
export interface CalcificationFeatures {
  readonly calibrated: boolean;
  readonly longAxisMm: number | null;
  readonly calibreMm: number | null;
  readonly skeletonLengthMm: number | null;
  readonly elongation: number;
  readonly circularity: number;
  readonly solidity: number;
  readonly marginSharpness: number;
  readonly contrastToNoise: number;
  readonly lucentCentreIndex: number;
  readonly heterogeneity: number;
  readonly branchPoints: number;
  readonly view: MammoView | null;
}

/** Reads the rule features from one calcification's measurements. */
export function calcificationFeatures(m: CalcificationMeasurements, ctx?: DescribeContext): CalcificationFeatures {
  const calibrated = m.calibration !== 'uncalibrated' && m.longAxis.mm !== null;
  return {
    calibrated,
    longAxisMm: calibrated ? m.longAxis.mm : null,
    calibreMm: calibrated ? m.skeleton.calibre.mm : null,
    skeletonLengthMm: calibrated ? m.skeleton.length.mm : null,
    elongation: m.elongation,
    circularity: m.circularity,
    solidity: m.solidity,
    marginSharpness: m.marginSharpness,
    contrastToNoise: m.contrastToNoise,
    lucentCentreIndex: m.lucentCentreIndex,
    heterogeneity: m.heterogeneity,
    branchPoints: m.skeleton.branchPoints,
    view: ctx?.view ?? null,
  };
}
