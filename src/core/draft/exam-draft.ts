/**
 * The radiologist's draft of one examination: everything the viewer must never lose —
 * calcifications clicked (with their possibly edited outlines and measurements), how they are
 * grouped into findings, every overridden term, the exam-level context and the report text as
 * typed. Plain data (JSON-serialisable) so it can be autosaved and restored as is.
 */
import type { Overrides } from '../assess/overrides.js';
import type { CalibrationKind, ImageMetadata, Laterality, MammoView, ViewModifier } from '../image.js';
import type { BreastComposition, ChangeSincePrior, ClinicalHistory, Indication, KnownCancerRelation, Side } from '../lexicon.js';
import type { BreastGeometry } from '../locate/breast-geometry.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { PointPx } from '../units.js';

export const EXAM_DRAFT_SCHEMA = 'calcscribe-exam-draft/1';

/**
 * The image's DICOM identity and the patient and study attributes its header carries, as ingest
 * read them: what a structured report references and copies (srHeaderFromDraft).
 */
export type DraftImageDicom = Pick<
  ImageMetadata,
  | 'sopClassUid'
  | 'sopInstanceUid'
  | 'seriesInstanceUid'
  | 'studyInstanceUid'
  | 'patientName'
  | 'patientId'
  | 'patientBirthDate'
  | 'patientSex'
  | 'studyDate'
  | 'studyTime'
  | 'accessionNumber'
  | 'referringPhysicianName'
  | 'studyId'
>;

/** The fields of DraftImageDicom, in the order they are written. */
export const DRAFT_IMAGE_DICOM_KEYS = [
  'sopClassUid',
  'sopInstanceUid',
  'seriesInstanceUid',
  'studyInstanceUid',
  'patientName',
  'patientId',
  'patientBirthDate',
  'patientSex',
  'studyDate',
  'studyTime',
  'accessionNumber',
  'referringPhysicianName',
  'studyId',
] as const satisfies readonly (keyof DraftImageDicom)[];

/** What the draft needs to know of each image, so that suggestions can be recomputed without pixels. */
export interface DraftImage {
  /** SOP Instance UID (or a file-derived id when the file has none). */
  readonly imageId: string;
  readonly laterality: Laterality | null;
  readonly view: MammoView | null;
  readonly viewModifiers: readonly ViewModifier[];
  readonly calibration: { readonly kind: CalibrationKind; readonly rowSpacingMm: number | null; readonly columnSpacingMm: number | null; readonly source: string };
  /** Found from the image once (findBreast); null when it could not be found. */
  readonly geometry: BreastGeometry | null;
  /** 'current' or 'prior'. */
  readonly role: 'current' | 'prior';
  /** Image size in stored pixels (needed to locate a finding); absent in older drafts. */
  readonly rows?: number;
  readonly columns?: number;
  /** Patient Orientation (0020,0020) as stored, e.g. ['P', 'L']; null or absent when unknown. */
  readonly patientOrientation?: readonly [string, string] | null;
  /** Study Date (0008,0020) as YYYY-MM-DD; null or absent when the header has none. */
  readonly studyDate?: string | null;
  /** The header's identity and patient / study attributes (for the structured report); absent in older drafts. */
  readonly dicom?: DraftImageDicom;
  /**
   * What was read about the image when it opened (its ingest warnings: digitised film, lossy
   * compression, a calibration not trusted, a side or view read from a weaker attribute): every
   * finding measured on it states them. Absent in older drafts (none known).
   */
  readonly notes?: readonly string[];
}

export interface DraftCalcification {
  readonly id: string;
  readonly imageId: string;
  /** Where the radiologist clicked (stored-image pixels). */
  readonly seed: PointPx;
  /** The outline as segmented, or as edited by the radiologist. */
  readonly contour: readonly PointPx[];
  readonly edited: boolean;
  readonly measurements: CalcificationMeasurements;
}

export interface DraftFinding {
  readonly id: string;
  /** Side of the breast, from the images' laterality. */
  readonly side: Side;
  readonly calcificationIds: readonly string[];
  /**
   * Chosen by the radiologist (automatic matching with the prior is later work). Null while not
   * stated: a new finding of an exam with a comparison exam starts so (defaultChange), and the
   * panel asks for it; "no priors" is the default only when there is nothing to compare with.
   */
  readonly change: ChangeSincePrior | null;
  /** Terms the radiologist replaced; the suggestion is recomputed from them. */
  readonly overrides: Overrides;
  readonly relation: string | null;
  /**
   * Who grouped it: 'proximity' (the grouping rule, absent in older drafts) or 'radiologist'
   * (merged, split or moved by hand). Later clicks never merge a radiologist's grouping.
   */
  readonly groupedBy?: 'proximity' | 'radiologist';
  /**
   * The finding is the biopsy-proven cancer of the history ('this finding', category 6) or lies
   * next to it ('adjacent'); null or absent: neither. Set by the radiologist.
   */
  readonly knownCancer?: KnownCancerRelation | null;
}

export interface ExamDraft {
  readonly schema: typeof EXAM_DRAFT_SCHEMA;
  /** Study Instance UID of the current exam: the autosave key. */
  readonly examKey: string;
  readonly images: readonly DraftImage[];
  readonly calcifications: readonly DraftCalcification[];
  readonly findings: readonly DraftFinding[];
  readonly composition: BreastComposition | null;
  readonly history: ClinicalHistory;
  /** The comparison exam's date (YYYY-MM-DD), null when none. */
  readonly priorDate: string | null;
  /** Why the exam is done; null or missing (older drafts): read as diagnostic. */
  readonly indication?: Indication | null;
  /** Nipple markers placed by the radiologist, per image id. */
  readonly nippleMarkers: Readonly<Record<string, PointPx>>;
  /** The report text as the radiologist edited it; null while the suggested text is used. */
  readonly reportText: string | null;
  /** Increases with every change (for autosave ordering). */
  readonly revision: number;
}
