/**
 * A rectangle on real tissue in the browser: on the real GE right MLO, a 25 mm rectangle around the
 * round calcification ge-1 (test-data/real-mg/reading.json) outlines that calcification alone, and the
 * status line names the densities the region search left out (the soft-tissue blobs), as the core
 * words them (src/core/left-out-densities.ts), and marks each on the image with a dashed circle —
 * the radiologist sees what was not outlined, where and why, and a click outlines one anyway.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { leftOutWords } from '../../src/core/left-out-densities.js';
import { LEFT_OUT_MARK } from '../../extensions/calcification/tools/calcification-region-tool.js';
import { OUTPUT_DIR, openViewer, pagePoint, waitForFourViews, type ViewerSession } from './harness.js';

const GE = join(process.cwd(), 'test-data/real-mg/ge-senographe-essential-rmlo.dcm');
const RECT = { x0: 1700, y0: 1600, x1: 1950, y1: 1850 };

let s: ViewerSession;

beforeAll(async () => {
  s = await openViewer();
  await waitForFourViews(s.page);
});

afterAll(async () => {
  await s?.close();
});

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, { steps: 3 });
  await page.mouse.move(to[0], to[1], { steps: 3 });
  await page.mouse.up();
}

describe('a rectangle on real tissue', () => {
  it('outlines the round calcification alone and says which densities it left out, and why', async () => {
    const { page } = s;
    const bytes = await readFile(GE);
    await page.locator('input[type="file"]').setInputFiles([{ name: 'ge-senographe-essential-rmlo.dcm', mimeType: 'application/dicom', buffer: bytes }]);
    await page.getByTestId('status').filter({ hasText: '1 image loaded from local files' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="viewport-RMLO"] .mammo-element[data-displayed="true"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.calcscribe?.fitted('current-RMLO') === true, undefined, { timeout: 20_000 });

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('r');
    const a = await pagePoint(page, 'current-RMLO', 'viewport-RMLO', { x: RECT.x0, y: RECT.y0 });
    const b = await pagePoint(page, 'current-RMLO', 'viewport-RMLO', { x: RECT.x1, y: RECT.y1 });
    await drag(page, a, b);
    await page.waitForFunction(() => (window.calcscribe?.draft()?.calcifications.length ?? 0) >= 1, undefined, { timeout: 30_000 });
    const draft = await page.evaluate(() => window.calcscribe?.draft() ?? null);
    expect(draft?.calcifications).toHaveLength(1);
    const c = draft?.calcifications[0];
    expect(Math.hypot((c?.measurements.centre.x ?? 0) - 1824, (c?.measurements.centre.y ?? 0) - 1709)).toBeLessThan(5);

    // The status line says what was left out: the core's words for the rectangle the viewer searched
    // (the dragged one, screen rounding aside): three densities, each with its position and its edge.
    const searched = await page.evaluate(() => [...(window.calcscribe?.regions ?? [])]);
    const target = searched[0]?.target;
    if (target?.kind !== 'rectangle') throw new Error('a rectangle was expected');
    // One screen pixel is about 4.4 image pixels in the four-view layout.
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(target.rect[k] - RECT[k])).toBeLessThan(6);
    const image = await ingestDicom(new Uint8Array(bytes));
    if (!image.ok) throw new Error(image.error.message);
    const core = analyseCalcifications(image.value, { roi: target.rect });
    if (!core.ok) throw new Error(core.error.message);
    expect(core.value.calcifications).toHaveLength(1);
    expect(core.value.leftOutDensities).toHaveLength(3);
    const expected = leftOutWords(core.value.leftOutDensities);
    expect(expected).toMatch(/^3 densities in the region left out as tissue, not calcification .* — at \(\d+, \d+\): edge \d\.\d\d mm > 0\.40 mm.*click one to outline it anyway$/);
    await expect.poll(() => page.getByTestId('message').allTextContents(), { timeout: 10_000 }).toContainEqual(`${expected} (marked on the image with dashed circles)`);

    // Each is marked where it is: a dashed circle centred within two screen pixels of its position.
    const marks = page.locator(`[data-testid="viewport-RMLO"] svg circle[data-id="${LEFT_OUT_MARK}"]`);
    await expect.poll(() => marks.count(), { timeout: 10_000 }).toBe(3);
    const centres = await marks.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
      }),
    );
    for (const l of core.value.leftOutDensities) {
      const [x, y] = await pagePoint(page, 'current-RMLO', 'viewport-RMLO', { x: l.x, y: l.y });
      expect(Math.min(...centres.map(([cx, cy]) => Math.hypot(cx - x, cy - y)))).toBeLessThan(2);
    }
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-region-left-out.png') });
    // A click on one outlines it anyway: the radiologist decides.
    await page.keyboard.press('k');
    const first = core.value.leftOutDensities[0];
    if (first === undefined) throw new Error('nothing left out');
    const [fx, fy] = await pagePoint(page, 'current-RMLO', 'viewport-RMLO', { x: first.x, y: first.y });
    await page.mouse.click(fx, fy);
    await page.waitForFunction(() => (window.calcscribe?.draft()?.calcifications.length ?? 0) === 2, undefined, { timeout: 30_000 });
    expect(s.errors).toEqual([]);
  });
});
