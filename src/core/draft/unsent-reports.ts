/**
 * The report whose store failed, per exam: sent again as it is (same SOP Instance UID, so a store
 * that did arrive after all is not doubled) while the draft and the reader it was made from are
 * the ones on screen; a changed draft or another reader makes a new report. Memory only: a report
 * not stored is made again after a reload. The standalone viewer's Save to PACS and the OHIF
 * panel's keep theirs here.
 */
export class UnsentReports<R> {
  private readonly byExam = new Map<string, { readonly draft: unknown; readonly reader: string; readonly report: R }>();

  /** The report kept for the exam when it was made from this very draft by this reader, else null. */
  again(examKey: string, draft: unknown, reader: string): R | null {
    const u = this.byExam.get(examKey);
    return u !== undefined && u.draft === draft && u.reader === reader ? u.report : null;
  }

  /** Keeps a report whose store failed, with the draft and reader it was made from. */
  keep(examKey: string, draft: unknown, reader: string, report: R): void {
    this.byExam.set(examKey, { draft, reader, report });
  }

  /** The exam's report was stored: nothing to send again. */
  forget(examKey: string): void {
    this.byExam.delete(examKey);
  }
}
