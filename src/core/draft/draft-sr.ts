/**
 * The exam draft as a DICOM Comprehensive SR file (TID 1500), from the draft alone: the header of
 * its images that the draft keeps (srHeaderFromDraft), the report derived from it, the reader and
 * the report it amends. What the command line's `report --sr` and the OHIF panel's Save SR file
 * write. The SR writer (dcmjs) is loaded when the first SR is made, not with the draft.
 */
import { err, ok, type Result } from '../result.js';
import type { SavedReportStamp } from '../report/sr/report-chain.js';
import type { SrPredecessor } from '../report/sr/sr-options.js';
import type { ExamDraft } from './exam-draft.js';

export interface DraftSrOptions {
  /** The radiologist who reports, as a display name: required, a report says who made it. */
  readonly observer: string;
  /** When the SR is made. */
  readonly now: Date;
  /** A DICOM UID never given before, at each call (SOP Instance, Series and tracking UIDs). */
  readonly newUid: () => string;
  /** calcscribe itself, the device that suggested the wording; `uid` identifies the installation. */
  readonly device: { readonly name: string; readonly version: string; readonly uid?: string };
  /** The report this one amends, if any. */
  readonly predecessor?: SrPredecessor | null;
}

export interface DraftSr {
  readonly bytes: Uint8Array;
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  /** What the report says of itself (UIDs, the report it amends, who, when): the exam's chain's latest once saved. */
  readonly stamp: SavedReportStamp;
}

export async function draftSrFile(draft: ExamDraft, o: DraftSrOptions): Promise<Result<DraftSr>> {
  const observer = o.observer.trim();
  if (observer === '') return err('bad-argument', "the report needs the reader's name: a structured report says who made it");
  const { buildCalcificationSr, srHeaderFromDraft, writeSrPart10 } = await import('../report/sr/index.js');
  const header = srHeaderFromDraft(draft);
  if (!header.ok) return header;
  const sopInstanceUid = o.newUid();
  const seriesInstanceUid = o.newUid();
  const sr = buildCalcificationSr(draft, header.value, {
    uids: { sopInstanceUid, seriesInstanceUid, next: o.newUid },
    now: o.now,
    observer: { name: observer },
    device: o.device,
    predecessor: o.predecessor ?? null,
  });
  if (!sr.ok) return sr;
  const studyInstanceUid = header.value.studyInstanceUid;
  const stamp: SavedReportStamp = {
    instance: { sopInstanceUid, seriesInstanceUid, studyInstanceUid },
    predecessor: o.predecessor ?? null,
    observerName: observer,
    contentDateTime: o.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  return ok({ bytes: writeSrPart10(sr.value), sopInstanceUid, seriesInstanceUid, studyInstanceUid, stamp });
}
