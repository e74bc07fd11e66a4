import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { Length } from '../units.js';
import type { FindingMeasurements } from './finding.js';

/** Mean lucent-centre index from which the wording says "with lucent centres". */
export const LUCENT_CENTRES_MIN = 0.25;

/**
 * Count, largest long axis and calibration of a set of calcifications, for the wording, with the
 * group's extent when it was measured (measureGroup's `extent`).
 */
export function summariseMeasurements(ms: readonly CalcificationMeasurements[], extent: Length | null = null): FindingMeasurements {
  const uncalibrated = ms.length === 0 || ms.some((m) => m.calibration === 'uncalibrated' || m.longAxis.mm === null);
  // The largest in millimetres when every one has them: views of one finding may differ in pixel size.
  const size = (m: CalcificationMeasurements): number => (uncalibrated ? m.longAxis.px : (m.longAxis.mm as number));
  let largest: CalcificationMeasurements | null = null;
  for (const m of ms) if (largest === null || size(m) > size(largest)) largest = m;
  return {
    count: ms.length,
    largest: largest?.longAxis ?? null,
    extent,
    calibration: uncalibrated ? 'uncalibrated' : (largest?.calibration ?? 'uncalibrated'),
  };
}

/** Qualifiers the measurements support, e.g. "with lucent centres". */
export function qualifiersFrom(ms: readonly CalcificationMeasurements[]): string[] {
  if (ms.length === 0) return [];
  const lucent = ms.reduce((a, m) => a + m.lucentCentreIndex, 0) / ms.length;
  return lucent >= LUCENT_CENTRES_MIN ? ['with lucent centres'] : [];
}
