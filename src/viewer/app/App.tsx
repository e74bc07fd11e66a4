/**
 * The standalone viewer: patient bar, tool bar, the mammography hanging (2 × 2, one view enlarged,
 * or current against prior) and the findings panel. Loads the bundled sample exam unless the
 * radiologist opens files.
 */
import { eventTarget } from '@cornerstonejs/core';
import { annotation as annotationApi, Enums as ToolEnums, utilities as toolUtilities, type Types as ToolTypes } from '@cornerstonejs/tools';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { CalcificationAnalyser, MeasuredCalcification } from '../../../extensions/calcification/tools/index.js';
import { OUTLINE_EDITED, type OutlineEditedDetail } from '../../../extensions/calcification/tools/calcification-tool.js';
import { CalcificationRegionTool, REGION_COMPLETED_EVENT, type RegionCompletedDetail } from '../../../extensions/calcification/tools/calcification-region-tool.js';
import { setCurrentDraftStore } from '../../../extensions/calcification/draft-store.js';
import { calcificationCommands } from '../../../extensions/calcification/commands-module.js';
import { followNippleMarkers } from '../../../extensions/calcification/follow-nipple-markers.js';
import { COMMAND_PREFIX } from '../../../extensions/calcification/id.js';
import { NIPPLE_MARKER_TOOL } from '../../../extensions/calcification/annotation-mapping.js';
import { worldToPixel } from '../../../extensions/calcification/tools/index.js';
import { err, ok, type Result } from '../../core/result.js';
import { leftOutWords } from '../../core/left-out-densities.js';
import { RENDERING_ENGINE_ID, startCornerstone, type CornerstoneSession, type PrimaryTool } from '../cornerstone/setup.js';
import { examKeyOf, imageIds, type ImageIds } from '../draft/draft-ids.js';
import { fetchExamContext } from '../loading/exam-context.js';
import type { ExamContext } from '../../core/exam-context.js';
import { startExamDraft, type ExamDraftSession } from '../draft/exam-draft-session.js';
import { addRegionToDraft, addToDraft, editInDraft, notInOpenExamWords, removeFromDraft, syncAnnotations, syncNippleMarkers } from '../draft/sync-annotations.js';
import { HANGING_SLOTS, type HangingSlot } from '../hanging/hanging.js';
import { examBaseFromLocation, fetchExamDescription, fetchExamFiles, filesFromDrop, loadFiles, mergeExams, readPickedFiles, type FileToLoad, type LoadedExam, type LoadedImage } from '../loading/exam.js';
import { examLabel, notHung, openedExams, openedSummary, type OpenedExam } from '../loading/opened-exams.js';
import { releaseImagesExcept, reloadImages } from '../loading/resident-images.js';
import { heldImageIds } from '../cornerstone/shared-image-loader.js';
import { MammoViewport, pressAt } from '../viewport/MammoViewport.js';
import { startAnalysisWorker, type AnalysisClient } from '../workers/analysis-client.js';
import { decidedRefusal, editWhileNotShown, saveNotShownDraft, withEditGate, type EditGate, type GatedSession } from '../autosave/index.js';
import { DraftPanel } from './DraftPanel.js';
import { CHORD_SHORTCUTS, chordLabel, keyLabel, SHORTCUTS, shortcutFor, type ShortcutAction } from './shortcuts.js';
import { UndoRedoButtons } from '../draft/UndoRedoButtons.js';
import { instrumentation } from './instrumentation.js';
import { splitReportFiles } from '../report/report-files.js';
import { useSavedReports } from '../report/use-saved-reports.js';
import { ReviewBanner } from '../../../extensions/calcification/panel/ReviewBanner.js';
import { SaveReport } from '../report/SaveReport.js';
import { SaveToPacs } from '../report/SaveToPacs.js';
import { PacsPanel } from '../pacs/PacsPanel.js';
import { pacsConfigOfPage } from '../pacs/pacs-config.js';
import { connectThroughViewer } from '../pacs/dicomweb-connection.js';
import { comparisonFromPrior } from '../pacs/prior-comparison.js';

/** The keyboard crosshair: on which viewport, at which CSS position inside its element. */
interface Crosshair {
  readonly viewportId: string;
  readonly slot: HangingSlot;
  readonly at: readonly [number, number];
}

/** The element Cornerstone draws a current view in. */
function viewElement(slot: HangingSlot): HTMLDivElement | null {
  return document.querySelector<HTMLDivElement>(`[data-testid="viewport-${slot}"] .mammo-element`);
}

type Layout = { readonly kind: 'grid' } | { readonly kind: 'enlarged'; readonly slot: HangingSlot } | { readonly kind: 'compare'; readonly view: 'CC' | 'MLO' };

/** How many presses the viewer remembers the examination of while their measurement is awaited. */
const PRESSES_KEPT = 256;

const TOOL_LABELS: Record<PrimaryTool, string> = {
  calcification: 'Calcification',
  rectangle: 'Rectangle',
  lasso: 'Lasso',
  nipple: 'Nipple marker',
  length: 'Length',
  pan: 'Pan',
};

/**
 * The core's analysis in the worker; `regionBusy` is told while a rectangle or lasso is being
 * searched (the progress shown), `say` what it left out as tissue. Nothing is measured while
 * `refusal` says this tab may not edit.
 */
function makeAnalyser(client: AnalysisClient, regionBusy: (busy: boolean) => void, refusal: () => Promise<string | null>, say: (message: string) => void): CalcificationAnalyser {
  return async (imageId, target) => {
    const readOnly = await refusal();
    if (readOnly !== null) return err('read-only', `not measured: ${readOnly}`);
    const req = target.kind === 'seed' ? { seeds: [target.seed] } : target.kind === 'rectangle' ? { roi: target.rect } : { polygon: target.polygon };
    if (target.kind !== 'seed') regionBusy(true);
    const r = await client.analyse(imageId, req).finally(() => {
      if (target.kind !== 'seed') regionBusy(false);
    });
    if (target.kind === 'seed' && r.ok) instrumentation().markClickAnalysed(r.value.ms);
    if (target.kind !== 'seed') instrumentation().markRegion({ imageId, target, workerMs: r.ok ? r.value.ms : null, receivedAt: performance.now(), found: r.ok ? r.value.calcifications.length : 0 });
    if (!r.ok) return err(r.error.kind, r.error.message);
    const leftOut = leftOutWords(r.value.leftOutDensities);
    if (leftOut !== null) say(`${leftOut} (marked on the image with dashed circles)`);
    const kind = r.value.calibrationKind;
    return ok({ calcifications: r.value.calcifications.map((c): MeasuredCalcification => ({ ...c, calibrationKind: kind })), leftOut: r.value.leftOutDensities });
  };
}

/** Resolves after the next frame has been drawn (React has committed what was set before it). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The draft calcification an annotation shows (null for other annotations, or one not yet in the draft). */
function calcificationIdOf(a: ToolTypes.Annotation | undefined): string | null {
  const id = (a?.data as { calcificationId?: unknown } | undefined)?.calcificationId;
  return typeof id === 'string' ? id : null;
}

/** "8 images loaded from local files (3 examinations of 2 patients)". */
function loadedStatus(count: number, exams: readonly OpenedExam[], from: string): string {
  const patients = new Set(exams.map((e) => e.patientKey)).size;
  const several = exams.length > 1 ? ` (${exams.length} examinations${patients > 1 ? ` of ${patients} patients` : ''})` : '';
  return `${count} image${count === 1 ? '' : 's'} loaded${from}${several}`;
}

function patientName(exam: LoadedExam | null): string {
  const n = exam?.images.find((i) => i.role === 'current')?.summary.meta.patientName ?? null;
  return n === null ? 'unnamed patient' : n.split('^').filter((s) => s.length > 0).join(' ');
}

export function App() {
  const client = useMemo(() => startAnalysisWorker(), []);
  const [session, setSession] = useState<CornerstoneSession | null>(null);
  const [exam, setExam] = useState<LoadedExam | null>(null);
  const [status, setStatus] = useState('Starting…');
  const [messages, setMessages] = useState<readonly string[]>([]);
  const [regionBusy, setRegionBusy] = useState(false);
  const [layout, setLayout] = useState<Layout>({ kind: 'grid' });
  const [selected, setSelected] = useState<HangingSlot>('RCC');
  const [tool, setTool] = useState<PrimaryTool>('calcification');
  const [draft, setDraft] = useState<GatedSession<ExamDraftSession> | null>(null);
  const [onScreen, setOnScreen] = useState<ReadonlyMap<string, string>>(new Map());
  const [crosshair, setCrosshair] = useState<Crosshair | null>(null);
  // The calcification shown in the panel: the outline last selected on a view, or the one chosen in the panel.
  const [selectedCalcification, setSelectedCalcification] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const say = useCallback((m: string) => setMessages((ms) => [...ms.slice(-4), m]), []);
  // Saved reports (DICOM SR): opened for review, and each save amending the latest.
  const reports = useSavedReports(draft, say);
  // The examinations of the files opened together, the one shown, and each one's draft once started (kept while switching).
  const [opened, setOpened] = useState<readonly OpenedExam[]>([]);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const drafts = useRef(new Map<string, GatedSession<ExamDraftSession>>());
  /** The clinical context served with an examination, by exam key (a new draft of it starts with it). */
  const contexts = useRef(new Map<string, ExamContext>());
  const shownDraft = useRef<GatedSession<ExamDraftSession> | null>(null);
  // Why the draft shown may not be edited in this tab now (another tab edits it), read by each click.
  const editRefusal = useRef<() => Promise<string | null>>(() => Promise.resolve(null));
  // The same, as it stands now (still checking counts as a refusal): drags and deletions cannot wait.
  const editRefusalNow = useRef<() => string | null>(() => null);
  // Draws the shown draft's annotations again: after an edit on a view was refused, the view shows what is stored.
  const redraw = useRef<() => void>(() => undefined);
  const showing = useRef(0);
  // While the annotations of the examination leaving the screen are cleared: their removal is not an edit of its draft.
  const clearing = useRef(false);

  // The images of the examination chosen last: every show lets go of all others once its views have taken its images.
  const wantedImages = useRef<readonly LoadedImage[]>([]);

  /**
   * Puts one examination on screen with its own draft (the one kept for it, else its saved or a new
   * one). Only its images (and its prior's) stay decoded: those of the other examinations are let
   * go and read again from their files when they are shown again; drafts are kept.
   */
  const showExam = useCallback(
    (entry: OpenedExam, all: readonly OpenedExam[]): Promise<void> => {
      const show = async (): Promise<void> => {
        const token = ++showing.current;
        wantedImages.current = entry.exam.images;
        clearing.current = true;
        try {
          annotationApi.state.removeAllAnnotations();
        } finally {
          clearing.current = false;
        }
        shownDraft.current?.releaseImages();
        shownDraft.current = null;
        setDraft(null);
        setSelectedCalcification(null);
        // Nothing awaited when every image is held (files just opened): the examination replaces the one shown at once.
        const held = new Set(heldImageIds());
        const toReload = entry.exam.images.filter((i) => !held.has(i.imageId));
        const notReloaded = toReload.length === 0 ? [] : await reloadImages(client, toReload);
        for (const n of notReloaded) say(`${n.fileName} not shown: ${n.message}`);
        const lost = new Set(notReloaded.map((n) => n.fileName));
        const exam = lost.size === 0 ? entry.exam : { ...entry.exam, images: entry.exam.images.filter((i) => !lost.has(i.fileName)) };
        setExam(exam);
        setShownKey(entry.key);
        setLayout({ kind: 'grid' });
        for (const n of notHung(exam)) say(`${n.fileName} not shown: ${n.reason}`);
        const summary = openedSummary(all, entry);
        if (summary !== null) say(summary);
        const kept = drafts.current.get(entry.key);
        const session = kept ?? withEditGate(await startExamDraft(client, exam, contexts.current.get(examKeyOf(exam)) ?? null));
        drafts.current.set(entry.key, session);
        if (token !== showing.current) {
          // Another examination was chosen meanwhile: its draft stays the extension's current one.
          const now = shownDraft.current as GatedSession<ExamDraftSession> | null;
          if (now !== null) setCurrentDraftStore(now.store);
        } else {
          setCurrentDraftStore(session.store);
          shownDraft.current = session;
          setDraft(session);
        }
        // The others' images go once the views have taken this examination's (those of the one chosen last, if another was chosen meanwhile).
        await afterNextFrame();
        await releaseImagesExcept(client, wantedImages.current);
        // The worker compiles its analysis on a drawn scene while the radiologist looks at the images.
        void client.prepare();
      };
      return show();
    },
    [client, say],
  );

  useEffect(() => {
    let live = true;
    startCornerstone(makeAnalyser(client, setRegionBusy, () => editRefusal.current(), (message) => say(message)), (message) => say(message), () => editRefusalNow.current())
      .then(async (s) => {
        if (!live) return;
        setSession(s);
        setStatus('Loading exam…');
        const base = examBaseFromLocation(window.location.search);
        const wanted = await fetchExamDescription(base);
        const current = await fetchExamFiles(client, base, wanted.filter((w) => w.role === 'current'));
        if (!live) return;
        // The clinical context served beside the study goes with its current examination's new draft.
        const context = await fetchExamContext(base);
        if (!live) return;
        contexts.current.clear();
        if (!context.ok) say(context.error.message);
        else if (context.value !== null) contexts.current.set(examKeyOf(current), context.value);
        setExam(current);
        const all = mergeExams(current, await fetchExamFiles(client, base, wanted.filter((w) => w.role === 'prior')));
        if (!live) return;
        const exams = openedExams(all);
        setOpened(exams);
        drafts.current.clear();
        setStatus(loadedStatus(all.images.length, exams, ''));
        for (const r of all.refused) say(`${r.fileName} refused: ${r.message}`);
        const first = exams[0];
        if (first !== undefined) await showExam(first, exams);
      })
      .catch((e: unknown) => setStatus(`Could not start: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      live = false;
    };
  }, [client, say, showExam]);

  const ids: ImageIds | null = useMemo(() => (exam === null ? null : imageIds(exam)), [exam]);

  // The extension's commands over the shown draft, as OHIF registers them: the viewer's undo, redo and nipple marker run them.
  const commands = useMemo(() => (draft === null ? null : calcificationCommands({ store: draft.store })), [draft]);
  const runCommand = useCallback((name: string, options: Record<string, unknown> = {}): unknown => commands?.[name]?.commandFn(options), [commands]);

  // The draft shown and its image ids, and the examinations opened together, as the listeners below read them when an event comes.
  const idsNow = useRef<ImageIds | null>(null);
  idsNow.current = ids;
  const openedNow = useRef<readonly OpenedExam[]>([]);
  openedNow.current = opened;

  /**
   * The draft a measured calcification goes into: that of the examination on screen when its image
   * is one of them, else that of the opened examination holding its image (kept while another is
   * shown): a press whose measurement comes back after the radiologist switched examinations stays
   * in the examination it was pressed on. Null when no examination open holds it.
   */
  const draftOfImage = useCallback((csImageId: string | undefined, pressedOn?: GatedSession<ExamDraftSession> | null): { store: GatedSession<ExamDraftSession>['store']; gate: EditGate; examKey: string; ids: ImageIds; notShown: OpenedExam | null } | null => {
    if (csImageId === undefined) return null;
    const shown = shownDraft.current;
    const shownIds = idsNow.current;
    // An image can be in two opened examinations (a prior shown with the newer one, and opened as its
    // own): the examination on screen when it was pressed comes first.
    if (pressedOn !== undefined && pressedOn !== null && pressedOn !== shown) {
      for (const o of openedNow.current) {
        const theirs = imageIds(o.exam);
        if (drafts.current.get(o.key) === pressedOn && theirs.toDraft(csImageId) !== null) return { store: pressedOn.store, gate: pressedOn.gate, examKey: pressedOn.examKey, ids: theirs, notShown: o };
      }
    }
    if (shown !== null && shownIds !== null && shownIds.toDraft(csImageId) !== null) return { store: shown.store, gate: shown.gate, examKey: shown.examKey, ids: shownIds, notShown: null };
    for (const o of openedNow.current) {
      const kept = drafts.current.get(o.key);
      const theirs = imageIds(o.exam);
      if (kept !== undefined && theirs.toDraft(csImageId) !== null) return { store: kept.store, gate: kept.gate, examKey: kept.examKey, ids: theirs, notShown: o };
    }
    return null;
  }, []);

  /**
   * A draft changed while its examination is not on screen (its autosave runs only while it is
   * shown) is saved at once, so that closing the tab before going back to it loses nothing; a
   * draft of it saved meanwhile in another tab is not replaced, and the radiologist is told.
   */
  const saveNotShown = useCallback(
    (exam: OpenedExam, target: { readonly store: GatedSession<ExamDraftSession>['store']; readonly examKey: string }, count: number): void => {
      const what = `${count === 1 ? 'a calcification' : `${count} calcifications`} clicked on ${examLabel(exam)} just before switching`;
      void saveNotShownDraft(target.store, target.examKey).then((r) => {
        if (r.ok && r.value.kind === 'saved') say(`${what}: measured after the switch, added to that examination's draft and saved`);
        else if (r.ok) say(`${what}: added to that examination's draft in this tab but not saved: another tab saved a draft of that examination meanwhile, which is kept; switch back to it and measure again what is missing`);
        else say(`${what}: added to that examination's draft in this tab but not saved (${r.message}); switch back to it to keep it`);
      });
    },
    [say],
  );

  // The examination on screen when each calcification was pressed, by annotation (kept until its measurement comes back).
  const pressedOn = useRef(new Map<string, GatedSession<ExamDraftSession> | null>());
  useEffect(() => {
    const added = (evt: Event): void => {
      const a = (evt as CustomEvent<{ annotation: ToolTypes.Annotation }>).detail.annotation;
      const uid = a.annotationUID;
      // A calcification pressed (measuring), or a region drawn (its outline, added at the press).
      const pressed = (a.data as { status?: unknown }).status === 'measuring' || a.metadata?.toolName === CalcificationRegionTool.toolName;
      if (uid === undefined || !pressed) return;
      const presses = pressedOn.current;
      presses.set(uid, shownDraft.current);
      // Presses whose measurement never came back (refused, failed) are not kept for ever.
      while (presses.size > PRESSES_KEPT) presses.delete(presses.keys().next().value as string);
    };
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_ADDED, added);
    return () => eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_ADDED, added);
  }, []);

  // Calcifications measured by the tools go into the draft of their examination, whichever is shown when the measurement comes back.
  useEffect(() => {
    // A click's calcification goes into the draft on its own. The calcifications of one rectangle or
    // lasso are each completed just before REGION_COMPLETED, in the same task: held until then, they
    // go in together as one finding and one undoable step.
    const pending: ToolTypes.Annotation[] = [];
    const flush = (): void => {
      for (const a of pending.splice(0)) {
        const uid = a.annotationUID as string;
        const target = draftOfImage(a.metadata?.referencedImageId, pressedOn.current.get(uid));
        pressedOn.current.delete(uid);
        const message =
          target === null ? notInOpenExamWords(1) : target.notShown === null ? addToDraft(target.store, target.ids, a) : editWhileNotShown(target.gate, () => addToDraft(target.store, target.ids, a));
        if (message !== null) say(message);
        else if (target?.notShown) saveNotShown(target.notShown, target, 1);
      }
    };
    const completed = (evt: Event): void => {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push((evt as CustomEvent<{ annotation: ToolTypes.Annotation }>).detail.annotation);
    };
    const region = (evt: Event): void => {
      const detail = (evt as CustomEvent<RegionCompletedDetail>).detail;
      const uids = new Set(detail.annotationUIDs);
      const mine = pending.filter((a) => uids.has(a.annotationUID as string));
      pending.splice(0, pending.length, ...pending.filter((a) => !mine.includes(a)));
      const target = draftOfImage(mine[0]?.metadata?.referencedImageId, pressedOn.current.get(detail.regionAnnotationUID));
      for (const uid of [detail.regionAnnotationUID, ...uids]) pressedOn.current.delete(uid);
      if (mine.length === 0) return;
      const message =
        target === null
          ? notInOpenExamWords(mine.length)
          : target.notShown === null
            ? addRegionToDraft(target.store, target.ids, mine)
            : editWhileNotShown(target.gate, () => addRegionToDraft(target.store, target.ids, mine));
      if (message !== null) say(message);
      else if (target?.notShown) saveNotShown(target.notShown, target, mine.length);
    };
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, completed);
    eventTarget.addEventListener(REGION_COMPLETED_EVENT, region);
    return () => {
      eventTarget.removeEventListener(REGION_COMPLETED_EVENT, region);
      eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, completed);
    };
  }, [draftOfImage, saveNotShown, say]);

  // Calcification annotations deleted or dragged on the views change the draft shown.
  useEffect(() => {
    if (draft === null || ids === null) return undefined;
    const removed = (evt: Event): void => {
      if (clearing.current) return;
      const message = removeFromDraft(draft.store, (evt as CustomEvent<{ annotation: ToolTypes.Annotation }>).detail.annotation);
      if (message === null) return;
      say(message);
      queueMicrotask(() => redraw.current());
    };
    // A dragged outline is re-measured and goes into the draft as an undoable edit.
    const edited = (evt: Event): void => {
      const { annotation, contour } = (evt as CustomEvent<OutlineEditedDetail>).detail;
      void editInDraft(draft.store, annotation, contour, draft.readImage).then((message) => {
        if (message === null) return;
        say(message);
        toolUtilities.triggerAnnotationRenderForViewportIds([...onScreen.values()]);
      });
    };
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_REMOVED, removed);
    eventTarget.addEventListener(OUTLINE_EDITED, edited);
    // A nipple marker placed, moved or deleted runs the extension's placeNipple command on this draft.
    const stopMarkers = followNippleMarkers(eventTarget, {
      worldToPixel: (imageId, w) => worldToPixel(imageId, [w[0], w[1], w[2]]),
      toDraftImageId: (imageId) => ids.toDraft(imageId),
      markerOf: (imageId) => draft.store.getState().nippleMarkers[imageId],
      placeNipple: (o) => runCommand(`${COMMAND_PREFIX}.placeNipple`, o),
      markers: () => (annotationApi.state.getAllAnnotations() ?? []).filter((a) => a.metadata?.toolName === NIPPLE_MARKER_TOOL) as never,
      remove: (uid) => annotationApi.state.removeAnnotation(uid),
      // A marker the draft did not take (refused, or not on an image of the draft) leaves the view too.
      say: (message) => {
        say(message);
        queueMicrotask(() => redraw.current());
      },
      clearing: () => clearing.current,
    });
    return () => {
      stopMarkers();
      eventTarget.removeEventListener(OUTLINE_EDITED, edited);
      eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_REMOVED, removed);
    };
  }, [draft, ids, say, onScreen, runCommand]);

  // The draft's calcifications are drawn on the viewports showing their images.
  useEffect(() => {
    if (draft === null || ids === null || session === null) return undefined;
    const sync = (): void => {
      const markersChanged = syncNippleMarkers(draft.store, ids, onScreen, RENDERING_ENGINE_ID);
      if (syncAnnotations(draft.store, ids, onScreen, RENDERING_ENGINE_ID) || markersChanged) toolUtilities.triggerAnnotationRenderForViewportIds([...onScreen.values()]);
      instrumentation().markFindingShown(draft.store.getState().calcifications.length);
    };
    sync();
    redraw.current = sync;
    const unsubscribe = draft.store.subscribe(sync);
    return () => {
      unsubscribe();
      if (redraw.current === sync) redraw.current = () => undefined;
    };
  }, [draft, ids, session, onScreen]);

  // An outline selected on a view (a press on it, or the keyboard crosshair) shows its calcification in the panel.
  useEffect(() => {
    const changed = (evt: Event): void => {
      const { added } = (evt as CustomEvent<ToolTypes.EventTypes.AnnotationSelectionChangeEventDetail>).detail;
      for (const uid of [...added].reverse()) {
        const id = calcificationIdOf(annotationApi.state.getAnnotation(uid));
        if (id !== null) {
          setSelectedCalcification(id);
          return;
        }
      }
    };
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_SELECTION_CHANGE, changed);
    return () => eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_SELECTION_CHANGE, changed);
  }, []);

  // A calcification chosen in the panel has its outline selected on the views.
  const selectFromPanel = useCallback(
    (id: string | null) => {
      setSelectedCalcification(id);
      const linked = id === null ? undefined : (annotationApi.state.getAllAnnotations() ?? []).find((a) => calcificationIdOf(a) === id);
      if (linked?.annotationUID !== undefined) annotationApi.selection.setAnnotationSelected(linked.annotationUID, true);
      else annotationApi.selection.deselectAnnotation();
      toolUtilities.triggerAnnotationRenderForViewportIds([...onScreen.values()]);
    },
    [onScreen],
  );

  useEffect(() => {
    editRefusal.current = () => (draft === null ? Promise.resolve(null) : decidedRefusal(draft.gate));
    editRefusalNow.current = () => draft?.gate.refusal() ?? null;
  }, [draft]);

  useEffect(() => instrumentation().exposeTestHooks(() => draft?.store.getState() ?? null, () => client.held(), draft?.gate ?? null), [draft, client]);

  // The panel's pictures need the image on this thread: a new lookup (imagesRead changed) re-renders the panel once another image is read.
  const [imagesRead, setImagesRead] = useState(0);
  useEffect(() => draft?.onImageRead(() => setImagesRead((n) => n + 1)), [draft]);
  const lookup = useMemo(() => (draft === null ? null : (id: string) => draft.lookup(id)), [draft, imagesRead]);

  const onDisplayed = useCallback((viewportId: string, imageId: string | null) => {
    performance.mark(`calcscribe-displayed-${viewportId}`);
    setOnScreen((m) => {
      const n = new Map(m);
      for (const [k, v] of n) if (v === viewportId) n.delete(k);
      if (imageId !== null) n.set(imageId, viewportId);
      return n;
    });
  }, []);

  const chooseTool = useCallback(
    (t: PrimaryTool) => {
      session?.setPrimaryTool(t);
      setTool(t);
    },
    [session],
  );

  // The files opened last (local or from the PACS), without a prior added to them: a prior retrieved from the PACS joins them (in place of one chosen before).
  const lastOpened = useRef<LoadedExam | null>(null);

  /** Shows files just loaded (with `alongside`, those opened before, when they are its prior); how many of them were usable. */
  const openLoaded = useCallback(
    async (e: LoadedExam, from: string, alongside: LoadedExam | null = null): Promise<number> => {
      for (const r of e.refused) say(`${r.fileName} refused: ${r.message}`);
      if (e.images.length === 0) {
        setStatus(exam ? `${exam.images.length} images loaded` : 'No usable image');
        return 0;
      }
      const all = alongside === null ? e : mergeExams(alongside, e);
      if (alongside === null) lastOpened.current = e;
      const exams = openedExams(all);
      setOpened(exams);
      drafts.current.clear();
      setStatus(loadedStatus(all.images.length, exams, from));
      const first = exams[0];
      if (first !== undefined) await showExam(first, exams);
      return e.images.length;
    },
    [exam, say, showExam],
  );

  const openFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setStatus(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
      // Report files (SR) opened with the images, or after them, bring back their draft for review.
      const { reports: reportFiles, others: read } = splitReportFiles(await readPickedFiles(files));
      if (read.length > 0) await openLoaded(await loadFiles(client, read, 'local files'), ' from local files');
      else setStatus(exam ? `${exam.images.length} images loaded` : 'No usable image');
      if (reportFiles.length === 0) return;
      const shown = shownDraft.current;
      if (shown === null) say('No examination on screen for the report: open its images with it');
      else await reports.openReportFiles(shown, reportFiles);
    },
    [client, exam, openLoaded, reports, say],
  );

  // Images retrieved from the PACS load as local files do; a prior joins the examination opened last and is its comparison.
  const openFromPacs = useCallback(
    async (files: readonly FileToLoad[], source: string, asPrior: boolean): Promise<number> => {
      const e = await loadFiles(client, files, source);
      const n = await openLoaded(e, ` from ${source}`, asPrior ? lastOpened.current : null);
      const shown = shownDraft.current;
      if (asPrior && n > 0 && shown !== null) {
        // Once this tab knows it may edit the draft (it checks for another tab first).
        const refusal = await decidedRefusal(shown.gate);
        const r = refusal === null ? comparisonFromPrior(shown.store, e.images) : null;
        if (refusal !== null || (r !== null && !r.ok)) say(`comparison date not set: ${refusal ?? (r !== null && !r.ok ? r.error.message : '')}`);
      }
      return n;
    },
    [client, openLoaded, say],
  );

  // The crosshair belongs to the selected view as it is laid out: another view or layout ends it.
  useEffect(() => setCrosshair(null), [selected, layout]);

  const act = useCallback(
    (a: ShortcutAction) => {
      switch (a.kind) {
        case 'select':
          setSelected(a.slot);
          document.querySelector<HTMLElement>(`[data-testid="viewport-${a.slot}"]`)?.focus();
          if (layout.kind === 'enlarged') setLayout({ kind: 'enlarged', slot: a.slot });
          break;
        case 'enlarge':
          setLayout({ kind: 'enlarged', slot: selected });
          break;
        case 'grid':
          setLayout({ kind: 'grid' });
          break;
        case 'compare':
          setLayout((l) => (l.kind === 'compare' && l.view === a.view ? { kind: 'grid' } : { kind: 'compare', view: a.view }));
          break;
        case 'tool':
          chooseTool(a.tool);
          break;
        case 'delete': {
          const uids = annotationApi.selection.getAnnotationsSelected() ?? [];
          // A read-only tab deletes nothing: the outlines stay as stored.
          const refusal = editRefusalNow.current();
          if (uids.length > 0 && refusal !== null) {
            say(`not deleted: ${refusal}`);
            break;
          }
          for (const uid of uids) annotationApi.state.removeAnnotation(uid);
          session?.engine.render();
          break;
        }
        case 'undo':
        case 'redo': {
          const r = runCommand(`${COMMAND_PREFIX}.${a.kind}`) as Result<unknown> | undefined;
          if (r !== undefined && !r.ok && r.error.kind === 'read-only') say(`not ${a.kind === 'undo' ? 'undone' : 'redone'}: ${r.error.message}`);
          break;
        }
        case 'open':
          fileInput.current?.click();
          break;
        case 'crosshair': {
          if (crosshair !== null) {
            setCrosshair(null);
            break;
          }
          const el = viewElement(selected);
          if (el === null || el.dataset.displayed !== 'true') {
            say(`no ${selected} image on screen for the crosshair`);
            break;
          }
          el.closest<HTMLElement>('.viewport')?.focus();
          const r = el.getBoundingClientRect();
          setCrosshair({ viewportId: `current-${selected}`, slot: selected, at: [Math.round(r.width / 2), Math.round(r.height / 2)] });
          break;
        }
        case 'crosshairMove': {
          const el = crosshair === null ? null : viewElement(crosshair.slot);
          if (crosshair === null || el === null) break;
          const r = el.getBoundingClientRect();
          const clamp = (v: number, max: number): number => Math.min(Math.max(v, 0), Math.max(0, max - 1));
          setCrosshair({ ...crosshair, at: [clamp(crosshair.at[0] + a.dx, r.width), clamp(crosshair.at[1] + a.dy, r.height)] });
          break;
        }
        case 'crosshairPlace': {
          const el = crosshair === null ? null : viewElement(crosshair.slot);
          if (crosshair === null || el === null || session === null) break;
          if (tool !== 'calcification') {
            say(`the crosshair measures with the calcification tool: press k, then Enter`);
            break;
          }
          // On an outline, Enter selects it (as a press on it does); elsewhere it measures there.
          if (!session.selectAt(el, [crosshair.at[0], crosshair.at[1]])) pressAt(session, el, [crosshair.at[0], crosshair.at[1]]);
          break;
        }
        case 'crosshairOff':
          setCrosshair(null);
          break;
      }
    },
    [layout, selected, chooseTool, session, runCommand, crosshair, tool, say],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      // The crosshair's keys act while focus is on its view (or nowhere): elsewhere Enter and the arrows keep their own work.
      const onView = crosshair !== null && (target === null || target === document.body || target.closest?.(`[data-testid="viewport-${crosshair.slot}"]`) != null);
      const a = shortcutFor(e.key, target, { ctrl: e.ctrlKey, meta: e.metaKey, shift: e.shiftKey, alt: e.altKey }, { crosshair: onView });
      if (a === null) return;
      e.preventDefault();
      act(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, crosshair]);

  const onDrop = useCallback(
    (e: DragEvent<HTMLDivElement>) => {
      e.preventDefault();
      const items = e.dataTransfer.items;
      void (items && items.length > 0 ? filesFromDrop(items) : Promise.resolve(Array.from(e.dataTransfer.files))).then(openFiles);
    },
    [openFiles],
  );

  const image = (role: 'current' | 'prior', slot: HangingSlot): LoadedImage | null => exam?.images.find((i) => i.role === role && i.slot === slot) ?? null;
  const hasPrior = (exam?.images ?? []).some((i) => i.role === 'prior');
  const cells: { id: string; role: 'current' | 'prior'; slot: HangingSlot }[] =
    layout.kind === 'grid'
      ? HANGING_SLOTS.map((slot) => ({ id: `current-${slot}`, role: 'current', slot }))
      : layout.kind === 'enlarged'
        ? [{ id: `current-${layout.slot}`, role: 'current', slot: layout.slot }]
        : (['current', 'prior'] as const).flatMap((role) => (['R', 'L'] as const).map((side) => ({ id: `${role}-${side}${layout.view}`, role, slot: `${side}${layout.view}` as HangingSlot })));

  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="patient-bar">
        <h1>calcscribe</h1>
        <p>
          <span className="label">Patient</span> <span data-testid="patient-name">{patientName(exam)}</span>
        </p>
        <p role="status" aria-live="polite" data-testid="status">{status}</p>
        {opened.length > 1 ? (
          <nav className="opened-exams" aria-label="Opened examinations" data-testid="opened-exams">
            <ul>
              {opened.map((o) => (
                <li key={o.key}>
                  <button type="button" aria-current={o.key === shownKey ? 'true' : undefined} onClick={() => {
                      if (o.key !== shownKey) void showExam(o, opened);
                    }}>
                    {examLabel(o)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <PacsPanel config={pacsConfigOfPage} connect={connectThroughViewer} load={openFromPacs} say={say} shownStudy={exam === null ? null : examKeyOf(exam)} />
        {regionBusy ? (
          <p className="region-progress" data-testid="region-progress">
            <progress aria-label="Finding calcifications in the region" /> Finding calcifications in the region…
          </p>
        ) : null}
      </header>
      <nav className="tool-bar" aria-label="Tools">
        {(Object.keys(TOOL_LABELS) as PrimaryTool[]).map((t) => (
          <button key={t} type="button" aria-pressed={tool === t} onClick={() => chooseTool(t)} title={`${TOOL_LABELS[t]} (${SHORTCUTS.find((s) => s.action.kind === 'tool' && s.action.tool === t)?.key ?? ''})`}>
            {TOOL_LABELS[t]}
          </button>
        ))}
        <span className="separator" />
        <UndoRedoButtons store={draft?.store ?? null} editing={draft?.gate ?? null} run={runCommand} />
        <span className="separator" />
        <button type="button" aria-pressed={layout.kind === 'grid'} onClick={() => act({ kind: 'grid' })}>Four views</button>
        <button type="button" aria-pressed={layout.kind === 'enlarged'} onClick={() => act({ kind: 'enlarge' })}>Enlarge {selected}</button>
        <button type="button" disabled={!hasPrior} aria-pressed={layout.kind === 'compare' && layout.view === 'CC'} onClick={() => act({ kind: 'compare', view: 'CC' })}>Compare CC with prior</button>
        <button type="button" disabled={!hasPrior} aria-pressed={layout.kind === 'compare' && layout.view === 'MLO'} onClick={() => act({ kind: 'compare', view: 'MLO' })}>Compare MLO with prior</button>
        <span className="separator" />
        <label className="open-files">
          Open files
          <input ref={fileInput} type="file" multiple accept=".dcm,application/dicom,*/*" onChange={(e) => void openFiles(Array.from(e.target.files ?? []))} />
        </label>
      </nav>
      <main className="workspace">
        <div className={`hanging layout-${layout.kind}`} aria-label="Mammograms">
          {session === null
            ? null
            : cells.map((c) => (
                <MammoViewport
                  key={c.id}
                  session={session}
                  viewportId={c.id}
                  image={image(c.role, c.slot)}
                  label={`${c.slot}${c.role === 'prior' ? ' prior' : ''}`}
                  {...(c.role === 'current' ? { testId: `viewport-${c.slot}` } : { testId: `viewport-prior-${c.slot}` })}
                  selected={c.role === 'current' && c.slot === selected}
                  onSelect={() => {
                    if (c.role === 'current') setSelected(c.slot);
                  }}
                  onEnlarge={() => setLayout((l) => (l.kind === 'enlarged' ? { kind: 'grid' } : { kind: 'enlarged', slot: c.slot }))}
                  onDisplayed={onDisplayed}
                  crosshair={crosshair !== null && crosshair.viewportId === c.id ? crosshair.at : null}
                />
              ))}
        </div>
        {draft === null ? (
          <aside className="findings" data-testid="findings-panel" aria-label="Findings" aria-busy="true">
            <p className="hint">Preparing the findings panel…</p>
          </aside>
        ) : (
          <DraftPanel
            key={draft.examKey}
            session={draft}
            images={lookup}
            selected={selectedCalcification}
            onSelect={selectFromPanel}
            report={
              <>
                <ReviewBanner review={reports.review} question={reports.question} onAnswer={reports.answer} inPacs={reports.inPacs} onOpen={(r) => reports.openReports(draft, [r])} />
                <SaveReport readerName={reports.readerName} onReaderName={reports.setReaderName} onSaveFile={() => {
                    if (exam !== null) void reports.saveFile(draft, exam);
                  }}>
                  {reports.pacs !== null ? (
                    <SaveToPacs pacs={reports.pacs} state={reports.pacsSave} onSave={() => {
                        if (exam !== null) void reports.saveToPacs(draft, exam);
                      }} />
                  ) : null}
                </SaveReport>
              </>
            }
          />
        )}
      </main>
      <div className="messages" role="log" aria-live="assertive" aria-label="Messages">
        {messages.map((m, i) => (
          <p key={i} data-testid="message">{m}</p>
        ))}
      </div>
      <details className="shortcuts">
        <summary>Keyboard shortcuts</summary>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={`${s.key}${s.crosshair ? ' crosshair' : ''}`}>
              <dt><kbd>{keyLabel(s)}</kbd></dt>
              <dd>{s.help}</dd>
            </div>
          ))}
          {CHORD_SHORTCUTS.map((s) => (
            <div key={chordLabel(s)}>
              <dt><kbd>{chordLabel(s)}</kbd></dt>
              <dd>{s.help}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
