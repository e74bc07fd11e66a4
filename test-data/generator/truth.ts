/**
 * The truth that travels with every phantom image: what was drawn, where, and how big.
 * All positions are in stored-image pixels (x = column, y = row, origin at the centre of the
 * top-left pixel); all millimetre values are at the plane named by `calibration.kind`.
 */
import type { CalibrationKind, Laterality, MammoView } from '../../src/core/image.js';
import type { DistributionTerm, MorphologyTerm } from '../../src/core/lexicon.js';
import type { PointPx } from '../../src/core/units.js';
import type { AcquisitionTruth } from './render-acquisition.js';

export type ClockHour = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
export type Quadrant = 'upper outer' | 'upper inner' | 'lower outer' | 'lower inner';
export type DepthThird = 'anterior' | 'middle' | 'posterior';

/** One rendered calcification (one connected particle). */
export interface CalcificationTruth {
  /**
   * Unique in the image: "<group>-s<deposit>" or, for deposits of several particles,
   * "<group>-s<deposit>-p<piece>". The same id in two views of one breast (or on a prior with
   * the same finding seed) names the same deposit; a deposit that would overlap another in one
   * view is not drawn there.
   */
  readonly id: string;
  readonly groupId: string;
  /** Pieces of one structure (the two walls of a vessel, the pieces of a duct cast) share it. */
  readonly structureId: string;
  readonly morphology: MorphologyTerm;
  /** Outer outline (lucent centres filled), closed, clockwise on screen, last point not repeated. */
  readonly outline: readonly PointPx[];
  /** Centroid of the filled outline. */
  readonly centre: PointPx;
  /** Maximum Feret diameter of the filled shape. */
  readonly longAxisMm: number;
  /** Minimum Feret diameter (calliper width) of the filled shape. */
  readonly shortAxisMm: number;
  /** Area inside the outline (lucent centres included). */
  readonly areaMm2: number;
  readonly longAxisPx: number;
  readonly shortAxisPx: number;
  readonly areaPx2: number;
  /** Peak added density (0–1 display scale, before blur and noise). */
  readonly peakContrast: number;
  readonly lucentCentre: boolean;
}

/** Where a finding lies, in the words of a report. */
export interface LocationTruth {
  readonly side: 'right' | 'left';
  readonly clockHour: ClockHour;
  readonly quadrant: Quadrant;
  /** Subareolar when within 2 cm of the nipple behind it. */
  readonly subareolar: boolean;
  readonly depth: DepthThird;
  /** Distance from the nipple to the group centre on this image, at the truth calibration. */
  readonly distanceFromNippleCm: number;
}

export interface GroupTruth {
  readonly id: string;
  readonly morphology: MorphologyTerm;
  readonly distribution: DistributionTerm;
  readonly count: number;
  readonly location: LocationTruth;
  /** Centroid of the member centres on this image. */
  readonly centre: PointPx;
  /** Greatest distance between any two member outline points, at the truth calibration. */
  readonly extentMm: number;
  /** Free-text note, e.g. "post-lumpectomy" or "new since prior". */
  readonly note: string | null;
}

export interface PhantomTruth {
  readonly schema: 'calcscribe-phantom-truth/1';
  readonly seed: number;
  readonly rows: number;
  readonly columns: number;
  readonly laterality: Exclude<Laterality, 'B'>;
  readonly view: Extract<MammoView, 'CC' | 'MLO' | 'ML'>;
  readonly magnification: boolean;
  readonly patientOrientation: readonly [string, string];
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2';
  readonly bitsStored: number;
  readonly transferSyntaxUid: string;
  readonly nipple: PointPx;
  readonly chestWallEdge: 'left' | 'right';
  /** The spacing at which every millimetre in this file is given. */
  readonly calibration: {
    readonly kind: CalibrationKind;
    readonly spacingMm: number;
    /** The attribute(s) a reader should use to reproduce `spacingMm`. */
    readonly source: string;
  };
  readonly imagerPixelSpacingMm: number;
  readonly estimatedMagnificationFactor: number;
  /** Present only on variants that write Pixel Spacing (0028,0030). */
  readonly pixelSpacingMm: number | null;
  readonly groups: readonly GroupTruth[];
  readonly calcifications: readonly CalcificationTruth[];
  /** Present only when the phantom was drawn with an acquisition (blur, noise, processing, letters, edges). */
  readonly acquisition?: AcquisitionTruth;
}
