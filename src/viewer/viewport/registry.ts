/**
 * The viewports on screen, by id: lets the app (and the browser tests, through window.calcscribe)
 * convert stored-image pixels to positions on a viewport.
 */
import type { Types } from '@cornerstonejs/core';
import { pixelToWorld } from '../../../extensions/calcification/tools/index.js';
import type { LoadedImage } from '../loading/exam.js';

interface Entry {
  readonly viewport: Types.IStackViewport;
  readonly image: LoadedImage;
  readonly element: HTMLDivElement;
}

const entries = new Map<string, Entry>();

export function registerViewport(id: string, e: Entry): void {
  entries.set(id, e);
}

export function unregisterViewport(id: string): void {
  entries.delete(id);
}

export function viewportEntry(id: string): Entry | undefined {
  return entries.get(id);
}

/** Stored-image pixel (x = column, y = row) → CSS pixel position inside the viewport's element. */
export function imageToCanvas(id: string, x: number, y: number): [number, number] | null {
  const e = entries.get(id);
  if (!e) return null;
  const c = e.viewport.worldToCanvas(pixelToWorld(e.image.imageId, { x, y }));
  return [c[0], c[1]];
}

/**
 * After the layout changes size: fits every image on screen to its viewport again and re-applies
 * its hanging flips (fitting resets the camera, flips included).
 */
export function refitAll(resize: (immediate: boolean, keepCamera: boolean) => void): void {
  resize(true, false);
  for (const e of entries.values()) {
    e.viewport.setCamera({ flipHorizontal: e.image.flips.flipHorizontal, flipVertical: e.image.flips.flipVertical });
    e.viewport.render();
  }
}
