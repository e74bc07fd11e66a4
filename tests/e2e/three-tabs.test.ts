/**
 * Three tabs of one browser on the same exam: one edits, the two others are read-only and say so.
 * B takes over from A, then C from B (C asking although B queued for editing before it): each time
 * the tab that asked edits, the others are read-only with the message, and never do two tabs edit
 * at once. After reloading all three, every accepted edit of every tab is there. In the tab that
 * edits, a word typed into the report is one undo step.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { READ_ONLY_MESSAGE } from '../../src/viewer/autosave/index.js';
import { openSampleExam, openTab, OUTPUT_DIR, pagePoint, waitForExamShown, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

let s: ViewerSession;
let a: Page;
let b: Page;
let c: Page;
const otherErrors: string[] = [];

const draftOf = (page: Page): Promise<ExamDraft | null> => page.evaluate(() => window.calcscribe?.draft() ?? null);
const idsIn = async (page: Page): Promise<string[]> => ((await draftOf(page))?.calcifications.map((x) => x.id) ?? []).sort();

/** Whether the page edits (no read-only banner, not still checking for other tabs). */
async function edits(page: Page): Promise<boolean> {
  if ((await page.getByTestId('read-only').count()) > 0) return false;
  return !/^Checking whether another tab/.test((await page.getByTestId('autosave-status').textContent()) ?? '');
}

/**
 * The spans in which the page's edit gate was open (it accepted edits), stamped with the browser's
 * clock (one clock for all its tabs). The gate, not the banner: a tab's screen may repaint a few
 * milliseconds after another tab's, while the gate closes before the hand-over is sent.
 */
const editingSpans = async (page: Page, tab: string): Promise<{ tab: string; from: number; to: number | null }[]> =>
  (await page.evaluate(() => [...(window.calcscribe?.editingSpans ?? [])])).map((x) => ({ tab, ...x }));

async function centreOf(id: string): Promise<{ x: number; y: number }> {
  const t = (await readTruth(SAMPLE, 'RCC')).calcifications.find((x) => x.id === id);
  if (t === undefined) throw new Error(`truth has no ${id}`);
  return t.centre;
}

/** Clicks a true calcification of the RCC view. */
async function clickCalcification(page: Page, id: string): Promise<void> {
  const [x, y] = await pagePoint(page, 'current-RCC', 'viewport-RCC', await centreOf(id));
  await page.mouse.click(x, y);
}

/** The tab clicks a calcification and waits until the draft holds it, saved. */
async function addAndSave(page: Page, id: string, count: number): Promise<void> {
  await clickCalcification(page, id);
  await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, count, { timeout: 20_000 });
  const revision = (await draftOf(page))!.revision;
  await page.getByTestId('autosave-status').filter({ hasText: `Draft saved in this browser (revision ${revision})` }).waitFor({ timeout: 10_000 });
}

/** Every message the page shows from now on, in order (the message list itself keeps only the last few). */
async function watchMessages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { messagesSeen: string[] };
    w.messagesSeen = [];
    const log = document.querySelector('[role="log"]');
    if (log === null) throw new Error('no message log');
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) w.messagesSeen.push(n.textContent ?? '');
    }).observe(log, { childList: true });
  });
}

const messagesSeen = (page: Page): Promise<string[]> => page.evaluate(() => [...(window as unknown as { messagesSeen: string[] }).messagesSeen]);

/** A read-only tab refuses a click: said, nothing added. */
async function refusesClick(page: Page): Promise<void> {
  const before = await draftOf(page);
  const seen = (await messagesSeen(page)).length;
  await clickCalcification(page, 'R2-s05');
  await expect.poll(async () => (await messagesSeen(page)).length, { timeout: 10_000 }).toBeGreaterThan(seen);
  expect((await messagesSeen(page)).slice(seen)).toEqual([expect.stringMatching(/^not measured: this exam is open for editing in another tab/)]);
  expect(await draftOf(page)).toEqual(before);
}

/** Exactly one tab edits; the others show the read-only message. */
async function onlyEditing(editing: Page, readOnly: readonly Page[]): Promise<void> {
  await expect.poll(() => edits(editing), { timeout: 15_000 }).toBe(true);
  for (const p of readOnly) {
    await expect.poll(() => p.getByTestId('read-only').count(), { timeout: 15_000 }).toBe(1);
    expect(await p.getByTestId('read-only').textContent()).toContain(READ_ONLY_MESSAGE);
    expect(await edits(p)).toBe(false);
  }
}

beforeAll(async () => {
  s = await openSampleExam();
  a = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('three tabs on the same exam', () => {
  it('A edits, B and C open read-only; B takes over, then C: the tab that asks edits, one tab at a time, and no edit is lost', async () => {
    await expect.poll(() => edits(a), { timeout: 15_000 }).toBe(true);
    await addAndSave(a, 'R1-s10', 1);
    b = await openTab(s, otherErrors);
    c = await openTab(s, otherErrors);
    await onlyEditing(a, [b, c]);
    for (const p of [a, b, c]) await watchMessages(p);

    await b.getByTestId('take-over').click();
    await onlyEditing(b, [a, c]);
    await expect.poll(async () => (await draftOf(b))?.calcifications.length, { timeout: 10_000 }).toBe(1);
    await addAndSave(b, 'R1-s09', 2);
    await refusesClick(a);
    await refusesClick(c);

    // C asks although it queued for editing after B did when it opened.
    await c.getByTestId('take-over').click();
    await onlyEditing(c, [a, b]);
    await expect.poll(async () => (await draftOf(c))?.calcifications.length, { timeout: 10_000 }).toBe(2);
    await addAndSave(c, 'R1-s03', 3);
    await refusesClick(a);
    await refusesClick(b);
    await expect.poll(async () => (await draftOf(a))?.calcifications.length, { timeout: 10_000 }).toBe(3);
    await expect.poll(async () => (await draftOf(b))?.calcifications.length, { timeout: 10_000 }).toBe(3);

    // Never two tabs editing at once.
    const spans = [...(await editingSpans(a, 'A')), ...(await editingSpans(b, 'B')), ...(await editingSpans(c, 'C'))].sort((x, y) => x.from - y.from);
    expect(spans.map((x) => x.tab)).toEqual(['A', 'B', 'C']);
    for (let i = 1; i < spans.length; i++) expect(spans[i - 1]!.to, `${spans[i - 1]!.tab} stopped editing before ${spans[i]!.tab} started`).not.toBeNull();
    for (let i = 1; i < spans.length; i++) expect(spans[i - 1]!.to!).toBeLessThanOrEqual(spans[i]!.from);
    await c.screenshot({ path: join(OUTPUT_DIR, 'three-tabs-c-edits.png') });
  }, 240_000);

  it('after reloading all three, every accepted edit is in every tab, and one tab edits', async () => {
    const ids = await idsIn(c);
    expect(ids).toHaveLength(3);
    for (const p of [a, b, c]) await p.reload();
    for (const p of [a, b, c]) {
      await waitForExamShown(p);
      await p.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, ids.length, { timeout: 20_000 });
      expect(await idsIn(p)).toEqual(ids);
    }
    await expect.poll(async () => (await Promise.all([a, b, c].map(edits))).filter(Boolean).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await Promise.all([a, b, c].map((p) => p.getByTestId('read-only').count()))).reduce((x, y) => x + y, 0), { timeout: 15_000 }).toBe(2);
  }, 240_000);

  it('in the tab that edits, a word typed into the report is one undo step; Redo brings it back whole', async () => {
    const editing = (await Promise.all([a, b, c].map(edits))).indexOf(true);
    const page = [a, b, c][editing]!;
    const text = page.getByTestId('report-text');
    const before = await text.inputValue();
    await text.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Reviewed', { delay: 60 });
    await expect.poll(() => text.inputValue()).toBe(`${before} Reviewed`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByTestId('undo').click();
    await expect.poll(() => text.inputValue()).toBe(before);
    await page.getByTestId('redo').click();
    await expect.poll(() => text.inputValue()).toBe(`${before} Reviewed`);
    expect(otherErrors).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 120_000);
});
