/**
 * Click → measured finding in the browser: a click at a calcification's true position (phantom
 * truth, mapped to the screen through the viewport's own transform) adds a calcification to the
 * exam draft whose size is within 0.15 mm of the truth, and the findings panel shows the finding
 * with the morphology and category the core gives for the same point; overriding a term updates
 * the suggestion and the wording.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFinding } from '../../src/core/analyze.js';
import { parseExamContext } from '../../src/core/exam-context.js';
import { segmentAtSeed } from '../../src/core/segment/segment-at-seed.js';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import { deriveReport, examReportJson } from '../../src/core/draft/index.js';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { openSampleExam, OUTPUT_DIR, waitForEnlarged, waitForFourViews, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

/** Clicks the stored-image pixel (x, y) on a viewport. */
async function clickImagePoint(page: Page, viewportId: string, testId: string, x: number, y: number): Promise<void> {
  const at = await page.evaluate(({ viewportId, x, y }) => window.calcscribe?.imageToCanvas(viewportId, x, y) ?? null, { viewportId, x, y });
  if (at === null) throw new Error(`no viewport ${viewportId}`);
  const box = await page.getByTestId(testId).locator('.mammo-element').boundingBox();
  if (box === null) throw new Error('viewport not on screen');
  await page.mouse.click(box.x + at[0], box.y + at[1]);
}

/** How many image pixels one CSS pixel of the viewport spans around (x, y). */
async function imagePixelsPerCssPixel(page: Page, viewportId: string, x: number, y: number): Promise<number> {
  const [a, b] = await page.evaluate(({ viewportId, x, y }) => [window.calcscribe?.imageToCanvas(viewportId, x, y) ?? null, window.calcscribe?.imageToCanvas(viewportId, x + 100, y) ?? null], { viewportId, x, y });
  if (a === null || b === null) throw new Error(`no viewport ${viewportId}`);
  return 100 / Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Waits for the draft to hold n calcifications and returns them. */
async function calcificationsWhen(page: Page, n: number): Promise<DraftCalcification[]> {
  await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, n, { timeout: 20_000 });
  return page.evaluate(() => [...(window.calcscribe?.draft()?.calcifications ?? [])]);
}

async function ingested(slot: string): Promise<MammoImage> {
  const r = await ingestDicom(new Uint8Array(await readFile(join(SAMPLE, `${slot}.dcm`))));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const centreOf = (c: DraftCalcification): { x: number; y: number } => c.measurements.centre;

describe('click on a calcification', () => {
  it('RCC dystrophic calcification: size within 0.15 mm of the truth; the panel shows the core\'s terms and category', async () => {
    const truth = await readTruth(SAMPLE, 'RCC');
    const c = truth.calcifications.find((t) => t.id === 'R1-s10');
    if (!c) throw new Error('truth has no R1-s10');
    await clickImagePoint(s.page, 'current-RCC', 'viewport-RCC', c.centre.x, c.centre.y);
    const [added] = await calcificationsWhen(s.page, 1);
    expect(added).toBeDefined();
    expect(Math.abs((added!.measurements.longAxis.mm as number) - c.longAxisMm)).toBeLessThanOrEqual(0.15);
    expect(Math.hypot(centreOf(added!).x - c.centre.x, centreOf(added!).y - c.centre.y)).toBeLessThan(1.5);
    // The click lands where it was aimed, to the pointer's whole CSS pixel: the page receives whole
    // CSS pixels, so the seed may be up to one on-screen pixel (2.3 image pixels in the four-view
    // layout) from the aim along each axis.
    const cssPixel = await imagePixelsPerCssPixel(s.page, 'current-RCC', c.centre.x, c.centre.y);
    expect(Math.abs(added!.seed.x - c.centre.x)).toBeLessThanOrEqual(cssPixel);
    expect(Math.abs(added!.seed.y - c.centre.y)).toBeLessThanOrEqual(cssPixel);

    const finding = s.page.getByTestId('finding');
    await expect.poll(() => finding.count()).toBe(1);
    // The viewer's draft starts with the sample's clinical context (right lumpectomy and radiation, the prior's date).
    const context = parseExamContext(JSON.parse(await readFile(join(SAMPLE, 'annotations.json'), 'utf8')));
    if (!context.ok) throw new Error(context.error.message);
    const core = analyzeFinding(await ingested('RCC'), { seeds: [added!.seed], ...context.value });
    if (!core.ok) throw new Error(core.error.message);
    expect(await finding.getByTestId('assessment').textContent()).toBe(`BI-RADS ${core.value.suggestion.assessment}`);
    const morphology = (await finding.getByTestId('finding-morphology').locator('span').first().textContent()) ?? '';
    for (const term of core.value.group.morphology) expect(morphology).toContain(term);
    expect(await finding.getByTestId('finding-size').textContent()).toContain('magnification-corrected');
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-click-rcc.png') });
  });

  it('overriding the morphology updates the suggested category and the wording, and marks the term as overridden', async () => {
    const finding = s.page.getByTestId('finding').first();
    const before = { category: await finding.getByTestId('assessment').textContent(), wording: await finding.getByTestId('wording').textContent() };
    const picker = finding.getByTestId('morphology-picker');
    if (!(await picker.isVisible())) await finding.getByText('Change morphology').click();
    await picker.getByLabel(/fine pleomorphic/i).check();
    await expect.poll(() => finding.getByTestId('assessment').textContent()).not.toBe(before.category);
    // The sample is a screening exam (its clinical context): a suspicious morphology is a recall (0),
    // and the reason says what it would be at diagnostic work-up (ACR BI-RADS Atlas, 5th ed., Guidance).
    expect(await finding.getByTestId('assessment').textContent()).toBe('BI-RADS 0');
    expect(await finding.textContent()).toMatch(/would suggest 4[ABC] at diagnostic work-up/);
    expect(await finding.getByTestId('wording').textContent()).not.toBe(before.wording);
    expect(await finding.getByTestId('wording').textContent()).toContain('fine pleomorphic');
    expect(await finding.getByTestId('overridden').count()).toBeGreaterThan(0);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-override.png') });
  });

  it('LCC fine pleomorphic calcifications, clicked in the enlarged view: the draft holds the core\'s measurements', async () => {
    // Small calcifications test the viewer's coordinates hardest. The tolerance to the truth applies
    // where the core itself measures within 0.15 mm at the true centre (core accuracy is tested in tests/core).
    const truth = await readTruth(SAMPLE, 'LCC');
    const image = await ingested('LCC');
    const measurable = truth.calcifications
      .filter((t) => t.groupId === 'L2')
      .filter((t) => {
        const a = analyzeFinding(image, { seeds: [t.centre] });
        return a.ok && Math.abs((a.value.calcifications[0]?.longAxisMm ?? Infinity) - t.longAxisMm) <= 0.15;
      });
    expect(measurable.length).toBeGreaterThanOrEqual(2);
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.page.keyboard.press('2');
    await s.page.keyboard.press('e');
    await waitForEnlarged(s.page, 'LCC');
    const start = (await s.page.evaluate(() => window.calcscribe?.draft()?.calcifications.length)) ?? 0;
    for (const [i, c] of measurable.slice(0, 2).entries()) {
      await clickImagePoint(s.page, 'current-LCC', 'viewport-LCC', c.centre.x, c.centre.y);
      const all = await calcificationsWhen(s.page, start + i + 1);
      const near = all.find((x) => Math.hypot(centreOf(x).x - c.centre.x, centreOf(x).y - c.centre.y) < 1.5);
      expect(near).toBeDefined();
      expect(Math.abs((near!.measurements.longAxis.mm as number) - c.longAxisMm)).toBeLessThanOrEqual(0.15);
      const core = analyzeFinding(image, { seeds: [near!.seed] });
      if (!core.ok) throw new Error(core.error.message);
      expect(near!.measurements.longAxis.mm).toBeCloseTo(core.value.calcifications[0]!.measurements.longAxis.mm as number, 6);
    }
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-click-lcc-enlarged.png') });
    await s.page.keyboard.press('Escape');
    await waitForFourViews(s.page);
  });

  it('a click on background is refused with a message and adds nothing', async () => {
    // A background point where the core finds nothing within 3 px (a click lands within about a pixel).
    const image = await ingested('RMLO');
    const quiet = (x: number, y: number): boolean => {
      for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) if (segmentAtSeed(image, { x: x + dx, y: y + dy }).ok) return false;
      return true;
    };
    let point: { x: number; y: number } | null = null;
    for (let y = 980; y > 800 && point === null; y -= 20) for (let x = 40; x < 200 && point === null; x += 20) if (quiet(x, y)) point = { x, y };
    if (point === null) throw new Error('no quiet background point found');
    const before = (await s.page.evaluate(() => window.calcscribe?.draft()?.calcifications.length)) ?? 0;
    await clickImagePoint(s.page, 'current-RMLO', 'viewport-RMLO', point.x, point.y);
    // Wait for the click's own message: an earlier message (files opened) may still be on screen.
    const refusal = s.page.getByTestId('message').filter({ hasText: /no calcification at/ }).last();
    await refusal.waitFor({ timeout: 10_000 });
    const said = /no calcification at \((\d+), (\d+)\)/.exec((await refusal.textContent()) ?? '');
    expect(said).not.toBeNull();
    expect(Math.hypot(Number(said![1]) - point.x, Number(said![2]) - point.y)).toBeLessThanOrEqual(2);
    expect(await s.page.evaluate(() => window.calcscribe?.draft()?.calcifications.length)).toBe(before);
  });

  it('click to finding shown is recorded for every added calcification', async () => {
    const times = await s.page.evaluate(() => [...(window.calcscribe?.clickToFinding ?? [])]);
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const t of times) expect(t).toBeGreaterThan(0);
  });

  it('Export JSON downloads the report of the draft on screen as the command line writes it (examReportJson), and each card\'s size is the core\'s', async () => {
    const draft = await s.page.evaluate(() => window.calcscribe?.draft() ?? null);
    if (draft === null) throw new Error('no draft on screen');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^calcscribe-.+\.json$/);
    const file = await download.path();
    const downloaded = await readFile(file, 'utf8');
    expect(downloaded).toBe(examReportJson(draft));
    const j = JSON.parse(downloaded) as { findings: { size: { words: string } }[] };
    expect(j.findings.length).toBeGreaterThanOrEqual(1);
    const shown = await s.page.getByTestId('finding-size').allTextContents();
    expect(shown).toEqual(deriveReport(draft).findingsDerived.map((d) => d.sizeRange.words));
  });

  it('a reload brings the draft back: the same calcifications, findings and report text', async () => {
    await s.page.getByTestId('autosave-status').filter({ hasText: /saved in this browser/ }).waitFor({ timeout: 10_000 });
    const before = await s.page.evaluate(() => window.calcscribe?.draft() ?? null);
    const reportBefore = await s.page.getByTestId('report-text').inputValue();
    const findingsBefore = await s.page.getByTestId('finding').count();
    expect(before?.calcifications.length ?? 0).toBeGreaterThanOrEqual(3);
    await s.page.reload();
    await waitForFourViews(s.page);
    await s.page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, before!.calcifications.length, { timeout: 20_000 });
    const after = await s.page.evaluate(() => window.calcscribe?.draft() ?? null);
    expect(after?.calcifications.map((c) => c.id)).toEqual(before!.calcifications.map((c) => c.id));
    expect(after?.findings).toEqual(before!.findings);
    await s.page.getByTestId('draft-restored').waitFor();
    await expect.poll(() => s.page.getByTestId('finding').count()).toBe(findingsBefore);
    expect(await s.page.getByTestId('report-text').inputValue()).toBe(reportBefore);
    await s.page.waitForTimeout(300);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-after-reload.png') });
  });
});
