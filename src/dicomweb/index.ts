/**
 * The PACS over DICOMweb, for the command line and the viewer alike (dicomweb-client underneath;
 * the host provides XMLHttpRequest: the browser's, or xhr2 installed by the command line).
 */
export { searchStudies, findPriorMammograms, listInstances, retrieveInstance, storeInstances, mediaStorageSopInstanceUid } from './pacs-client.js';
export { isDicomUid } from './dicom-json.js';
export { displayUrl } from './pacs-request.js';
export { failureReasonWords, warningReasonWords } from './store-response.js';
export { parseStudies, studySummary, studyQueryParams, newestFirst } from './study-summary.js';
export { parseInstances } from './instance-list.js';
export {
  DEFAULT_TIMEOUT_MS,
  type InstanceRef,
  type InstanceStoreOutcome,
  type PacsConfig,
  type PacsError,
  type PacsErrorKind,
  type PacsResult,
  type StoreOutcome,
  type StudyQuery,
  type StudySummary,
} from './pacs-types.js';
