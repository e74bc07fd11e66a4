export type { Exam, Finding, FindingComparison, FindingLocation, FindingMeasurements } from './finding.js';
export { qualifiersFrom, summariseMeasurements } from './finding-measurements.js';
export { draftReport, type DraftReport } from './draft-report.js';
export { renderReportJson, stableJson } from './render-json.js';
export { CHANGE_NOT_STATED, UNCALIBRATED_SIZE_WORDS, wordChange, wordFinding } from './word-finding.js';
export { wordImpression, wordRecommendation } from './word-impression.js';
export { wordLocation } from './word-location.js';
export { wordDifferential, wordSuggestion } from './word-suggestion.js';
