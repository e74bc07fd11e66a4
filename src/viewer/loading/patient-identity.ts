/**
 * Who an image belongs to, for telling the patients of files opened together apart: Patient ID
 * (0010,0020) and Patient's Birth Date (0010,0030) from the file's header (read with the core's
 * parser and text reader), with the name the core's ingest already read.
 */
import { readText } from '../../core/ingest/dataset-values.js';
import { TAG } from '../../core/ingest/dicom-tags.js';
import { parseDicomBytes } from '../../core/ingest/parse-dicom-bytes.js';

/** Patient ID (0010,0020); the core's tag table does not list it. */
const PATIENT_ID = 'x00100020';

export interface PatientIdentity {
  readonly id: string | null;
  readonly name: string | null;
  /** YYYYMMDD as stored. */
  readonly birthDate: string | null;
}

/** The identity in a file's header; parts it cannot read are null. */
export function readPatientIdentity(bytes: ArrayBuffer, name: string | null): PatientIdentity {
  const ds = parseDicomBytes(new Uint8Array(bytes));
  if (!ds.ok) return { id: null, name, birthDate: null };
  return { id: readText(ds.value, PATIENT_ID), name, birthDate: readText(ds.value, TAG.PatientBirthDate) };
}
