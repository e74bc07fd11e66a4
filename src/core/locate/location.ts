import type { Side } from '../lexicon.js';

export const QUADRANTS = ['upper outer', 'upper inner', 'lower outer', 'lower inner'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const SPECIAL_LOCATIONS = ['subareolar', 'central', 'axillary tail'] as const;
export type SpecialLocation = (typeof SPECIAL_LOCATIONS)[number];

export const DEPTHS = ['anterior', 'middle', 'posterior'] as const;
export type Depth = (typeof DEPTHS)[number];

/** Clock-face hour, 1–12, as seen facing the patient (12 = up, 3 = the patient's left). */
export type ClockHour = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** What one view alone can say: the half of the breast a finding lies in. */
export type BreastHalf = 'outer' | 'inner' | 'upper' | 'lower';

/**
 * Where a finding lies in the breast, in report order: side → clock face or quadrant → depth →
 * distance from the nipple. Every field is null when the images cannot tell it.
 */
export interface LocatedFinding {
  readonly side: Side | null;
  readonly clockFace: ClockHour | null;
  readonly quadrant: Quadrant | null;
  /** From a single view (or when the other offset is on the nipple axis): outer / inner / upper / lower. */
  readonly half: BreastHalf | null;
  readonly special: SpecialLocation | null;
  readonly depth: Depth | null;
  /** Distance from the nipple on the image(s), cm; null when uncalibrated. */
  readonly distanceFromNippleCm: number | null;
  /** Why, in words, e.g. "CC: 14.2 mm lateral of the nipple axis (Patient Orientation P\\L)". */
  readonly evidence: readonly string[];
  /** What limits the location, once per view (e.g. the nipple not in profile on the RMLO); also in `evidence`. */
  readonly caveats: readonly string[];
  /**
   * Why there is no clock face, in report words (e.g. "seen on the CC only: the MLO or ML view is
   * needed to place it on the clock face"); null or missing when there is one.
   */
  readonly noClockFace?: string | null;
}
