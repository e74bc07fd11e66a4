import type { FilmPitchRange } from '../film-scan-pitch.js';
import type { CalibrationKind } from '../image.js';
import type { Area, Length, PointPx } from '../units.js';
import type { VesselEvidence } from './vessel-evidence.js';

/** Everything measured on one calcification. Lengths in px always, in mm when calibrated. */
export interface CalcificationMeasurements {
  readonly calibration: CalibrationKind;
  /**
   * On an uncalibrated image, the scan pitches its pixel may be (filmScanPitchOf: the film pitch
   * range, its upper end what the image's size allows). Absent when calibrated, and from
   * measurements saved before it was read (then the whole film pitch range applies).
   */
  readonly filmPitchMm?: FilmPitchRange;
  /** Intensity-weighted centre. */
  readonly centre: PointPx;
  /**
   * Maximum Feret diameter, to the calcification's edge: on an outline drawn at a fraction of the
   * peak (segmentation) it is extended at both ends by the blurred edge's offset (edge-offset.ts);
   * on an outline drawn by hand it is the outline's own.
   */
  readonly longAxis: Length;
  /** Minimum Feret diameter (calliper width). */
  readonly shortAxis: Length;
  readonly area: Area;
  /** Diameter of the circle of the same area. */
  readonly equivalentDiameter: Length;
  readonly perimeter: Length;
  /** 4π·area / perimeter², 1 for a disc. */
  readonly circularity: number;
  /** long axis / short axis, ≥ 1. */
  readonly elongation: number;
  /** area / convex hull area, ≤ 1. */
  readonly solidity: number;
  /** Mean edge gradient over (peak) contrast per pixel: high = sharp (smooth, well defined) margin. */
  readonly marginSharpness: number;
  /** (mean inside − background) / background noise. */
  readonly contrastToNoise: number;
  /** (mean inside − background) in density units. */
  readonly contrast: number;
  /** Centre-to-rim density dip: 0 = solid, toward 1 = lucent centre (rim, dystrophic). */
  readonly lucentCentreIndex: number;
  /** Coefficient of variation of density inside (of the contrast above the local background). */
  readonly heterogeneity: number;
  /** Skeleton: mean calibre (width) of linear forms, branch points, skeleton length. */
  readonly skeleton: {
    readonly calibre: Length;
    readonly length: Length;
    /** Junctions where three or more branches meet, on an outline known to well within the calibre (skeleton.ts BRANCH_READING). */
    readonly branchPoints: number;
    /** Junctions the skeleton showed but not counted: the outline's wander (outlineUncertaintyPx) is too large a part of the calibre. Absent when none. */
    readonly branchPointsInNoise?: number;
    /** The outline's position uncertainty (px), given with branchPointsInNoise. */
    readonly outlineUncertaintyPx?: number;
  };
  /** Vessel evidence around a linear calcification (a parallel wall, the track's length); null when not a line. */
  readonly vessel?: VesselEvidence | null;
}

/** Measurements of a set of calcifications considered together (one finding). */
export interface GroupMeasurements {
  readonly calibration: CalibrationKind;
  /** As CalcificationMeasurements.filmPitchMm: the members' image's pitch range when uncalibrated. */
  readonly filmPitchMm?: FilmPitchRange;
  readonly count: number;
  /** Greatest distance between any two calcification centres (plus their radii). */
  readonly extent: Length;
  readonly hullArea: Area;
  /** Median nearest-neighbour distance between centres. */
  readonly nearestNeighbourSpacing: Length;
  /**
   * The largest step between neighbouring centres: the longest edge of their minimum spanning
   * tree (every calcification is within this distance of another, and no smaller distance joins
   * them all). 0 for fewer than two.
   */
  readonly largestNeighbourStep: Length;
  /** 0 = isotropic cloud, 1 = all on a line (1 − minor/major principal spread). */
  readonly linearity: number;
  /** Angle (degrees, 0–90) between the group's main axis and the direction to the nipple; null when the nipple is unknown. */
  readonly orientationToNippleDeg: number | null;
  /** Whether the group fans out toward the chest wall (cone pointing at the nipple); null when unknown. */
  readonly wedgeTowardNipple: boolean | null;
  /** Coefficient of variation of the calcifications' long axes. */
  readonly sizeSpread: number;
  /** Standard deviation of circularity across calcifications. */
  readonly shapeSpread: number;
}
