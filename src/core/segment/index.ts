/** Segmentation: from a click, a rectangle or a freehand outline to calcification outlines. */
export type { CalcificationOutline } from './outline.js';
export { segmentAtSeed } from './segment-at-seed.js';
export { segmentPolygon, segmentRegion, REGION_DETECTION } from './segment-region.js';
export type { RegionSearchOptions } from './segment-region.js';
export { SEGMENT_DEFAULTS } from './segment-options.js';
export type { SegmentOptions } from './segment-options.js';
