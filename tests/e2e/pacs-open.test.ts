/**
 * Opening a study from a PACS in the browser: the sample exam and its prior are stored in a real
 * Orthanc (DICOMweb), the viewer is served with its same-origin proxy to it, and the radiologist
 * searches by Patient ID, opens the study (its four views retrieved with WADO-RS and hung as local
 * files are), measures a calcification with a click, and loads the prior the viewer offers (or is
 * told there is none). A hostile patient name is shown as text; a PACS that cannot be reached gives a clear status and
 * leaves the viewer usable.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer } from '../../src/viewer/serve.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { unusedPort } from '../pacs/unused-port.js';
import { CHROMIUM, CHROMIUM_ARGS, OUTPUT_DIR, pagePoint, waitForExamShown, waitForFourViews } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');
const VIEWS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;
// No "=" in it: dcmodify reads the first "=" as the end of the tag.
const HOSTILE_NAME = '<script>alert(1)</script><b>EVE</b>^HOSTILE';

let pacs: OrthancServer;
let work: string;
let profile: string;
let context: BrowserContext;
const servers: { close(): Promise<void> }[] = [];
let downUrl = '';
/** The address of the PACS that is down (a closed port), as the viewer's server is configured with it. */
let downPacs = '';
/** The viewer whose proxy reaches Orthanc, and one whose PACS address is a closed port. */
let page: Page;
let downPage: Page;
const errors: string[] = [];
const dialogs: string[] = [];
/** The DICOMweb requests the page made, by path below /dicomweb. */
const asked: string[] = [];

/** Stores a DICOM file in Orthanc through its REST API (the test's set-up, not the viewer's path). */
async function store(file: string): Promise<void> {
  const r = await fetch(`${pacs.baseUrl}/instances`, { method: 'POST', body: await readFile(file) });
  if (!r.ok) throw new Error(`Orthanc did not store ${file}: ${r.status} ${await r.text()}`);
}

/** How many times each page asked its server for the PACS settings (GET /dicomweb-config). */
const configAsks = new WeakMap<Page, number>();

async function newPage(url: string): Promise<Page> {
  const p = await context.newPage();
  p.on('request', (r) => {
    if (new URL(r.url()).pathname === '/dicomweb-config') configAsks.set(p, (configAsks.get(p) ?? 0) + 1);
  });
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await p.goto(url);
  return p;
}

beforeAll(async () => {
  pacs = await startOrthanc();
  work = await mkdtemp(join(tmpdir(), 'calcscribe-pacs-open-'));
  for (const v of VIEWS) {
    await store(join(SAMPLE, `${v}.dcm`));
    await store(join(SAMPLE, 'prior', `${v}.dcm`));
  }
  // Another patient whose name carries markup, in a study of its own.
  const start = join(work, 'start');
  await mkdir(start);
  const hostile = join(start, 'hostile.dcm');
  await copyFile(join(SAMPLE, 'LCC.dcm'), hostile);
  execFileSync('dcmodify', ['-nb', '-gst', '-gse', '-gin', '-m', `(0010,0010)=${HOSTILE_NAME}`, '-m', '(0010,0020)=HOSTILE-1', '-m', '(0008,0050)=ACC-HOSTILE', hostile]);
  await store(hostile);
  // The viewer starts on that patient's image, not on the sample (whose study is the one opened from the PACS, and whose draft would be restored).
  await writeFile(join(start, 'exam.json'), JSON.stringify({ studies: [{ role: 'current', images: [{ file: 'hostile.dcm' }] }] }));

  const outDir = join(work, 'viewer');
  const up = await serveViewer({ port: 0, outDir, testHooks: true, examDirs: { '/start/': start }, dicomWeb: { url: pacs.dicomWebUrl } });
  servers.push(up);
  downPacs = `http://127.0.0.1:${await unusedPort()}/dicom-web`;
  const down = await serveViewer({ port: 0, outDir, build: false, testHooks: true, dicomWeb: { url: downPacs } });
  servers.push(down);
  downUrl = down.url;
  profile = await mkdtemp(join(tmpdir(), 'calcscribe-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  page = await newPage(new URL('/?exam=/start/', up.url).toString());
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/dicomweb/')) asked.push(path.slice('/dicomweb'.length));
  });
  await page.waitForFunction(() => window.calcscribe?.draft() != null, undefined, { timeout: 60_000 });
}, 600_000);

afterAll(async () => {
  await context?.close();
  for (const s of servers) await s.close();
  await pacs?.stop();
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** Opens the PACS dialog and searches with the given fields (by their labels). */
async function search(p: Page, fields: Record<string, string>): Promise<void> {
  const dialog = p.getByTestId('pacs-dialog');
  if (!(await dialog.isVisible())) await p.getByRole('button', { name: 'PACS', exact: true }).click();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Search' }).click();
}

/** The results table's rows as the cells' text. */
async function resultRows(p: Page): Promise<string[][]> {
  return p.getByTestId('pacs-results').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 7).map((td) => td.textContent ?? '')));
}

describe('opening a study from the PACS', () => {
  it('asks the viewer\'s server for its PACS settings once (the PACS dialog and Save to PACS share the answer)', async () => {
    await expect.poll(() => page.getByRole('button', { name: 'PACS', exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(configAsks.get(page)).toBe(1);
  });

  it('finds the patient\'s studies by Patient ID, listed with date, accession, description, modalities and images', async () => {
    await search(page, { 'Patient ID': 'PH-SCR-2026' });
    await expect.poll(() => page.getByTestId('pacs-status').textContent(), { timeout: 20_000 }).toContain('2 studies found');
    const rows = await resultRows(page);
    // Whatever order the server lists them in.
    expect([...rows].sort((a, b) => (b[2] ?? '').localeCompare(a[2] ?? ''))).toEqual([
      ['PHANTOM SCREENING A', 'PH-SCR-2026', '2026-03-10', 'SCR2026C', 'SCREENING MAMMOGRAPHY BILATERAL', 'MG', '4'],
      ['PHANTOM SCREENING A', 'PH-SCR-2026', '2024-03-12', 'SCR2026P', 'SCREENING MAMMOGRAPHY BILATERAL', 'MG', '4'],
    ]);
  });

  it('opens the study: its four views retrieved with WADO-RS (n of m told) and hung as local files are, the prior offered', async () => {
    const statuses: string[] = [];
    const watch = setInterval(() => {
      void page.getByTestId('pacs-status').textContent().then((t) => statuses.push(t ?? ''), () => undefined);
    }, 20);
    await page.getByRole('button', { name: 'Open PHANTOM SCREENING A, 2026-03-10' }).click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/^4 images loaded from PACS /);
    clearInterval(watch);
    await waitForExamShown(page);
    expect(statuses.some((s) => /Retrieving the study's images: \d of 4/.test(s))).toBe(true);
    // Four WADO-RS retrievals of this study's instances, nothing of the prior yet.
    const current = asked.filter((a) => /^\/studies\/2\.25\.196084383509692032933780948866366418617\/series\/[\d.]+\/instances\/[\d.]+$/.test(a));
    expect(current).toHaveLength(4);
    expect(asked.some((a) => a.includes('2.25.320195199736837845864348151133266677365/series'))).toBe(false);
    await expect.poll(() => page.getByTestId('pacs-dialog').isVisible()).toBe(false);
    // The examination alone: nothing to compare with until a prior is loaded.
    expect(await page.getByRole('button', { name: 'Compare CC with prior' }).isDisabled()).toBe(true);
    const priors = page.getByTestId('pacs-priors').getByRole('button');
    await expect.poll(() => priors.allTextContents(), { timeout: 20_000 }).toEqual(['2024-03-12, SCREENING MAMMOGRAPHY BILATERAL (4 images)']);
    const draft = await page.evaluate(() => window.calcscribe?.draft() ?? null);
    expect(draft?.examKey).toBe('2.25.196084383509692032933780948866366418617');
    expect(draft?.images.map((i) => i.role)).toEqual(['current', 'current', 'current', 'current']);
  });

  it('measures a calcification with a click, as on local files', async () => {
    const truth = await readTruth(SAMPLE, 'RCC');
    const c = truth.calcifications.find((t) => t.id === 'R1-s10');
    if (c === undefined) throw new Error('truth has no R1-s10');
    const before = await page.evaluate(() => window.calcscribe?.draft()?.calcifications.length ?? -1);
    const [x, y] = await pagePoint(page, 'current-RCC', 'viewport-RCC', c.centre);
    await page.mouse.click(x, y);
    await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n + 1, before, { timeout: 20_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(OUTPUT_DIR, 'pacs-open-click.png') });
      throw new Error(`${String(e)}; messages: ${(await page.getByTestId('message').allTextContents()).join(' | ')}`);
    });
    const added = await page.evaluate(() => window.calcscribe?.draft()?.calcifications.at(-1) ?? null);
    expect(Math.abs((added?.measurements.longAxis.mm as number) - c.longAxisMm)).toBeLessThanOrEqual(0.15);
  });

  it('loads the offered prior with one click: compared side by side, the measurement kept', async () => {
    const measured = await page.evaluate(() => window.calcscribe?.draft()?.calcifications.map((c) => c.id) ?? []);
    expect(measured.length).toBeGreaterThan(0);
    await page.getByTestId('pacs-priors').getByRole('button').click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/^8 images loaded from PACS /);
    await waitForExamShown(page);
    await expect.poll(() => page.getByTestId('pacs-priors').getByRole('button').getAttribute('aria-current')).toBe('true');
    expect(asked.filter((a) => /^\/studies\/2\.25\.320195199736837845864348151133266677365\/series\/[\d.]+\/instances\/[\d.]+$/.test(a))).toHaveLength(4);
    await page.waitForFunction(() => (window.calcscribe?.draft()?.images ?? []).filter((i) => i.role === 'prior').length === 4, undefined, { timeout: 20_000 });
    // The comparison date is the prior's, set once the tab may edit the draft again.
    await expect.poll(() => page.evaluate(() => window.calcscribe?.draft()?.priorDate ?? null), { timeout: 10_000 }).toBe('2024-03-12');
    const draft = await page.evaluate(() => window.calcscribe?.draft() ?? null);
    expect(draft?.examKey).toBe('2.25.196084383509692032933780948866366418617');
    expect(draft?.calcifications.map((c) => c.id)).toEqual(measured);
    await page.getByRole('button', { name: 'Compare CC with prior' }).click();
    await page.waitForFunction(
      () => ['prior-RCC', 'prior-LCC'].every((s) => document.querySelector(`[data-testid="viewport-${s}"] .mammo-element`)?.getAttribute('data-displayed') === 'true'),
      undefined,
      { timeout: 30_000 },
    );
    await page.getByRole('button', { name: 'Four views' }).click();
    await waitForFourViews(page);
  });

  it('shows a patient name carrying markup as text', async () => {
    await search(page, { 'Patient ID': '', 'Patient name': '*HOSTILE*' });
    await expect.poll(() => page.getByTestId('pacs-status').textContent(), { timeout: 20_000 }).toContain('1 study found');
    const rows = await resultRows(page);
    expect(rows[0]?.slice(0, 2)).toEqual(['<script>alert(1)</script><b>EVE</b> HOSTILE', 'HOSTILE-1']);
    expect(await page.getByTestId('pacs-dialog').locator('script, b').count()).toBe(0);
    await page.getByTestId('pacs-dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('pacs-dialog').isVisible()).toBe(false);
  });

  it('says so when the PACS holds no earlier mammogram of the patient, and offers no prior', async () => {
    // The patient with the hostile name has one study of one image: nothing earlier to compare with.
    await search(page, { 'Patient ID': 'HOSTILE-1', 'Patient name': '' });
    await expect.poll(() => page.getByTestId('pacs-status').textContent(), { timeout: 20_000 }).toContain('1 study found');
    const messages = (): Promise<string[]> => page.getByTestId('message').allTextContents();
    const before = (await messages()).filter((m) => m.includes('No earlier mammogram')).length;
    await page.getByTestId('pacs-results').getByRole('button', { name: /^Open / }).click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/^1 image loaded from PACS /);
    await expect
      .poll(async () => (await messages()).filter((m) => m.includes('No earlier mammogram of this patient on the PACS: no prior to compare with')).length, { timeout: 30_000 })
      .toBe(before + 1);
    // The look-up was answered (the message), and it offered nothing: no Priors bar, no comparison.
    expect(await page.getByTestId('pacs-priors').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Compare CC with prior' }).isDisabled()).toBe(true);
    const draft = await page.evaluate(() => window.calcscribe?.draft() ?? null);
    expect(draft?.images.map((i) => i.role)).toEqual(['current']);
  });

  it('says why a search is not sent, without asking the PACS', async () => {
    const before = asked.length;
    await search(page, { 'Patient ID': '', 'Patient name': '' });
    await expect.poll(() => page.getByTestId('pacs-status').textContent()).toMatch(/Not searched: give a patient ID, a patient name, an accession number or a study date/);
    expect(asked.length).toBe(before);
    await page.getByTestId('pacs-dialog').getByRole('button', { name: 'Close' }).click();
  });
});

describe('a PACS that cannot be reached', () => {
  it('gives a clear status and leaves the viewer usable', async () => {
    downPage = await newPage(downUrl);
    await waitForExamShown(downPage);
    await search(downPage, { 'Patient ID': 'PH-SCR-2026' });
    // The viewer's server's reason, not only its status: the radiologist reads which PACS and what happened.
    await expect.poll(async () => (await downPage.getByTestId('pacs-status').textContent())?.trim(), { timeout: 30_000 }).toBe(`Search failed: the PACS at ${downPacs} refused the connection (HTTP 502 from the viewer's server)`);
    expect(await downPage.getByTestId('pacs-results').count()).toBe(0);
    // The viewer goes on: the dialog closes, the sample's views are there and another layout can be chosen.
    await downPage.getByTestId('pacs-dialog').getByRole('button', { name: 'Close' }).click();
    await downPage.getByRole('button', { name: /^Enlarge / }).click();
    await expect.poll(() => downPage.getByRole('button', { name: /^Enlarge / }).getAttribute('aria-pressed')).toBe('true');
    await downPage.getByRole('button', { name: 'Four views' }).click();
    await waitForFourViews(downPage);
  });

  it('raised no page error and no dialog', () => {
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
