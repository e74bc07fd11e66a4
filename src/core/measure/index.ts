/** Measurement of one calcification and of a group, in pixels and (when calibrated) millimetres. */
export type { CalcificationMeasurements, GroupMeasurements } from './measurements.js';
export { measureCalcification } from './measure-calcification.js';
export { measureGroup } from './measure-group.js';
export { GROUPING_RULE, WEDGE_RULE } from './grouping-rule.js';
