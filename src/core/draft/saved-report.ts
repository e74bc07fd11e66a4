/**
 * A saved report (calcscribe's DICOM SR) opened in a viewer — the standalone viewer or the OHIF
 * panel, one path for both: read (readCalcificationSr, loaded only when a report is opened),
 * checked against the exam on screen, and put in the exam's draft for review, after asking when
 * that would replace a draft with work (chooseReportToOpen).
 */
import type { ExamDraft } from './exam-draft.js';
import { err, ok, type Result } from '../result.js';
import { newestFirst, type SavedReportStamp } from '../report/sr/report-chain.js';
import { COMPREHENSIVE_SR_SOP_CLASS } from '../report/sr/sr-options.js';
import { cleanText, clip } from '../ingest/clean-text.js';

/** A report read from an SR: the draft it carries, what could not be read, and who saved it when. */
export interface SavedReport extends SavedReportStamp {
  readonly draft: ExamDraft;
  /** Parts of the SR left out or read with a default (the reader's warnings). */
  readonly warnings: readonly string[];
  /** Where it came from, e.g. the file name or "the PACS". */
  readonly source: string;
}

/** Reads a calcscribe SR; another system's SR, a broken file or another file is refused with the reader's reason. */
export async function readSavedReport(bytes: Uint8Array, source: string): Promise<Result<SavedReport>> {
  const { readCalcificationSr } = await import('../report/sr/index.js');
  const r = readCalcificationSr(bytes);
  if (!r.ok) return err(r.error.kind, `${source} is not a report calcscribe can open: ${r.error.message}`);
  const { draft, warnings, instance, predecessor, observer, contentDateTime } = r.value;
  return ok({ draft, warnings, instance, predecessor, observerName: observer.name, contentDateTime, source });
}

/** One instance of a study as a PACS lists it (QIDO-RS). */
export interface ListedInstance {
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
}

/**
 * The reports among a study's instances, as each host looks them up in its PACS (the standalone
 * viewer through its DICOMweb client, the OHIF panel through OHIF's data source): every
 * Comprehensive SR retrieved (`retrieve`, the host's WADO-RS) and read; what could not be retrieved
 * or is not a calcscribe report (another system's SR) is said, one sentence each, and not opened.
 * `where` names the PACS in the words, e.g. "the PACS (dicomweb)".
 */
export async function savedReportsAmong(
  instances: readonly ListedInstance[],
  retrieve: (instance: ListedInstance) => Promise<Result<Uint8Array>>,
  where: string,
): Promise<{ readonly reports: readonly SavedReport[]; readonly problems: readonly string[] }> {
  const reports: SavedReport[] = [];
  const problems: string[] = [];
  for (const i of instances.filter((x) => x.sopClassUid === COMPREHENSIVE_SR_SOP_CLASS)) {
    const uid = clip(cleanText(i.sopInstanceUid), 80);
    const got = await retrieve(i);
    if (!got.ok) {
      problems.push(`Report ${uid} could not be retrieved from ${where}: ${got.error.message}.`);
      continue;
    }
    const read = await readSavedReport(got.value, where);
    if (read.ok) reports.push(read.value);
    else problems.push(`Report ${uid}: ${read.error.message}.`);
  }
  return { reports, problems };
}

/**
 * Whether the report belongs to the exam on screen: the same exam key (Study Instance UID) and
 * every outlined image among the exam's images.
 */
export function reportFitsExam(report: SavedReport, shown: ExamDraft): Result<void> {
  if (report.draft.examKey !== shown.examKey) {
    return err('bad-argument', `${report.source} reports another examination (study ${report.draft.examKey.slice(0, 64)}), not the one on screen: open it with its images`);
  }
  const here = new Set(shown.images.map((i) => i.imageId));
  const missing = [...new Set(report.draft.calcifications.map((c) => c.imageId))].filter((id) => !here.has(id));
  if (missing.length > 0) {
    return err('bad-argument', `${report.source} outlines calcifications on ${missing.length} image${missing.length === 1 ? '' : 's'} not open here (${missing.map((m) => m.slice(0, 64)).join(', ')}): open the report with the images it was made on`);
  }
  return ok(undefined);
}

/**
 * The report's draft as the next revision of the draft on screen (the autosave keeps only a later
 * revision: the report replaces what this browser had saved of the exam).
 */
export function draftFromReport(report: SavedReport, shown: ExamDraft): ExamDraft {
  return { ...report.draft, revision: Math.max(shown.revision, report.draft.revision) + 1 };
}

/** Whether replacing the draft on screen would throw work away: anything measured, placed or typed (the exam context alone is not work). */
export function draftHasWork(d: ExamDraft): boolean {
  return d.calcifications.length > 0 || d.findings.length > 0 || d.reportText !== null || Object.keys(d.nippleMarkers).length > 0;
}

/** JSON with the keys of every object sorted: the same content gives the same text whatever the order it was built in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/**
 * Whether the draft on screen already is the report's content (e.g. the page was reloaded after the
 * report was opened or saved): then there is nothing to ask. The revision is not content; an
 * absent indication reads as none.
 */
export function draftIsReport(shown: ExamDraft, report: SavedReport): boolean {
  const content = (d: ExamDraft): string => canonical({ ...d, indication: d.indication ?? null, revision: 0 });
  return content(shown) === content(report.draft);
}

/** What opening reports does to the exam on screen, for the newest report that fits it. */
export type ReportToOpen =
  /** No report fits the exam (each refusal says why). */
  | { readonly kind: 'none' }
  /** The draft on screen already is that report (opened or saved before a reload): under review, nothing replaced. */
  | { readonly kind: 'under-review'; readonly report: SavedReport }
  /** The draft holds work the report would replace: ask the radiologist first. */
  | { readonly kind: 'ask'; readonly report: SavedReport }
  /** Nothing would be lost: open it. */
  | { readonly kind: 'open'; readonly report: SavedReport };

/**
 * Which report to open over the draft on screen, and how: the newest of those that fit the exam
 * (reportFitsExam; the others are refused with the reason), opened directly unless the draft
 * holds work it would replace (then asked) or already is it.
 */
export function chooseReportToOpen(shown: ExamDraft, reports: readonly SavedReport[]): { readonly fitting: readonly SavedReport[]; readonly refusals: readonly string[]; readonly choice: ReportToOpen } {
  const fitting: SavedReport[] = [];
  const refusals: string[] = [];
  for (const report of reports) {
    const fits = reportFitsExam(report, shown);
    if (fits.ok) fitting.push(report);
    else refusals.push(fits.error.message);
  }
  const report = newestFirst(fitting)[0];
  const choice: ReportToOpen =
    report === undefined ? { kind: 'none' } : draftIsReport(shown, report) ? { kind: 'under-review', report } : draftHasWork(shown) ? { kind: 'ask', report } : { kind: 'open', report };
  return { fitting, refusals, choice };
}
