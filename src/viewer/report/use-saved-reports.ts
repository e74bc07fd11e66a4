/**
 * The saved reports of the exams on screen: opening one for review (from files or the PACS),
 * asking before it replaces a draft with work, the chain of reports and amendments, and each save
 * (an SR file, or the PACS) as a new report amending the latest one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { newestFirst, type SavedReportStamp } from '../../core/report/sr/report-chain.js';
import { decidedRefusal, type GatedSession } from '../autosave/index.js';
import type { ExamDraftSession } from '../draft/exam-draft-session.js';
import type { LoadedExam } from '../loading/exam.js';
import { installationDeviceUid } from './device-uid.js';
import { keepChain, keptChain, withReports } from '../../core/draft/kept-report-chain.js';
import { UnsentReports } from '../../core/draft/unsent-reports.js';
import { readerName as storedReaderName, setReaderName as storeReaderName } from '../../../extensions/calcification/panel/reader-name.js';
import { reportSr, type ReportSr } from './report-sr.js';
import { downloadFile } from '../../../extensions/calcification/panel/download.js';
import { chooseReportToOpen, draftFromReport, readSavedReport, type SavedReport } from '../../core/draft/saved-report.js';
import type { ExamReview, ReplaceQuestion } from '../../../extensions/calcification/panel/ReviewBanner.js';

import { pacsConfigOfPage } from '../pacs/pacs-config.js';
import { DICOMWEB_PROXY_PATH } from '../pacs/dicomweb-connection.js';
import type { PacsConfig } from '../../dicomweb/index.js';
import { reportsInPacs } from './pacs-reports.js';
import { storeReport, type PacsSaveState } from './save-to-pacs.js';

/** The PACS the page's server proxies (GET /dicomweb-config), reached through the page's own /dicomweb. */
export interface PacsOfPage {
  /** How the server names it (never with credentials). */
  readonly label: string;
  readonly config: PacsConfig;
}

const NO_REVIEW: ExamReview = { reports: [], latest: null, opened: null };

/** The exam's review in this tab, else the chain kept in this browser (after a reload), else none. */
function reviewOf(reviews: Map<string, ExamReview>, examKey: string): ExamReview {
  const known = reviews.get(examKey);
  if (known !== undefined) return known;
  const kept = keptChain(examKey);
  const review = kept === null ? NO_REVIEW : { ...kept, opened: null };
  reviews.set(examKey, review);
  return review;
}


export interface SavedReports {
  readonly review: ExamReview;
  readonly question: ReplaceQuestion | null;
  readonly readerName: string;
  setReaderName(name: string): void;
  /** Reads report files (bytes) and opens the latest that fits the exam on screen for review. */
  openReportFiles(session: GatedSession<ExamDraftSession>, files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[]): Promise<void>;
  /** Opens reports already read (e.g. from the PACS) for review: the newest that fits. */
  openReports(session: GatedSession<ExamDraftSession>, reports: readonly SavedReport[]): void;
  /** The radiologist's answer to the question: replace the draft with the report, or keep the draft. */
  answer(replace: boolean): void;
  /** Builds the SR of the draft on screen (amending the latest report); null with the reason said. */
  buildSr(session: GatedSession<ExamDraftSession>, exam: LoadedExam): Promise<ReportSr | null>;
  /** A report saved (file or PACS): the latest of its exam from now on. */
  saved(examKey: string, stamp: SavedReportStamp): void;
  /** Save SR file: downloads the draft's SR. */
  saveFile(session: GatedSession<ExamDraftSession>, exam: LoadedExam): Promise<void>;
  /** The PACS the page's server proxies (null: none configured, no Save to PACS). */
  readonly pacs: PacsOfPage | null;
  /** The shown exam's last Save to PACS: progress, stored, or failed with the reason. */
  readonly pacsSave: PacsSaveState;
  /** Save to PACS: stores the draft's SR (after a failure, the same report again while the draft is unchanged). */
  saveToPacs(session: GatedSession<ExamDraftSession>, exam: LoadedExam): Promise<void>;
  /** The calcscribe reports of the shown exam found in the PACS, newest first (null: not looked for yet). */
  readonly inPacs: readonly SavedReport[] | null;
}

/** `say` shows a message to the radiologist. */
export function useSavedReports(shown: GatedSession<ExamDraftSession> | null, say: (m: string) => void): SavedReports {
  const shownExamKey = shown?.examKey ?? null;
  const reviews = useRef(new Map<string, ExamReview>());
  const [, setVersion] = useState(0);
  const [question, setQuestion] = useState<ReplaceQuestion | null>(null);
  const sessions = useRef(new Map<string, GatedSession<ExamDraftSession>>());
  const [reader, setReader] = useState(() => storedReaderName());

  const update = useCallback((examKey: string, change: (r: ExamReview) => ExamReview) => {
    const next = change(reviewOf(reviews.current, examKey));
    reviews.current.set(examKey, next);
    keepChain(examKey, { reports: next.reports, latest: next.latest });
    setVersion((v) => v + 1);
  }, []);

  const put = useCallback(
    async (session: GatedSession<ExamDraftSession>, report: SavedReport) => {
      // Not while another tab of this browser edits the exam (waiting for this tab to know).
      const refusal = await decidedRefusal(session.gate);
      if (refusal !== null) {
        say(`${report.source} not opened: ${refusal}`);
        return;
      }
      session.store.load(draftFromReport(report, session.store.getState()));
      update(session.examKey, (r) => ({ reports: withReports(r.reports, [report]), latest: report, opened: report }));
      say(`Saved report from ${report.source} opened for review${report.warnings.length > 0 ? ` (${report.warnings.length} part${report.warnings.length === 1 ? '' : 's'} could not be read: see the panel)` : ''}`);
    },
    [say, update],
  );

  const openReports = useCallback(
    (session: GatedSession<ExamDraftSession>, reports: readonly SavedReport[]) => {
      const { fitting, refusals, choice } = chooseReportToOpen(session.store.getState(), reports);
      for (const r of refusals) say(r);
      if (choice.kind === 'none') return;
      const latest = choice.report;
      update(session.examKey, (r) => ({ ...r, reports: withReports(r.reports, fitting) }));
      if (choice.kind === 'under-review') {
        // Already on screen (opened or saved before a reload): under review, nothing replaced.
        update(session.examKey, (r) => ({ ...r, latest, opened: latest }));
        return;
      }
      if (choice.kind === 'ask') {
        sessions.current.set(session.examKey, session);
        setQuestion({ report: latest, examKey: session.examKey });
        return;
      }
      void put(session, latest);
    },
    [put, say, update],
  );

  const openReportFiles = useCallback(
    async (session: GatedSession<ExamDraftSession>, files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[]) => {
      const read: SavedReport[] = [];
      for (const f of files) {
        const r = await readSavedReport(new Uint8Array(f.bytes), f.name);
        if (r.ok) read.push(r.value);
        else say(r.error.message);
      }
      openReports(session, read);
    },
    [openReports, say],
  );

  const answer = useCallback(
    (replace: boolean) => {
      const q = question;
      setQuestion(null);
      if (q === null) return;
      const session = sessions.current.get(q.examKey);
      sessions.current.delete(q.examKey);
      if (!replace || session === undefined) {
        say(`${q.report.source} not opened: your draft is kept`);
        return;
      }
      void put(session, q.report);
    },
    [question, put, say],
  );

  const setReaderName = useCallback((name: string) => {
    setReader(name);
    storeReaderName(name);
  }, []);

  const buildSr = useCallback(
    async (session: GatedSession<ExamDraftSession>, exam: LoadedExam): Promise<ReportSr | null> => {
      const latest = reviewOf(reviews.current, session.examKey).latest;
      const newUuid = (): string => crypto.randomUUID();
      const r = await reportSr({ draft: session.store.getState(), exam, reader, predecessor: latest?.instance ?? null, now: new Date(), newUuid, deviceUid: installationDeviceUid(newUuid) });
      if (!r.ok) {
        say(`Report not saved: ${r.error.message}`);
        return null;
      }
      return r.value;
    },
    [reader, say],
  );

  const saved = useCallback((examKey: string, stamp: SavedReportStamp) => update(examKey, (r) => ({ reports: withReports(r.reports, [stamp]), latest: stamp, opened: r.opened })), [update]);

  const saveFile = useCallback(
    async (session: GatedSession<ExamDraftSession>, exam: LoadedExam) => {
      const sr = await buildSr(session, exam);
      if (sr === null) return;
      downloadFile(`calcscribe-sr-${sr.stamp.instance.sopInstanceUid}.dcm`, sr.bytes, 'application/dicom');
      saved(session.examKey, sr.stamp);
      say('Report saved as an SR file');
    },
    [buildSr, saved, say],
  );

  const [pacs, setPacs] = useState<PacsOfPage | null>(null);
  useEffect(() => {
    let live = true;
    void pacsConfigOfPage().then((c) => {
      if (live) setPacs(c.configured ? { label: c.label, config: { url: DICOMWEB_PROXY_PATH } } : null);
    });
    return () => {
      live = false;
    };
  }, []);

  const [pacsSaves, setPacsSaves] = useState<ReadonlyMap<string, PacsSaveState>>(new Map());
  const setPacsSave = useCallback((examKey: string, state: PacsSaveState) => setPacsSaves((m) => new Map(m).set(examKey, state)), []);
  // The report whose store failed: sent again unchanged (same SOP Instance UID) while its draft and reader are the ones on screen.
  const unsent = useRef(new UnsentReports<ReportSr>());
  const saving = useRef(new Set<string>());

  const saveToPacs = useCallback(
    async (session: GatedSession<ExamDraftSession>, exam: LoadedExam) => {
      if (pacs === null) return;
      const key = session.examKey;
      if (saving.current.has(key)) return;
      saving.current.add(key);
      try {
        const sr = unsent.current.again(key, session.store.getState(), reader) ?? (await buildSr(session, exam));
        if (sr === null) return;
        setPacsSave(key, { kind: 'saving', sentBytes: 0, totalBytes: sr.bytes.length });
        const r = await storeReport(pacs.config, sr, (sentBytes, totalBytes) => setPacsSave(key, { kind: 'saving', sentBytes, totalBytes }));
        if (r.ok) {
          unsent.current.forget(key);
          saved(key, sr.stamp);
          setPacsSave(key, { kind: 'stored', sopInstanceUid: sr.stamp.instance.sopInstanceUid });
          say(`Report stored in ${pacs.label}`);
        } else {
          unsent.current.keep(key, session.store.getState(), reader, sr);
          setPacsSave(key, { kind: 'failed', reason: r.error.message });
          say(`Report NOT stored in ${pacs.label}: ${r.error.message}`);
        }
      } finally {
        saving.current.delete(key);
      }
    },
    [pacs, reader, buildSr, saved, say, setPacsSave],
  );

  // Each exam opened (loaded anew) with a PACS configured: its calcscribe reports there are listed, and the latest opened for review.
  // Switching back to an exam opened together keeps its draft session, and is not looked up again.
  const [inPacs, setInPacs] = useState<ReadonlyMap<string, readonly SavedReport[]>>(new Map());
  const lookedUp = useRef(new WeakSet<GatedSession<ExamDraftSession>>());
  useEffect(() => {
    if (pacs === null || shown === null || lookedUp.current.has(shown)) return;
    const key = shown.examKey;
    lookedUp.current.add(shown);
    void reportsInPacs(pacs.config, pacs.label, key).then(({ reports: found, problems }) => {
      for (const p of problems) say(p);
      const newest = newestFirst(found);
      setInPacs((m) => new Map(m).set(key, newest));
      if (newest.length > 0) openReports(shown, newest);
    });
  }, [pacs, shown, openReports, say]);

  return {
    pacs,
    pacsSave: (shownExamKey === null ? undefined : pacsSaves.get(shownExamKey)) ?? { kind: 'idle' },
    saveToPacs,
    inPacs: shownExamKey === null ? null : (inPacs.get(shownExamKey) ?? null),
    review: shownExamKey === null ? NO_REVIEW : reviewOf(reviews.current, shownExamKey),
    question: question !== null && question.examKey === shownExamKey ? question : null,
    readerName: reader,
    setReaderName,
    openReportFiles,
    openReports,
    answer,
    buildSr,
    saved,
    saveFile,
  };
}
