/**
 * calcscribe's public API: what the command line and the viewer extension call.
 * Everything here is pure: bytes and numbers in, values out; no DOM, no network, no files.
 */
export * from './units.js';
export * from './result.js';
export * from './lexicon.js';
export * from './image.js';
export { CALIBRATION_WORDS, calcificationDetailWords, calcificationSize, distanceWords, type CalibrationWords, type CalcificationSize } from './calibration-words.js';
export { imageInfo, calibrationJson, describeCalibration, type ImageInfo, type CalibrationJson } from './info.js';

export { ingestDicom, ingestUncompressed, readMammogramHeader, type IngestOptions, type MammogramHeader } from './ingest/index.js';
export { cleanText, clip } from './ingest/clean-text.js';
export { serverReason, serverWords } from './server-words.js';
export { findCode, MAMMOGRAPHY_VIEW_CODES, MAMMOGRAPHY_VIEW_MODIFIER_CODES, VIEW_POSITION_VIEWS, viewFromPatientOrientation } from './ingest/index.js';

export { segmentAtSeed } from './segment/segment-at-seed.js';
export { segmentRegion, segmentPolygon } from './segment/segment-region.js';
export type { CalcificationOutline } from './segment/outline.js';

export { measureCalcification } from './measure/measure-calcification.js';
export { measureGroup } from './measure/measure-group.js';
export { measureOutline, remeasureOutline, maskOfContour, type OutlineBackground } from './measure/measure-outline.js';
export { GROUPING_RULE } from './measure/grouping-rule.js';
export type { CalcificationMeasurements, GroupMeasurements } from './measure/measurements.js';
export { sampleBilinear } from './measure/intensity.js';

export * from './describe/index.js';
export * from './assess/index.js';
export * from './report/index.js';
export * from './locate/index.js';
export * as codes from './codes.js';

export {
  analyzeFinding,
  type AnalysedCalcification,
  type FindingAnalysis,
  type FindingRequest,
} from './analyze.js';
export { leftOutWords, type LeftOutDensity } from './left-out-densities.js';
export { parseExamContext, ISO_DATE, type ExamContext } from './exam-context.js';
export {
  analyzeExam,
  examDraftFromAnnotations,
  parseExamAnnotations,
  type ExamAnalysis,
  type ExamAnnotations,
  type FindingAnnotation,
} from './exam.js';
export * as draft from './draft/index.js';
