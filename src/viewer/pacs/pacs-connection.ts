/**
 * What the viewer asks of the PACS: studies found by a search, a patient's earlier mammograms, the
 * instances of a study and the bytes of one instance, in the types of the one DICOMweb client
 * (src/dicomweb). The page always talks to its own origin (`/dicomweb`, the standalone server's
 * proxy to the configured DICOMweb server); see dicomweb-connection.ts.
 */
import type { InstanceRef, PacsResult, StudyQuery, StudySummary } from '../../dicomweb/pacs-types.js';

export type { InstanceRef, PacsError, PacsResult, StudyQuery, StudySummary } from '../../dicomweb/pacs-types.js';

export interface PacsConnection {
  searchStudies(query: StudyQuery): Promise<PacsResult<readonly StudySummary[]>>;
  /** The patient's MG studies older than this one, newest first. */
  findPriorMammograms(study: StudySummary): Promise<PacsResult<readonly StudySummary[]>>;
  listInstances(studyInstanceUid: string): Promise<PacsResult<readonly InstanceRef[]>>;
  /** The instance as a DICOM Part 10 file. */
  retrieveInstance(studyInstanceUid: string, instance: InstanceRef): Promise<PacsResult<ArrayBuffer>>;
}
