import type { Calibration } from '../image.js';
import { GROUPING_RULE } from './grouping-rule.js';
import type { CalcificationMeasurements } from './measurements.js';

/**
 * Single-linkage clustering of calcification centres: two calcifications are in the same group
 * when a chain of neighbours each within `maxGapMm` joins them (default GROUPING_RULE.maxGapMm).
 * Distances are in mm using the column / row spacing; for an uncalibrated image the gap is
 * GROUPING_RULE.maxGapPxUncalibrated pixels. Returns index lists, each sorted, groups ordered by
 * their first index.
 *
 * @example groupByProximity(calcs, calibration) // → [[0, 1, 2], [3]]
 */
export function groupByProximity(
  calcs: readonly Pick<CalcificationMeasurements, 'centre'>[],
  calibration: Calibration,
  maxGapMm: number = GROUPING_RULE.maxGapMm,
): number[][] {
  const sx = calibration.columnSpacingMm;
  const sy = calibration.rowSpacingMm;
  const calibrated = calibration.kind !== 'uncalibrated' && sx !== null && sy !== null && sx > 0 && sy > 0;
  const kx = calibrated ? sx : 1;
  const ky = calibrated ? sy : 1;
  const gap = calibrated ? maxGapMm : GROUPING_RULE.maxGapPxUncalibrated * (maxGapMm / GROUPING_RULE.maxGapMm);
  const n = calcs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  for (let i = 0; i < n; i++) {
    const a = (calcs[i] as Pick<CalcificationMeasurements, 'centre'>).centre;
    for (let j = i + 1; j < n; j++) {
      const b = (calcs[j] as Pick<CalcificationMeasurements, 'centre'>).centre;
      if (Math.hypot((a.x - b.x) * kx, (a.y - b.y) * ky) <= gap) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [i]);
    else g.push(i);
  }
  return [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}
