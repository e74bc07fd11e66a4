/**
 * What the SR writer needs besides the draft: the patient and study attributes the SR copies from
 * the current images (the draft holds only image ids), and the identity of this save.
 */

/** SOP Class UID of Comprehensive SR (PS3.4 B.5). */
export const COMPREHENSIVE_SR_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.88.33';

/** What the SR must know of each image it references, keyed by the draft's image id. */
export interface SrImageHeader {
  /** The draft's image id is the SOP Instance UID in the viewer, a file name on the command line: the header says which instance it is. */
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly seriesInstanceUid: string;
  /** The image's own study (a prior image belongs to another study). */
  readonly studyInstanceUid: string;
}

/**
 * Patient and study attributes as the current images' headers carry them (Patient and General
 * Study modules). Null: the header has none (written empty: all are Type 2 in the SR, except
 * the Study Instance UID).
 */
export interface SrExamHeader {
  /** PN as stored, e.g. "Doe^Jane". */
  readonly patientName: string | null;
  readonly patientId: string | null;
  /** YYYYMMDD as stored. */
  readonly patientBirthDate: string | null;
  /** M, F or O. */
  readonly patientSex: string | null;
  readonly studyInstanceUid: string;
  /** YYYYMMDD as stored. */
  readonly studyDate: string | null;
  /** HHMMSS(.ffffff) as stored. */
  readonly studyTime: string | null;
  readonly accessionNumber: string | null;
  readonly referringPhysicianName: string | null;
  readonly studyId: string | null;
  /** Every image that holds a calcification of the draft, by image id. */
  readonly images: Readonly<Record<string, SrImageHeader>>;
}

/** The SR this one amends (Predecessor Documents Sequence). */
export interface SrPredecessor {
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
}

export interface SrWriteOptions {
  /** UIDs of this save: never reused (an amendment is a new instance). `next` gives the tracking UIDs. */
  readonly uids: { readonly sopInstanceUid: string; readonly seriesInstanceUid: string; readonly next: () => string };
  /** When the SR is made (Content and Instance Creation Date / Time, written in UTC). */
  readonly now: Date;
  /** The radiologist (the viewer's setting), as a display name. */
  readonly observer: { readonly name: string };
  /** calcscribe itself: the device that suggested the wording. `uid` identifies the installation (Device Observer UID); a new one per SR when absent. */
  readonly device: { readonly name: string; readonly version: string; readonly uid?: string };
  readonly predecessor?: SrPredecessor | null;
}
