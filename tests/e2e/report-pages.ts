/**
 * What the saved-report browser tests do on a page: click calcifications of the sample exam at their
 * true positions, set the reader's name, save the report, open report files, and read what the
 * panel says of the saved report.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { deriveReport } from '../../src/core/draft/index.js';
import { CHROMIUM, CHROMIUM_ARGS, pagePoint, waitForExamShown, waitForFourViews } from './harness.js';
import { readTruth } from './page-sampling.js';

export const SAMPLE = join(process.cwd(), 'test-data/sample');

/** Clicks the true centre of a calcification of the sample exam (truth id, e.g. R1-s10) and waits for the draft to hold `count`. */
export async function clickCalcification(page: Page, slot: 'RCC' | 'LCC' | 'RMLO' | 'LMLO', truthId: string, count: number): Promise<void> {
  const truth = await readTruth(SAMPLE, slot);
  const c = truth.calcifications.find((t) => t.id === truthId);
  if (c === undefined) throw new Error(`${slot} truth has no ${truthId}`);
  const [x, y] = await pagePoint(page, `current-${slot}`, `viewport-${slot}`, c.centre);
  await page.mouse.click(x, y);
  try {
    await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, count, { timeout: 120_000 });
  } catch (e) {
    // Say what the page said (a refusal, a busy analysis) so that a failure can be told apart from a slow machine.
    throw new Error(`the click on ${truthId} (${slot}) gave no calcification ${count} within 120 s; the page says: ${JSON.stringify(await messages(page))}`, { cause: e });
  }
}

export async function draftOf(page: Page): Promise<ExamDraft> {
  const d = await page.evaluate(() => window.calcscribe?.draft() ?? null);
  if (d === null) throw new Error('no draft on the page');
  return d;
}

/** What a second reader must find again: each calcification's id, image and sizes, and the report's text. */
export function findingsOf(d: ExamDraft): { calcifications: { id: string; imageId: string; longAxis: unknown; area: unknown }[]; text: string } {
  return {
    calcifications: d.calcifications.map((c) => ({ id: c.id, imageId: c.imageId, longAxis: c.measurements.longAxis, area: c.measurements.area })),
    text: deriveReport(d).text,
  };
}

export async function setReader(page: Page, name: string): Promise<void> {
  await page.getByTestId('reader-name').fill(name);
}

/** Clicks "Save SR file" and gives the downloaded file's bytes. */
export async function saveSrFile(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('save-sr-file').click()]);
  const path = await download.path();
  return new Uint8Array(await readFile(path));
}

/** Opens files with the tool bar's "Open files" (as a radiologist picks them). */
export async function openFiles(page: Page, files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  await page.locator('.open-files input[type="file"]').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/dicom', buffer: Buffer.from(f.bytes) })));
}

export async function chainLines(page: Page): Promise<string[]> {
  return page.getByTestId('report-chain').locator('li').allInnerTexts();
}

export async function messages(page: Page): Promise<string[]> {
  return page.getByTestId('message').allInnerTexts();
}

/** Another browser (its own profile: nothing saved in the first one's) on the viewer at `url`, once `ready` (default: its four views and draft shown). */
export async function otherBrowser(url: string, errors: string[], ready: (page: Page) => Promise<void> = waitForExamShown): Promise<{ page: Page; context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'calcscribe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await ready(page);
  return {
    page,
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a study with the PACS panel: search by Patient ID, then the study's Open button (e.g. "Open PHANTOM SCREENING A, 2026-03-10"); waits for its views and draft. */
export async function openStudyFromPacs(page: Page, patientId: string, openButton: string): Promise<void> {
  const dialog = page.getByTestId('pacs-dialog');
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'PACS', exact: true }).click();
  await dialog.getByLabel('Patient ID', { exact: true }).fill(patientId);
  await dialog.getByRole('button', { name: 'Search' }).click();
  // Generous times: retrieving and decoding four mammograms through two proxies is slow on a loaded machine.
  await page.getByRole('button', { name: openButton }).click({ timeout: 120_000 });
  await page.waitForFunction(() => /^\d+ images? loaded from PACS /.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), undefined, { timeout: 180_000 });
  // The look-up of earlier mammograms answers after the views are shown; its answer (a "Priors" bar
  // above the views when there are some) changes the layout and refits the views: a click aimed
  // before that lands elsewhere. Wait for the answer, then for the views fitted again.
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="message"]')].some((m) => /earlier mammograms? of this patient on the PACS|Looking for priors/.test(m.textContent ?? '')),
    undefined,
    { timeout: 120_000 },
  );
  await waitForFourViews(page, 180_000);
  // The study's own draft shown and open for editing (the edit gate has heard from other tabs), as the
  // radiologist sees it before clicking: a click while the gate still checks is refused with a message.
  await page.waitForFunction(
    () => {
      const d = window.calcscribe?.draft();
      const editing = window.calcscribe?.editingSpans.at(-1);
      return d != null && d.images.length >= 4 && editing !== undefined && editing.to === null;
    },
    undefined,
    { timeout: 60_000 },
  );
}
