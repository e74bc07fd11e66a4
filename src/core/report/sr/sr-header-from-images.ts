/**
 * The SR's patient and study attributes from the images as ingest read them (ImageMetadata,
 * src/core/ingest/read-metadata.ts): the first current image that carries each value.
 * Ingest does not read Patient's Sex, Study Time, Accession Number, Referring Physician's Name or
 * Study ID; a host that has them (e.g. from a DICOMweb query) passes them in `extra`.
 */
import type { ImageMetadata } from '../../image.js';
import { err, ok, type Result } from '../../result.js';
import type { SrExamHeader, SrImageHeader } from './sr-options.js';

type HeaderExtra = Partial<Pick<SrExamHeader, 'patientSex' | 'studyTime' | 'accessionNumber' | 'referringPhysicianName' | 'studyId'>>;

/** `images`: each draft image id with its metadata and role; the current images' study is the SR's study. */
export function srHeaderFromImages(images: ReadonlyMap<string, { readonly meta: ImageMetadata; readonly role: 'current' | 'prior' }>, extra: HeaderExtra = {}): Result<SrExamHeader> {
  const all = [...images.values()];
  const current = all.filter((i) => i.role === 'current').map((i) => i.meta);
  const first = <T>(pick: (m: ImageMetadata) => T | null): T | null => current.map(pick).find((v) => v !== null) ?? null;
  const study = first((m) => m.studyInstanceUid);
  if (study === null) return err('bad-argument', 'no current image carries a Study Instance UID: the SR needs the study it reports');
  const refs: Record<string, SrImageHeader> = {};
  for (const [id, { meta }] of images) {
    if (meta.sopInstanceUid === null || meta.seriesInstanceUid === null || meta.studyInstanceUid === null) continue;
    refs[id] = { sopInstanceUid: meta.sopInstanceUid, sopClassUid: meta.sopClassUid, seriesInstanceUid: meta.seriesInstanceUid, studyInstanceUid: meta.studyInstanceUid };
  }
  return ok({
    patientName: first((m) => m.patientName),
    patientId: first((m) => m.patientId),
    patientBirthDate: first((m) => m.patientBirthDate),
    patientSex: extra.patientSex ?? null,
    studyInstanceUid: study,
    studyDate: first((m) => m.studyDate),
    studyTime: extra.studyTime ?? null,
    accessionNumber: extra.accessionNumber ?? null,
    referringPhysicianName: extra.referringPhysicianName ?? null,
    studyId: extra.studyId ?? null,
    images: refs,
  });
}
