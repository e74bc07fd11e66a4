/**
 * Selecting an outline on a view shows its calcification in the findings panel (size words, the
 * magnified picture and the profile), whether the outline is pressed with the mouse or chosen with
 * the keyboard crosshair and Enter; choosing a calcification in the panel selects its outline.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import { openSampleExam, OUTPUT_DIR, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

async function canvasOf(page: Page, x: number, y: number): Promise<[number, number]> {
  const at = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, { x, y });
  if (at === null) throw new Error('RCC not on screen');
  return at;
}

async function calcifications(page: Page, n: number): Promise<DraftCalcification[]> {
  await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, n, { timeout: 20_000 });
  return page.evaluate(() => [...(window.calcscribe?.draft()?.calcifications ?? [])]);
}

/** The panel's words for a calcification's size, as SelectedCalcification writes them. */
const sizeOf = (c: DraftCalcification): string => `${c.measurements.longAxis.mm!.toFixed(2)} × ${c.measurements.shortAxis.mm!.toFixed(2)} mm`;

/** The point of the outline farthest right (on the outline, away from the other calcifications' centres). */
const rightmost = (c: DraftCalcification): { x: number; y: number } => c.contour.reduce((m, p) => (p.x > m.x ? p : m), c.contour[0]!);

/** How many distinct grey levels the magnified picture shows (a drawn picture has many; an empty one has one). */
const zoomGreyLevels = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="selected-calcification"] [data-testid="zoom-view"]');
    const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return 0;
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4) levels.add(data[i]!);
    return levels.size;
  });

describe('selecting a calcification outline', () => {
  it('a press on an outline, or the crosshair and Enter on it, shows that calcification in the panel; the panel\'s choice selects the outline', async () => {
    const { page } = s;
    const truth = await readTruth(SAMPLE, 'RCC');
    // Two calcifications of clearly different size, far apart on the image.
    const big = [...truth.calcifications].filter((t) => t.longAxisMm >= 0.8).sort((a, b) => b.longAxisMm - a.longAxisMm);
    const a = big[0];
    const b = big.find((t) => Math.hypot(t.centre.x - a!.centre.x, t.centre.y - a!.centre.y) > 60 && Math.abs(t.longAxisMm - a!.longAxisMm) > 0.1);
    if (a === undefined || b === undefined) throw new Error('RCC truth has no two distinct calcifications');
    const box = await page.getByTestId('viewport-RCC').locator('.mammo-element').boundingBox();
    if (box === null) throw new Error('RCC not on screen');

    for (const t of [a, b]) {
      const xy = await canvasOf(page, t.centre.x, t.centre.y);
      await page.mouse.click(box.x + xy[0], box.y + xy[1]);
      await page.waitForTimeout(500);
    }
    const both = await calcifications(page, 2);
    const nearest = (t: { centre: { x: number; y: number } }): DraftCalcification =>
      [...both].sort((p, q) => Math.hypot(p.measurements.centre.x - t.centre.x, p.measurements.centre.y - t.centre.y) - Math.hypot(q.measurements.centre.x - t.centre.x, q.measurements.centre.y - t.centre.y))[0]!;
    const ca = nearest(a);
    const cb = nearest(b);
    expect(ca.id).not.toBe(cb.id);
    expect(sizeOf(ca)).not.toBe(sizeOf(cb));
    const selected = page.getByTestId('selected-calcification');

    // Mouse: a press on the first outline selects it, adds nothing, and the panel shows it with its picture.
    const onA = await canvasOf(page, rightmost(ca).x, rightmost(ca).y);
    await page.mouse.click(box.x + onA[0], box.y + onA[1]);
    await expect.poll(() => selected.textContent(), { timeout: 10_000 }).toContain(sizeOf(ca));
    expect((await calcifications(page, 2)).length).toBe(2);
    await expect.poll(() => zoomGreyLevels(page), { timeout: 10_000 }).toBeGreaterThan(20);
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-selection-mouse.png') });

    // Keyboard: the crosshair moved onto the second outline, Enter selects it (and measures nothing new).
    await page.waitForTimeout(500);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('1');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    const start = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="viewport-RCC"] [data-testid="crosshair"]');
      return el === null ? null : ([parseFloat(el.style.left), parseFloat(el.style.top)] as [number, number]);
    });
    if (start === null) throw new Error('no crosshair on RCC');
    const onB = await canvasOf(page, rightmost(cb).x, rightmost(cb).y);
    for (const [d, neg, pos] of [[Math.round(onB[0] - start[0]), 'ArrowLeft', 'ArrowRight'], [Math.round(onB[1] - start[1]), 'ArrowUp', 'ArrowDown']] as const) {
      const key = d < 0 ? neg : pos;
      for (let i = 0; i < Math.floor(Math.abs(d) / 10); i++) await page.keyboard.press(`Shift+${key}`);
      for (let i = 0; i < Math.abs(d) % 10; i++) await page.keyboard.press(key);
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => selected.textContent(), { timeout: 10_000 }).toContain(sizeOf(cb));
    await page.waitForTimeout(300);
    expect((await calcifications(page, 2)).length).toBe(2);
    await page.keyboard.press('Escape');

    // The panel's choice: the first calcification's button shows it and selects its outline alone (drawn with its points).
    const button = page.getByRole('group', { name: /^Calcifications of/ }).getByRole('button', { pressed: false }).first();
    await button.click();
    await expect.poll(() => selected.textContent(), { timeout: 10_000 }).toContain(sizeOf(ca));
    const corners = await Promise.all(ca.contour.map((p) => canvasOf(page, p.x, p.y)));
    const handles = (): Promise<[number, number][]> =>
      page.evaluate(() => [...document.querySelectorAll('[data-testid="viewport-RCC"] svg.svg-layer circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))] as [number, number]));
    await expect.poll(async () => (await handles()).length, { timeout: 10_000 }).toBeGreaterThan(2);
    for (const [x, y] of await handles()) {
      expect(Math.min(...corners.map((c) => Math.hypot(c[0] - x, c[1] - y)))).toBeLessThan(1);
    }
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-selection-panel.png') });

    // A right-button drag starting on the selected outline zooms the view; it does not drag the outline's point.
    const scale = async (): Promise<number> => {
      const p = await canvasOf(page, 0, 0);
      const q = await canvasOf(page, 100, 0);
      return Math.hypot(q[0] - p[0], q[1] - p[1]) / 100;
    };
    const before = await scale();
    const from = await canvasOf(page, rightmost(ca).x, rightmost(ca).y);
    await page.mouse.move(box.x + from[0], box.y + from[1]);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(box.x + from[0], box.y + from[1] + 40, { steps: 4 });
    await page.mouse.up({ button: 'right' });
    await expect.poll(scale, { timeout: 10_000 }).toBeGreaterThan(before * 1.05);
    await page.waitForTimeout(300);
    const after = (await calcifications(page, 2)).find((c) => c.id === ca.id)!;
    expect(after.contour).toEqual(ca.contour);
    expect(after.edited).toBeFalsy();
  });
});
