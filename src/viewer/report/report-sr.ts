/**
 * The draft on screen as a DICOM SR file, the way every save makes it (Save SR file, Save to PACS):
 * the same file the command line's `report --sr` and the OHIF panel write for a draft
 * (draftSrFile), with the reader's name and the report it amends. A draft restored from an older
 * autosave may not keep its images' headers: those come from the loaded images. Each save is a new
 * SOP Instance.
 */
import pkg from '../../../package.json' with { type: 'json' };
import { draftSrFile } from '../../core/draft/draft-sr.js';
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { draftImageDicom } from '../../core/draft/new-exam-draft.js';
import { err, ok, type Result } from '../../core/result.js';
import type { SavedReportStamp } from '../../core/report/sr/report-chain.js';
import type { SrPredecessor } from '../../core/report/sr/sr-options.js';
import { uidFromUuid } from '../../core/report/sr/uid-from-uuid.js';
import { draftIdOf } from '../draft/draft-ids.js';
import type { LoadedExam } from '../loading/exam.js';

export interface ReportSrInput {
  readonly draft: ExamDraft;
  readonly exam: LoadedExam;
  /** The reader's name (the setting); required: a report says who made it. */
  readonly reader: string;
  /** The report this save amends (the one under review, or the last one saved here). */
  readonly predecessor: SrPredecessor | null;
  readonly now: Date;
  /** A new random UUID each call (crypto.randomUUID in the browser). */
  readonly newUuid: () => string;
  /** The installation's Device Observer UID (device-uid.ts); null or absent: one of the report's own. */
  readonly deviceUid?: string | null;
}

export interface ReportSr {
  readonly bytes: Uint8Array;
  /** What the saved report says of itself: becomes the latest of the exam's chain once saved. */
  readonly stamp: SavedReportStamp;
}

/** The draft with each image's header: the one it keeps, else the loaded image's. */
function withImageHeaders(draft: ExamDraft, exam: LoadedExam): ExamDraft {
  const loaded = new Map(exam.images.map((i) => [draftIdOf(i), i.summary.meta]));
  return {
    ...draft,
    images: draft.images.map((i) => {
      const meta = i.dicom === undefined ? loaded.get(i.imageId) : undefined;
      return meta === undefined ? i : { ...i, dicom: draftImageDicom(meta) };
    }),
  };
}

export async function reportSr({ draft, exam, reader, predecessor, now, newUuid, deviceUid }: ReportSrInput): Promise<Result<ReportSr>> {
  if (reader.trim() === '') return err('bad-argument', "the report needs the reader's name: type it in the Reader field above the findings (it is kept in this browser)");
  let badUid: string | null = null;
  const newUid = (): string => {
    const u = uidFromUuid(newUuid());
    if (u.ok) return u.value;
    badUid = u.error.message;
    throw new Error(badUid);
  };
  const device = deviceUid === null || deviceUid === undefined ? { name: 'calcscribe', version: pkg.version } : { name: 'calcscribe', version: pkg.version, uid: deviceUid };
  let sr: Awaited<ReturnType<typeof draftSrFile>>;
  try {
    sr = await draftSrFile(withImageHeaders(draft, exam), { observer: reader, now, newUid, device, predecessor });
  } catch (e) {
    if (badUid === null) throw e;
    return err('bad-argument', `the SR could not be given its UIDs: ${badUid}`);
  }
  if (!sr.ok) return sr;
  return ok({ bytes: sr.value.bytes, stamp: sr.value.stamp });
}
