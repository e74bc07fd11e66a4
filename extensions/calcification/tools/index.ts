/** The Cornerstone3D tools of the calcification extension. */
export { LengthTool } from '@cornerstonejs/tools';
export { CalcificationTool, calcificationOf, fillCalcification, type CalcificationAnnotation, type CalcificationToolConfiguration } from './calcification-tool.js';
export { CalcificationRegionTool, type CalcificationRegionToolConfiguration } from './calcification-region-tool.js';
export { NippleMarkerTool } from './nipple-marker-tool.js';
export { pixelToWorld, pixelsToWorld, worldToPixel, worldToPixels } from './coordinates.js';
export { sizeLabel, type AnalysedTarget, type CalcificationAnalyser, type CalcificationData, type CalcificationTarget, type MeasuredCalcification } from './types.js';
