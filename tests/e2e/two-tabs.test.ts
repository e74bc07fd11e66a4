/**
 * Two tabs of one browser on the same exam: the second tab is read-only and says so, its clicks
 * change nothing, nor does any other edit on its views (Delete, dragging an outline's point,
 * placing or dragging a nipple marker, undo): each is refused with the reason and the views keep
 * showing what is stored; its Undo and Redo buttons are off. "Take over" makes the first tab save and become read-only, and the second tab
 * edits from the stored draft; after reloading both, every accepted edit of both tabs is there.
 * "Saved" is never shown for a draft other than the one stored, and a save made over a stored
 * draft this tab did not read is refused and said.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { READ_ONLY_MESSAGE } from '../../src/viewer/autosave/index.js';
import type { ShownAnnotation } from '../../src/viewer/app/test-hooks.js';
import { openSampleExam, openTab, OUTPUT_DIR, pagePoint, waitForFourViews, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

let s: ViewerSession;
let a: Page;
let b: Page;
const bErrors: string[] = [];

/** Each text the status line showed, with the revision of the draft shown at that moment. */
interface StatusSeen {
  readonly text: string;
  readonly revision: number | null;
}

/** Records every text the autosave status shows from now on (with the draft's revision then). */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statusSeen: { text: string; revision: number | null }[] };
    w.statusSeen = [];
    let last: string | null = null;
    const look = (): void => {
      const text = document.querySelector('[data-testid="autosave-status"]')?.textContent ?? null;
      if (text === null || text === last) return;
      last = text;
      w.statusSeen.push({ text, revision: window.calcscribe?.draft()?.revision ?? null });
    };
    look();
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const statusSeen = (page: Page): Promise<StatusSeen[]> => page.evaluate(() => [...(window as unknown as { statusSeen: StatusSeen[] }).statusSeen]);

/** Every "saved" the page showed named the revision of the draft shown at that moment. */
async function savedOnlyWhenShown(page: Page): Promise<StatusSeen[]> {
  const seen = await statusSeen(page);
  for (const x of seen) {
    const m = /Draft saved in this browser \(revision (\d+)\)/.exec(x.text);
    if (m !== null) expect(x.revision, `"${x.text}" shown with revision ${x.revision}`).toBe(Number(m[1]));
  }
  return seen;
}

const draftOf = (page: Page): Promise<ExamDraft | null> => page.evaluate(() => window.calcscribe?.draft() ?? null);
const countIn = async (page: Page): Promise<number> => (await draftOf(page))?.calcifications.length ?? -1;

/** The draft stored in the browser for an exam (read in the page from IndexedDB), or null. */
function storedDraft(page: Page, examKey: string): Promise<{ revision: number; calcifications: number } | null> {
  return page.evaluate(
    (examKey) =>
      new Promise<{ revision: number; calcifications: number } | null>((resolve, reject) => {
        const req = indexedDB.open('calcscribe-drafts');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('drafts', 'readonly').objectStore('drafts').get(examKey);
          get.onsuccess = () => {
            const v = get.result as { revision: number; text: string } | undefined;
            req.result.close();
            resolve(v === undefined ? null : { revision: v.revision, calcifications: (JSON.parse(v.text) as { calcifications: unknown[] }).calcifications.length });
          };
          get.onerror = () => reject(get.error);
        };
      }),
    examKey,
  );
}

const rccPoint = (page: Page, p: { readonly x: number; readonly y: number }): Promise<[number, number]> => pagePoint(page, 'current-RCC', 'viewport-RCC', p);

/** Clicks the stored-image pixel (x, y) of the RCC view. */
async function clickRcc(page: Page, x: number, y: number): Promise<void> {
  const [px, py] = await rccPoint(page, { x, y });
  await page.mouse.click(px, py);
}

/** Drags on the RCC view from one stored-image pixel to another; `midway` runs with the button still down. */
async function dragRcc(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, midway: () => Promise<void> = async () => undefined): Promise<void> {
  const [ax, ay] = await rccPoint(page, from);
  const [bx, by] = await rccPoint(page, to);
  await page.mouse.move(ax, ay);
  await page.mouse.down();
  await page.mouse.move(bx, by, { steps: 12 });
  await midway();
  await page.mouse.up();
}

const shown = (page: Page): Promise<ShownAnnotation[]> => page.evaluate(() => window.calcscribe?.shown() ?? []);

/** Whether two runs of points are the same to a hundredth of a stored-image pixel. */
function samePoints(a: readonly { x: number; y: number }[], b: readonly { x: number; y: number }[]): boolean {
  return a.length === b.length && a.every((p, i) => Math.abs(p.x - b[i]!.x) < 0.01 && Math.abs(p.y - b[i]!.y) < 0.01);
}

/**
 * What the views show is the draft: each calcification's outline at its contour, each nipple marker
 * at its point, and nothing else (in stored-image pixels).
 */
async function screenIsDraft(page: Page): Promise<void> {
  const d = (await draftOf(page))!;
  const drawn = await shown(page);
  const outlines = drawn.filter((a) => a.calcificationId !== null);
  expect(outlines.map((a) => a.calcificationId).sort()).toEqual(d.calcifications.map((c) => c.id).sort());
  for (const o of outlines) expect(samePoints(o.points, d.calcifications.find((c) => c.id === o.calcificationId)!.contour), `outline of ${o.calcificationId} as in the draft`).toBe(true);
  const markers = drawn.filter((a) => a.tool === 'NippleMarker');
  const wanted = Object.values(d.nippleMarkers);
  expect(markers).toHaveLength(wanted.length);
  for (const m of markers) expect(wanted.some((w) => samePoints(m.points, [w])), `marker at ${JSON.stringify(m.points)} as in the draft`).toBe(true);
  expect(drawn.filter((a) => a.calcificationId === null && a.tool !== 'NippleMarker')).toEqual([]);
}

const refusedIn = (page: Page, what: RegExp) => page.getByTestId('message').filter({ hasText: what });

async function centreOf(id: string): Promise<{ x: number; y: number }> {
  const c = (await readTruth(SAMPLE, 'RCC')).calcifications.find((t) => t.id === id);
  if (c === undefined) throw new Error(`truth has no ${id}`);
  return c.centre;
}

const savedLabel = (page: Page) => page.getByTestId('autosave-status').filter({ hasText: /^Draft saved in this browser/ });

beforeAll(async () => {
  s = await openSampleExam();
  a = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('two tabs on the same exam', () => {
  let examKey: string;

  it('tab A edits: its click is measured and saved, "saved" comes only once the store has it', async () => {
    await expect.poll(() => a.getByTestId('read-only').count()).toBe(0);
    await watchStatus(a);
    const c = await centreOf('R1-s10');
    await clickRcc(a, c.x, c.y);
    await a.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 1, undefined, { timeout: 20_000 });
    const shown = await draftOf(a);
    examKey = shown!.examKey;
    await savedLabel(a).filter({ hasText: `(revision ${shown!.revision})` }).waitFor({ timeout: 10_000 });
    expect(await storedDraft(a, examKey)).toEqual({ revision: shown!.revision, calcifications: 1 });
    const seen = await savedOnlyWhenShown(a);
    // Between the click and the save the status said so.
    expect(seen.map((x) => x.text)).toContain('Draft changed: not yet saved');
  });

  it('tab B on the same exam is read-only, says why, and its clicks change nothing', async () => {
    b = await openTab(s, bErrors);
    await watchStatus(b);
    const banner = b.getByTestId('read-only');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain(READ_ONLY_MESSAGE);
    // B shows what A stored.
    await expect.poll(() => countIn(b)).toBe(1);
    const before = await draftOf(b);
    const stored = await storedDraft(b, examKey);

    const c = await centreOf('R1-s09');
    await clickRcc(b, c.x, c.y);
    const refusal = b.getByTestId('message').filter({ hasText: /not measured: this exam is open for editing in another tab/ });
    await refusal.waitFor({ timeout: 10_000 });
    await b.waitForTimeout(800);
    expect(await draftOf(b)).toEqual(before);
    expect(await storedDraft(b, examKey)).toEqual(stored);
    expect(await b.locator('[data-testid="viewport-RCC"] .svg-layer [data-annotation-uid]').count()).toBe(1);
    // The findings panel's controls are disabled in the read-only tab; A still edits.
    expect(await b.locator('fieldset.draft-fields').evaluate((f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await b.getByTestId('report-text').evaluate((t) => t.matches(':disabled'))).toBe(true);
    expect(await a.getByTestId('read-only').count()).toBe(0);
    await b.screenshot({ path: join(OUTPUT_DIR, 'two-tabs-read-only.png') });
  });

  it('in tab B no edit on the views is taken, each says why, and the views keep showing what is stored; Undo and Redo are off', async () => {
    // Tab A marks the nipple on RCC, so that B has a marker to try to move; B follows.
    const c = (await draftOf(a))!.calcifications[0]!;
    const markAt = { x: c.measurements.centre.x, y: c.measurements.centre.y + 300 };
    await a.getByRole('button', { name: 'Nipple marker' }).click();
    await clickRcc(a, markAt.x, markAt.y);
    await a.waitForFunction(() => Object.keys(window.calcscribe?.draft()?.nippleMarkers ?? {}).length === 1, undefined, { timeout: 10_000 });
    await a.getByRole('button', { name: 'Calcification', exact: true }).click();
    // A can undo its edits.
    expect(await a.getByTestId('undo').isDisabled()).toBe(false);
    await expect.poll(async () => Object.keys((await draftOf(b))!.nippleMarkers).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await shown(b)).filter((x) => x.tool === 'NippleMarker').length, { timeout: 10_000 }).toBe(1);
    const before = await draftOf(b);
    const stored = await storedDraft(b, examKey);
    await screenIsDraft(b);
    expect(await b.getByTestId('undo').isDisabled()).toBe(true);
    expect(await b.getByTestId('redo').isDisabled()).toBe(true);

    // Delete on a selected outline.
    const p0 = c.contour[0]!;
    await clickRcc(b, p0.x, p0.y);
    await b.waitForTimeout(600);
    await b.keyboard.press('Delete');
    await refusedIn(b, /^not deleted: this exam is open for editing in another tab/).waitFor({ timeout: 10_000 });
    await screenIsDraft(b);

    // Dragging a point of the outline: the outline does not move, not even while the button is down.
    const centre = c.measurements.centre;
    const far = c.contour.reduce((m, p) => (Math.hypot(p.x - centre.x, p.y - centre.y) > Math.hypot(m.x - centre.x, m.y - centre.y) ? p : m), p0);
    const r = Math.hypot(far.x - centre.x, far.y - centre.y);
    await dragRcc(b, far, { x: far.x + (10 * (far.x - centre.x)) / r, y: far.y + (10 * (far.y - centre.y)) / r }, () => screenIsDraft(b));
    await refusedIn(b, /^outline not changed: this exam is open for editing in another tab/).waitFor({ timeout: 10_000 });
    await screenIsDraft(b);

    // With the nipple marker tool: dragging the marker, and placing another.
    const marker = Object.values(before!.nippleMarkers)[0]!;
    await b.getByRole('button', { name: 'Nipple marker' }).click();
    await dragRcc(b, marker, { x: marker.x + 40, y: marker.y + 40 }, () => screenIsDraft(b));
    await refusedIn(b, /^nipple marker not moved: this exam is open for editing in another tab/).waitFor({ timeout: 10_000 });
    await screenIsDraft(b);
    await clickRcc(b, marker.x - 60, marker.y - 60);
    await refusedIn(b, /^nipple marker not placed: this exam is open for editing in another tab/).waitFor({ timeout: 10_000 });
    await b.getByRole('button', { name: 'Calcification', exact: true }).click();
    await screenIsDraft(b);

    // Undo from the keyboard.
    await b.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await b.keyboard.press('Control+z');
    await refusedIn(b, /^not undone: this exam is open for editing in another tab/).waitFor({ timeout: 10_000 });

    await b.waitForTimeout(800);
    expect(await draftOf(b)).toEqual(before);
    expect(await storedDraft(b, examKey)).toEqual(stored);
    await screenIsDraft(b);
    expect(await b.getByTestId('undo').isDisabled()).toBe(true);
    await b.screenshot({ path: join(OUTPUT_DIR, 'two-tabs-read-only-edits-refused.png') });
  });

  it('take over in B: A saves and becomes read-only; B edits from the stored draft and its click is saved', async () => {
    await b.getByTestId('take-over').click();
    await a.getByTestId('read-only').waitFor({ timeout: 15_000 });
    expect(await a.getByTestId('read-only').textContent()).toContain(READ_ONLY_MESSAGE);
    await expect.poll(() => b.getByTestId('read-only').count(), { timeout: 15_000 }).toBe(0);
    expect(await b.locator('fieldset.draft-fields').evaluate((f) => (f as HTMLFieldSetElement).disabled)).toBe(false);
    // A's Undo went off when it handed over; B has nothing of its own to undo yet.
    expect(await a.getByTestId('undo').isDisabled()).toBe(true);
    expect(await a.getByTestId('redo').isDisabled()).toBe(true);
    expect(await b.getByTestId('undo').isDisabled()).toBe(true);

    // A's clicks are now refused.
    const inA = await draftOf(a);
    const c3 = await centreOf('R1-s03');
    await clickRcc(a, c3.x, c3.y);
    await a.getByTestId('message').filter({ hasText: /not measured: this exam is open for editing in another tab/ }).waitFor({ timeout: 10_000 });
    expect(await draftOf(a)).toEqual(inA);

    const c = await centreOf('R1-s09');
    await clickRcc(b, c.x, c.y);
    await expect.poll(() => countIn(b), { timeout: 20_000 }).toBe(2);
    const inB = await draftOf(b);
    await savedLabel(b).filter({ hasText: `(revision ${inB!.revision})` }).waitFor({ timeout: 10_000 });
    expect(await storedDraft(b, examKey)).toEqual({ revision: inB!.revision, calcifications: 2 });
    // B can undo its own click; A still cannot.
    expect(await b.getByTestId('undo').isDisabled()).toBe(false);
    expect(await a.getByTestId('undo').isDisabled()).toBe(true);
    // The read-only tab follows what is stored.
    await expect.poll(() => countIn(a), { timeout: 10_000 }).toBe(2);
    await savedLabel(a).filter({ hasText: `(revision ${inB!.revision})` }).waitFor({ timeout: 10_000 });
    await screenIsDraft(a);
    await savedOnlyWhenShown(a);
    await savedOnlyWhenShown(b);
    await a.screenshot({ path: join(OUTPUT_DIR, 'two-tabs-taken-over.png') });
  });

  it('after reloading both tabs, the findings of both tabs\' accepted edits are there', async () => {
    const before = await draftOf(b);
    const ids = before!.calcifications.map((c) => c.id).sort();
    expect(ids).toHaveLength(2);
    await a.reload();
    await b.reload();
    for (const page of [a, b]) {
      await waitForFourViews(page);
      await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, ids.length, { timeout: 20_000 });
      expect((await draftOf(page))!.calcifications.map((c) => c.id).sort()).toEqual(ids);
      expect((await draftOf(page))!.findings).toEqual(before!.findings);
    }
    // Exactly one of the two edits.
    await expect.poll(async () => (await a.getByTestId('read-only').count()) + (await b.getByTestId('read-only').count()), { timeout: 15_000 }).toBe(1);
  });

  it('a save over a stored draft this tab did not read is refused and said, never shown as saved', async () => {
    const editing = (await a.getByTestId('read-only').count()) === 0 ? a : b;
    await watchStatus(editing);
    const shown = await draftOf(editing);
    // Another writer (e.g. an older viewer without tab coordination) stores a later revision behind this tab's back.
    const foreign = { ...shown!, calcifications: [], findings: [], revision: shown!.revision + 50 };
    await editing.evaluate(
      ({ key, text, revision }) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('calcscribe-drafts');
          req.onsuccess = () => {
            const tx = req.result.transaction('drafts', 'readwrite');
            tx.objectStore('drafts').put({ revision, text }, key);
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { key: examKey, text: JSON.stringify(foreign), revision: foreign.revision },
    );
    const c = await centreOf('R1-s03');
    await clickRcc(editing, c.x, c.y);
    await expect.poll(() => countIn(editing), { timeout: 20_000 }).toBe(3);
    const status = editing.getByTestId('autosave-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Draft NOT saved: another tab saved this exam's draft/);
    expect(await status.textContent()).toContain(`(revision ${foreign.revision})`);
    expect(await storedDraft(editing, examKey)).toEqual({ revision: foreign.revision, calcifications: 0 });
    const seen = await savedOnlyWhenShown(editing);
    // "Saved" was shown for the draft before the click (stored then), never after it.
    expect(seen.filter((x) => /^Draft saved/.test(x.text) && (x.revision ?? 0) > shown!.revision)).toEqual([]);
    expect(seen.at(-1)?.text).toMatch(/^Draft NOT saved/);
    expect(bErrors).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
