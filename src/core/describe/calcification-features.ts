import type { MammoView } from '../image.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { DescribeContext } from './context.js';
import { resolutionLimitsFor, type ResolutionLimit, type Unresolved } from './resolution-limits.js';

/** The numbers the morphology rules read, with millimetres null on an uncalibrated image. */
export interface CalcificationFeatures {
  readonly calibrated: boolean;
  readonly longAxisMm: number | null;
  readonly calibreMm: number | null;
  readonly skeletonLengthMm: number | null;
  /** Spans in stored-image pixels: what the resolution limits read. */
  readonly longAxisPx: number;
  readonly shortAxisPx: number;
  readonly calibrePx: number;
  /** Millimetres per pixel at the calibration's plane; null when uncalibrated. */
  readonly pixelSizeMm: number | null;
  readonly elongation: number;
  readonly circularity: number;
  readonly solidity: number;
  readonly marginSharpness: number;
  readonly contrastToNoise: number;
  readonly lucentCentreIndex: number;
  readonly heterogeneity: number;
  readonly branchPoints: number;
  readonly view: MammoView | null;
  /** The resolution limits that apply at this pixel size (RESOLUTION_LIMITS). */
  readonly limits: readonly ResolutionLimit[];
  /** What the limits leave unresolved: the predicates reading it are not applied. */
  readonly unresolved: ReadonlySet<Unresolved>;
}

/**
 * The pixel size behind a measurement: a Length holds the same distance in pixels and in
 * millimetres (mm = px × spacing), so their ratio is the spacing the measurement used.
 */
export function pixelSizeOf(m: CalcificationMeasurements): number | null {
  const { px, mm } = m.longAxis;
  return m.calibration === 'uncalibrated' || mm === null || !(px > 0) ? null : mm / px;
}

/** Reads the rule features from one calcification's measurements. */
export function calcificationFeatures(m: CalcificationMeasurements, ctx?: DescribeContext): CalcificationFeatures {
  const calibrated = m.calibration !== 'uncalibrated' && m.longAxis.mm !== null;
  const pixelSizeMm = calibrated ? pixelSizeOf(m) : null;
  const limits = resolutionLimitsFor({
    longAxisPx: m.longAxis.px,
    calibrePx: m.skeleton.calibre.px,
    elongation: m.elongation,
    pixelSizeMm,
  });
  return {
    calibrated,
    longAxisMm: calibrated ? m.longAxis.mm : null,
    calibreMm: calibrated ? m.skeleton.calibre.mm : null,
    skeletonLengthMm: calibrated ? m.skeleton.length.mm : null,
    longAxisPx: m.longAxis.px,
    shortAxisPx: m.shortAxis.px,
    calibrePx: m.skeleton.calibre.px,
    pixelSizeMm,
    elongation: m.elongation,
    circularity: m.circularity,
    solidity: m.solidity,
    marginSharpness: m.marginSharpness,
    contrastToNoise: m.contrastToNoise,
    lucentCentreIndex: m.lucentCentreIndex,
    heterogeneity: m.heterogeneity,
    branchPoints: m.skeleton.branchPoints,
    view: ctx?.view ?? null,
    limits,
    unresolved: new Set(limits.map((l) => l.unresolved)),
  };
}
