/**
 * The words for each calibration kind, in one table: every place that prints a calibration (the
 * command line, the annotation beside an outline, the panel's size range, the viewport's
 * description) takes them from here, so a kind is named the same way everywhere.
 */
import type { CalibrationKind } from './image.js';

export interface CalibrationWords {
  /** After a length, e.g. "2.13 × 1.63 mm (magnification-corrected)". */
  readonly unit: string;
  /** Beside a size range, e.g. "0.4–2.4 mm, magnification-corrected". */
  readonly label: string;
  /** The line a radiologist reads before trusting a millimetre. */
  readonly meaning: string;
}

export const CALIBRATION_WORDS: Readonly<Record<CalibrationKind, CalibrationWords>> = {
  fiducial: {
    unit: 'mm (fiducial-calibrated)',
    label: 'fiducial-calibrated',
    meaning: 'calibrated against a fiducial of known size',
  },
  geometry: {
    unit: 'mm (geometry-calibrated)',
    label: 'geometry-calibrated',
    meaning: 'calibrated from the acquisition geometry',
  },
  'magnification-corrected': {
    unit: 'mm (magnification-corrected)',
    label: 'magnification-corrected',
    meaning: 'detector spacing corrected for magnification (ERMF)',
  },
  detector: {
    unit: 'mm (detector)',
    label: 'detector spacing, not magnification-corrected',
    meaning: 'detector spacing, not corrected for magnification: sizes read slightly large',
  },
  'film-scanner': {
    unit: 'mm (scanner pitch: film not magnification-corrected)',
    label: 'scanner pitch on the film, not magnification-corrected',
    meaning: 'digitiser pitch on the film (Nominal Scanned Pixel Spacing), not corrected for magnification: sizes read slightly large',
  },
  uncalibrated: {
    unit: 'px (uncalibrated)',
    label: 'uncalibrated',
    meaning: 'uncalibrated: sizes in pixels only, no millimetre thresholds applied',
  },
};
