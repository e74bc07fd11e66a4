import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { DescribeContext } from './context.js';
import type { MorphologyDescription } from './description.js';
import { calcificationFeatures } from './calcification-features.js';
import { MORPHOLOGY_PREDICATES, MORPHOLOGY_RULES } from './morphology-rules.js';
import { fireRules } from './rule-table.js';
import { viewLimitsFor } from './view-limits.js';

export const UNCALIBRATED_EVIDENCE = 'image uncalibrated: size thresholds not applied';

/**
 * Suggests the morphology of one calcification from its measurements, best term first, with the
 * evidence in words ("long axis 2.4 mm > 1 mm; lucent-centre index 0.41 ≥ 0.25; margin smooth …").
 * On an uncalibrated image no millimetre threshold is applied and confidence is halved.
 *
 * @example describeCalcification(m, { view: 'CC' }).terms[0] // { term: 'dystrophic', confidence: 0.75 }
 */
export function describeCalcification(m: CalcificationMeasurements, ctx: DescribeContext = {}): MorphologyDescription {
  const f = calcificationFeatures(m, ctx);
  const fired = fireRules(MORPHOLOGY_RULES, MORPHOLOGY_PREDICATES, f);
  const evidence: string[] = [];
  if (!f.calibrated) evidence.push(UNCALIBRATED_EVIDENCE);
  const best = fired[0];
  if (best === undefined) {
    evidence.push('no morphology rule matched these measurements');
  } else {
    evidence.push(`${best.term}: ${best.evidence.join('; ')}`);
    for (const other of fired.slice(1)) evidence.push(`also consistent with ${other.term}: ${other.evidence.join('; ')}`);
    evidence.push(...viewLimitsFor(best.term, ctx));
  }
  return {
    terms: fired.map((r) => ({ term: r.term, confidence: r.confidence })),
    evidence,
    sizeThresholdsApplied: f.calibrated,
  };
}
