/**
 * Each image is decoded once: the analysis worker decodes it, and the display (Cornerstone), the
 * findings panel's pictures and outline edits read those same pixels — shared with the worker,
 * the page being cross-origin isolated. Checked on the sample exam (uncompressed current images,
 * JPEG-LS priors) after everything that reads pixels has run: four views and both comparisons on
 * screen, a click measured, the selected calcification's magnified picture drawn.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleExam, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

describe('one decode per image', () => {
  it('after display, comparisons, a click and the panel picture: every image decoded exactly once, its pixels shared, and Cornerstone started no decoder', async () => {
    const { page } = s;
    const truth = await readTruth(SAMPLE, 'RCC');
    const c = truth.calcifications.find((t) => t.longAxisMm >= 0.4);
    if (!c) throw new Error('truth has no calcification of 0.4 mm or more');
    const at = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, c.centre);
    const box = await page.getByTestId('viewport-RCC').locator('.mammo-element').boundingBox();
    if (at === null || box === null) throw new Error('RCC not on screen');
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 1, undefined, { timeout: 20_000 });
    // The magnified picture is drawn from the image on the UI thread: it has been made by now.
    await page.getByRole('button', { name: /^Calcification 1 of .*magnified view and profile$/ }).click();
    await expect.poll(() => page.getByTestId('zoom-view').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector('[data-testid="viewport-prior-RCC"] .mammo-element')?.getAttribute('data-displayed') === 'true', undefined, { timeout: 60_000 });
    await page.keyboard.press('m');
    await page.waitForFunction(() => document.querySelector('[data-testid="viewport-prior-RMLO"] .mammo-element')?.getAttribute('data-displayed') === 'true', undefined, { timeout: 60_000 });

    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const report = await page.evaluate(() => window.calcscribe?.decodes() ?? {});
    const draftImages = await page.evaluate(() => window.calcscribe?.draft()?.images.length ?? 0);
    expect(draftImages).toBe(8);
    expect(Object.keys(report)).toHaveLength(8);
    for (const [imageId, r] of Object.entries(report)) {
      expect({ imageId, ...r }).toEqual({ imageId, decodes: 1, shared: true });
    }
    // Cornerstone's DICOM loader would decode in its own worker: only the analysis worker runs, and
    // the decode worker it started for the JPEG-LS priors (frames decoded under a time limit).
    const workers = page.workers().map((w) => new URL(w.url()).pathname).sort();
    expect(workers).toHaveLength(2);
    expect(workers[0]).toMatch(/analysis\.worker/);
    expect(workers[1]).toMatch(/decode\.worker/);
    expect(s.errors).toEqual([]);
  });
});
