/**
 * Save to PACS and review from the PACS, in the browser against a real Orthanc (tests/pacs/orthanc.ts)
 * through the viewer's same-origin proxy (serveViewer with dicomWeb) and a fault proxy in front of
 * Orthanc (tests/pacs/fault-proxy.ts). The sample exam is in the PACS; each browser (its own
 * profile: nothing shared) opens it with the PACS panel. The first reader clicks two
 * calcifications and saves to the PACS; another browser opens the study and finds its report
 * opened for review: the same calcifications, sizes and text, and who reported when; reopening the
 * study after a reload asks nothing. The second reader amends and saves while STOW-RS is answered
 * 500: the failure and the server's reason are shown, the draft is unchanged, and the retry after
 * the fault clears stores it. Orthanc then holds two reports, the second naming the first; a third
 * browser opens the amendment with the chain, both reports listed newest first.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPREHENSIVE_SR_SOP_CLASS, readCalcificationSr } from '../../src/core/report/sr/index.js';
import { serveViewer } from '../../src/viewer/serve.js';
import { isStow, startFaultProxy, type FaultProxy } from '../pacs/fault-proxy.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { OUTPUT_DIR } from './harness.js';
import { chainLines, clickCalcification, draftOf, findingsOf, openStudyFromPacs, otherBrowser, SAMPLE, setReader } from './report-pages.js';

const STUDY = '2.25.196084383509692032933780948866366418617';
const STUDY_BUTTON = 'Open PHANTOM SCREENING A, 2026-03-10';

let pacs: OrthancServer;
let fault: FaultProxy;
let work: string;
let viewer: { url: string; close(): Promise<void> };
let startUrl: string;
const browsers: Awaited<ReturnType<typeof otherBrowser>>[] = [];
const errors: string[] = [];
/** Every answer of 400 or more the pages received (status, method, path) after their start. */
const failedResponses: string[] = [];

/** The calcscribe reports Orthanc holds for the sample study, as files (through Orthanc's own REST API). */
async function reportsInOrthanc(): Promise<Uint8Array[]> {
  const res = await fetch(`${pacs.dicomWebUrl}/studies/${STUDY}/instances?00080016=${COMPREHENSIVE_SR_SOP_CLASS}`, { headers: { Accept: 'application/dicom+json' } });
  if (res.status === 204) return [];
  const list = (await res.json()) as Record<string, { Value?: string[] }>[];
  const files: Uint8Array[] = [];
  for (const i of list) {
    const found = (await (await fetch(`${pacs.baseUrl}/tools/find`, { method: 'POST', body: JSON.stringify({ Level: 'Instance', Query: { SOPInstanceUID: i['00080018']?.Value?.[0] } }) })).json()) as string[];
    files.push(new Uint8Array(await (await fetch(`${pacs.baseUrl}/instances/${found[0]}/file`)).arrayBuffer()));
  }
  return files;
}

async function pacsSaveStatus(page: Page, state: 'stored' | 'failed'): Promise<string> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="save-report"] [data-testid="save-to-pacs-status"]')?.getAttribute('data-state') === s, state, { timeout: 120_000 });
  return page.getByTestId('save-report').getByTestId('save-to-pacs-status').innerText();
}

/** A browser of its own on the viewer's start page (another patient's image), with the study then opened from the PACS. */
async function browserOnStudy(): Promise<Page> {
  // The start page shows one image: its draft is the sign it is ready.
  const b = await otherBrowser(startUrl, errors, (p) => p.waitForFunction(() => window.calcscribe?.draft() != null, undefined, { timeout: 180_000 }).then(() => undefined));
  browsers.push(b);
  b.page.on('response', (r) => {
    if (r.status() >= 400) failedResponses.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  await openStudyFromPacs(b.page, 'PH-SCR-2026', STUDY_BUTTON);
  return b.page;
}

beforeAll(async () => {
  pacs = await startOrthanc();
  // The sample exam (current and prior) is in the PACS, as the modality sent it.
  for (const f of ['RCC', 'LCC', 'RMLO', 'LMLO'].flatMap((v) => [`${v}.dcm`, `prior/${v}.dcm`])) {
    const r = await fetch(`${pacs.baseUrl}/instances`, { method: 'POST', body: await readFile(join(SAMPLE, f)) });
    if (!r.ok) throw new Error(`${f} not stored in Orthanc: ${r.status}`);
  }
  fault = await startFaultProxy(pacs.dicomWebUrl);
  // The viewer starts on another patient's image (its own study), and the sample study is opened from the PACS.
  work = await mkdtemp(join(tmpdir(), 'calcscribe-report-pacs-'));
  const start = join(work, 'start');
  await mkdir(start);
  await copyFile(join(SAMPLE, 'LCC.dcm'), join(start, 'other.dcm'));
  execFileSync('dcmodify', ['-nb', '-gst', '-gse', '-gin', '-m', '(0010,0010)=OTHER^PATIENT', '-m', '(0010,0020)=OTHER-1', join(start, 'other.dcm')]);
  await writeFile(join(start, 'exam.json'), JSON.stringify({ studies: [{ role: 'current', images: [{ file: 'other.dcm' }] }] }));
  viewer = await serveViewer({ port: 0, outDir: join(work, 'viewer'), testHooks: true, examDirs: { '/start/': start }, dicomWeb: { url: fault.dicomWebUrl } });
  startUrl = new URL('/?exam=/start/', viewer.url).toString();
}, 600_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await viewer?.close();
  await fault?.stop();
  await pacs?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('Save to PACS and review from the PACS', () => {
  let firstFindings: ReturnType<typeof findingsOf>;

  it('the first reader opens the study from the PACS, clicks two calcifications and saves to the PACS: stored', async () => {
    const page = await browserOnStudy();
    expect((await draftOf(page)).calcifications).toEqual([]);
    await setReader(page, 'Dr Ada Reader');
    await clickCalcification(page, 'RCC', 'R1-s10', 1);
    await clickCalcification(page, 'RCC', 'R1-s03', 2);
    firstFindings = findingsOf(await draftOf(page));
    await page.getByTestId('save-to-pacs').click();
    expect(await pacsSaveStatus(page, 'stored')).toMatch(/^Stored in /);
    const held = await reportsInOrthanc();
    expect(held).toHaveLength(1);
    const r = readCalcificationSr(held[0]!);
    if (!r.ok) throw new Error(r.error.message);
    expect(findingsOf(r.value.draft)).toEqual(firstFindings);
    expect(r.value.observer.name).toBe('Dr Ada Reader^');
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /)]);
  }, 600_000);

  it('another browser opens the study from the PACS: its report is opened for review, the same findings, who reported when', async () => {
    const page = await browserOnStudy();
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 2, undefined, { timeout: 180_000 });
    expect(findingsOf(await draftOf(page))).toEqual(firstFindings);
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/)]);
    expect(await page.getByTestId('review-banner').innerText()).toContain('Saved report under review');
    // Saved in this browser as the draft: reopening the study after a reload finds it under review, with nothing asked.
    await page.waitForFunction(() => document.querySelector('[data-testid="autosave-status"]')?.textContent?.startsWith('Draft saved in this browser') === true, undefined, { timeout: 20_000 });
    await page.reload();
    await page.waitForFunction(() => window.calcscribe?.draft() != null, undefined, { timeout: 180_000 });
    await openStudyFromPacs(page, 'PH-SCR-2026', STUDY_BUTTON);
    await page.getByTestId('review-banner').waitFor({ timeout: 180_000 });
    expect(findingsOf(await draftOf(page))).toEqual(firstFindings);
    expect(await page.getByTestId('replace-question').count()).toBe(0);
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /)]);
  }, 600_000);

  it('the amendment is not stored while STOW-RS answers 500: the reason is shown, the draft unchanged; the retry stores it', async () => {
    const page = browsers[1]!.page;
    await setReader(page, 'Dr Bo Second');
    await clickCalcification(page, 'RCC', 'R1-s20', 3);
    const before = await draftOf(page);
    fault.setFault({ kind: 'status', status: 500, statusText: 'Internal Server Error', body: 'storage area full (test fault)', match: isStow });
    await page.getByTestId('save-to-pacs').click();
    const failed = await pacsSaveStatus(page, 'failed');
    expect(failed).toMatch(/^NOT stored in .*500/);
    expect(failed).toContain('Your draft is kept');
    expect(fault.seen.filter((r) => r.faulted)).toHaveLength(1);
    expect(await draftOf(page)).toEqual(before);
    expect(await reportsInOrthanc()).toHaveLength(1);
    expect(await chainLines(page)).toHaveLength(1);
    expect(await page.getByTestId('save-to-pacs').innerText()).toBe('Retry: save to PACS');
    fault.setFault(null);
    await page.getByTestId('save-to-pacs').click();
    expect(await pacsSaveStatus(page, 'stored')).toMatch(/^Stored in /);
    expect(await draftOf(page)).toEqual(before);
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /), expect.stringMatching(/^Amended by Dr Bo Second at /)]);
  }, 600_000);

  it('the PACS holds two reports, the second naming the first; a third browser opens the amendment with its chain', async () => {
    const held = (await reportsInOrthanc()).map((f) => {
      const r = readCalcificationSr(f);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    expect(held).toHaveLength(2);
    const first = held.find((r) => r.predecessor === null);
    const amendment = held.find((r) => r.predecessor !== null);
    expect(first?.observer.name).toBe('Dr Ada Reader^');
    expect(amendment?.observer.name).toBe('Dr Bo Second^');
    expect(amendment?.predecessor).toEqual(first?.instance);
    expect(amendment?.draft.calcifications).toHaveLength(3);

    const page = await browserOnStudy();
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 3, undefined, { timeout: 180_000 });
    expect(findingsOf(await draftOf(page))).toEqual(findingsOf(amendment!.draft));
    expect(await chainLines(page)).toEqual([expect.stringMatching(/^Reported by Dr Ada Reader at /), expect.stringMatching(/^Amended by Dr Bo Second at /)]);
    const listed = await page.getByTestId('reports-in-pacs').locator('li').allTextContents();
    expect(listed).toEqual([expect.stringMatching(/^Dr Bo Second, .* \(amendment\)/), expect.stringMatching(/^Dr Ada Reader, /)]);
    await page.screenshot({ path: join(OUTPUT_DIR, 'report-pacs-review.png') });
    // The only failed answers: the STOW-RS answered 500 (the fault made on purpose) and, at each start, the start page's
    // clinical context, which it does not have (404). The browser logs each as "Failed to load resource"; nothing else went wrong.
    expect(failedResponses.filter((r) => r !== '404 GET /start/annotations.json')).toEqual(['500 POST /dicomweb/studies']);
    expect(errors.filter((e) => !/^Failed to load resource: the server responded with a status of (500 \(Internal Server Error\)|404 \(Not Found\))$/.test(e))).toEqual([]);
    expect(errors.filter((e) => e.includes('status of 500'))).toHaveLength(1);
  }, 600_000);
});
