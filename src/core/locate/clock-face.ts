/**
 * Clock-face position, as seen facing the patient: 12 o'clock up, 3 o'clock toward the patient's
 * left, 9 o'clock toward the patient's right — the same clock for both breasts, so positions
 * mirror: upper outer is 10–11 o'clock on the right breast and 1–2 o'clock on the left.
 */
import type { ClockHour } from './location.js';

/**
 * The whole hour for a finding `lateral` (positive = outer, negative = inner) and `upper`
 * (positive = up) of the nipple, in the same unit. Null for the nipple itself or a side other
 * than right / left. Half hours round up (10.5 → 11).
 * @example clockFace('right', 1, 1) // 11 (upper outer, 10.5 rounded)
 * @example clockFace('left', 0, -1) // 6
 */
export function clockFace(side: 'right' | 'left' | 'both' | null, lateral: number, upper: number): ClockHour | null {
  if (side !== 'right' && side !== 'left') return null;
  if (!Number.isFinite(lateral) || !Number.isFinite(upper) || (lateral === 0 && upper === 0)) return null;
  // Toward the viewer's right (= the patient's left) on the clock.
  const towardPatientLeft = side === 'left' ? lateral : -lateral;
  const degrees = (Math.atan2(towardPatientLeft, upper) * 180) / Math.PI;
  const hours = Math.round((((degrees % 360) + 360) % 360) / 30) % 12;
  return (hours === 0 ? 12 : hours) as ClockHour;
}
