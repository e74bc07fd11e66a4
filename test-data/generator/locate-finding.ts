/**
 * Report location of a finding from its 3-D position: side, clock face, quadrant, depth third
 * (docs: birads-calcifications.md §5). Clock positions are as seen facing the patient, so they
 * are mirror images between the breasts: upper outer is 10–11 o'clock on the right, 1–2 on the left.
 */
import type { BreastPoint, Side } from './breast-model.js';
import type { ClockHour, DepthThird, Quadrant } from './truth.js';

export function clockHour(side: Side, p: BreastPoint): ClockHour {
  const toViewerRight = side === 'R' ? -p.lateralMm : p.lateralMm;
  const deg = (Math.atan2(toViewerRight, p.superiorMm) * 180) / Math.PI;
  const h = Math.round(((deg + 360) % 360) / 30) % 12;
  return (h === 0 ? 12 : h) as ClockHour;
}

export function quadrant(p: BreastPoint): Quadrant {
  const upper = p.superiorMm >= 0;
  const outer = p.lateralMm >= 0;
  return `${upper ? 'upper' : 'lower'} ${outer ? 'outer' : 'inner'}` as Quadrant;
}

export function depthThird(p: BreastPoint, breastDepthMm: number): DepthThird {
  const f = p.depthMm / breastDepthMm;
  return f < 1 / 3 ? 'anterior' : f < 2 / 3 ? 'middle' : 'posterior';
}

/** Behind the nipple: within 2 cm deep and 1 cm of the nipple axis. */
export function isSubareolar(p: BreastPoint): boolean {
  return p.depthMm <= 20 && Math.hypot(p.lateralMm, p.superiorMm) <= 10;
}
