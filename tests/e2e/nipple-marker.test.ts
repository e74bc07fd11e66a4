/**
 * The nipple marker in the browser: placed on the RCC view it becomes the draft's nipple of that
 * image, and the finding's location and wording change to what the core derives with it; a second
 * marker replaces the first; undo takes it away and the location is the detected nipple's again.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFinding, type ExamDraft } from '../../src/core/draft/index.js';
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

async function clickImagePoint(page: Page, x: number, y: number): Promise<void> {
  const at = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, { x, y });
  if (at === null) throw new Error('no viewport current-RCC');
  const box = await page.getByTestId('viewport-RCC').locator('.mammo-element').boundingBox();
  if (box === null) throw new Error('viewport not on screen');
  await page.mouse.click(box.x + at[0], box.y + at[1]);
}

const draftOf = (page: Page): Promise<ExamDraft> =>
  page.evaluate(() => {
    const d = window.calcscribe?.draft();
    if (d == null) throw new Error('no draft');
    return JSON.parse(JSON.stringify(d)) as ExamDraft;
  });

/** The finding as the core derives it from a draft. */
function derived(draft: ExamDraft) {
  const f = draft.findings[0];
  if (f === undefined) throw new Error('no finding');
  const r = deriveFinding(draft, f.id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** How many image pixels one CSS pixel of the RCC view spans. */
async function cssPixel(page: Page, x: number, y: number): Promise<number> {
  const [a, b] = await page.evaluate(({ x, y }) => [window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, window.calcscribe?.imageToCanvas('current-RCC', x + 100, y) ?? null], { x, y });
  if (a === null || b === null) throw new Error('no viewport');
  return 100 / Math.hypot(b[0] - a[0], b[1] - a[1]);
}

describe('the nipple marker reaches the draft', () => {
  it('changes the RCC finding\'s location and wording to the core\'s with the marked nipple, replaces an earlier marker, and undoes', async () => {
    const truth = await readTruth(SAMPLE, 'RCC');
    const c = truth.calcifications.find((t) => t.id === 'R1-s10');
    if (c === undefined) throw new Error('truth has no R1-s10');
    await clickImagePoint(s.page, c.centre.x, c.centre.y);
    await s.page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 1, undefined, { timeout: 20_000 });
    const card = s.page.getByTestId('finding');
    await expect.poll(() => card.count()).toBe(1);
    const before = await draftOf(s.page);
    const image = before.images.find((i) => i.imageId === before.calcifications[0]?.imageId);
    const detected = image?.geometry?.nipple;
    if (image === undefined || detected == null || image.rows === undefined) throw new Error('no detected nipple on RCC');
    expect(before.nippleMarkers).toEqual({});
    const unmarked = derived(before);
    await expect.poll(() => card.getByTestId('wording').textContent()).toBe(unmarked.wording);
    const locationBefore = await card.getByTestId('finding-location').textContent();

    // The marker on the other side of the finding from the detected nipple, twice as far from it.
    const finding = before.calcifications[0]!.measurements.centre;
    const marked = { x: detected.x, y: Math.min(Math.max(finding.y + 2 * (finding.y - detected.y), 20), image.rows - 20) };
    await s.page.getByRole('button', { name: 'Nipple marker' }).click();
    await clickImagePoint(s.page, marked.x, marked.y);
    await s.page.waitForFunction((id) => window.calcscribe?.draft()?.nippleMarkers[id] !== undefined, image.imageId, { timeout: 20_000 });
    const after = await draftOf(s.page);
    const placed = after.nippleMarkers[image.imageId]!;
    const tolerance = await cssPixel(s.page, marked.x, marked.y);
    expect(Math.abs(placed.x - marked.x)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(placed.y - marked.y)).toBeLessThanOrEqual(tolerance);
    const withMarker = derived(after);
    expect(withMarker.wording).not.toBe(unmarked.wording);
    expect(withMarker.location).not.toEqual(unmarked.location);
    await expect.poll(() => card.getByTestId('wording').textContent()).toBe(withMarker.wording);
    expect(await card.getByTestId('finding-location').textContent()).not.toBe(locationBefore);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-nipple-marker.png') });

    // A second marker on the same image replaces the first: one marker, one annotation.
    const again = { x: marked.x, y: Math.min(marked.y + 40, image.rows - 20) };
    await clickImagePoint(s.page, again.x, again.y);
    await s.page.waitForFunction(({ id, y }) => Math.abs((window.calcscribe?.draft()?.nippleMarkers[id]?.y ?? -1e9) - y) < 10, { id: image.imageId, y: again.y });
    expect(Object.keys((await draftOf(s.page)).nippleMarkers)).toEqual([image.imageId]);

    // Undo twice: the first marker, then none; the finding is located from the detected nipple again.
    await s.page.getByRole('button', { name: 'Calcification', exact: true }).click();
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(({ id, y }) => Math.abs((window.calcscribe?.draft()?.nippleMarkers[id]?.y ?? -1e9) - y) < 10, { id: image.imageId, y: marked.y });
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction((id) => window.calcscribe?.draft()?.nippleMarkers[id] === undefined, image.imageId);
    await expect.poll(() => card.getByTestId('wording').textContent()).toBe(unmarked.wording);
    expect(await card.getByTestId('finding-location').textContent()).toBe(locationBefore);
    expect((await draftOf(s.page)).calcifications).toHaveLength(1);
    expect(s.errors).toEqual([]);
  });
});
