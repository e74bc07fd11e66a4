import type { GroupMeasurements } from '../measure/measurements.js';
import type { DistributionContext } from './context.js';
import type { DistributionDescription } from './description.js';
import { uncalibratedEvidence } from './describe-calcification.js';
import { filmPitchOr } from './film-pitch.js';
import { DISTRIBUTION_PREDICATES, DISTRIBUTION_RULES, type GroupFeatures } from './distribution-rules.js';
import { gradeRules, nearestFitWords } from './rule-table.js';

function breastFraction(g: GroupMeasurements, ctx: DistributionContext): number | null {
  if (g.hullArea.mm2 !== null && (ctx.breastAreaMm2 ?? 0) > 0) return g.hullArea.mm2 / (ctx.breastAreaMm2 ?? 1);
  if ((ctx.breastAreaPx2 ?? 0) > 0) return g.hullArea.px2 / (ctx.breastAreaPx2 ?? 1);
  return null;
}

/**
 * Suggests the distribution of a group of calcifications, best first, with the evidence in words
 * ("6 calcifications; extent 1.4 cm ≤ 2 cm"). Diffuse needs the breast size from the context;
 * segmental needs the nipple position (through the group's measurements).
 */
export function describeDistribution(g: GroupMeasurements, ctx: DistributionContext = {}): DistributionDescription {
  const calibrated = g.calibration !== 'uncalibrated' && g.extent.mm !== null;
  const features: GroupFeatures = {
    count: g.count,
    extentMm: calibrated ? g.extent.mm : null,
    linearity: g.linearity,
    orientationToNippleDeg: g.orientationToNippleDeg,
    wedgeTowardNipple: g.wedgeTowardNipple,
    breastFraction: breastFraction(g, ctx),
    largestStepMm: calibrated ? g.largestNeighbourStep.mm : null,
    largestStepPx: g.largestNeighbourStep.px,
    filmPitchMm: filmPitchOr(g.filmPitchMm),
  };
  const { fired, near } = gradeRules(DISTRIBUTION_RULES, DISTRIBUTION_PREDICATES, features);
  const evidence: string[] = [];
  if (!calibrated) evidence.push(uncalibratedEvidence(features.filmPitchMm));
  if (features.breastFraction === null) evidence.push('breast size unknown: diffuse not assessed');
  if (g.orientationToNippleDeg === null && g.wedgeTowardNipple === null) {
    evidence.push('nipple position unknown: segmental not assessed');
  }
  if (fired.length === 0) {
    evidence.push('no distribution rule matched this group');
    // The nearest fit and the one condition it misses, worded as for a calcification.
    const nearest = near[0];
    if (nearest !== undefined) evidence.push(nearestFitWords(nearest));
  }
  for (const r of fired) evidence.push(`${r.term}: ${r.evidence.join('; ')}`);
  return {
    terms: fired.map((r) => ({ term: r.term, confidence: r.confidence })),
    evidence,
    sizeThresholdsApplied: calibrated,
  };
}
