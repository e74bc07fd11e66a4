/**
 * A finding's size range as the radiologist reads it on the finding's card and in the exported
 * report: the smallest and largest long axis of its calcifications with the calibration they are
 * measured in. The millimetres carry the digits the report sentence gives them (fmtMmWords: two
 * decimals below 1 mm, one above), so the card's largest size is the report's "up to" size.
 */
import { CALIBRATION_WORDS } from '../calibration-words.js';
import type { CalibrationKind } from '../image.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import { summariseMeasurements } from '../report/finding-measurements.js';
import { fmtMmWords } from '../report/words.js';

/** Smallest and largest long axis of a finding's calcifications, in mm when every one is calibrated. */
export interface SizeRange {
  readonly min: number;
  readonly max: number;
  readonly unit: 'mm' | 'px';
  /** The calibration of the largest calcification ('uncalibrated' when any one has no millimetres). */
  readonly calibration: CalibrationKind;
  /**
   * What the card shows, e.g. "0.42–2.4 mm, magnification-corrected", "6–37 px, uncalibrated",
   * "1.0–1.5 mm, fiducial-calibrated / detector spacing, not magnification-corrected" (every kind
   * named when the views differ). A set mixing calibrated and uncalibrated images is given in
   * pixels: a millimetre is never guessed.
   */
  readonly words: string;
}

/** Pixels are given whole: no report sentence states them, and a tenth of a pixel is noise. */
const fmtPx = (n: number): string => n.toFixed(0);

/** The size range of a non-empty set of calcifications (a finding always holds at least one). */
export function sizeRangeOf(ms: readonly CalcificationMeasurements[]): SizeRange {
  const inMm = ms.every((m) => m.calibration !== 'uncalibrated' && m.longAxis.mm !== null);
  const sizes = ms.map((m) => (inMm ? (m.longAxis.mm as number) : m.longAxis.px));
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const fmt = inMm ? fmtMmWords : fmtPx;
  const span = fmt(min) === fmt(max) ? fmt(max) : `${fmt(min)}–${fmt(max)}`;
  const kinds: readonly CalibrationKind[] = inMm ? [...new Set(ms.map((m) => m.calibration))] : ['uncalibrated'];
  const unit = inMm ? 'mm' : 'px';
  return {
    min,
    max,
    unit,
    calibration: summariseMeasurements(ms).calibration,
    words: `${span} ${unit}, ${kinds.map((k) => CALIBRATION_WORDS[k].label).join(' / ')}`,
  };
}
