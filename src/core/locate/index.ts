/** Locating findings in the breast: nipple, chest wall, depth, clock face, quadrant. */
export type { BreastGeometry, ChestWallEdge, ChestWallSource, LinePx, NippleSource } from './breast-geometry.js';
export { findBreast, BREAST_RULES, type FindBreastOptions } from './find-breast.js';
export { locateFinding, type LocateOptions, type LocatingImage } from './locate-finding.js';
export { combineViews, locateFromOneView } from './combine-views.js';
export { clockFace } from './clock-face.js';
export { quadrantOf } from './quadrant.js';
export { depthThird, posteriorNippleLine, type PosteriorNippleLine } from './depth.js';
export { LOCATION_RULES } from './location-rules.js';
export { PECTORAL_RULES } from './pectoral-muscle.js';
export { VIEW_AXIS, VIEWS, viewAxis, hangingRow, type ViewAxis, type ViewEntry } from './view-axis.js';
export type { AxisSide, ViewLocation } from './view-location.js';
export * from './location.js';
