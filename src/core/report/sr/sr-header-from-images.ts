/**
 * The SR's patient and study attributes from the images' headers as ingest read them
 * (src/core/ingest/read-metadata.ts): the first current image that carries each value.
 * `srHeaderFromDraft` takes them from the draft's images (DraftImage.dicom, kept by draftImageFrom),
 * so a draft read back from `exam --json` writes the same header as the images it was made from.
 */
import type { DraftImageDicom, ExamDraft } from '../../draft/exam-draft.js';
import { err, ok, type Result } from '../../result.js';
import type { SrExamHeader, SrImageHeader } from './sr-options.js';

type HeaderExtra = Partial<Pick<SrExamHeader, 'patientSex' | 'studyTime' | 'accessionNumber' | 'referringPhysicianName' | 'studyId'>>;

/**
 * `images`: each draft image id with its header (ImageMetadata, or a draft image's `dicom`) and role;
 * the current images' study is the SR's study. `extra`: values a host knows better than the
 * images (e.g. from a DICOMweb query); each one given replaces what the images carry.
 */
export function srHeaderFromImages(images: ReadonlyMap<string, { readonly meta: DraftImageDicom; readonly role: 'current' | 'prior' }>, extra: HeaderExtra = {}): Result<SrExamHeader> {
  const all = [...images.values()];
  const current = all.filter((i) => i.role === 'current').map((i) => i.meta);
  const first = <T>(pick: (m: DraftImageDicom) => T | null): T | null => current.map(pick).find((v) => v !== null) ?? null;
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
    patientSex: extra.patientSex ?? first((m) => m.patientSex),
    studyInstanceUid: study,
    studyDate: first((m) => m.studyDate),
    studyTime: extra.studyTime ?? first((m) => m.studyTime),
    accessionNumber: extra.accessionNumber ?? first((m) => m.accessionNumber),
    referringPhysicianName: extra.referringPhysicianName ?? first((m) => m.referringPhysicianName),
    studyId: extra.studyId ?? first((m) => m.studyId),
    images: refs,
  });
}

/** The SR header from the draft's own images (those whose header the draft kept). */
export function srHeaderFromDraft(draft: ExamDraft): Result<SrExamHeader> {
  const images = new Map(draft.images.flatMap((i) => (i.dicom === undefined ? [] : [[i.imageId, { meta: i.dicom, role: i.role }] as const])));
  if (images.size === 0) return err('bad-argument', 'the draft keeps no DICOM header of its images (made by an older calcscribe?): the SR cannot name the patient, study and images');
  return srHeaderFromImages(images);
}
