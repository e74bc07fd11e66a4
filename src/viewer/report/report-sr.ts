/**
 * The draft on screen as a DICOM SR file, the way every save makes it (Save SR file, Save to PACS):
 * the core builds and writes it (buildCalcificationSr, writeSrPart10) from the draft, the exam's
 * image headers, the reader's name and the report it amends. Each save is a new SOP Instance.
 */
import pkg from '../../../package.json' with { type: 'json' };
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import type { ImageMetadata } from '../../core/image.js';
import { err, ok, type Result } from '../../core/result.js';
import type { SavedReportStamp } from '../../core/report/sr/report-chain.js';
import type { SrPredecessor } from '../../core/report/sr/sr-options.js';
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

export async function reportSr({ draft, exam, reader, predecessor, now, newUuid, deviceUid }: ReportSrInput): Promise<Result<ReportSr>> {
  if (reader.trim() === '') return err('bad-argument', "the report needs the reader's name: type it in the Reader field above the findings (it is kept in this browser)");
  const { buildCalcificationSr, srHeaderFromImages, uidFromUuid, writeSrPart10 } = await import('../../core/report/sr/index.js');
  const uid = (): Result<string> => uidFromUuid(newUuid());
  const sop = uid();
  const series = uid();
  if (!sop.ok) return sop;
  if (!series.ok) return series;
  const images = new Map<string, { meta: ImageMetadata; role: 'current' | 'prior' }>(exam.images.map((i) => [draftIdOf(i), { meta: i.summary.meta, role: i.role }]));
  const header = srHeaderFromImages(images);
  if (!header.ok) return header;
  const sr = buildCalcificationSr(draft, header.value, {
    uids: {
      sopInstanceUid: sop.value,
      seriesInstanceUid: series.value,
      next: () => {
        const u = uid();
        if (!u.ok) throw new Error(u.error.message);
        return u.value;
      },
    },
    now,
    observer: { name: reader.trim() },
    device: deviceUid === null || deviceUid === undefined ? { name: 'calcscribe', version: pkg.version } : { name: 'calcscribe', version: pkg.version, uid: deviceUid },
    predecessor,
  });
  if (!sr.ok) return sr;
  const bytes = writeSrPart10(sr.value);
  return ok({
    bytes,
    stamp: {
      instance: { sopInstanceUid: sop.value, seriesInstanceUid: series.value, studyInstanceUid: header.value.studyInstanceUid },
      predecessor,
      observerName: reader.trim(),
      contentDateTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  });
}
