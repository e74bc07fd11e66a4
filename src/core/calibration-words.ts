/**
 * The words for each calibration kind, in one table: every place that prints a calibration (the
 * command line, the annotation beside an outline, the panel's size range, the viewport's
 * description) takes them from here, so a kind is named the same way everywhere.
 */
import type { Calibration, CalibrationKind } from './image.js';
import type { CalcificationMeasurements } from './measure/measurements.js';
import type { PointPx } from './units.js';

export interface CalibrationWords {
  /** After a length, e.g. "2.13 × 1.63 mm (magnification-corrected)". */
  readonly unit: string;
  /** After an area, e.g. "2.7 mm² (magnification-corrected)". */
  readonly areaUnit: string;
  /** Beside a size range, e.g. "0.4–2.4 mm, magnification-corrected". */
  readonly label: string;
  /** The line a radiologist reads before trusting a millimetre. */
  readonly meaning: string;
}

export const CALIBRATION_WORDS: Readonly<Record<CalibrationKind, CalibrationWords>> = {
  fiducial: {
    unit: 'mm (fiducial-calibrated)',
    areaUnit: 'mm² (fiducial-calibrated)',
    label: 'fiducial-calibrated',
    meaning: 'calibrated against a fiducial of known size',
  },
  geometry: {
    unit: 'mm (geometry-calibrated)',
    areaUnit: 'mm² (geometry-calibrated)',
    label: 'geometry-calibrated',
    meaning: 'calibrated from the acquisition geometry',
  },
  'magnification-corrected': {
    unit: 'mm (magnification-corrected)',
    areaUnit: 'mm² (magnification-corrected)',
    label: 'magnification-corrected',
    meaning: 'detector spacing corrected for magnification (ERMF)',
  },
  detector: {
    unit: 'mm (detector)',
    areaUnit: 'mm² (detector)',
    label: 'detector spacing, not magnification-corrected',
    meaning: 'detector spacing, not corrected for magnification: sizes read slightly large',
  },
  'film-scanner': {
    unit: 'mm (scanner pitch: film not magnification-corrected)',
    areaUnit: 'mm² (scanner pitch: film not magnification-corrected)',
    label: 'scanner pitch on the film, not magnification-corrected',
    meaning: 'digitiser pitch on the film (Nominal Scanned Pixel Spacing), not corrected for magnification: sizes read slightly large',
  },
  uncalibrated: {
    unit: 'px (uncalibrated)',
    areaUnit: 'px² (uncalibrated)',
    label: 'uncalibrated',
    meaning: 'sizes in pixels only; a millimetre threshold is applied only where it holds at every film scan pitch the image may have',
  },
};

/** One calcification's size as every host shows it, in the unit its calibration allows. */
export interface CalcificationSize {
  readonly longAxis: number;
  readonly shortAxis: number;
  readonly area: number;
  /** e.g. "mm (magnification-corrected)", "px (uncalibrated)". */
  readonly unit: string;
  readonly areaUnit: string;
  readonly calibration: CalibrationKind;
  /** The label beside the outline, e.g. "2.13 × 1.63 mm (magnification-corrected)". */
  readonly label: string;
}

/**
 * A calcification's size with its calibration words: millimetres at the plane its calibration
 * names, or pixels when it has none. The label beside an outline after a click, after an edit and
 * after undo / redo all come from here, so they read the same.
 * @example calcificationSize(m).label // "2.13 × 1.63 mm (magnification-corrected)"
 */
export function calcificationSize(m: CalcificationMeasurements): CalcificationSize {
  const inMm = m.calibration !== 'uncalibrated' && m.longAxis.mm !== null && m.shortAxis.mm !== null && m.area.mm2 !== null;
  const calibration: CalibrationKind = inMm ? m.calibration : 'uncalibrated';
  const words = CALIBRATION_WORDS[calibration];
  const longAxis = inMm ? (m.longAxis.mm as number) : m.longAxis.px;
  const shortAxis = inMm ? (m.shortAxis.mm as number) : m.shortAxis.px;
  const digits = inMm ? 2 : 1;
  return {
    longAxis,
    shortAxis,
    area: inMm ? (m.area.mm2 as number) : m.area.px2,
    unit: words.unit,
    areaUnit: words.areaUnit,
    calibration,
    label: `${longAxis.toFixed(digits)} × ${shortAxis.toFixed(digits)} ${words.unit}`,
  };
}

/**
 * One calcification in words, as the panel shows the selected one: its size as the label beside
 * its outline reads, its lucent-centre index and circularity, and whether the radiologist edited
 * its outline.
 * @example calcificationDetailWords(m, false) // "2.13 × 1.63 mm (magnification-corrected); lucent-centre index 0.12; circularity 0.91"
 */
export function calcificationDetailWords(m: CalcificationMeasurements, edited: boolean): string {
  return `${calcificationSize(m).label}; lucent-centre index ${m.lucentCentreIndex.toFixed(2)}; circularity ${m.circularity.toFixed(2)}${edited ? '; outline edited' : ''}`;
}

/**
 * The distance between two points of the image in the calibration's words: each pixel spacing
 * along its own axis (a line at any angle on non-square pixels is measured right), or pixels when
 * the image is uncalibrated.
 * @example distanceWords({ x: 0, y: 0 }, { x: 30, y: 40 }, cal) // "3.50 mm (magnification-corrected)" at 0.07 mm
 */
export function distanceWords(a: PointPx, b: PointPx, calibration: Calibration): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const { rowSpacingMm: row, columnSpacingMm: column } = calibration;
  if (calibration.kind === 'uncalibrated' || row === null || column === null) {
    return `${Math.hypot(dx, dy).toFixed(0)} ${CALIBRATION_WORDS.uncalibrated.unit}`;
  }
  return `${Math.hypot(dx * column, dy * row).toFixed(2)} ${CALIBRATION_WORDS[calibration.kind].unit}`;
}
