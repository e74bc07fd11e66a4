import { CALIBRATION_WORDS } from 'calcscribe/core';
import type { CalibrationKind } from 'calcscribe/core';
import type { CalcificationMeasurements } from 'calcscribe/core';

/** How each calibration kind is named next to a size. */
export const CALIBRATION_LABELS: Readonly<Record<CalibrationKind, string>> = Object.fromEntries(
  Object.entries(CALIBRATION_WORDS).map(([kind, words]) => [kind, words.label]),
) as Record<CalibrationKind, string>;

function trim(n: number, digits: number): string {
  return n.toFixed(digits);
}

/**
 * The smallest and largest long axis of a set of calcifications with the calibration they are
 * measured in, e.g. "0.4–2.4 mm, magnification-corrected" or "6.0–37.0 px, uncalibrated". A set
 * mixing calibrated and uncalibrated images is given in pixels (a millimetre is never guessed);
 * a set of several calibration kinds names them all.
 */
export function sizeRange(ms: readonly CalcificationMeasurements[]): string {
  if (ms.length === 0) return 'no calcifications';
  const allMm = ms.every((m) => m.longAxis.mm !== null && m.calibration !== 'uncalibrated');
  const values = ms.map((m) => (allMm ? (m.longAxis.mm as number) : (m.longAxis.px as number)));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const unit = allMm ? 'mm' : 'px';
  const digits = allMm ? 1 : 0;
  const span = trim(lo, digits) === trim(hi, digits) ? trim(lo, digits) : `${trim(lo, digits)}–${trim(hi, digits)}`;
  const kinds = allMm ? [...new Set(ms.map((m) => m.calibration))].map((k) => CALIBRATION_LABELS[k]) : ['uncalibrated'];
  return `${span} ${unit}, ${kinds.join(' / ')}`;
}
