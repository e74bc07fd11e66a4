/**
 * Editing in the browser: a clicked calcification can be deleted and brought back with Ctrl+Z (the
 * same size), removed again with Ctrl+Shift+Z; dragging a point of its outline re-measures it
 * (the size in the panel changes) and the edit undoes and redoes like any other.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import { openSampleExam, OUTPUT_DIR, waitForEnlarged, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

/** Page position of the stored-image pixel (x, y) on a viewport. */
async function pagePoint(page: Page, viewportId: string, testId: string, x: number, y: number): Promise<[number, number]> {
  const at = await page.evaluate(({ viewportId, x, y }) => window.calcscribe?.imageToCanvas(viewportId, x, y) ?? null, { viewportId, x, y });
  if (at === null) throw new Error(`no viewport ${viewportId}`);
  const box = await page.getByTestId(testId).locator('.mammo-element').boundingBox();
  if (box === null) throw new Error('viewport not on screen');
  return [box.x + at[0], box.y + at[1]];
}

async function calcifications(page: Page): Promise<DraftCalcification[]> {
  return page.evaluate(() => [...(window.calcscribe?.draft()?.calcifications ?? [])]);
}

async function countIs(page: Page, n: number): Promise<void> {
  await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, n, { timeout: 20_000 });
}

/** Size labels of calcification outlines drawn on a viewport (one per outline on screen). */
const outlinesOn = (page: Page, testId: string): Promise<number> =>
  page.evaluate((testId) => document.querySelectorAll(`[data-testid="${testId}"] .svg-layer [data-annotation-uid]`).length, testId);

const sizeText = (page: Page): Promise<string | null> => page.getByTestId('finding').first().getByTestId('finding-size').textContent();

describe('undo and redo in the viewer', () => {
  let first: DraftCalcification;
  let firstSize: string | null;

  it('click → finding; Delete → gone; Ctrl+Z → back with the same size; Ctrl+Shift+Z → gone again', async () => {
    const { page } = s;
    const truth = await readTruth(SAMPLE, 'RCC');
    const c = truth.calcifications.find((t) => t.id === 'R1-s10');
    if (!c) throw new Error('truth has no R1-s10');
    await expect.poll(() => page.getByTestId('undo').isDisabled()).toBe(true);
    const [px, py] = await pagePoint(page, 'current-RCC', 'viewport-RCC', c.centre.x, c.centre.y);
    await page.mouse.click(px, py);
    await countIs(page, 1);
    [first] = (await calcifications(page)) as [DraftCalcification];
    await expect.poll(() => page.getByTestId('finding').count()).toBe(1);
    firstSize = await sizeText(page);
    expect(firstSize).toMatch(/mm/);
    expect(await page.getByTestId('undo').isDisabled()).toBe(false);

    // Select the outline by pressing on it, then Delete.
    const p0 = first.contour[0] as { x: number; y: number };
    const [ox, oy] = await pagePoint(page, 'current-RCC', 'viewport-RCC', p0.x, p0.y);
    await page.mouse.click(ox, oy);
    await page.waitForTimeout(600);
    expect(await calcifications(page)).toHaveLength(1);
    await page.keyboard.press('Delete');
    await countIs(page, 0);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(0);
    await expect.poll(() => outlinesOn(page, 'viewport-RCC')).toBe(0);

    await page.keyboard.press('Control+z');
    await countIs(page, 1);
    const [back] = await calcifications(page);
    expect(back?.id).toBe(first.id);
    expect(back?.measurements.longAxis).toEqual(first.measurements.longAxis);
    expect(back?.contour).toEqual(first.contour);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(1);
    expect(await sizeText(page)).toBe(firstSize);
    // The outline is drawn again, with its size label.
    await expect.poll(() => outlinesOn(page, 'viewport-RCC')).toBe(1);
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-undo-delete.png') });

    await page.keyboard.press('Control+Shift+Z');
    await countIs(page, 0);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(0);
    await expect.poll(() => outlinesOn(page, 'viewport-RCC')).toBe(0);
    await page.keyboard.press('Control+z');
    await countIs(page, 1);
    await expect.poll(() => outlinesOn(page, 'viewport-RCC')).toBe(1);
  });

  it('shortcuts do not fire while typing in a field: Ctrl+Z in the relation field leaves the draft alone', async () => {
    const { page } = s;
    const field = page.getByTestId('finding').first().getByRole('textbox').first();
    await field.click();
    await page.keyboard.type('x');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(200);
    expect(await calcifications(page)).toHaveLength(1);
    await field.fill('');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('dragging a point of the outline re-measures the calcification: the size in the panel changes; undo and the Redo button take it back and forth', async () => {
    const { page } = s;
    await page.keyboard.press('1');
    await page.keyboard.press('e');
    await waitForEnlarged(page, 'RCC');
    const [c] = await calcifications(page);
    if (!c) throw new Error('no calcification');
    const before = await sizeText(page);
    const centre = c.measurements.centre;
    // The outline point farthest from the centre, pulled outwards along the long axis by 8 px (about 0.75 mm).
    const far = c.contour.reduce((m, p) => (Math.hypot(p.x - centre.x, p.y - centre.y) > Math.hypot(m.x - centre.x, m.y - centre.y) ? p : m), c.contour[0] as { x: number; y: number });
    const r = Math.hypot(far.x - centre.x, far.y - centre.y);
    const to = { x: far.x + (8 * (far.x - centre.x)) / r, y: far.y + (8 * (far.y - centre.y)) / r };
    const [ax, ay] = await pagePoint(page, 'current-RCC', 'viewport-RCC', far.x, far.y);
    const [bx, by] = await pagePoint(page, 'current-RCC', 'viewport-RCC', to.x, to.y);
    expect(Math.hypot(bx - ax, by - ay)).toBeGreaterThan(4);
    await page.mouse.move(ax, ay);
    await page.mouse.down();
    await page.mouse.move(bx, by, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction((id) => window.calcscribe?.draft()?.calcifications.find((x) => x.id === id)?.edited === true, c.id, { timeout: 20_000 });
    const [edited] = await calcifications(page);
    expect(edited?.measurements.longAxis.mm as number).toBeGreaterThan((c.measurements.longAxis.mm as number) + 0.3);
    await expect.poll(() => sizeText(page)).not.toBe(before);
    const editedSize = await sizeText(page);
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-outline-edited.png') });

    await page.keyboard.press('Control+z');
    await expect.poll(() => sizeText(page)).toBe(before);
    expect((await calcifications(page))[0]?.contour).toEqual(c.contour);
    await page.getByTestId('redo').click();
    await expect.poll(() => sizeText(page)).toBe(editedSize);
    expect((await calcifications(page))[0]?.contour).toEqual(edited?.contour);
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-outline-redone.png') });
    // The re-measures read the pixels the analysis worker decoded: no image was decoded a second time.
    const decodes = await page.evaluate(() => Object.values(window.calcscribe?.decodes() ?? {}).map((r) => r.decodes));
    expect(decodes).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
