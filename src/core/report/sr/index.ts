export { buildCalcificationSr, type SrDataset } from './build-calcification-sr.js';
export { writeSrPart10 } from './write-part10.js';
export { OUTLINE_TRACKING_IDENTIFIER } from './calcification-group.js';
export { findingTrackingIdentifier } from './finding-group.js';
export { scoordOf, type CodeItem, type ContentItem } from './content-items.js';
export { TRUNCATED_MARK } from './sr-text.js';
export { srHeaderFromDraft, srHeaderFromImages } from './sr-header-from-images.js';
export { COMPREHENSIVE_SR_SOP_CLASS, type SrExamHeader, type SrImageHeader, type SrPredecessor, type SrWriteOptions } from './sr-options.js';
export { readCalcificationSr, type ReadCalcificationSr } from './read-calcification-sr.js';
