/**
 * Each image fitted whole in its viewport, chest wall against the edge towards the middle of the
 * screen: the real GE right MLO (portrait, 2394 × 3062) and phantoms of portrait and landscape
 * shapes, in viewports of different shapes (window sizes, the enlarged view), including a window
 * resized while the images load. Checked from Cornerstone's camera (where the image's corners
 * land), from the canvas (its size matches its element; the picture correlates with the file's
 * pixels; the breast reaches the viewport's inner edge) — not from the fit function itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { generatePhantom, phantomOptions } from '../../test-data/generator/index.js';
import { OUTPUT_DIR, openSampleExam, waitForFourViews, type ViewerSession } from './harness.js';
import { canvasColumnMean, correlation, expectedGrid, flipsFromTruth, sampleDisplayed, shownGeometry } from './page-sampling.js';

const GE = join(process.cwd(), 'test-data/real-mg/ge-senographe-essential-rmlo.dcm');
const GX = 24;
const GY = 32;
/** Tolerance in CSS pixels for "on the edge" and "inside". */
const EDGE_PX = 1;

interface Shown {
  readonly slot: 'RCC' | 'LCC' | 'RMLO' | 'LMLO';
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly image: MammoImage;
  /** How the stored image must be flipped to hang right (chest wall to the middle, lateral / superior up). */
  readonly flipH: boolean;
  readonly flipV: boolean;
}

async function ingest(bytes: Uint8Array): Promise<MammoImage> {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Phantoms of one made-up patient, each view with a different shape: wide CCs, a tall and a wide MLO. */
async function oddShapedPhantoms(): Promise<Shown[]> {
  const shapes = [
    { slot: 'RCC', side: 'R', view: 'CC', rows: 560, columns: 1000 },
    { slot: 'LCC', side: 'L', view: 'CC', rows: 1000, columns: 560 },
    { slot: 'RMLO', side: 'R', view: 'MLO', rows: 1400, columns: 520 },
    { slot: 'LMLO', side: 'L', view: 'MLO', rows: 600, columns: 1100 },
  ] as const;
  const out: Shown[] = [];
  for (const s of shapes) {
    const p = await generatePhantom(phantomOptions({ seed: 4101, side: s.side, view: s.view, size: { rows: s.rows, columns: s.columns }, findings: [] }));
    out.push({ slot: s.slot, fileName: `${s.slot}-${s.rows}x${s.columns}.dcm`, bytes: p.dicom, image: await ingest(p.dicom), ...flipsFromTruth(p.truth) });
  }
  return out;
}

async function openFiles(page: Page, files: readonly Shown[]): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(files.map((f) => ({ name: f.fileName, mimeType: 'application/dicom', buffer: Buffer.from(f.bytes) })));
}

async function waitForViews(page: Page, slots: readonly string[]): Promise<void> {
  for (const slot of slots) await page.locator(`[data-testid="viewport-${slot}"] .mammo-element[data-displayed="true"]`).waitFor({ timeout: 60_000 });
}

/**
 * The view shows the whole image, as large as fits, chest wall on the inner edge: the camera's
 * rectangle is inside the canvas and touches it on that edge and on two opposite sides; the canvas
 * has its element's size; the picture is the file's, hung the right way; the breast reaches the
 * canvas's inner edge and the outer edge is background.
 */
async function expectFitted(page: Page, shown: Shown, where: string): Promise<void> {
  const { slot, image } = shown;
  const testId = `viewport-${slot}`;
  const g = await shownGeometry(page, `current-${slot}`, testId, image.columns, image.rows);
  const label = `${shown.fileName} on ${slot} (${where}, viewport ${g.width} × ${g.height})`;
  expect(g.canvasWidth, `${label}: canvas width follows its element`).toBe(Math.round(g.width * g.devicePixelRatio));
  expect(g.canvasHeight, `${label}: canvas height follows its element`).toBe(Math.round(g.height * g.devicePixelRatio));
  const { rect } = g;
  expect(rect.x0, `${label}: left edge inside`).toBeGreaterThanOrEqual(-EDGE_PX);
  expect(rect.y0, `${label}: top inside`).toBeGreaterThanOrEqual(-EDGE_PX);
  expect(rect.x1, `${label}: right edge inside`).toBeLessThanOrEqual(g.width + EDGE_PX);
  expect(rect.y1, `${label}: bottom inside`).toBeLessThanOrEqual(g.height + EDGE_PX);
  const fillsHeight = Math.abs(rect.y1 - rect.y0 - g.height) <= EDGE_PX;
  const fillsWidth = Math.abs(rect.x1 - rect.x0 - g.width) <= EDGE_PX;
  expect(fillsHeight || fillsWidth, `${label}: as large as fits (${JSON.stringify(rect)})`).toBe(true);
  const right = slot.startsWith('R');
  if (right) expect(Math.abs(rect.x1 - g.width), `${label}: chest wall on the right edge (${JSON.stringify(rect)})`).toBeLessThanOrEqual(EDGE_PX);
  else expect(Math.abs(rect.x0), `${label}: chest wall on the left edge (${JSON.stringify(rect)})`).toBeLessThanOrEqual(EDGE_PX);

  // The canvas shows the file's pixels in that rectangle, hung the right way round.
  const density = (x: number, y: number): number => image.toDensity(image.stored[y * image.columns + x] as number);
  // The camera is fitted before the canvas is painted again after a resize: read until the paint
  // has landed (a picture that never matches still fails at the timeout).
  const expected = expectedGrid(image.columns, image.rows, density, GX, GY, shown.flipH, shown.flipV);
  const expectedMirrored = expectedGrid(image.columns, image.rows, density, GX, GY, !shown.flipH, shown.flipV);
  let same = Number.NaN;
  let mirrored = Number.NaN;
  await expect
    .poll(
      async () => {
        const samples = await sampleDisplayed(page, `current-${slot}`, testId, image.columns, image.rows, GX, GY);
        same = correlation(samples.grey, expected);
        mirrored = correlation(samples.grey, expectedMirrored);
        return same;
      },
      { timeout: 10_000, message: `${label}: the picture is the file's` },
    )
    .toBeGreaterThan(0.85);
  expect(same - mirrored, `${label}: hung the right way round`).toBeGreaterThan(0.2);

  // On the canvas itself: breast in the pixel column at the inner edge, background at the outer edge of the image.
  const inner = await canvasColumnMean(page, testId, right ? g.width - 1 : 0, rect.y0, rect.y1);
  const outer = await canvasColumnMean(page, testId, right ? rect.x0 + 1 : rect.x1 - 2, rect.y0, rect.y1);
  expect(inner, `${label}: breast at the viewport's inner edge`).toBeGreaterThan(40);
  expect(outer, `${label}: background at the image's outer edge`).toBeLessThan(inner / 3);
}

describe('images fitted whole, chest wall to the middle', () => {
  let s: ViewerSession;
  let ge: Shown;
  let phantoms: Shown[];

  beforeAll(async () => {
    const bytes = new Uint8Array(await readFile(GE));
    ge = { slot: 'RMLO', fileName: 'ge-senographe-essential-rmlo.dcm', bytes, image: await ingest(bytes), flipH: false, flipV: false };
    phantoms = await oddShapedPhantoms();
    s = await openSampleExam({ viewport: { width: 1400, height: 1000 } });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('the GE right MLO (2394 × 3062): whole, chest wall on the middle edge, in landscape and portrait viewports and enlarged', async () => {
    await openFiles(s.page, [ge]);
    await s.page.getByTestId('status').filter({ hasText: '1 image loaded from local files' }).waitFor({ timeout: 60_000 });
    await waitForViews(s.page, ['RMLO']);
    await expectFitted(s.page, ge, 'window 1400 × 1000');
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-fit-ge-rmlo.png') });
    for (const [width, height] of [
      [1920, 1080],
      [900, 1200],
      [1280, 1024],
    ] as const) {
      await s.page.setViewportSize({ width, height });
      await expect.poll(async () => (await shownGeometry(s.page, 'current-RMLO', 'viewport-RMLO', 2394, 3062)).canvasWidth, { timeout: 10_000 }).not.toBe(0);
      await expect.poll(() => fittedNow(s.page, ge), { timeout: 10_000 }).toBe(true);
      await expectFitted(s.page, ge, `window ${width} × ${height}`);
    }
    await s.page.getByTestId('viewport-RMLO').dblclick();
    await waitForViews(s.page, ['RMLO']);
    await expect.poll(() => fittedNow(s.page, ge), { timeout: 10_000 }).toBe(true);
    await expectFitted(s.page, ge, 'enlarged');
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-fit-ge-rmlo-enlarged.png') });
    await s.page.getByTestId('viewport-RMLO').dblclick();
  });

  it('phantoms of portrait and landscape shapes: each whole, chest walls meeting in the middle, in three window shapes', async () => {
    await s.page.setViewportSize({ width: 1400, height: 1000 });
    await openFiles(s.page, phantoms);
    await s.page.getByTestId('status').filter({ hasText: '4 images loaded from local files' }).waitFor({ timeout: 60_000 });
    await waitForFourViews(s.page);
    for (const [width, height] of [
      [1400, 1000],
      [1920, 1080],
      [1000, 1300],
    ] as const) {
      await s.page.setViewportSize({ width, height });
      for (const p of phantoms) await expect.poll(() => fittedNow(s.page, p), { timeout: 10_000 }).toBe(true);
      for (const p of phantoms) await expectFitted(s.page, p, `window ${width} × ${height}`);
      // Back to back: each pair's chest walls meet across the middle of the hanging (the grid's 2 px gap apart).
      for (const view of ['CC', 'MLO'] as const) {
        const r = phantoms.find((p) => p.slot === `R${view}`) as Shown;
        const l = phantoms.find((p) => p.slot === `L${view}`) as Shown;
        const gr = await shownGeometry(s.page, `current-R${view}`, `viewport-R${view}`, r.image.columns, r.image.rows);
        const gl = await shownGeometry(s.page, `current-L${view}`, `viewport-L${view}`, l.image.columns, l.image.rows);
        expect(gl.pageX + gl.rect.x0 - (gr.pageX + gr.rect.x1), `${view} chest walls ${width} × ${height}`).toBeLessThanOrEqual(2 + 2 * EDGE_PX);
      }
    }
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-fit-phantom-shapes.png') });
  });

  it('a window resized while the images are loading: each image is fitted to the size it ends up with', async () => {
    await s.page.setViewportSize({ width: 1400, height: 1000 });
    await openFiles(s.page, phantoms);
    await s.page.setViewportSize({ width: 1100, height: 1250 });
    await s.page.getByTestId('status').filter({ hasText: '4 images loaded from local files' }).waitFor({ timeout: 60_000 });
    await waitForFourViews(s.page);
    await s.page.setViewportSize({ width: 1700, height: 900 });
    for (const p of phantoms) await expect.poll(() => fittedNow(s.page, p), { timeout: 10_000 }).toBe(true);
    for (const p of phantoms) await expectFitted(s.page, p, 'window resized while loading');
  });
});

/** The camera's rectangle fills the viewport one way and lies on its inner edge (used to wait for a refit after a resize). */
async function fittedNow(page: Page, shown: Shown): Promise<boolean> {
  const g = await shownGeometry(page, `current-${shown.slot}`, `viewport-${shown.slot}`, shown.image.columns, shown.image.rows);
  const { rect } = g;
  const inside = rect.x0 >= -EDGE_PX && rect.y0 >= -EDGE_PX && rect.x1 <= g.width + EDGE_PX && rect.y1 <= g.height + EDGE_PX;
  const fills = Math.abs(rect.y1 - rect.y0 - g.height) <= EDGE_PX || Math.abs(rect.x1 - rect.x0 - g.width) <= EDGE_PX;
  const edge = shown.slot.startsWith('R') ? Math.abs(rect.x1 - g.width) <= EDGE_PX : Math.abs(rect.x0) <= EDGE_PX;
  return inside && fills && edge && g.canvasWidth === Math.round(g.width * g.devicePixelRatio);
}

describe('on a high-density screen (2 device pixels per CSS pixel)', () => {
  let s: ViewerSession;
  let ge: Shown;

  beforeAll(async () => {
    const bytes = new Uint8Array(await readFile(GE));
    ge = { slot: 'RMLO', fileName: 'ge-senographe-essential-rmlo.dcm', bytes, image: await ingest(bytes), flipH: false, flipV: false };
    s = await openSampleExam({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('the GE right MLO is whole with its chest wall on the middle edge', async () => {
    await openFiles(s.page, [ge]);
    await s.page.getByTestId('status').filter({ hasText: '1 image loaded from local files' }).waitFor({ timeout: 60_000 });
    await waitForViews(s.page, ['RMLO']);
    await expect.poll(() => fittedNow(s.page, ge), { timeout: 10_000 }).toBe(true);
    await expectFitted(s.page, ge, 'device pixel ratio 2');
  });
});
