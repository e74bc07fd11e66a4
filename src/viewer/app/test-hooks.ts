/**
 * What the browser tests and benchmarks read from the page (window.calcscribe): image → viewport
 * positions and timings. Read-only views of the app's state; nothing here changes it.
 */
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { imageToCanvas } from '../viewport/registry.js';

export interface CalcscribeHooks {
  /** Stored-image pixel → CSS position inside the viewport element, e.g. ('current-RCC', 410, 388). */
  imageToCanvas(viewportId: string, x: number, y: number): [number, number] | null;
  /** Milliseconds from each mouse press on a viewport to the finding shown with the new calcification. */
  readonly clickToFinding: number[];
  /** The exam draft as it stands (null before the exam is loaded). */
  draft(): ExamDraft | null;
}

declare global {
  interface Window {
    calcscribe?: CalcscribeHooks;
  }
}

let pressedAt: number | null = null;
let shownCount = 0;
const clickToFinding: number[] = [];

/** Installs window.calcscribe; returns the uninstaller. */
export function exposeTestHooks(draft: () => ExamDraft | null): () => void {
  window.calcscribe = { imageToCanvas, clickToFinding, draft };
  return () => {
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
