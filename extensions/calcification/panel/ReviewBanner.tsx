/**
 * Above the findings: the saved report under review (who reported and when, each amendment), what
 * of it could not be read, and the question asked before a report replaces a draft with work.
 */
import { personNameForDisplay, type SavedReport, type SavedReportStamp } from 'calcscribe/draft';
import { reportTimeText, reviewChainLines } from './review-banner.js';

/** What is known of one exam's saved reports here. */
export interface ExamReview {
  /** Every report of the exam seen here (opened, listed by the PACS, or saved here). */
  readonly reports: readonly SavedReportStamp[];
  /** The report the draft was last opened from or saved as: the next save amends it. */
  readonly latest: SavedReportStamp | null;
  /** The report opened for review, with the reader's warnings (null once the draft is a new report saved here). */
  readonly opened: SavedReport | null;
}

/** A report waiting for the radiologist's answer before it replaces a draft with work. */
export interface ReplaceQuestion {
  readonly report: SavedReport;
  readonly examKey: string;
}

export function ReviewBanner({ review, question, onAnswer, inPacs = null, onOpen }: {
  readonly review: ExamReview;
  readonly question: ReplaceQuestion | null;
  readonly onAnswer: (replace: boolean) => void;
  /** The exam's calcscribe reports found in the PACS, newest first (null: none looked for). */
  readonly inPacs?: readonly SavedReport[] | null;
  readonly onOpen?: (report: SavedReport) => void;
}) {
  const { latest, opened } = review;
  return (
    <>
      {question !== null ? (
        <div className="replace-question" role="alertdialog" aria-label="Open the saved report?" data-testid="replace-question">
          <p>
            This exam has a draft with your work. Open the saved report of {personNameForDisplay(question.report.observerName) ?? 'an unnamed reader'} ({reportTimeText(question.report.contentDateTime)}) instead? Your draft
            would be replaced (it is not kept: export it first if you need it).
          </p>
          <button type="button" data-testid="replace-draft" onClick={() => onAnswer(true)}>Open the saved report</button>
          <button type="button" data-testid="keep-draft" onClick={() => onAnswer(false)}>Keep my draft</button>
        </div>
      ) : null}
      {latest !== null ? (
        <section className="review-banner" aria-label="Saved report" data-testid="review-banner">
          <p>
            <strong>{opened !== null ? 'Saved report under review' : 'Saved report'}</strong>
            {opened !== null ? <> (opened from {opened.source})</> : null}
          </p>
          <ul data-testid="report-chain">
            {reviewChainLines(latest, review.reports).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {opened !== null && opened.warnings.length > 0 ? (
            <details data-testid="report-warnings" open>
              <summary>{opened.warnings.length} part{opened.warnings.length === 1 ? '' : 's'} of the report could not be read</summary>
              <ul>
                {opened.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
      {inPacs !== null && inPacs.length > 0 ? (
        <details className="reports-in-pacs" data-testid="reports-in-pacs">
          <summary>{inPacs.length} saved report{inPacs.length === 1 ? '' : 's'} of this exam in the PACS (newest first)</summary>
          <ol>
            {inPacs.map((r) => (
              <li key={r.instance.sopInstanceUid}>
                {personNameForDisplay(r.observerName) ?? 'An unnamed reader'}, {reportTimeText(r.contentDateTime)}
                {r.predecessor !== null ? ' (amendment)' : ''}{' '}
                {onOpen !== undefined ? (
                  <button type="button" onClick={() => onOpen(r)}>Open</button>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
