/**
 * The exam context in the viewer, in Chromium on the sample exam (a screening examination, as its
 * served context says): a rectangle around the left MLO fine pleomorphic group makes one finding,
 * recalled at screening (BI-RADS 0); the radiologist sets the indication to diagnostic in the
 * panel and the same finding's suggestion becomes BI-RADS 4B. The change is in the draft (which
 * is what is autosaved) and one undo takes it back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointPx } from '../../src/core/units.js';
import { openSampleExam, OUTPUT_DIR, type ViewerSession } from './harness.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

interface TruthCalcification {
  readonly groupId: string;
  readonly outline: readonly PointPx[];
}

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

/** Page position of a stored-image pixel on a viewport. */
async function pagePoint(page: Page, viewportId: string, testId: string, p: PointPx): Promise<[number, number]> {
  const at = await page.evaluate(({ viewportId, x, y }) => window.calcscribe?.imageToCanvas(viewportId, x, y) ?? null, { viewportId, x: p.x, y: p.y });
  if (at === null) throw new Error(`no viewport ${viewportId}`);
  const box = await page.getByTestId(testId).locator('.mammo-element').boundingBox();
  if (box === null) throw new Error('viewport not on screen');
  return [box.x + at[0], box.y + at[1]];
}

describe('indication in the panel', () => {
  it('the fine pleomorphic group is BI-RADS 0 at screening and 4B once the indication is set to diagnostic', async () => {
    const { page } = s;
    expect(await page.evaluate(() => window.calcscribe?.draft()?.indication)).toBe('screening');
    const truth = JSON.parse(await readFile(join(SAMPLE, 'LMLO.truth.json'), 'utf8')) as { calcifications: readonly TruthCalcification[] };
    const group = truth.calcifications.filter((c) => c.groupId === 'L2');
    expect(group.length).toBeGreaterThanOrEqual(5);
    const xs = group.flatMap((c) => c.outline.map((p) => p.x));
    const ys = group.flatMap((c) => c.outline.map((p) => p.y));
    const [x0, y0, x1, y1] = [Math.min(...xs) - 8, Math.min(...ys) - 8, Math.max(...xs) + 8, Math.max(...ys) + 8];

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('r');
    const a = await pagePoint(page, 'current-LMLO', 'viewport-LMLO', { x: x0, y: y0 });
    const b = await pagePoint(page, 'current-LMLO', 'viewport-LMLO', { x: x1, y: y1 });
    await page.mouse.move(a[0], a[1]);
    await page.mouse.down();
    await page.mouse.move((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, { steps: 3 });
    await page.mouse.move(b[0], b[1], { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(() => (window.calcscribe?.draft()?.findings.length ?? 0) === 1, undefined, { timeout: 30_000 });

    const finding = page.getByTestId('finding');
    await expect.poll(() => finding.count()).toBe(1);
    expect(await finding.getByTestId('wording').textContent()).toContain('fine pleomorphic');
    await expect.poll(() => finding.getByTestId('assessment').textContent()).toBe('BI-RADS 0');
    expect(await finding.getByTestId('reasons').textContent()).toMatch(/screening/i);

    const indication = page.getByLabel('Indication', { exact: true });
    expect(await indication.inputValue()).toBe('screening');
    const revision = await page.evaluate(() => window.calcscribe!.draft()!.revision);
    await indication.selectOption('diagnostic');
    await expect.poll(() => finding.getByTestId('assessment').textContent()).toBe('BI-RADS 4B');
    expect(await page.evaluate(() => window.calcscribe?.draft()?.indication)).toBe('diagnostic');
    expect(await page.evaluate(() => window.calcscribe!.draft()!.revision)).toBe(revision + 1);
    expect(await page.getByTestId('report-text').inputValue()).toMatch(/BI-RADS 4B/);
    await page.screenshot({ path: join(OUTPUT_DIR, 'panel-context-diagnostic.png') });

    // One undo (Ctrl+Z, as for every other edit) takes the indication back.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(() => finding.getByTestId('assessment').textContent()).toBe('BI-RADS 0');
    expect(await indication.inputValue()).toBe('screening');
    expect(s.errors).toEqual([]);
  });
});
