/**
 * Grey levels on screen follow the file: the canvas is read at known image positions and compared
 * with the DICOM display pipeline computed in Node from the stored pixels — modality LUT, the
 * header's first window with its VOI LUT Function (PS3.3 C.11.2.1.2: LINEAR, LINEAR_EXACT,
 * SIGMOID), then MONOCHROME1 inversion. The committed MONOCHROME1 phantom is compared with its
 * MONOCHROME2 twin (same seed, made by the generator here); the SIGMOID and LINEAR_EXACT files are
 * the twin with only its VOI LUT Function changed (the committed set has LINEAR only).
 */
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { makeNamedPhantom } from '../../test-data/generator/make-committed-set.js';
import { OUTPUT_DIR, openSampleExam, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

interface DicomDict {
  dict: Record<string, { Value: unknown[] } | undefined>;
  write(): ArrayBuffer;
}
const dcmjs = createRequire(import.meta.url)('dcmjs') as { data: { DicomMessage: { readFile(b: ArrayBuffer): DicomDict } } };

const UNIT = join(process.cwd(), 'test-data/unit');
/** The committed MONOCHROME1 phantom's arguments without --photometric (make-committed-set.ts). */
const TWIN_ARGS = ['--seed', '11', '--size', '256x208', '--calcifications', 'round'];

let s: ViewerSession;
let dir: string;
const files = new Map<string, Buffer>();

/** The same file with another VOI LUT Function (0028,1056). */
function withVoiFunction(bytes: Buffer, fn: string): Buffer {
  const dict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const el = dict.dict['00281056'];
  if (!el) throw new Error('file has no VOI LUT Function');
  el.Value = [fn];
  return Buffer.from(dict.write());
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calcscribe-voi-'));
  await makeNamedPhantom(dir, 'monochrome2-twin', TWIN_ARGS);
  files.set('monochrome1', await readFile(join(UNIT, 'monochrome1.dcm')));
  const twin = await readFile(join(dir, 'monochrome2-twin.dcm'));
  files.set('monochrome2-twin', twin);
  files.set('sigmoid', withVoiFunction(twin, 'SIGMOID'));
  files.set('linear-exact', withVoiFunction(twin, 'LINEAR_EXACT'));
  files.set('monochrome1-sigmoid', withVoiFunction(files.get('monochrome1') as Buffer, 'SIGMOID'));
  s = await openSampleExam();
  // Counts each time the RCC viewport reports a newly displayed image.
  await s.page.evaluate(() => {
    const el = document.querySelector('[data-testid="viewport-RCC"] .mammo-element') as HTMLElement;
    const w = window as unknown as { rccShown: number };
    w.rccShown = 0;
    new MutationObserver(() => {
      if (el.dataset.displayed === 'true') w.rccShown++;
    }).observe(el, { attributes: true, attributeFilter: ['data-displayed'] });
  });
});

afterAll(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function ingest(bytes: Buffer): Promise<MammoImage> {
  const r = await ingestDicom(new Uint8Array(bytes));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Opens one file with the picker and waits until the RCC viewport shows it. */
async function show(page: Page, name: string): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { rccShown: number }).rccShown);
  await page.locator('input[type="file"]').setInputFiles([{ name: `${name}.dcm`, mimeType: 'application/dicom', buffer: files.get(name) as Buffer }]);
  await page.waitForFunction((n) => (window as unknown as { rccShown: number }).rccShown > n, before, { timeout: 30_000 });
  await page.getByTestId('status').filter({ hasText: '1 image loaded from local files' }).waitFor();
  await page.waitForTimeout(300);
}

interface Sampled {
  /** Grey level 0–255 read from the canvas. */
  readonly grey: number;
  /** Largest difference between the red, green and blue values (0 for a grey display). */
  readonly colour: number;
  /** The stored-image position (x = column, y = row) at the centre of the canvas pixel read. */
  readonly x: number;
  readonly y: number;
}

/**
 * Reads the RCC canvas at the canvas pixels nearest to the given image positions, and gives back
 * the exact image position of each canvas pixel's centre (through the viewport's own transform).
 */
async function sampleAt(page: Page, points: readonly { x: number; y: number }[]): Promise<Sampled[]> {
  return page.evaluate((points) => {
    const hooks = window.calcscribe;
    if (!hooks) throw new Error('window.calcscribe missing');
    const o = hooks.imageToCanvas('current-RCC', 0, 0);
    const ex = hooks.imageToCanvas('current-RCC', 1, 0);
    const ey = hooks.imageToCanvas('current-RCC', 0, 1);
    if (!o || !ex || !ey) throw new Error('RCC viewport not registered');
    // CSS = o + x·a + y·b; solve for (x, y).
    const a = [ex[0] - o[0], ex[1] - o[1]];
    const b = [ey[0] - o[0], ey[1] - o[1]];
    const det = (a[0] as number) * (b[1] as number) - (a[1] as number) * (b[0] as number);
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="viewport-RCC"] canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) throw new Error('no canvas');
    const sx = canvas.width / canvas.clientWidth;
    const sy = canvas.height / canvas.clientHeight;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    return points.map((p) => {
      const c = hooks.imageToCanvas('current-RCC', p.x, p.y) as [number, number];
      const px = Math.floor(c[0] * sx);
      const py = Math.floor(c[1] * sy);
      const k = (py * canvas.width + px) * 4;
      const rgb = [data[k] ?? 0, data[k + 1] ?? 0, data[k + 2] ?? 0];
      const dx = (px + 0.5) / sx - o[0];
      const dy = (py + 0.5) / sy - o[1];
      return {
        grey: (rgb[0]! + rgb[1]! + rgb[2]!) / 3,
        colour: Math.max(...rgb) - Math.min(...rgb),
        x: (dx * (b[1] as number) - dy * (b[0] as number)) / det,
        y: ((a[0] as number) * dy - (a[1] as number) * dx) / det,
      };
    });
  }, points);
}

/** Modality LUT output at an image position, bilinear between the four pixel centres around it (as the display interpolates). */
function modalityAt(image: MammoImage, x: number, y: number): number {
  const { rescaleSlope, rescaleIntercept, bitsStored } = image.meta;
  const mask = 2 ** bitsStored - 1;
  const at = (i: number, j: number): number => {
    const ci = Math.min(image.columns - 1, Math.max(0, i));
    const cj = Math.min(image.rows - 1, Math.max(0, j));
    return ((image.stored[cj * image.columns + ci] as number) & mask) * rescaleSlope + rescaleIntercept;
  };
  const i = Math.floor(x);
  const j = Math.floor(y);
  const fx = x - i;
  const fy = y - j;
  return (at(i, j) * (1 - fx) + at(i + 1, j) * fx) * (1 - fy) + (at(i, j + 1) * (1 - fx) + at(i + 1, j + 1) * fx) * fy;
}

/** PS3.3 C.11.2.1.2 with the first window of the header, output 0–255, then MONOCHROME1 inverted. */
function displayed(image: MammoImage, x: number, y: number): number {
  const w = image.meta.windows[0];
  if (!w) throw new Error('file has no window');
  const v = modalityAt(image, x, y);
  const { center: c, width } = w;
  const fn = (image.meta.voiLutFunction ?? 'LINEAR').trim().toUpperCase();
  let out: number;
  if (fn === 'SIGMOID') out = 255 / (1 + Math.exp((-4 * (v - c)) / width));
  else if (fn === 'LINEAR_EXACT') out = v <= c - width / 2 ? 0 : v > c + width / 2 ? 255 : ((v - c) / width + 0.5) * 255;
  else out = v <= c - 0.5 - (width - 1) / 2 ? 0 : v > c - 0.5 + (width - 1) / 2 ? 255 : ((v - (c - 0.5)) / (width - 1) + 0.5) * 255;
  return image.meta.photometric === 'MONOCHROME1' ? 255 - out : out;
}

/** A grid of image positions over the whole image (breast, skin line and background). */
function grid(columns: number, rows: number, n = 16): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) out.push({ x: 2 + ((i + 0.5) / n) * (columns - 5), y: 2 + ((j + 0.5) / n) * (rows - 5) });
  return out;
}

interface Comparison {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly samples: readonly { shown: number; expected: number }[];
}

async function compareWithFormula(page: Page, name: string): Promise<Comparison> {
  const image = await ingest(files.get(name) as Buffer);
  const shown = await sampleAt(page, grid(image.columns, image.rows));
  for (const p of shown) expect(p.colour).toBeLessThanOrEqual(1);
  const samples = shown.map((p) => ({ shown: p.grey, expected: displayed(image, p.x, p.y) }));
  const errors = samples.map((q) => Math.abs(q.shown - q.expected)).sort((a, b) => a - b);
  const q = (f: number): number => errors[Math.min(errors.length - 1, Math.floor(f * errors.length))] as number;
  return { median: q(0.5), p95: q(0.95), max: errors[errors.length - 1] as number, samples };
}

/** Expects the canvas to follow the formula within a few grey levels, and the samples to span the window's output range. */
function expectFollowsFormula(name: string, c: Comparison): void {
  console.log(`${name}: |shown − DICOM formula| median ${c.median.toFixed(2)}, p95 ${c.p95.toFixed(2)}, max ${c.max.toFixed(2)} grey levels over ${c.samples.length} points`);
  expect(c.median).toBeLessThanOrEqual(1.5);
  expect(c.p95).toBeLessThanOrEqual(3);
  expect(c.max).toBeLessThanOrEqual(6);
  const expected = c.samples.map((q) => q.expected);
  // The points cover dark background and bright tissue, so the check is not a flat comparison.
  expect(Math.min(...expected)).toBeLessThan(30);
  expect(Math.max(...expected)).toBeGreaterThan(150);
}

describe('VOI and photometric display', () => {
  it('MONOCHROME2 twin (VOI LUT Function LINEAR): the canvas follows the linear window', async () => {
    await show(s.page, 'monochrome2-twin');
    expectFollowsFormula('MONOCHROME2 LINEAR', await compareWithFormula(s.page, 'monochrome2-twin'));
  });

  it('MONOCHROME1: the breast is bright on a dark background, like its MONOCHROME2 twin, and the canvas follows the inverted window', async () => {
    const twin = await sampleAt(s.page, grid(208, 256));
    await show(s.page, 'monochrome1');
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-voi-monochrome1.png') });
    const mono1 = await sampleAt(s.page, grid(208, 256));
    // Same phantom, inverted storage and window: the same picture within a grey level or two.
    const diffs = mono1.map((p, i) => Math.abs(p.grey - (twin[i] as Sampled).grey)).sort((a, b) => a - b);
    console.log(`MONOCHROME1 vs MONOCHROME2 twin: median difference ${diffs[diffs.length >> 1]?.toFixed(2)}, max ${diffs[diffs.length - 1]?.toFixed(2)} grey levels`);
    expect(diffs[diffs.length >> 1]).toBeLessThanOrEqual(1);
    expect(diffs[diffs.length - 1]).toBeLessThanOrEqual(4);
    // Bright breast, dark background: the truth's chest wall is the right edge; the outer left corner is background.
    const truth = await readTruth(UNIT, 'monochrome1');
    expect(truth.chestWallEdge).toBe('right');
    const image = await ingest(files.get('monochrome1') as Buffer);
    const near = await sampleAt(s.page, [
      { x: image.columns - 4, y: image.rows / 2 },
      { x: 3, y: 3 },
      { x: 3, y: image.rows - 4 },
    ]);
    expect(near[0]!.grey).toBeGreaterThan(60);
    expect(near[1]!.grey).toBeLessThan(10);
    expect(near[2]!.grey).toBeLessThan(10);
    expectFollowsFormula('MONOCHROME1 LINEAR', await compareWithFormula(s.page, 'monochrome1'));
  });

  it('VOI LUT Function SIGMOID: the canvas follows the sigmoid of the header window', async () => {
    await show(s.page, 'sigmoid');
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-voi-sigmoid.png') });
    const c = await compareWithFormula(s.page, 'sigmoid');
    expectFollowsFormula('SIGMOID', c);
    // Not the linear window: somewhere the two differ by more than the tolerance.
    const image = await ingest(files.get('monochrome2-twin') as Buffer);
    const shown = await sampleAt(s.page, grid(image.columns, image.rows));
    const linearGap = Math.max(...shown.map((p) => Math.abs(p.grey - displayed(image, p.x, p.y))));
    expect(linearGap).toBeGreaterThan(15);
  });

  it('VOI LUT Function SIGMOID on MONOCHROME1: inverted after the sigmoid', async () => {
    await show(s.page, 'monochrome1-sigmoid');
    expectFollowsFormula('MONOCHROME1 SIGMOID', await compareWithFormula(s.page, 'monochrome1-sigmoid'));
  });

  it('VOI LUT Function LINEAR_EXACT: the canvas follows the exact linear window', async () => {
    await show(s.page, 'linear-exact');
    expectFollowsFormula('LINEAR_EXACT', await compareWithFormula(s.page, 'linear-exact'));
  });
});
