/**
 * The viewports on screen, by id: lets the app (and the browser tests, through window.calcscribe)
 * convert stored-image pixels to positions on a viewport, and keeps every image fitted whole in
 * its viewport as the layout changes size.
 */
import type { Types } from '@cornerstonejs/core';
import { pixelToWorld } from '../../../extensions/calcification/tools/index.js';
import type { LoadedImage } from '../loading/exam.js';
import { fitCamera } from '../../../extensions/calcification/viewport/fit-camera.js';
import { chestWallEdgeFor } from '../../../extensions/calcification/viewport/fit-image.js';

interface Entry {
  readonly viewport: Types.IStackViewport;
  readonly image: LoadedImage;
  readonly element: HTMLDivElement;
}

const entries = new Map<string, Entry>();
/** Viewports whose image is on its stack (hung and windowed), with the drawing size it was last fitted to ("" = not yet). */
const fittedAt = new Map<string, string>();
/** Frames to wait at most for Cornerstone to take a new element size (it skips a resize while a render is pending). */
const MAX_FRAMES_WAITED = 30;
let waiting: number | null = null;
/** Told once, when a viewport's newly displayed image has been fitted. */
const onFitted = new Map<string, () => void>();

export function registerViewport(id: string, e: Entry): void {
  entries.set(id, e);
  fittedAt.delete(id);
}

export function unregisterViewport(id: string): void {
  entries.delete(id);
  fittedAt.delete(id);
  onFitted.delete(id);
}

/** The viewport's image is on its stack, hung and windowed: it is to be fitted; `fitted` is called once it is. */
export function imageDisplayed(id: string, fitted: () => void = () => undefined): void {
  if (!entries.has(id)) return;
  fittedAt.set(id, '');
  onFitted.set(id, fitted);
}

export function viewportEntry(id: string): Entry | undefined {
  return entries.get(id);
}

/**
 * The viewport's camera is fitted to its canvas as the canvas is now, and the canvas has its
 * element's size: a position read from imageToCanvas is where the image is drawn. False while a
 * layout change (a view enlarged, the window resized) waits for its refit.
 */
export function isFitted(id: string): boolean {
  const e = entries.get(id);
  if (!e) return false;
  const canvas = e.viewport.canvas;
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return false;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) return false;
  return fittedAt.get(id) === `${width}×${height}`;
}

/** Stored-image pixel (x = column, y = row) → CSS pixel position inside the viewport's element. */
export function imageToCanvas(id: string, x: number, y: number): [number, number] | null {
  const e = entries.get(id);
  if (!e) return null;
  const c = e.viewport.worldToCanvas(pixelToWorld(e.image.imageId, { x, y }));
  return [c[0], c[1]];
}

/**
 * After the layout changes size or an image is displayed: lets Cornerstone take the new element
 * sizes (keeping the cameras of views that did not change), then fits each image whose drawing
 * area changed (or that is new) whole into its viewport, chest wall towards the middle of the
 * screen. A view whose canvas Cornerstone has not resized yet is fitted on a later frame.
 */
export function refitAll(resize: (immediate: boolean, keepCamera: boolean) => void, framesWaited = 0): void {
  resize(true, true);
  let stale = false;
  const dpr = window.devicePixelRatio || 1;
  for (const [id, e] of entries) {
    const done = fittedAt.get(id);
    if (done === undefined) continue;
    const canvas = e.viewport.canvas;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) continue;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      stale = true;
      continue;
    }
    const size = `${width}×${height}`;
    if (done === size) continue;
    const { summary } = e.image;
    const fit = fitCamera(e.viewport, e.image.imageId, summary.columns, summary.rows, { width, height }, chestWallEdgeFor(summary.meta.laterality));
    if (!fit.ok) continue;
    fittedAt.set(id, size);
    e.viewport.render();
    const told = onFitted.get(id);
    onFitted.delete(id);
    told?.();
  }
  if (stale && framesWaited < MAX_FRAMES_WAITED && waiting === null) {
    waiting = requestAnimationFrame(() => {
      waiting = null;
      refitAll(resize, framesWaited + 1);
    });
  }
}
