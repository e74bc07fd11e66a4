/**
 * What the browser tests and benchmarks read from the page (window.calcscribe): image → viewport
 * positions and timings. Read-only views of the app's state; nothing here changes it. Installed
 * only in the viewer built with the test flag (main.tsx; instrumentation.ts).
 */
import { annotation as annotationApi } from '@cornerstonejs/tools';
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import type { PointPx } from '../../core/units.js';
import { worldToPixels } from '../../../extensions/calcification/tools/index.js';
import type { RegionRecord } from './instrumentation.js';
import type { EditGate } from '../autosave/edit-gate.js';
import { decodeReport } from '../cornerstone/shared-image-loader.js';
import { imageToCanvas, isFitted } from '../viewport/registry.js';

export type { RegionRecord } from './instrumentation.js';

/** An annotation drawn on a view, in stored-image pixels: what the screen shows, to compare with the draft. */
export interface ShownAnnotation {
  readonly tool: string;
  /** Cornerstone image id of the image it is on. */
  readonly imageId: string;
  /** The draft calcification an outline shows (null for other annotations). */
  readonly calcificationId: string | null;
  /** The outline's points, else the handles (a nipple marker's one point). */
  readonly points: readonly PointPx[];
}

export interface CalcscribeHooks {
  /** Stored-image pixel → CSS position inside the viewport element, e.g. ('current-RCC', 410, 388). */
  imageToCanvas(viewportId: string, x: number, y: number): [number, number] | null;
  /** The viewport's image is fitted to the viewport's present size: imageToCanvas is where it is drawn (false while a layout change waits for its refit). */
  fitted(viewportId: string): boolean;
  /** Milliseconds from each mouse press on a viewport to the finding shown with the new calcification. */
  readonly clickToFinding: number[];
  /** The exam draft as it stands (null before the exam is loaded). */
  draft(): ExamDraft | null;
  /** Every rectangle or lasso searched: the region in stored-image pixels, the worker's time and what it found. */
  readonly regions: RegionRecord[];
  /** Milliseconds the worker's analysis took for each click (in the order of the clicks): the worker's share of clickToFinding. */
  readonly clickWorkerMs: number[];
  /** Per image id held decoded on the page: how many times it was decoded (the analysis worker is the only decoder) and whether its pixels are shared. */
  decodes(): Record<string, { decodes: number; shared: boolean }>;
  /** The image ids the analysis worker holds decoded now. */
  heldInWorker(): Promise<readonly string[]>;
  /** Every annotation drawn now (calcification outlines, nipple markers…). */
  shown(): ShownAnnotation[];
  /**
   * When this tab's edit gate opened and closed (Date.now(), one clock for all tabs of a browser):
   * the spans in which this tab accepted edits, whatever the screen showed meanwhile.
   */
  readonly editingSpans: { from: number; to: number | null }[];
}

function shown(): ShownAnnotation[] {
  return (annotationApi.state.getAllAnnotations() ?? []).flatMap((a) => {
    const imageId = a.metadata?.referencedImageId;
    if (imageId === undefined) return [];
    const world = a.data.contour?.polyline ?? a.data.handles?.points ?? [];
    const id = (a.data as { calcificationId?: unknown }).calcificationId;
    return [{ tool: a.metadata?.toolName ?? '', imageId, calcificationId: typeof id === 'string' ? id : null, points: worldToPixels(imageId, world) }];
  });
}


declare global {
  interface Window {
    calcscribe?: CalcscribeHooks;
  }
}

let pressedAt: number | null = null;
let shownCount = 0;
const clickToFinding: number[] = [];
const regions: RegionRecord[] = [];
const clickWorkerMs: number[] = [];
const editingSpans: { from: number; to: number | null }[] = [];

/** Records the spans in which the gate is open; returns the unsubscribe function. */
function watchGate(gate: EditGate): () => void {
  const look = (): void => {
    const open = gate.refusal() === null;
    const last = editingSpans.at(-1);
    if (open && (last === undefined || last.to !== null)) editingSpans.push({ from: Date.now(), to: null });
    else if (!open && last !== undefined && last.to === null) last.to = Date.now();
  };
  look();
  return gate.subscribe(look);
}

/** Installs window.calcscribe; returns the uninstaller. */
export function exposeTestHooks(draft: () => ExamDraft | null, heldInWorker: () => Promise<readonly string[]>, gate: EditGate | null): () => void {
  window.calcscribe = { imageToCanvas, fitted: isFitted, clickToFinding, clickWorkerMs, draft, regions, decodes: decodeReport, heldInWorker, shown, editingSpans };
  const unwatch = gate === null ? () => undefined : watchGate(gate);
  return () => {
    unwatch();
    const last = editingSpans.at(-1);
    if (last !== undefined && last.to === null) last.to = Date.now();
    delete window.calcscribe;
  };
}

/** Called on a mouse press on a viewport. */
export function markClick(): void {
  pressedAt = performance.now();
}

/** Called after a render showing this many measured calcifications. */
export function markFindingShown(count: number): void {
  if (count <= shownCount) {
    shownCount = count;
    return;
  }
  shownCount = count;
  if (pressedAt === null) return;
  const t0 = pressedAt;
  pressedAt = null;
  requestAnimationFrame(() => clickToFinding.push(performance.now() - t0));
}

/** Called when the worker has analysed a click (ms: its time in the worker). */
export function markClickAnalysed(ms: number): void {
  clickWorkerMs.push(ms);
}

/** Called when a rectangle or lasso search has finished. */
export function markRegion(r: RegionRecord): void {
  regions.push(r);
}
