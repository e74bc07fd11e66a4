import type { Calibration } from '../image.js';

/** Tunable settings of segmentation; every field has a default in SEGMENT_DEFAULTS. */
export interface SegmentOptions {
  /** How far from the click to look for the calcification's density peak (mm; at least 3 px). */
  readonly searchRadiusMm?: number;
  /** Smallest search radius in pixels. */
  readonly searchRadiusPx?: number;
  /**
   * When nothing stands out near the click, how far to look for a calcification whose outline
   * encloses the click (a click in the lucent centre of a rim calcification), in mm.
   */
  readonly enclosingSearchRadiusMm?: number;
  /** Half-size of the first patch (mm); doubled while the calcification reaches its ring. */
  readonly startHalfSizeMm?: number;
  /** Largest patch side (mm). */
  readonly maxPatchMm?: number;
  /** Fraction of the peak contrast at which the outline is drawn (0.5 = half maximum). */
  readonly thresholdFraction?: number;
  /** Peak contrast (3 × 3 mean) needed, in units of background noise (ring-plane background). */
  readonly minContrastToNoise?: number;
  /**
   * Peak contrast (3 × 3 mean above the texture-following background) needed, in units of the
   * detector noise σ (measured on pixel − 3 × 3 mean, which texture does not reach). Set well
   * above the ≈ 1 σ that noise alone reaches, because fine texture still leaves small crests.
   */
  readonly minContrastToDetectorNoise?: number;
  /** Pixel spacing assumed for the mm-based sizes above when the image is uncalibrated. */
  readonly nominalSpacingMm?: number;
  /**
   * The search starts from a radiologist's click (true), not from a region search's peak (false).
   * From a click, a dense band running past the largest patch (a calcified artery seen whole) is
   * outlined on a longer patch (segment-at-seed.ts, TUBE), and on film without a pixel spacing the
   * ring plane reaches as far as the finest film scan pitch needs. A region search outlines what
   * lies in its region, piece by piece, at the nominal scale.
   */
  readonly fromClick?: boolean;
}

export const SEGMENT_DEFAULTS: Required<SegmentOptions> = {
  searchRadiusMm: 0.3,
  searchRadiusPx: 3,
  enclosingSearchRadiusMm: 1.5,
  startHalfSizeMm: 1,
  maxPatchMm: 15,
  // Half maximum: for a blurred object of uniform density, the half-maximum contour lies on the
  // true edge (full width at half maximum), independent of the blur width.
  thresholdFraction: 0.5,
  minContrastToNoise: 3,
  minContrastToDetectorNoise: 4,
  nominalSpacingMm: 0.1,
  fromClick: true,
};

/** Mean of the two pixel spacings, or the nominal spacing when uncalibrated. */
export function spacingForSizes(calibration: Calibration, nominalSpacingMm: number): number {
  const r = calibration.rowSpacingMm;
  const c = calibration.columnSpacingMm;
  if (r === null || c === null || !(r > 0) || !(c > 0)) return nominalSpacingMm;
  return (r + c) / 2;
}
