import type { ImageMetadata, MammoImage } from '../image.js';
import { EMPTY_HISTORY } from '../lexicon.js';
import type { BreastGeometry } from '../locate/breast-geometry.js';
import { DRAFT_IMAGE_DICOM_KEYS, EXAM_DRAFT_SCHEMA, type DraftImage, type DraftImageDicom, type ExamDraft } from './exam-draft.js';

/**
 * An empty draft for one examination: no calcifications, no findings, no composition, empty
 * history, the suggested report text.
 * @example newExamDraft(studyUid, images.map((im, i) => draftImageFrom(im, `img${i}`, 'current', null)))
 */
export function newExamDraft(examKey: string, images: readonly DraftImage[]): ExamDraft {
  return {
    schema: EXAM_DRAFT_SCHEMA,
    examKey,
    images: [...images],
    calcifications: [],
    findings: [],
    composition: null,
    history: EMPTY_HISTORY,
    priorDate: null,
    indication: null,
    nippleMarkers: {},
    reportText: null,
    revision: 0,
  };
}

/**
 * What the draft keeps of an ingested image (no pixels): laterality, view, calibration, size,
 * orientation, the breast geometry found once, the header's identity and patient / study
 * attributes (what a structured report references and copies), and what ingest said about it.
 */
export function draftImageFrom(
  image: MammoImage,
  imageId: string,
  role: 'current' | 'prior',
  geometry: BreastGeometry | null,
): DraftImage {
  return {
    imageId,
    laterality: image.meta.laterality,
    view: image.meta.view,
    viewModifiers: [...image.meta.viewModifiers],
    calibration: {
      kind: image.calibration.kind,
      rowSpacingMm: image.calibration.rowSpacingMm,
      columnSpacingMm: image.calibration.columnSpacingMm,
      source: image.calibration.source,
    },
    geometry,
    role,
    rows: image.rows,
    columns: image.columns,
    patientOrientation: image.meta.patientOrientation,
    studyDate: isoStudyDate(image.meta.studyDate),
    dicom: draftImageDicom(image.meta),
    notes: [...image.meta.warnings],
  };
}

/** The image's DICOM identity and patient / study attributes the draft keeps (what an SR references and copies). */
export function draftImageDicom(meta: ImageMetadata): DraftImageDicom {
  return Object.fromEntries(DRAFT_IMAGE_DICOM_KEYS.map((k) => [k, meta[k]])) as unknown as DraftImageDicom;
}

/** A DICOM date (DA, YYYYMMDD) as YYYY-MM-DD; null when absent or not a date. */
export function isoStudyDate(da: string | null): string | null {
  const m = da === null ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(da.trim());
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}
