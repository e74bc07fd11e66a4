/**
 * What the viewer tells the browser tests and benchmarks (click and region timings, the draft on
 * window.calcscribe). The product build does nothing here: only a viewer built with the test flag
 * (`viewerConfig({ testHooks: true })`, as the browser tests and benchmarks build it) installs
 * test-hooks.ts in main.tsx, and the product bundle does not contain it.
 */
import type { CalcificationTarget } from '../../../extensions/calcification/tools/index.js';
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import type { EditGate } from '../autosave/edit-gate.js';

export interface RegionRecord {
  /** Cornerstone image id of the image searched. */
  readonly imageId: string;
  readonly target: CalcificationTarget;
  /** Milliseconds the analysis took in the worker (null when it failed). */
  readonly workerMs: number | null;
  /** performance.now() when the worker's answer reached the page. */
  readonly receivedAt: number;
  readonly found: number;
}

export interface Instrumentation {
  /** Installs what the page shows the tests (with the spans in which the exam's edit gate is open); returns the uninstaller. */
  exposeTestHooks(draft: () => ExamDraft | null, heldInWorker: () => Promise<readonly string[]>, gate: EditGate | null): () => void;
  /** A mouse press on a viewport. */
  markClick(): void;
  /** A render showing this many measured calcifications. */
  markFindingShown(count: number): void;
  /** The worker has analysed a click (ms: its time in the worker). */
  markClickAnalysed(ms: number): void;
  /** A rectangle or lasso search has finished. */
  markRegion(r: RegionRecord): void;
}

const NOTHING: Instrumentation = {
  exposeTestHooks: () => () => undefined,
  markClick: () => undefined,
  markFindingShown: () => undefined,
  markClickAnalysed: () => undefined,
  markRegion: () => undefined,
};

let current: Instrumentation = NOTHING;

/** The instrumentation in use: nothing, unless the test build installed its hooks. */
export function instrumentation(): Instrumentation {
  return current;
}

/** Called once by main.tsx in the test build. */
export function installInstrumentation(hooks: Instrumentation): void {
  current = hooks;
}
