export type { DescribeContext, DistributionContext } from './context.js';
export type { DistributionDescription, MorphologyDescription, TermWithConfidence } from './description.js';
export { describeCalcification, UNCALIBRATED_EVIDENCE } from './describe-calcification.js';
export { describeCalcifications, SET_RULES, SET_THRESHOLDS } from './describe-calcifications.js';
export { describeDistribution } from './describe-distribution.js';
export { DISTRIBUTION_RULES, DISTRIBUTION_THRESHOLDS } from './distribution-rules.js';
export { MORPHOLOGY_RULES, MORPHOLOGY_THRESHOLDS } from './morphology-rules.js';
export { VIEW_LIMITS } from './view-limits.js';
export { chosenTerms, NEAR_TIE } from './chosen-terms.js';
