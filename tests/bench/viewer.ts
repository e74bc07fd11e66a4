/**
 * The viewer in headless Chromium (Debian's /usr/bin/chromium, WebGL through SwiftShader):
 *
 * - time to the four images displayed: from navigation start to the fourth viewport's first
 *   render, median of 5 loads, against a bare Cornerstone3D page (src/viewer/bare/) loading the
 *   same four files in the same run, loads alternating. Target ≤ 1.2 × the bare page.
 * - click to finding shown: from the mouse press on a calcification to the findings list showing
 *   it (measured in the page: press → render of the new finding + one animation frame), over up
 *   to 24 distinct calcifications of the sample exam; p95. Target ≤ 100 ms.
 * - browser memory: JavaScript heap in use (CDP Performance.getMetrics, after a garbage
 *   collection) with the exam and its prior displayed (both comparison layouts opened), beside
 *   the bare page's heap with its four images.
 *
 * Run alone with `npx tsx tests/bench/viewer.ts`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveViewer } from '../../src/viewer/serve.js';
import type { BenchResult } from './result.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LOADS = 5;
const SAMPLE = join(process.cwd(), 'test-data/sample');

/** The few page globals read here (this file is type-checked without the DOM library). */
interface PageGlobals {
  readonly document: { querySelector(s: string): { getAttribute(n: string): string | null } | null; querySelectorAll(s: string): { length: number } };
  readonly performance: { getEntriesByName(n: string): { startTime: number }[] };
  readonly bareDisplayed?: number;
  readonly calcscribe?: { imageToCanvas(id: string, x: number, y: number): [number, number] | null; clickToFinding: number[] };
}

const displayed = (testId: string): boolean => (globalThis as unknown as PageGlobals).document.querySelector(`[data-testid="${testId}"] .mammo-element`)?.getAttribute('data-displayed') === 'true';
const fourShown = (): boolean => ['RCC', 'LCC', 'RMLO', 'LMLO'].every((s) => (globalThis as unknown as PageGlobals).document.querySelector(`[data-testid="viewport-${s}"] .mammo-element`)?.getAttribute('data-displayed') === 'true');
const viewerDisplayedAt = (): number => Math.max(...['RCC', 'LCC', 'RMLO', 'LMLO'].map((s) => (globalThis as unknown as PageGlobals).performance.getEntriesByName(`calcscribe-displayed-current-${s}`)[0]?.startTime ?? Infinity));

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
};
const p95 = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] as number;
};

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

interface TruthPoint {
  readonly slot: string;
  readonly x: number;
  readonly y: number;
}

async function clickTargets(): Promise<TruthPoint[]> {
  const out: TruthPoint[] = [];
  for (const slot of ['RCC', 'LCC', 'RMLO', 'LMLO']) {
    const t = JSON.parse(await readFile(join(SAMPLE, `${slot}.truth.json`), 'utf8')) as { calcifications: { centre: { x: number; y: number }; longAxisMm: number }[] };
    for (const c of t.calcifications.filter((c) => c.longAxisMm >= 0.4).slice(0, 6)) out.push({ slot, x: c.centre.x, y: c.centre.y });
  }
  return out;
}

/** Runs the viewer benchmarks; see the top of this file. */
export async function benchViewer(): Promise<BenchResult[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'calcscribe-bench-viewer-'));
  const profile = await mkdtemp(join(tmpdir(), 'calcscribe-bench-chromium-'));
  const server = await serveViewer({ port: 0, outDir });
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const bare: number[] = [];
    const viewer: number[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      await page.goto(new URL('bare/index.html', server.url).toString());
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).bareDisplayed !== undefined, undefined, { timeout: 60_000 });
      const b = await page.evaluate(() => (globalThis as unknown as PageGlobals).bareDisplayed ?? NaN);
      await page.goto(server.url);
      await page.waitForFunction(fourShown, undefined, { timeout: 60_000 });
      const v = await page.evaluate(viewerDisplayedAt);
      if (i > 0) {
        bare.push(b);
        viewer.push(v);
      }
    }
    const bareHeap = await (async () => {
      await page.goto(new URL('bare/index.html', server.url).toString());
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).bareDisplayed !== undefined, undefined, { timeout: 60_000 });
      return heapUsed(page);
    })();

    await page.goto(server.url);
    await page.waitForFunction(fourShown, undefined, { timeout: 60_000 });
    for (const t of await clickTargets()) {
      const at = await page.evaluate((t) => (globalThis as unknown as PageGlobals).calcscribe?.imageToCanvas(`current-${t.slot}`, t.x, t.y) ?? null, t);
      const box = await page.locator(`[data-testid="viewport-${t.slot}"] .mammo-element`).boundingBox();
      if (at === null || box === null) continue;
      const before = await page.evaluate(() => (globalThis as unknown as PageGlobals).calcscribe?.clickToFinding.length ?? 0);
      await page.mouse.click(box.x + at[0], box.y + at[1]);
      const messages = await page.getByTestId('message').count();
      await page
        .waitForFunction(({ before, messages }) => ((globalThis as unknown as PageGlobals).calcscribe?.clickToFinding.length ?? 0) > before || (globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="message"]').length > messages, { before, messages }, { timeout: 10_000 })
        .catch(() => undefined);
      await page.waitForTimeout(50);
    }
    const clicks = await page.evaluate(() => [...((globalThis as unknown as PageGlobals).calcscribe?.clickToFinding ?? [])]);

    await page.keyboard.press('c');
    await page.waitForFunction(displayed, 'viewport-prior-RCC', { timeout: 60_000 });
    await page.keyboard.press('m');
    await page.waitForFunction(displayed, 'viewport-prior-RMLO', { timeout: 60_000 });
    const viewerHeap = await heapUsed(page);

    const ratio = median(viewer) / median(bare);
    const clickP95 = clicks.length > 0 ? p95(clicks) : NaN;
    return [
      { name: 'four images displayed (median of 5)', value: median(viewer), unit: 'ms', baseline: { name: 'bare Cornerstone3D page', value: median(bare) }, target: '≤ 1.2 × bare', pass: ratio <= 1.2 },
      { name: `click to finding shown, p95 (${clicks.length} clicks)`, value: clickP95, unit: 'ms', target: '≤ 100 ms', pass: clickP95 <= 100 },
      { name: 'JS heap with exam + prior displayed', value: viewerHeap, unit: 'MiB', baseline: { name: 'bare page, four images', value: bareHeap } },
    ];
  } finally {
    await context.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchViewer()
    .then((rs) => {
      for (const r of rs) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.baseline ? ` (baseline ${r.baseline.name}: ${r.baseline.value.toFixed(1)})` : ''}${r.target ? ` target ${r.target}: ${r.pass ? 'met' : 'NOT met'}` : ''}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
