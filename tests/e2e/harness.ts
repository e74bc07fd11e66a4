/**
 * Browser-test harness: builds the viewer into a temporary folder, serves it on 127.0.0.1 with an
 * ephemeral port, and drives Debian's Chromium through playwright-core with a fresh profile.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveViewer } from '../../src/viewer/serve.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const OUTPUT_DIR = join(process.cwd(), 'test-output');

export interface ViewerSession {
  readonly url: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors seen so far. */
  readonly errors: string[];
  /** Dialogs (alert, confirm …) that opened. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

export interface ViewerOptions {
  readonly examDirs?: Record<string, string>;
  readonly path?: string;
  readonly viewport?: { width: number; height: number };
  readonly deviceScaleFactor?: number;
}

/** Builds and serves the viewer, then opens it in Chromium at `path` (default the sample exam). */
export async function openViewer(options: ViewerOptions = {}): Promise<ViewerSession> {
  const outDir = await mkdtemp(join(tmpdir(), 'calcscribe-viewer-'));
  const profile = await mkdtemp(join(tmpdir(), 'calcscribe-chromium-'));
  await mkdir(OUTPUT_DIR, { recursive: true });
  const server = await serveViewer({ port: 0, outDir, testHooks: true, ...(options.examDirs ? { examDirs: options.examDirs } : {}) });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 1000 },
    ...(options.deviceScaleFactor !== undefined ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(new URL(options.path ?? '/', server.url).toString());
  return {
    url: server.url,
    context,
    page,
    errors,
    dialogs,
    async close() {
      await context.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the four current views report being displayed. */
export async function waitForFourViews(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () =>
      ['RCC', 'LCC', 'RMLO', 'LMLO'].every(
        (s) => document.querySelector(`[data-testid="viewport-${s}"] .mammo-element`)?.getAttribute('data-displayed') === 'true' && window.calcscribe?.fitted(`current-${s}`) === true,
      ),
    undefined,
    { timeout },
  );
}

/**
 * Waits until one current view is shown enlarged: the others gone, its image displayed and fitted
 * to the enlarged size (a click aimed through imageToCanvas before the refit lands elsewhere).
 */
export async function waitForEnlarged(page: Page, slot: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (slot) =>
      document.querySelectorAll('[data-testid^="viewport-"] .mammo-element').length === 1 &&
      document.querySelector(`[data-testid="viewport-${slot}"] .mammo-element`)?.getAttribute('data-displayed') === 'true' &&
      window.calcscribe?.fitted(`current-${slot}`) === true,
    slot,
    { timeout },
  );
}

/** Waits until the page shows its exam: the four current views displayed and the draft there. */
export async function waitForExamShown(page: Page): Promise<void> {
  await waitForFourViews(page);
  await page.waitForFunction(() => window.calcscribe?.draft() != null);
}

/**
 * Opens the viewer (on the embedded sample exam unless `path` says otherwise) and waits for its
 * four views and its draft: the set-up of every browser test that starts from the sample exam.
 */
export async function openSampleExam(options: ViewerOptions = {}): Promise<ViewerSession> {
  const s = await openViewer(options);
  await waitForExamShown(s.page);
  return s;
}

/** Another tab of the same browser on the viewer's page, once it shows its exam; `errors` collects its console and page errors. */
export async function openTab(s: ViewerSession, errors: string[]): Promise<Page> {
  const page = await s.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(s.url);
  await waitForExamShown(page);
  return page;
}

/** The page position of a stored-image pixel on a view (viewport id e.g. 'current-RCC', its test id e.g. 'viewport-RCC'). */
export async function pagePoint(page: Page, viewportId: string, testId: string, p: { readonly x: number; readonly y: number }): Promise<[number, number]> {
  const at = await page.evaluate(({ viewportId, x, y }) => window.calcscribe?.imageToCanvas(viewportId, x, y) ?? null, { viewportId, x: p.x, y: p.y });
  if (at === null) throw new Error(`no viewport ${viewportId}`);
  const box = await page.getByTestId(testId).locator('.mammo-element').boundingBox();
  if (box === null) throw new Error(`${testId} not on screen`);
  return [box.x + at[0], box.y + at[1]];
}
