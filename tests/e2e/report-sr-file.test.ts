/**
 * A saved report as a file, in the browser: the first reader clicks two calcifications and saves
 * the SR file; a second reader, in another browser, opens it with the exam on screen and finds the
 * same calcifications, sizes and report text, with who reported and when; amends and saves: the new
 * file is a new instance naming the first as its predecessor. After a reload, the first browser still
 * knows the report it saved: its next save amends it. A draft with work is replaced only
 * when the radiologist says so; a broken report is refused with its reason and the draft is kept.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalcificationSr } from '../../src/core/report/sr/index.js';
import { openSampleExam, waitForExamShown, type ViewerSession } from './harness.js';
import { chainLines, clickCalcification, draftOf, findingsOf, messages, openFiles, otherBrowser, SAMPLE, saveSrFile, setReader } from './report-pages.js';

let s: ViewerSession;
let second: Awaited<ReturnType<typeof otherBrowser>> | null = null;
const errors: string[] = [];

beforeAll(async () => {
  s = await openSampleExam();
}, 300_000);

afterAll(async () => {
  await second?.close();
  await s?.close();
});

describe('saving a report as an SR file and reviewing it in another browser', () => {
  let first: Uint8Array;
  let firstFindings: ReturnType<typeof findingsOf>;

  it('the first reader saves the two calcifications clicked as an SR file', async () => {
    await setReader(s.page, 'Dr Ada Reader');
    await clickCalcification(s.page, 'RCC', 'R1-s10', 1);
    await clickCalcification(s.page, 'RCC', 'R1-s03', 2);
    firstFindings = findingsOf(await draftOf(s.page));
    first = await saveSrFile(s.page);
    const read = readCalcificationSr(first);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.observer.name).toBe('Dr Ada Reader^');
    expect(read.value.predecessor).toBeNull();
    expect(findingsOf(read.value.draft)).toEqual(firstFindings);
    expect(await chainLines(s.page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/)]);
  }, 300_000);

  it('after a reload the first browser still knows its report: the chain is shown and the next save amends it', async () => {
    // As a radiologist can see it: the draft is saved in this browser before the page goes.
    await s.page.getByTestId('autosave-status').filter({ hasText: /saved in this browser/ }).waitFor({ timeout: 30_000 });
    await s.page.reload();
    await waitForExamShown(s.page);
    await s.page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 2, undefined, { timeout: 120_000 });
    expect(await chainLines(s.page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /)]);
    await clickCalcification(s.page, 'RCC', 'R1-s20', 3);
    const again = readCalcificationSr(await saveSrFile(s.page));
    const f = readCalcificationSr(first);
    if (!again.ok || !f.ok) throw new Error('a saved report could not be read');
    expect(again.value.predecessor).toEqual(f.value.instance);
    expect(await chainLines(s.page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /), expect.stringMatching(/^Amended by Dr Ada Reader at /)]);
  }, 300_000);

  it('the second reader opens it together with the exam\'s files: the same calcifications, sizes and text, and who reported when', async () => {
    second = await otherBrowser(s.url, errors);
    const page = second.page;
    expect((await draftOf(page)).calcifications).toEqual([]);
    const images = await Promise.all(
      ['RCC', 'LCC', 'RMLO', 'LMLO'].flatMap((v) => [`${v}.dcm`, `prior/${v}.dcm`]).map(async (f) => ({ name: f, bytes: new Uint8Array(await readFile(join(SAMPLE, f))) })),
    );
    await openFiles(page, [...images, { name: 'first-report.dcm', bytes: first }]);
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('8 images loaded from local files') === true, undefined, { timeout: 180_000 });
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 2, undefined, { timeout: 120_000 });
    expect(findingsOf(await draftOf(page))).toEqual(firstFindings);
    await page.getByTestId('review-banner').waitFor();
    expect(await page.getByTestId('review-banner').innerText()).toContain('Saved report under review (opened from first-report.dcm)');
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /)]);
    // The outlines are drawn on the view again.
    await page.waitForFunction(() => (window.calcscribe?.shown() ?? []).filter((a) => a.calcificationId !== null).length === 2, undefined, { timeout: 60_000 });
  }, 300_000);

  it('amends (adds a calcification) and saves: a new instance naming the first, by the second reader', async () => {
    const page = second!.page;
    await setReader(page, 'Dr Bo Second');
    await clickCalcification(page, 'RCC', 'R1-s20', 3);
    const amended = await saveSrFile(page);
    const a = readCalcificationSr(amended);
    const f = readCalcificationSr(first);
    if (!a.ok || !f.ok) throw new Error('a saved report could not be read');
    expect(a.value.instance.sopInstanceUid).not.toBe(f.value.instance.sopInstanceUid);
    expect(a.value.predecessor).toEqual(f.value.instance);
    expect(a.value.observer.name).toBe('Dr Bo Second^');
    expect(a.value.draft.calcifications.map((c) => c.id)).toEqual([...firstFindings.calcifications.map((c) => c.id), expect.any(String)]);
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /), expect.stringMatching(/^Amended by Dr Bo Second at /)]);
  }, 300_000);

  it('opening a report over a draft with work asks first: "Keep my draft" keeps it, "Open the saved report" replaces it', async () => {
    const page = second!.page;
    const before = await draftOf(page);
    await openFiles(page, [{ name: 'first-report.dcm', bytes: first }]);
    await page.getByTestId('replace-question').waitFor();
    await page.getByTestId('keep-draft').click();
    expect(await page.getByTestId('replace-question').count()).toBe(0);
    expect(await draftOf(page)).toEqual(before);
    await openFiles(page, [{ name: 'first-report.dcm', bytes: first }]);
    await page.getByTestId('replace-draft').click();
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 2, undefined, { timeout: 120_000 });
    expect(findingsOf(await draftOf(page))).toEqual(firstFindings);
  }, 300_000);

  it('a report cut short is refused with its reason; the draft stays as it was and nothing breaks', async () => {
    const page = second!.page;
    const before = await draftOf(page);
    await openFiles(page, [{ name: 'cut.dcm', bytes: first.slice(0, Math.floor(first.length / 2)) }]);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="message"]')].some((m) => m.textContent?.startsWith('cut.dcm is not a report calcscribe can open')), undefined, { timeout: 60_000 });
    expect(await draftOf(page)).toEqual(before);
    expect(await messages(page)).not.toContain(expect.stringMatching(/refused/));
    expect(errors).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 300_000);
});
