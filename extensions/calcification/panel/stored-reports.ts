/**
 * The reports this panel stored, per exam, for this browser session: the next store amends the
 * last one (Predecessor Documents), as the standalone viewer's saves do; and the report whose store
 * failed, sent again as it is (same SOP Instance UID, so a store that did arrive is not doubled)
 * while the draft and the reader are unchanged. Kept in memory only: after a reload the next store
 * starts a new report chain (the earlier reports stay in the study).
 */
import type { DraftSr, DraftSrOptions, ExamDraft } from 'calcscribe/draft';

export type StoredReport = NonNullable<DraftSrOptions['predecessor']>;

const lastByExam = new Map<string, StoredReport>();

/** The last report stored from this panel for the exam, or null. */
export function lastStoredReport(examKey: string): StoredReport | null {
  return lastByExam.get(examKey) ?? null;
}

/** Remembers a report stored for the exam: the next store amends it. */
export function rememberStoredReport(examKey: string, report: StoredReport): void {
  lastByExam.set(examKey, report);
}

/** A report made for a store that failed: sent again while its draft and reader are the ones on screen. */
export interface UnsentReport {
  readonly draft: ExamDraft;
  readonly reader: string;
  readonly sr: DraftSr;
  readonly predecessor: StoredReport | null;
}

const unsentByExam = new Map<string, UnsentReport>();

/** The report whose store failed for this exam, if its draft and reader are still these. */
export function unsentReport(examKey: string, draft: ExamDraft, reader: string): UnsentReport | null {
  const u = unsentByExam.get(examKey);
  return u !== undefined && u.draft === draft && u.reader === reader ? u : null;
}

export function keepUnsentReport(examKey: string, report: UnsentReport | null): void {
  if (report === null) unsentByExam.delete(examKey);
  else unsentByExam.set(examKey, report);
}
