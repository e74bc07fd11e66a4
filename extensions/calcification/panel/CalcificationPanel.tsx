import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DraftAction } from 'calcscribe/draft';
import { draftSrFile, examReportJson, keptChain, uidFromUuid, UnsentReports } from 'calcscribe/draft';
import type { DraftSr, ExamDraft } from 'calcscribe/draft';
import { FindingsPanel } from './FindingsPanel.js';
import type { ImageLookup, PanelCallbacks } from './panel-model.js';
import { panelViewer } from './panel-view.js';
import { EndTypingContext } from './typing.js';
import type { SaveSrResult, StoreSrResult } from './SaveSrFile.js';
import { EXTENSION_VERSION } from '../id.js';
import { ReviewBanner } from './ReviewBanner.js';
import { OpenSrFile } from './OpenSrFile.js';
import { rememberReports, usePanelReports, type FindReports } from './use-panel-reports.js';
import { err, ok, type Result } from 'calcscribe/core';

/** A new DICOM UID (PS3.5 B.2, under 2.25) from the browser's random UUID. */
function newUid(): string {
  const u = uidFromUuid(crypto.randomUUID());
  if (!u.ok) throw new Error(u.error.message);
  return u.value;
}

const DEVICE = { name: 'calcscribe', version: EXTENSION_VERSION } as const;

/**
 * The draft as an SR file (draftSrFile), made by calcscribe in this extension's version: it amends
 * the last report of the exam's chain kept in this browser, and becomes that chain's latest.
 */
async function saveSrOf(draft: ExamDraft, reader: string): Promise<SaveSrResult> {
  const made = await draftSrFile(draft, { observer: reader, now: new Date(), newUid, device: DEVICE, predecessor: keptChain(draft.examKey)?.latest?.instance ?? null });
  if (made.ok) rememberReports(draft.examKey, [made.value.stamp], made.value.stamp);
  return made;
}

/** What a host's archive answers for stored Part 10 bytes: where they went, or why not. */
export type StorePart10 = (bytes: Uint8Array) => Promise<Result<{ readonly dataSourceName: string }>>;

/** The report whose store failed, per exam: sent again as it is while its draft and reader are unchanged. */
const unsent = new UnsentReports<DraftSr>();

/**
 * The draft as an SR stored through the host's archive: it amends the last report of the exam's
 * chain kept in this browser (the one the standalone viewer keeps too: kept-report-chain), so a
 * reload does not start a new, unrelated report. When a store fails the report is kept, and sent
 * again as it is while the draft and the reader are unchanged; nothing is added to the chain.
 */
async function storeSrOf(draft: ExamDraft, reader: string, storePart10: StorePart10): Promise<StoreSrResult> {
  const chain = keptChain(draft.examKey);
  let sr = unsent.again(draft.examKey, draft, reader);
  if (sr === null) {
    const made = await draftSrFile(draft, { observer: reader, now: new Date(), newUid, device: DEVICE, predecessor: chain?.latest?.instance ?? null });
    if (!made.ok) return made;
    sr = made.value;
  }
  const stored = await storePart10(sr.bytes);
  const { sopInstanceUid } = sr;
  // Nothing was sent (no archive that can store): nothing to send again.
  if (!stored.ok && stored.error.kind !== 'not-stored') return stored;
  if (!stored.ok) {
    unsent.keep(draft.examKey, draft, reader, sr);
    return err(stored.error.kind, `${stored.error.message} (SOP Instance UID ${sopInstanceUid}; saving again while the draft is unchanged sends the same report)`);
  }
  unsent.forget(draft.examKey);
  rememberReports(draft.examKey, [sr.stamp], sr.stamp);
  return ok({ sopInstanceUid, amends: sr.stamp.predecessor?.sopInstanceUid ?? null, dataSourceName: stored.value.dataSourceName });
}

/** What the panel reads from and sends to the draft store. */
export interface PanelStore {
  getState(): ExamDraft;
  subscribe(listener: () => void): () => void;
  /** May answer with a Result: a refused action's message is shown. */
  dispatch(action: DraftAction): unknown;
  /** Empties the exam's draft (after the radiologist confirmed). */
  discard?(): unknown;
  /** Ends the undo step of the text being typed (a free-text field was left). */
  endTyping?(): void;
  /** Replaces the draft as its next revision (a saved report opened): without it, Open SR file is not offered. */
  load?(draft: ExamDraft): void;
}

function refusal(r: unknown): string | null {
  if (typeof r !== 'object' || r === null || !('ok' in r) || (r as { ok: unknown }).ok !== false) return null;
  const e = (r as { error?: { message?: unknown } }).error;
  return typeof e?.message === 'string' ? e.message : 'the change was refused';
}

/**
 * The findings panel over the exam's draft store: re-derives the report on every revision, and
 * the findings whose calcifications, terms or context changed (the others keep what was derived,
 * and their cards are not drawn again). "Discard draft" (confirmed) empties the store's draft. Selection is the host's when `selectedCalcificationId` is given, else the panel's own.
 */
export function CalcificationPanel(props: {
  readonly store: PanelStore;
  readonly images?: ImageLookup;
  readonly selectedCalcificationId?: string | null;
  readonly onSelectCalcification?: (id: string | null) => void;
  /**
   * Called after the radiologist confirmed "discard draft" and the store emptied the draft
   * (e.g. to delete the saved copy at once).
   */
  readonly onDiscardDraft?: () => void;
  /**
   * Offer "Save SR file" with the reader's name under the report (the OHIF panel). A host that
   * saves reports its own way (the standalone viewer: Save SR file, Save to PACS) leaves it out.
   */
  readonly offerSrFile?: boolean;
  /** With offerSrFile: "Save to PACS" stores the SR through this (the OHIF panel: OHIF's active data source). */
  readonly storePart10?: StorePart10;
  /** With offerSrFile: the exam's reports saved in the PACS, looked up when it is shown (the OHIF panel: through OHIF's active data source). */
  readonly findReports?: FindReports;
}) {
  const { store } = props;
  const draft = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const viewOf = useMemo(() => panelViewer(), [store]);
  const view = useMemo(() => viewOf(draft), [viewOf, draft]);
  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const controlled = props.selectedCalcificationId !== undefined;
  const selected = controlled ? (props.selectedCalcificationId ?? null) : ownSelection;
  // The host's callbacks are read when called, so the panel's callbacks stay the same object across renders.
  const latest = useRef({ onSelectCalcification: props.onSelectCalcification, onDiscardDraft: props.onDiscardDraft, controlled });
  latest.current = { onSelectCalcification: props.onSelectCalcification, onDiscardDraft: props.onDiscardDraft, controlled };
  const canDiscard = store.discard !== undefined || props.onDiscardDraft !== undefined;
  const canOpen = props.offerSrFile === true && store.load !== undefined;
  const reports = usePanelReports(store, draft.examKey, canOpen ? props.findReports : undefined);
  const { saved } = reports;
  const saveSr = useCallback(
    async (reader: string): Promise<SaveSrResult> => {
      const r = await saveSrOf(store.getState(), reader);
      if (r.ok) saved();
      return r;
    },
    [store, saved],
  );
  const storePart10 = props.storePart10;
  const storeSr = useCallback(
    async (reader: string): Promise<StoreSrResult> => {
      const r = await storeSrOf(store.getState(), reader, storePart10 as StorePart10);
      if (r.ok) saved();
      return r;
    },
    [store, storePart10, saved],
  );

  const dispatch = useCallback(
    (action: DraftAction) => {
      setMessage(refusal(store.dispatch(action)));
    },
    [store],
  );
  const endTyping = useCallback(() => store.endTyping?.(), [store]);
  const host: PanelCallbacks = useMemo(
    () => ({
      dispatch,
      selectCalcification: (id) => {
        if (!latest.current.controlled) setOwnSelection(id);
        latest.current.onSelectCalcification?.(id);
      },
      ...(canDiscard
        ? {
            discardDraft: () => {
              store.discard?.();
              setMessage(null);
              latest.current.onDiscardDraft?.();
            },
          }
        : {}),
    }),
    [dispatch, store, canDiscard],
  );
  return (
    <EndTypingContext.Provider value={endTyping}>
      {message !== null ? (
        <p className="cs-refused" role="alert">
          Not changed: {message}
        </p>
      ) : null}
      {canOpen ? (
        <section className="cs-panel cs-saved-reports" aria-label="Saved reports">
          <ReviewBanner review={reports.review} question={reports.question} onAnswer={reports.answer} inPacs={reports.inPacs} onOpen={reports.openReport} />
          <OpenSrFile onFiles={reports.openFiles} status={reports.status} />
        </section>
      ) : null}
      <FindingsPanel
        draft={draft}
        findings={view.findings}
        report={view.report}
        host={host}
        exportJson={() => examReportJson(store.getState())}
        {...(props.offerSrFile === true ? { saveSr } : {})}
        {...(props.offerSrFile === true && storePart10 !== undefined ? { storeSr } : {})}
        {...(props.images ? { images: props.images } : {})}
        selectedCalcificationId={selected}
      />
    </EndTypingContext.Provider>
  );
}
