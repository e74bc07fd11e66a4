export type { Exam, Finding, FindingComparison, FindingLocation, FindingMeasurements } from './finding.js';
export { qualifiersFrom, summariseMeasurements } from './finding-measurements.js';
export { draftReport, NO_PRIORS_WORDS, type DraftReport } from './draft-report.js';
export { ACTION_CATEGORIES, needsAction } from './needs-action.js';
export { renderReportJson, stableJson } from './render-json.js';
export { CHANGE_NOT_STATED, distributionOf, isVascularOnly, UNCALIBRATED_SIZE_WORDS, wordChange, wordFinding } from './word-finding.js';
export { wordImpression, type AssessmentBySide } from './word-impression.js';
export { NO_CLOCK_FACE, wordLocation } from './word-location.js';
export { FIRST_FOLLOW_UP_MONTHS, wordAction, wordRecommendation } from './word-recommendation.js';
export { wordDifferential, wordSuggestion } from './word-suggestion.js';
export { comparisonDateOf, isoDate } from './comparison-date.js';
// The SR builder (pure data); writing the file (dcmjs) is imported from './sr/index.js' by those who write it.
export { buildCalcificationSr, type SrDataset } from './sr/build-calcification-sr.js';
export { COMPREHENSIVE_SR_SOP_CLASS, type SrExamHeader, type SrImageHeader, type SrPredecessor, type SrWriteOptions } from './sr/sr-options.js';
export { srHeaderFromImages } from './sr/sr-header-from-images.js';
