/**
 * The OHIF panel's saved reports: Open SR file puts a report calcscribe saved (an SR file) in the
 * exam's draft for review, and every save (Save SR file, Save to PACS) amends the last report of
 * the exam's chain — the chain the standalone viewer keeps in this browser too (kept-report-chain).
 * With a PACS to look in (`findReports`), each exam's reports saved there are looked up once when
 * the exam is shown, listed newest first, and the latest opened for review, as the standalone
 * viewer does with its PACS: another workstation's report is then amended, not forked.
 * Which report opens, and when the radiologist is asked first, is the core's (chooseReportToOpen),
 * as in the standalone viewer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  chooseReportToOpen,
  draftFromReport,
  keepChain,
  keptChain,
  newestFirst,
  readSavedReport,
  withReports,
  type ExamDraft,
  type SavedReport,
  type SavedReportStamp,
} from 'calcscribe/draft';
import type { ExamReview, ReplaceQuestion } from './ReviewBanner.js';

/** What opening a report needs of the draft store: its draft, and replacing it as the next revision (a store without `load` opens none). */
export interface ReportStore {
  getState(): ExamDraft;
  load?(draft: ExamDraft): void;
}

/** Adds reports to the exam's kept chain; `latest` (when given) becomes the report the next save amends. */
export function rememberReports(examKey: string, reports: readonly SavedReportStamp[], latest?: SavedReportStamp): void {
  const kept = keptChain(examKey);
  keepChain(examKey, { reports: withReports(kept?.reports ?? [], reports), latest: latest ?? kept?.latest ?? null });
}

/** The exam's reports in the host's PACS (its Study Instance UID given): what was read, what was not, and where it looked (null: no PACS to look in). */
export type FindReports = (studyUid: string) => Promise<{ readonly reports: readonly SavedReport[]; readonly problems: readonly string[]; readonly lookedIn: string | null }>;

export interface PanelReports {
  readonly review: ExamReview;
  readonly question: ReplaceQuestion | null;
  /** What the last opening said (a file refused, the report opened, the PACS looked up), '' before any. */
  readonly status: string;
  /** The exam's reports found in the PACS, newest first; null before (or without) a look-up. */
  readonly inPacs: readonly SavedReport[] | null;
  openFiles(files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[]): Promise<void>;
  /** Opens one report already read (one listed from the PACS) for review, asking first over other work. */
  openReport(report: SavedReport): void;
  answer(replace: boolean): void;
  /** A report of this exam was saved here: the latest of its chain, nothing under review any more. */
  saved(): void;
}

export function usePanelReports(store: ReportStore, examKey: string, findReports?: FindReports): PanelReports {
  const [opened, setOpened] = useState<{ readonly examKey: string; readonly report: SavedReport } | null>(null);
  const [inPacs, setInPacs] = useState<ReadonlyMap<string, readonly SavedReport[]>>(new Map());
  const [question, setQuestion] = useState<ReplaceQuestion | null>(null);
  const [status, setStatus] = useState('');
  const [, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const put = useCallback(
    (report: SavedReport) => {
      if (store.load === undefined) return;
      const key = store.getState().examKey;
      store.load(draftFromReport(report, store.getState()));
      rememberReports(key, [report], report);
      setOpened({ examKey: key, report });
      setStatus(`Saved report from ${report.source} opened for review${report.warnings.length > 0 ? ` (${report.warnings.length} part${report.warnings.length === 1 ? '' : 's'} could not be read)` : ''}.`);
      refresh();
    },
    [store, refresh],
  );

  /** Opens the latest of `read` that fits the exam on screen (asking first over other work); `said` goes before what the opening says. */
  const openRead = useCallback(
    (read: readonly SavedReport[], said: readonly string[]) => {
      const shown = store.getState();
      const { fitting, refusals, choice } = chooseReportToOpen(shown, read);
      const words = [...said, ...refusals.map((m) => `${m}.`)];
      setStatus(words.join(' '));
      if (choice.kind === 'none') return;
      rememberReports(shown.examKey, fitting);
      if (choice.kind === 'under-review') {
        rememberReports(shown.examKey, [], choice.report);
        setOpened({ examKey: shown.examKey, report: choice.report });
        setStatus([...words, `The draft already is the saved report from ${choice.report.source}: under review.`].join(' '));
        refresh();
      } else if (choice.kind === 'ask') {
        setQuestion({ report: choice.report, examKey: shown.examKey });
        refresh();
      } else put(choice.report);
    },
    [store, put, refresh],
  );

  const openFiles = useCallback(
    async (files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[]) => {
      const said: string[] = [];
      const read: SavedReport[] = [];
      for (const f of files) {
        const r = await readSavedReport(new Uint8Array(f.bytes), f.name);
        if (r.ok) read.push(r.value);
        else said.push(`${r.error.message}.`);
      }
      openRead(read, said);
    },
    [openRead],
  );

  const openReport = useCallback((report: SavedReport) => openRead([report], []), [openRead]);

  // Each exam shown is looked up once: its reports in the PACS listed, the latest opened for review.
  const lookedUp = useRef(new Set<string>());
  useEffect(() => {
    if (findReports === undefined || examKey === '' || lookedUp.current.has(examKey)) return;
    lookedUp.current.add(examKey);
    void findReports(examKey).then(({ reports, problems, lookedIn }) => {
      if (lookedIn === null) return;
      const newest = newestFirst(reports);
      setInPacs((m) => new Map(m).set(examKey, newest));
      // The exam on screen changed meanwhile: its own look-up speaks for it.
      if (store.getState().examKey !== examKey) return;
      if (newest.length === 0) {
        setStatus(problems.length > 0 ? problems.join(' ') : `No saved report of this exam in the PACS (${lookedIn}).`);
        return;
      }
      rememberReports(examKey, newest);
      openRead(newest, problems);
    });
  }, [findReports, examKey, store, openRead]);

  const answer = useCallback(
    (replace: boolean) => {
      const q = question;
      setQuestion(null);
      if (q === null) return;
      if (!replace || store.getState().examKey !== q.examKey) {
        setStatus(`${q.report.source} not opened: your draft is kept.`);
        return;
      }
      put(q.report);
    },
    [question, store, put],
  );

  const saved = useCallback(() => {
    setOpened(null);
    refresh();
  }, [refresh]);

  const kept = keptChain(examKey);
  const review: ExamReview = {
    reports: kept?.reports ?? [],
    latest: kept?.latest ?? null,
    opened: opened !== null && opened.examKey === examKey ? opened.report : null,
  };
  return {
    review,
    question: question !== null && question.examKey === examKey ? question : null,
    status,
    inPacs: inPacs.get(examKey) ?? null,
    openFiles,
    openReport,
    answer,
    saved,
  };
}
