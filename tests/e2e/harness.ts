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

/** Builds and serves the viewer, then opens it in Chromium at `path` (default the sample exam). */
export async function openViewer(options: { examDirs?: Record<string, string>; path?: string; viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {}): Promise<ViewerSession> {
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
    () => ['RCC', 'LCC', 'RMLO', 'LMLO'].every((s) => document.querySelector(`[data-testid="viewport-${s}"] .mammo-element`)?.getAttribute('data-displayed') === 'true'),
    undefined,
    { timeout },
  );
}

/** Opens the viewer on the embedded sample exam and waits for its four views and its draft. */
export async function openSampleExam(): Promise<ViewerSession> {
  const s = await openViewer();
  await waitForFourViews(s.page);
  await s.page.waitForFunction(() => window.calcscribe?.draft() != null);
  return s;
}
