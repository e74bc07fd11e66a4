/**
 * The PACS as the page reaches it: the one DICOMweb client (src/dicomweb) pointed at the page's
 * own origin, `/dicomweb`, which the standalone server forwards to the configured DICOMweb server
 * (the PACS sends no CORS headers, and its address and credentials stay on the server).
 */
import { findPriorMammograms, listInstances, retrieveInstance, searchStudies, type PacsConfig } from '../../dicomweb/index.js';
import type { PacsConnection } from './pacs-connection.js';

/** The proxy's path on the page's origin. */
export const DICOMWEB_PROXY_PATH = '/dicomweb';

/** The client's calls over one DICOMweb server (by default the page's proxy). */
export function dicomwebConnection(config: PacsConfig): PacsConnection {
  return {
    searchStudies: (query) => searchStudies(config, query),
    findPriorMammograms: (study) => findPriorMammograms(config, { patientId: study.patientId, before: study.studyDate, excludeStudyUid: study.studyInstanceUid }),
    listInstances: (studyUid) => listInstances(config, studyUid),
    retrieveInstance: (studyUid, i) => retrieveInstance(config, { study: studyUid, series: i.seriesInstanceUid, instance: i.sopInstanceUid }),
  };
}

/** The PACS through the standalone server's same-origin proxy. */
export function connectThroughViewer(): PacsConnection {
  return dicomwebConnection({ url: DICOMWEB_PROXY_PATH });
}
