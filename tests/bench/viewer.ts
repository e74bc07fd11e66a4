/**
 * The viewer in headless Chromium (Debian's /usr/bin/chromium, WebGL through SwiftShader), on a
 * full-size exam: the phantom generator's screening exam and its prior at 4096 × 3328 (0.07 mm),
 * the prior JPEG-LS compressed, generated into a temporary folder at the start of the run (or read
 * from CALCSCRIBE_BENCH_EXAM when that names such a folder).
 *
 * - time to the four images displayed: from navigation start to the fourth viewport's first
 *   render, median of 5 loads, against a bare Cornerstone3D page (src/viewer/bare/) loading the
 *   same four files in the same run, loads alternating. Target ≤ 1.2 × the bare page.
 * - Chromium memory: the PSS of every Chromium process (chromium-memory.ts), a fresh browser for
 *   each page, after a garbage collection: the viewer with the exam (and its prior, loaded in the
 *   background) ready beside the bare page with its four images; target ≤ 1.2 × the bare page.
 *   Then the same viewer after opening the CC and then the MLO comparison (current and prior
 *   side by side, four viewports), beside the same bare figure.
 * - click to finding shown: from the mouse press on a calcification to the findings list showing
 *   it (measured in the page: press → render of the new finding + one animation frame), over up
 *   to 24 distinct calcifications of the exam, clicked as a radiologist does at full size: each
 *   view enlarged, zoomed out (right-button drag) until the calcification is on screen, zoomed in
 *   on it to at least one screen pixel per image pixel, then clicked; every calcification measured
 *   stays in the draft (outlines and findings accumulate). p95. Target ≤ 100 ms. Beside it, the
 *   core's own analysis of the same points in Node (what the worker runs: analyseCalcifications,
 *   one cold pass), and the worker's time for the clicks in the page.
 *
 * Run alone with `npx tsx tests/bench/viewer.ts`.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import type { Px } from '../../src/core/units.js';
import { serveViewer } from '../../src/viewer/serve.js';
import { generateScreeningExam, writeExam } from '../../test-data/generator/screening-exam.js';
import { chromiumMemory } from './chromium-memory.js';
import type { BenchResult } from './result.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LOADS = 5;
export const SLOTS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;
export const EXAM_PREFIX = '/full/';
export const VIEWER_PATH = `/?exam=${EXAM_PREFIX}`;
const BARE_PATH = `/bare/index.html?exam=${EXAM_PREFIX}`;
/** Loading 100 MB of images on a busy two-core machine can take a while. */
export const TIMEOUT = 240_000;

/** The few page globals read here (this file is type-checked without the DOM library). */
interface PageGlobals {
  readonly document: { querySelector(s: string): { getAttribute(n: string): string | null } | null; querySelectorAll(s: string): { length: number } };
  readonly performance: { getEntriesByName(n: string): { startTime: number }[] };
  readonly bareDisplayed?: number;
  readonly calcscribe?: { imageToCanvas(id: string, x: number, y: number): [number, number] | null; clickToFinding: number[]; clickWorkerMs: number[]; draft(): { calcifications: unknown[] } | null };
}

const displayed = (testId: string): boolean => (globalThis as unknown as PageGlobals).document.querySelector(`[data-testid="${testId}"] .mammo-element`)?.getAttribute('data-displayed') === 'true';
export const fourShown = (): boolean => ['RCC', 'LCC', 'RMLO', 'LMLO'].every((s) => (globalThis as unknown as PageGlobals).document.querySelector(`[data-testid="viewport-${s}"] .mammo-element`)?.getAttribute('data-displayed') === 'true');
const viewerDisplayedAt = (): number => Math.max(...['RCC', 'LCC', 'RMLO', 'LMLO'].map((s) => (globalThis as unknown as PageGlobals).performance.getEntriesByName(`calcscribe-displayed-current-${s}`)[0]?.startTime ?? Infinity));
export const draftReady = (): boolean => ((globalThis as unknown as PageGlobals).calcscribe?.draft() ?? null) !== null;
const bareDone = (): boolean => (globalThis as unknown as PageGlobals).bareDisplayed !== undefined;
const calcificationCount = (): number => (globalThis as unknown as PageGlobals).calcscribe?.draft()?.calcifications.length ?? 0;

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
};
export const p95 = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] as number;
};
const GiB = 2 ** 30;

/** The full-size exam: the folder named by CALCSCRIBE_BENCH_EXAM, or one generated now (removed after). */
export async function fullSizeExam(): Promise<{ dir: string; generated: boolean }> {
  const given = process.env.CALCSCRIBE_BENCH_EXAM;
  if (given !== undefined && given !== '') {
    await stat(join(given, 'exam.json'));
    return { dir: given, generated: false };
  }
  const dir = await mkdtemp(join(tmpdir(), 'calcscribe-bench-full-exam-'));
  await writeExam(dir, await generateScreeningExam({ seed: 2026, size: 'full', priorSyntax: 'jpeg-ls' }));
  return { dir, generated: true };
}

export interface TruthPoint {
  readonly slot: string;
  readonly x: number;
  readonly y: number;
}

export async function clickTargets(dir: string): Promise<TruthPoint[]> {
  const out: TruthPoint[] = [];
  for (const slot of SLOTS) {
    const t = JSON.parse(await readFile(join(dir, `${slot}.truth.json`), 'utf8')) as { calcifications: { centre: { x: number; y: number }; longAxisMm: number }[] };
    for (const c of t.calcifications.filter((c) => c.longAxisMm >= 0.4).slice(0, 6)) out.push({ slot, x: c.centre.x, y: c.centre.y });
  }
  return out;
}

/** What the worker runs on each click (the calcification outlined, measured and described: analyseCalcifications) on each click target, in Node: ms per point. */
async function coreAnalysisTimes(dir: string, targets: readonly TruthPoint[]): Promise<number[]> {
  const out: number[] = [];
  for (const slot of SLOTS) {
    const image = await ingestDicom(new Uint8Array(await readFile(join(dir, `${slot}.dcm`))));
    if (!image.ok) throw new Error(`${slot}: ${image.error.message}`);
    for (const t of targets.filter((t) => t.slot === slot)) {
      const t0 = performance.now();
      analyseCalcifications(image.value, { seeds: [{ x: t.x as Px, y: t.y as Px }] });
      out.push(performance.now() - t0);
    }
  }
  return out;
}

export async function launch(): Promise<{ context: BrowserContext; page: Page; profile: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'calcscribe-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  return { context, page: context.pages()[0] ?? (await context.newPage()), profile };
}

/** Chromium's memory after a garbage collection in the page and a moment to settle. */
async function settledMemory(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await page.waitForTimeout(3000);
  return chromiumMemory().bytes;
}

/** Memory of a fresh browser showing one page, measured by `measure` once `ready`. */
async function inFreshBrowser<T>(url: string, measure: (page: Page) => Promise<T>): Promise<T> {
  const { context, page, profile } = await launch();
  try {
    await page.goto(url);
    return await measure(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** p95 of click to finding shown less the worker's time of the same click (clicks and worker times in the same order). */
function pagePart(clicks: readonly number[], workerMs: readonly number[]): number {
  if (clicks.length === 0 || clicks.length !== workerMs.length) return NaN;
  return p95(clicks.map((c, i) => c - (workerMs[i] as number)));
}

/** Image pixels → CSS pixels on a current view as drawn now: screen pixels per image pixel, and the point's position inside the element. */
async function onScreen(p: Page, slot: string, x: number, y: number): Promise<{ scale: number; at: [number, number] } | null> {
  return p.evaluate(
    ({ slot, x, y }) => {
      const c = (globalThis as unknown as PageGlobals).calcscribe;
      const a = c?.imageToCanvas(`current-${slot}`, x, y) ?? null;
      const b = c?.imageToCanvas(`current-${slot}`, x + 100, y) ?? null;
      return a === null || b === null ? null : { scale: Math.hypot(b[0] - a[0], b[1] - a[1]) / 100, at: a };
    },
    { slot, x, y },
  );
}

/** A right-button drag from a point of the element: Cornerstone's zoom about that point (down zooms in, up out). */
async function zoomDrag(p: Page, box: { x: number; y: number }, at: readonly [number, number], dy: number): Promise<void> {
  await p.mouse.move(box.x + at[0], box.y + at[1]);
  await p.mouse.down({ button: 'right' });
  await p.mouse.move(box.x + at[0], box.y + at[1] + dy, { steps: 4 });
  await p.mouse.up({ button: 'right' });
  await p.waitForTimeout(100);
}

/** Magnification a radiologist uses to click single calcifications at full size: a screen pixel per image pixel or more. */
const CLICK_SCALE = 1;

/**
 * Clicks each target as a radiologist would on a full-size image: its view enlarged (the number key,
 * then e), zoomed out until the calcification is on screen, zoomed in on it to CLICK_SCALE, then a
 * click. What is measured stays in the draft. Returns how many calcifications were measured.
 */
export async function clickAsRadiologist(p: Page, targets: readonly TruthPoint[]): Promise<number> {
  let measured = 0;
  let enlarged: string | null = null;
  for (const t of targets) {
    if (enlarged !== t.slot) {
      await p.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
      await p.keyboard.press(String(SLOTS.indexOf(t.slot as (typeof SLOTS)[number]) + 1));
      if (enlarged === null) await p.keyboard.press('e');
      await p.waitForFunction((slot) => (globalThis as unknown as PageGlobals).document.querySelector(`[data-testid="viewport-${slot}"] .mammo-element`)?.getAttribute('data-displayed') === 'true' && (globalThis as unknown as PageGlobals).document.querySelectorAll('.mammo-element').length === 1, t.slot, { timeout: TIMEOUT });
      enlarged = t.slot;
    }
    const box = await p.locator(`[data-testid="viewport-${t.slot}"] .mammo-element`).boundingBox();
    if (box === null) continue;
    const inside = (a: readonly [number, number]): boolean => a[0] > 20 && a[1] > 20 && a[0] < box.width - 20 && a[1] < box.height - 20;
    // Zoom out about the centre until the calcification is on screen, then in on it.
    for (let i = 0; i < 20; i++) {
      const v = await onScreen(p, t.slot, t.x, t.y);
      if (v === null || inside(v.at)) break;
      await zoomDrag(p, box, [box.width / 2, box.height / 2], -80);
    }
    for (let i = 0; i < 30; i++) {
      const v = await onScreen(p, t.slot, t.x, t.y);
      if (v === null || v.scale >= CLICK_SCALE || !inside(v.at)) break;
      await zoomDrag(p, box, v.at, 60);
    }
    const v = await onScreen(p, t.slot, t.x, t.y);
    if (v === null || !inside(v.at)) continue;
    // Cornerstone's own press handling waits out a double click: the click comes once the view is still.
    await p.waitForTimeout(500);
    const before = await p.evaluate(() => (globalThis as unknown as PageGlobals).calcscribe?.clickToFinding.length ?? 0);
    const messages = await p.getByTestId('message').count();
    const count = await p.evaluate(calcificationCount);
    await p.mouse.click(box.x + v.at[0], box.y + v.at[1]);
    await p
      .waitForFunction(({ before, messages }) => ((globalThis as unknown as PageGlobals).calcscribe?.clickToFinding.length ?? 0) > before || (globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="message"]').length > messages, { before, messages }, { timeout: 10_000 })
      .catch(() => undefined);
    if ((await p.evaluate(calcificationCount)) > count) measured++;
    await p.waitForTimeout(50);
  }
  await p.keyboard.press('Escape');
  await p.waitForFunction(fourShown, undefined, { timeout: TIMEOUT });
  return measured;
}

/** Runs the viewer benchmarks; see the top of this file. */
export async function benchViewer(): Promise<BenchResult[]> {
  const exam = await fullSizeExam();
  const outDir = await mkdtemp(join(tmpdir(), 'calcscribe-bench-viewer-'));
  const server = await serveViewer({ port: 0, outDir, testHooks: true, examDirs: { [EXAM_PREFIX]: `${exam.dir}/` } });
  const at = (path: string): string => new URL(path, server.url).toString();
  try {
    // Display time: one browser, the two pages alternating (the first pair warms the caches and is not counted).
    const bare: number[] = [];
    const viewer: number[] = [];
    const { context, page, profile } = await launch();
    try {
      for (let i = 0; i < LOADS + 1; i++) {
        await page.goto(at(BARE_PATH));
        await page.waitForFunction(bareDone, undefined, { timeout: TIMEOUT });
        const b = await page.evaluate(() => (globalThis as unknown as PageGlobals).bareDisplayed ?? NaN);
        await page.goto(at(VIEWER_PATH));
        await page.waitForFunction(fourShown, undefined, { timeout: TIMEOUT });
        const v = await page.evaluate(viewerDisplayedAt);
        // The next load starts once this one has finished its background work (the prior, the draft).
        await page.waitForFunction(draftReady, undefined, { timeout: TIMEOUT });
        if (i > 0) {
          bare.push(b);
          viewer.push(v);
        }
      }
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }

    // Memory: a fresh browser per page.
    const bareMemory = await inFreshBrowser(at(BARE_PATH), async (p) => {
      await p.waitForFunction(bareDone, undefined, { timeout: TIMEOUT });
      return settledMemory(p);
    });
    const targets = await clickTargets(exam.dir);
    const viewerMemory = await inFreshBrowser(at(VIEWER_PATH), async (p) => {
      await p.waitForFunction(fourShown, undefined, { timeout: TIMEOUT });
      await p.waitForFunction(draftReady, undefined, { timeout: TIMEOUT });
      const loaded = await settledMemory(p);
      // Click → finding shown, on the same page, as a radiologist clicks at full size: in the four-view layout a
      // group's calcifications lie a few screen pixels apart, so each view is enlarged and zoomed in on the spot.
      const clicked = await clickAsRadiologist(p, targets);
      const clicks = await p.evaluate(() => [...((globalThis as unknown as PageGlobals).calcscribe?.clickToFinding ?? [])]);
      const workerMs = await p.evaluate(() => [...((globalThis as unknown as PageGlobals).calcscribe?.clickWorkerMs ?? [])]);
      if (clicks.length !== clicked) throw new Error(`${clicked} calcifications measured but ${clicks.length} click times recorded`);
      await p.keyboard.press('c');
      await p.waitForFunction(displayed, 'viewport-prior-RCC', { timeout: TIMEOUT });
      await p.keyboard.press('m');
      await p.waitForFunction(displayed, 'viewport-prior-RMLO', { timeout: TIMEOUT });
      const withPrior = await settledMemory(p);
      return { exam: loaded, withPrior, clicks, workerMs };
    });

    const coreMs = await coreAnalysisTimes(exam.dir, targets);
    const ratio = median(viewer) / median(bare);
    const memoryRatio = viewerMemory.exam / bareMemory;
    const clickP95 = viewerMemory.clicks.length > 0 ? p95(viewerMemory.clicks) : NaN;
    const bareFour = { name: 'bare Cornerstone3D page, the four images', value: bareMemory / GiB };
    return [
      { name: `4096 × 3328 exam: four images displayed (median of ${LOADS})`, value: median(viewer), unit: 'ms', baseline: { name: 'bare Cornerstone3D page, same four files', value: median(bare) }, target: '≤ 1.2 × bare', pass: ratio <= 1.2 },
      { name: '4096 × 3328 exam: display time, viewer ÷ bare page', value: ratio, unit: '×' },
      { name: '4096 × 3328 exam: Chromium memory (PSS) with the exam and its prior loaded, four images shown', value: viewerMemory.exam / GiB, unit: 'GiB', baseline: bareFour, target: '≤ 1.2 × bare', pass: memoryRatio <= 1.2 },
      { name: '4096 × 3328 exam: Chromium memory, viewer ÷ bare page', value: memoryRatio, unit: '×' },
      { name: '4096 × 3328 exam: Chromium memory after the clicks below, then the CC and the MLO comparison (current and prior side by side)', value: viewerMemory.withPrior / GiB, unit: 'GiB', baseline: bareFour },
      {
        name: `4096 × 3328 exam: click to finding shown, p95 (${viewerMemory.clicks.length} of ${targets.length} clicks measured a calcification, each view enlarged and zoomed in to ${CLICK_SCALE} screen pixel per image pixel or more, every finding kept)`,
        value: clickP95,
        unit: 'ms',
        baseline: { name: 'the core alone outlining, measuring and describing the same points in Node, p95 (what the worker runs on each click)', value: p95(coreMs) },
        target: '≤ 100 ms',
        pass: clickP95 <= 100,
      },
      { name: '4096 × 3328 exam: the same clicks, the analysis worker\'s time, p95', value: viewerMemory.workerMs.length > 0 ? p95(viewerMemory.workerMs) : NaN, unit: 'ms' },
      { name: '4096 × 3328 exam: the same clicks, the page\'s own time (click to finding shown less the worker\'s time), p95', value: pagePart(viewerMemory.clicks, viewerMemory.workerMs), unit: 'ms' },
    ];
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
    if (exam.generated) await rm(exam.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchViewer()
    .then((rs) => {
      for (const r of rs) console.log(`${r.name}: ${r.value.toFixed(3)} ${r.unit}${r.baseline ? ` (baseline ${r.baseline.name}: ${r.baseline.value.toFixed(3)})` : ''}${r.target ? ` target ${r.target}: ${r.pass ? 'met' : 'NOT met'}` : ''}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
