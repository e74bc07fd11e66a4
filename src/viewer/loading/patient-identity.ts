/**
 * Who an image belongs to, for telling the patients of files opened together apart: Patient ID
 * (0010,0020), name and Patient's Birth Date (0010,0030), as the core's ingest read them.
 */
import type { ImageMetadata } from '../../core/image.js';

export interface PatientIdentity {
  readonly id: string | null;
  readonly name: string | null;
  /** YYYYMMDD as stored. */
  readonly birthDate: string | null;
}

/** The identity in an image's metadata; parts it does not carry are null. */
export function patientIdentityOf(meta: Pick<ImageMetadata, 'patientId' | 'patientName' | 'patientBirthDate'>): PatientIdentity {
  return { id: meta.patientId, name: meta.patientName, birthDate: meta.patientBirthDate };
}
