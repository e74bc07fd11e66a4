/**
 * Reading what a viewport shows: grey levels from the Cornerstone canvas at a grid over the
 * image's displayed rectangle (screen positions, so flips show), and the truth images to compare.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface DisplayedSamples {
  readonly gx: number;
  readonly gy: number;
  /** Grey levels 0–255, row-major, gx × gy, at the centres of a grid over the image rectangle on screen. */
  readonly grey: number[];
  /** The image's rectangle on the canvas (CSS pixels). */
  readonly rect: { x0: number; y0: number; x1: number; y1: number };
}

/** Samples the displayed image of a viewport (e.g. 'current-RCC') on a gx × gy grid. */
export async function sampleDisplayed(page: Page, viewportId: string, testId: string, columns: number, rows: number, gx: number, gy: number): Promise<DisplayedSamples> {
  return page.evaluate(
    ({ viewportId, testId, columns, rows, gx, gy }) => {
      const hooks = window.calcscribe;
      if (!hooks) throw new Error('window.calcscribe missing');
      const corners = [
        [-0.5, -0.5],
        [columns - 0.5, -0.5],
        [-0.5, rows - 0.5],
        [columns - 0.5, rows - 0.5],
      ].map(([x, y]) => hooks.imageToCanvas(viewportId, x as number, y as number));
      if (corners.some((c) => c === null)) throw new Error(`viewport ${viewportId} not registered`);
      const xs = corners.map((c) => (c as [number, number])[0]);
      const ys = corners.map((c) => (c as [number, number])[1]);
      const rect = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"] canvas`);
      if (!canvas) throw new Error('no canvas');
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      const sx = canvas.width / canvas.clientWidth;
      const sy = canvas.height / canvas.clientHeight;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const grey: number[] = [];
      for (let j = 0; j < gy; j++) {
        for (let i = 0; i < gx; i++) {
          const cx = Math.floor((rect.x0 + ((i + 0.5) / gx) * (rect.x1 - rect.x0)) * sx);
          const cy = Math.floor((rect.y0 + ((j + 0.5) / gy) * (rect.y1 - rect.y0)) * sy);
          const k = (cy * canvas.width + cx) * 4;
          grey.push(((data[k] ?? 0) + (data[k + 1] ?? 0) + (data[k + 2] ?? 0)) / 3);
        }
      }
      return { gx, gy, grey, rect };
    },
    { viewportId, testId, columns, rows, gx, gy },
  );
}

/** Pearson correlation of two equally long series. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

export interface Truth {
  readonly rows: number;
  readonly columns: number;
  readonly laterality: 'R' | 'L';
  readonly view: string;
  readonly patientOrientation: readonly [string, string];
  readonly chestWallEdge: 'left' | 'right';
  readonly calcifications: readonly { id: string; groupId: string; morphology: string; centre: { x: number; y: number }; longAxisMm: number; shortAxisMm: number }[];
}

export async function readTruth(dir: string, name: string): Promise<Truth> {
  return JSON.parse(await readFile(join(dir, `${name}.truth.json`), 'utf8')) as Truth;
}

/** How the truth says the stored image must be flipped on screen: chest wall to the middle, lateral / superior up. */
export function flipsFromTruth(t: Pick<Truth, 'laterality' | 'chestWallEdge' | 'view' | 'patientOrientation'>): { flipH: boolean; flipV: boolean } {
  const flipH = (t.laterality === 'R') !== (t.chestWallEdge === 'right');
  const column = t.patientOrientation[1];
  const flipV = t.view === 'CC' ? column.includes(t.laterality) : column.includes('H');
  return { flipH, flipV };
}

/** A value per stored pixel (e.g. density) at the centres of a gx × gy grid over the image as shown with the given flips. */
export function expectedGrid(columns: number, rows: number, value: (x: number, y: number) => number, gx: number, gy: number, flipH: boolean, flipV: boolean): number[] {
  const out: number[] = [];
  for (let j = 0; j < gy; j++) {
    for (let i = 0; i < gx; i++) {
      const u = (i + 0.5) / gx;
      const v = (j + 0.5) / gy;
      const x = Math.min(columns - 1, Math.floor((flipH ? 1 - u : u) * columns));
      const y = Math.min(rows - 1, Math.floor((flipV ? 1 - v : v) * rows));
      out.push(value(x, y));
    }
  }
  return out;
}

export interface ShownGeometry {
  /** The viewport's drawing area (its canvas element) in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The canvas's own pixel size and the page's device pixel ratio: a canvas Cornerstone has not resized shows a stretched picture. */
  readonly canvasWidth: number;
  readonly canvasHeight: number;
  readonly devicePixelRatio: number;
  /** The image's outer edges on the canvas, from Cornerstone's camera (CSS pixels). */
  readonly rect: { x0: number; y0: number; x1: number; y1: number };
  /** The viewport element's position on the page. */
  readonly pageX: number;
  readonly pageY: number;
}

/** Where the camera puts the whole image of a viewport, and the size of the canvas it is drawn on. */
export async function shownGeometry(page: Page, viewportId: string, testId: string, columns: number, rows: number): Promise<ShownGeometry> {
  return page.evaluate(
    ({ viewportId, testId, columns, rows }) => {
      const hooks = window.calcscribe;
      if (!hooks) throw new Error('window.calcscribe missing');
      const corners = [
        [-0.5, -0.5],
        [columns - 0.5, -0.5],
        [-0.5, rows - 0.5],
        [columns - 0.5, rows - 0.5],
      ].map(([x, y]) => hooks.imageToCanvas(viewportId, x as number, y as number));
      if (corners.some((c) => c === null)) throw new Error(`viewport ${viewportId} not registered`);
      const xs = corners.map((c) => (c as [number, number])[0]);
      const ys = corners.map((c) => (c as [number, number])[1]);
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"] canvas`);
      if (!canvas) throw new Error('no canvas');
      const box = canvas.getBoundingClientRect();
      return {
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        canvasWidth: canvas.width,
        canvasHeight: canvas.height,
        devicePixelRatio: window.devicePixelRatio,
        rect: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
        pageX: box.left,
        pageY: box.top,
      };
    },
    { viewportId, testId, columns, rows },
  );
}

/** Mean grey level of the canvas pixels in one column (CSS x) between two CSS rows. */
export async function canvasColumnMean(page: Page, testId: string, x: number, y0: number, y1: number): Promise<number> {
  return page.evaluate(
    ({ testId, x, y0, y1 }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"] canvas`);
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) throw new Error('no canvas');
      const sx = canvas.width / canvas.clientWidth;
      const sy = canvas.height / canvas.clientHeight;
      const cx = Math.min(canvas.width - 1, Math.max(0, Math.floor(x * sx)));
      const top = Math.max(0, Math.floor(y0 * sy));
      const bottom = Math.min(canvas.height, Math.ceil(y1 * sy));
      const data = ctx.getImageData(cx, top, 1, Math.max(1, bottom - top)).data;
      let sum = 0;
      for (let k = 0; k < data.length; k += 4) sum += ((data[k] ?? 0) + (data[k + 1] ?? 0) + (data[k + 2] ?? 0)) / 3;
      return sum / Math.max(1, data.length / 4);
    },
    { testId, x, y0, y1 },
  );
}
