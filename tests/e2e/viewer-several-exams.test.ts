/**
 * Files of several patients and examinations opened at once: the viewer says so, shows the first
 * patient's newest examination (with her older one as the prior), lists every examination to
 * switch to, and each switch shows that examination's own images; findings made on one
 * examination stay in its draft. Checked against the files' pixels and the drafts' contents.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { generatePhantom, phantomOptions, type PatientInfo, type StudyInfo } from '../../test-data/generator/index.js';
import type { PhantomTruth } from '../../test-data/generator/truth.js';
import { OUTPUT_DIR, openSampleExam, pagePoint, waitForFourViews, type ViewerSession } from './harness.js';
import { correlation, expectedGrid, flipsFromTruth, sampleDisplayed } from './page-sampling.js';

const SLOTS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;
type Slot = (typeof SLOTS)[number];
const GX = 24;
const GY = 32;

interface File {
  readonly name: string;
  readonly slot: Slot;
  readonly bytes: Uint8Array;
  readonly image: MammoImage;
  readonly truth: PhantomTruth | null;
  readonly flipH: boolean;
  readonly flipV: boolean;
}

const DOE: PatientInfo = { name: 'DOE^JANE', id: 'PAT-DOE-1', birthDate: '19640202' };
const ROE: PatientInfo = { name: 'ROE^ANN', id: 'PAT-ROE-7', birthDate: '19700707' };

function study(uid: string, date: string): StudyInfo {
  return { studyInstanceUid: uid, date, time: '090000', accessionNumber: `A${date}`, description: 'SCREENING MAMMOGRAPHY' };
}

async function ingest(bytes: Uint8Array): Promise<MammoImage> {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A four-view examination of one patient; the RCC carries a coarse calcification group to click. */
async function examination(prefix: string, patient: PatientInfo, s: StudyInfo, seed: number): Promise<File[]> {
  const out: File[] = [];
  for (const [i, slot] of SLOTS.entries()) {
    const side = slot.startsWith('R') ? 'R' : 'L';
    const view = slot.endsWith('CC') ? 'CC' : 'MLO';
    const findings = slot === 'RCC' ? [{ morphology: 'coarse' as const, distribution: 'grouped' as const, count: 3 }] : [];
    const p = await generatePhantom(phantomOptions({ seed: seed + i, anatomySeed: seed, side, view, size: { rows: 640, columns: 520 }, findings, patient, study: s }));
    out.push({ name: `${prefix}-${slot}.dcm`, slot, bytes: p.dicom, image: await ingest(p.dicom), truth: p.truth, ...flipsFromTruth(p.truth) });
  }
  return out;
}

async function openFiles(page: Page, files: readonly File[]): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/dicom', buffer: Buffer.from(f.bytes) })));
}

async function messages(page: Page): Promise<string[]> {
  return page.getByTestId('message').allTextContents();
}

async function listed(page: Page): Promise<{ label: string; current: boolean }[]> {
  const buttons = page.getByRole('navigation', { name: 'Opened examinations' }).getByRole('button');
  const out: { label: string; current: boolean }[] = [];
  for (const b of await buttons.all()) out.push({ label: (await b.textContent()) ?? '', current: (await b.getAttribute('aria-current')) === 'true' });
  return out;
}

/** The viewport shows this file's pixels, hung the right way round. */
async function expectShows(page: Page, viewportId: string, testId: string, f: File): Promise<void> {
  const { image } = f;
  await page.locator(`[data-testid="${testId}"] .mammo-element[data-displayed="true"]`).waitFor({ timeout: 60_000 });
  const density = (x: number, y: number): number => image.toDensity(image.stored[y * image.columns + x] as number);
  const expected = expectedGrid(image.columns, image.rows, density, GX, GY, f.flipH, f.flipV);
  let last = 0;
  await expect
    .poll(
      async () => {
        const shown = await sampleDisplayed(page, viewportId, testId, image.columns, image.rows, GX, GY);
        last = correlation(shown.grey, expected);
        return last;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0.85);
}

async function expectExamShown(page: Page, files: readonly File[]): Promise<void> {
  for (const f of files) await expectShows(page, `current-${f.slot}`, `viewport-${f.slot}`, f);
}

/** The draft shown: its images' ids (SOP Instance UIDs) and calcifications. */
async function draftNow(page: Page): Promise<{ images: string[]; calcifications: DraftCalcification[] }> {
  return page.evaluate(() => {
    const d = window.calcscribe?.draft();
    return { images: (d?.images ?? []).map((i) => i.imageId), calcifications: [...(d?.calcifications ?? [])] };
  });
}

const uids = (files: readonly File[]): string[] => files.map((f) => f.image.meta.sopInstanceUid as string).sort();

async function waitForDraftOf(page: Page, files: readonly File[]): Promise<void> {
  const want = uids(files);
  await expect.poll(async () => (await draftNow(page)).images.sort(), { timeout: 30_000 }).toEqual(want);
}

/** Clicks a coarse calcification of the RCC at its true centre; waits for the draft to hold n calcifications. */
async function clickCalcification(page: Page, rcc: File, n: number): Promise<DraftCalcification[]> {
  const c = rcc.truth?.calcifications.find((t) => t.morphology === 'coarse');
  if (!c) throw new Error(`${rcc.name} has no coarse calcification`);
  const at = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, c.centre);
  const box = await page.getByTestId('viewport-RCC').locator('.mammo-element').boundingBox();
  if (at === null || box === null) throw new Error('RCC not on screen');
  await page.mouse.click(box.x + at[0], box.y + at[1]);
  await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, n, { timeout: 30_000 });
  return (await draftNow(page)).calcifications;
}

/** How many calcifications the draft of an examination stored in the browser (IndexedDB) holds; 0 when none is stored. */
async function storedCalcifications(page: Page, examKey: string): Promise<number> {
  return page.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('calcscribe-drafts');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('drafts', 'readonly').objectStore('drafts').get(key);
          get.onsuccess = () => {
            req.result.close();
            const stored = get.result as { text: string } | undefined;
            resolve(stored === undefined ? 0 : (JSON.parse(stored.text) as { calcifications: unknown[] }).calcifications.length);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    examKey,
  );
}

/** Presses at a true calcification centre on the RCC shown and, in the same task, switches to the examination labelled so. */
async function pressThenSwitch(page: Page, centre: { x: number; y: number }, label: string): Promise<void> {
  const at = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, centre);
  if (at === null) throw new Error('RCC not on screen');
  // The press and the switch in one task: the analysis worker's answer can only come after the switch.
  await page.evaluate(
    ({ x, y, label }) => {
      const el = document.querySelector('[data-testid="viewport-RCC"] .mammo-element') as HTMLElement;
      const r = el.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, clientX: r.left + x, clientY: r.top + y, button: 0, view: window };
      el.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
      el.dispatchEvent(new MouseEvent('mouseup', { ...at, buttons: 0 }));
      const exam = [...document.querySelectorAll('nav[aria-label="Opened examinations"] button')].find((b) => b.textContent === label);
      (exam as HTMLButtonElement).click();
    },
    { x: at[0], y: at[1], label },
  );
}

let s: ViewerSession;
let doeNow: File[];
let doePrior: File[];
let roe: File[];
let ge: File;

beforeAll(async () => {
  doeNow = await examination('doe-2026', DOE, study('2.25.7000000000000000000001', '20260310'), 5100);
  doePrior = await examination('doe-2024', DOE, study('2.25.7000000000000000000002', '20240312'), 5100);
  roe = await examination('roe-2025', ROE, study('2.25.7000000000000000000003', '20250601'), 5200);
  const geBytes = new Uint8Array(await readFile(join(process.cwd(), 'test-data/real-mg/ge-senographe-essential-rmlo.dcm')));
  ge = { name: 'ge-senographe-essential-rmlo.dcm', slot: 'RMLO', bytes: geBytes, image: await ingest(geBytes), truth: null, flipH: false, flipV: false };
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

describe('files of several patients and examinations opened at once', () => {
  it('two files of two patients (the real GE right MLO and a phantom right MLO): both listed, the first shown, the other one switch away', async () => {
    const roeRmlo = roe.find((f) => f.slot === 'RMLO') as File;
    await openFiles(s.page, [roeRmlo, ge]);
    await s.page.getByTestId('status').filter({ hasText: '2 images loaded from local files (2 examinations of 2 patients)' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => messages(s.page)).toContainEqual('Opened files of 2 patients (2 examinations): showing ANON-1234, 2015-09-29; switch in the list of opened examinations');
    expect(await listed(s.page)).toEqual([
      { label: 'ANON-1234, 2015-09-29 (1 image)', current: true },
      { label: 'ROE ANN, 2025-06-01 (1 image)', current: false },
    ]);
    expect(await s.page.getByTestId('patient-name').textContent()).toBe('ANON-1234');
    await expectShows(s.page, 'current-RMLO', 'viewport-RMLO', ge);
    await s.page.getByRole('button', { name: 'ROE ANN, 2025-06-01 (1 image)', exact: true }).click();
    await expect.poll(() => s.page.getByTestId('patient-name').textContent()).toBe('ROE ANN');
    await expectShows(s.page, 'current-RMLO', 'viewport-RMLO', roeRmlo);
    expect((await listed(s.page)).map((l) => l.current)).toEqual([false, true]);
  });

  it('two patients, one with two examinations: the first patient newest with her prior, every examination listed, switching shows each one\'s own images and draft', async () => {
    await openFiles(s.page, [...roe, ...doePrior, ...doeNow]);
    await s.page.getByTestId('status').filter({ hasText: '12 images loaded from local files (3 examinations of 2 patients)' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => messages(s.page))
      .toContainEqual('Opened files of 2 patients (3 examinations): showing DOE JANE, 2026-03-10 with 2024-03-12 as its prior; switch in the list of opened examinations');
    expect(await listed(s.page)).toEqual([
      { label: 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', current: true },
      { label: 'DOE JANE, 2024-03-12 (4 images)', current: false },
      { label: 'ROE ANN, 2025-06-01 (4 images)', current: false },
    ]);
    expect(await s.page.getByTestId('patient-name').textContent()).toBe('DOE JANE');
    await waitForFourViews(s.page);
    await expectExamShown(s.page, doeNow);
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    // The prior in the comparison is her own older examination.
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.page.keyboard.press('c');
    await expectShows(s.page, 'prior-RCC', 'viewport-prior-RCC', doePrior.find((f) => f.slot === 'RCC') as File);
    await s.page.keyboard.press('Escape');
    await waitForFourViews(s.page);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-several-exams-doe.png') });

    // A finding on Jane Doe's examination stays hers.
    const [doeFinding] = await clickCalcification(s.page, doeNow.find((f) => f.slot === 'RCC') as File, 1);
    expect(uids(doeNow)).toContain(doeFinding!.imageId);

    await s.page.getByRole('button', { name: 'ROE ANN, 2025-06-01 (4 images)', exact: true }).click();
    await expect.poll(() => s.page.getByTestId('patient-name').textContent()).toBe('ROE ANN');
    await waitForDraftOf(s.page, roe);
    expect((await draftNow(s.page)).calcifications).toEqual([]);
    await waitForFourViews(s.page);
    await expectExamShown(s.page, roe);
    expect(await s.page.getByRole('button', { name: 'Compare CC with prior' }).isDisabled()).toBe(true);
    const [roeFinding] = await clickCalcification(s.page, roe.find((f) => f.slot === 'RCC') as File, 1);
    expect(uids(roe)).toContain(roeFinding!.imageId);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-several-exams-roe.png') });

    await s.page.getByRole('button', { name: 'DOE JANE, 2024-03-12 (4 images)', exact: true }).click();
    await waitForDraftOf(s.page, doePrior);
    expect((await draftNow(s.page)).calcifications).toEqual([]);
    await waitForFourViews(s.page);
    await expectExamShown(s.page, doePrior);

    await s.page.getByRole('button', { name: 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', exact: true }).click();
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    const back = await draftNow(s.page);
    expect(back.calcifications.map((c) => c.id)).toEqual([doeFinding!.id]);
    await expect.poll(() => s.page.getByTestId('finding').count()).toBe(1);
    await waitForFourViews(s.page);
    await expectExamShown(s.page, doeNow);

    await s.page.getByRole('button', { name: 'ROE ANN, 2025-06-01 (4 images)', exact: true }).click();
    await waitForDraftOf(s.page, roe);
    expect((await draftNow(s.page)).calcifications.map((c) => c.id)).toEqual([roeFinding!.id]);
  });

  it('two examinations of one patient opened again: said, both listed, the newer shown with the older as its prior and its saved finding', async () => {
    // Her newest examination on screen with its finding; opening files again must not take the finding out of its draft.
    await s.page.getByRole('button', { name: 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', exact: true }).click();
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    expect((await draftNow(s.page)).calcifications).toHaveLength(1);
    await openFiles(s.page, [...doePrior, ...doeNow]);
    await s.page.getByTestId('status').filter({ hasText: '8 images loaded from local files (2 examinations)' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => messages(s.page))
      .toContainEqual('Opened 2 examinations of DOE JANE: showing DOE JANE, 2026-03-10 with 2024-03-12 as its prior; switch in the list of opened examinations');
    expect((await listed(s.page)).map((l) => l.label)).toEqual(['DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', 'DOE JANE, 2024-03-12 (4 images)']);
    await waitForFourViews(s.page);
    await expectExamShown(s.page, doeNow);
    expect(await s.page.getByRole('button', { name: 'Compare CC with prior' }).isDisabled()).toBe(false);
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    const restored = (await draftNow(s.page)).calcifications;
    expect(restored).toHaveLength(1);
    expect(uids(doeNow)).toContain(restored[0]!.imageId);
  });

  it('a calcification pressed on one examination just before switching to another goes into the examination it was pressed on, not the one on screen, and is saved there at once', async () => {
    // Jane Doe's newest examination is on screen with one finding (the test before).
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    const before = (await draftNow(s.page)).calcifications;
    const rcc = doeNow.find((f) => f.slot === 'RCC') as File;
    const coarse = (rcc.truth?.calcifications ?? []).filter((t) => t.morphology === 'coarse');
    const near = (c: DraftCalcification, t: { centre: { x: number; y: number } }): boolean => Math.hypot(c.measurements.centre.x - t.centre.x, c.measurements.centre.y - t.centre.y) <= 3;
    // A coarse calcification not measured yet.
    const target = coarse.find((t) => !before.some((c) => near(c, t)));
    if (target === undefined) throw new Error('no unmeasured coarse calcification on the RCC');
    const analysed = await s.page.evaluate(() => window.calcscribe?.clickWorkerMs.length ?? 0);
    await pressThenSwitch(s.page, target.centre, 'DOE JANE, 2024-03-12 (4 images)');
    // The measurement comes back while her older examination is on screen.
    await s.page.waitForFunction((n) => (window.calcscribe?.clickWorkerMs.length ?? 0) > n, analysed, { timeout: 30_000 });
    await waitForDraftOf(s.page, doePrior);
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect((await draftNow(s.page)).calcifications.every((c) => uids(doePrior).includes(c.imageId))).toBe(true);
    // Said, and saved at once (its examination's autosave runs only while it is shown): closing the tab now would lose nothing.
    await expect
      .poll(() => messages(s.page))
      .toContainEqual("a calcification clicked on DOE JANE, 2026-03-10 (4 images), prior 2024-03-12 just before switching: measured after the switch, added to that examination's draft and saved");
    expect((await messages(s.page)).filter((m) => /measured on an image/.test(m))).toEqual([]);
    expect(await storedCalcifications(s.page, '2.25.7000000000000000000001')).toBe(before.length + 1);
    // Back on the examination it was pressed on: there it is, one calcification more.
    await s.page.getByRole('button', { name: 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', exact: true }).click();
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    await expect.poll(async () => (await draftNow(s.page)).calcifications.length).toBe(before.length + 1);
    const added = (await draftNow(s.page)).calcifications.find((c) => near(c, target));
    expect(added?.imageId).toBe(rcc.image.meta.sopInstanceUid);
  });

  it('an image in two opened examinations (her older examination on its own, and as the prior of the newer): a calcification pressed on it goes into the examination on screen at the press', async () => {
    const NEWER = 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12';
    const OLDER = 'DOE JANE, 2024-03-12 (4 images)';
    const OLDER_KEY = '2.25.7000000000000000000002';
    // Her newer examination is on screen (the test before); the older one on its own.
    await s.page.getByRole('button', { name: OLDER, exact: true }).click();
    await waitForDraftOf(s.page, doePrior);
    const before = (await draftNow(s.page)).calcifications;
    const rcc = doePrior.find((f) => f.slot === 'RCC') as File;
    const near = (c: DraftCalcification, t: { centre: { x: number; y: number } }): boolean =>
      c.imageId === rcc.image.meta.sopInstanceUid && Math.hypot(c.measurements.centre.x - t.centre.x, c.measurements.centre.y - t.centre.y) <= 3;
    const target = (rcc.truth?.calcifications ?? []).filter((t) => t.morphology === 'coarse').find((t) => !before.some((c) => near(c, t)));
    if (target === undefined) throw new Error('no unmeasured coarse calcification on the older RCC');
    const storedBefore = await storedCalcifications(s.page, OLDER_KEY);
    const analysed = await s.page.evaluate(() => window.calcscribe?.clickWorkerMs.length ?? 0);
    // Pressed on the older examination's RCC, then the newer one shown: it shows that same image as its prior.
    await pressThenSwitch(s.page, target.centre, NEWER);
    await s.page.waitForFunction((n) => (window.calcscribe?.clickWorkerMs.length ?? 0) > n, analysed, { timeout: 30_000 });
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    await expect
      .poll(() => messages(s.page))
      .toContainEqual(`a calcification clicked on ${OLDER} just before switching: measured after the switch, added to that examination's draft and saved`);
    // Not in the newer examination's draft (on screen, holding the image as its prior) …
    expect((await draftNow(s.page)).calcifications.some((c) => near(c, target))).toBe(false);
    // … but in the older one's, stored at once.
    expect(await storedCalcifications(s.page, OLDER_KEY)).toBe(storedBefore + 1);
    await s.page.getByRole('button', { name: OLDER, exact: true }).click();
    await waitForDraftOf(s.page, doePrior);
    await expect.poll(async () => (await draftNow(s.page)).calcifications.some((c) => near(c, target))).toBe(true);
  });

  it('a rectangle drawn on an examination just before switching: its calcifications go into that examination, also when the newer one on screen shows the same image as its prior', async () => {
    const NEWER = 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12';
    const OLDER = 'DOE JANE, 2024-03-12 (4 images)';
    const OLDER_KEY = '2.25.7000000000000000000002';
    // Her older examination is on screen (the test before).
    await waitForDraftOf(s.page, doePrior);
    const rcc = doePrior.find((f) => f.slot === 'RCC') as File;
    const coarse = (rcc.truth?.calcifications ?? []).filter((t) => t.morphology === 'coarse');
    const xs = coarse.flatMap((c) => c.outline.map((p) => p.x));
    const ys = coarse.flatMap((c) => c.outline.map((p) => p.y));
    const corner = async (x: number, y: number): Promise<[number, number]> => {
      const at = await s.page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, { x, y });
      if (at === null) throw new Error('RCC not on screen');
      return at;
    };
    const a = await corner(Math.min(...xs) - 10, Math.min(...ys) - 10);
    const b = await corner(Math.max(...xs) + 10, Math.max(...ys) + 10);
    const storedBefore = await storedCalcifications(s.page, OLDER_KEY);
    const newerBefore = await storedCalcifications(s.page, '2.25.7000000000000000000001');
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.page.keyboard.press('r');
    // The drag and the switch in one task: the worker's answer for the rectangle can only come after the switch.
    await s.page.evaluate(
      ({ a, b, label }) => {
        const el = document.querySelector('[data-testid="viewport-RCC"] .mammo-element') as HTMLElement;
        const r = el.getBoundingClientRect();
        const at = (p: readonly number[], buttons: number) => ({ bubbles: true, cancelable: true, clientX: r.left + (p[0] as number), clientY: r.top + (p[1] as number), button: 0, buttons, view: window });
        el.dispatchEvent(new MouseEvent('mousedown', at(a, 1)));
        for (const f of [0.25, 0.5, 0.75, 1]) el.dispatchEvent(new MouseEvent('mousemove', at([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])], 1)));
        el.dispatchEvent(new MouseEvent('mouseup', at(b, 0)));
        const exam = [...document.querySelectorAll('nav[aria-label="Opened examinations"] button')].find((x) => x.textContent === label);
        (exam as HTMLButtonElement).click();
      },
      { a, b, label: NEWER },
    );
    await waitForDraftOf(s.page, [...doeNow, ...doePrior]);
    // (The viewer shows its last five messages.)
    const saidNow = async (): Promise<string[]> => (await messages(s.page)).filter((m) => /^\d+ calcifications clicked on/.test(m));
    await expect.poll(async () => (await saidNow()).length, { timeout: 30_000 }).toBe(1);
    const added = Number((await saidNow())[0]?.split(' ')[0]);
    expect(await saidNow()).toEqual([`${added} calcifications clicked on ${OLDER} just before switching: measured after the switch, added to that examination's draft and saved`]);
    expect(added).toBeGreaterThanOrEqual(2);
    // Not in the newer examination's draft (on screen, holding the image as its prior), which stored nothing new …
    expect((await draftNow(s.page)).calcifications.some((c) => c.imageId === rcc.image.meta.sopInstanceUid)).toBe(false);
    expect(await storedCalcifications(s.page, '2.25.7000000000000000000001')).toBe(newerBefore);
    // … but in the older one's, stored at once.
    expect(await storedCalcifications(s.page, OLDER_KEY)).toBe(storedBefore + added);
    await s.page.keyboard.press('k');
  });

  it('a digitised film (12-bit JPEG, Secondary Capture) opens as the left MLO and shows the film\'s own pixels, with the warning that it is digitised film, on the image and, once a finding is measured on it, above the findings', async () => {
    const bytes = new Uint8Array(await readFile(join(process.cwd(), 'test-data/real-mg/digitised-film-lmlo-jpeg12.dcm')));
    // The film's chest wall is at its left edge and its head end at the top: hung as it is stored.
    const film: File = { name: 'digitised-film-lmlo-jpeg12.dcm', slot: 'LMLO', bytes, image: await ingest(bytes), truth: null, flipH: false, flipV: false };
    expect(film.image.meta.warnings.some((w) => /digitised film/i.test(w))).toBe(true);
    await openFiles(s.page, [film]);
    await s.page.getByTestId('status').filter({ hasText: '1 image loaded from local files' }).waitFor({ timeout: 50_000 });
    await expectShows(s.page, 'current-LMLO', 'viewport-LMLO', film);
    await expect.poll(() => s.page.getByTestId('viewport-LMLO').textContent()).toMatch(/uncalibrated/i);
    // What ingest said about the file is shown on it: digitised film, lossy compression.
    const notes = await s.page.getByTestId('notes-viewport-LMLO').locator('li').allTextContents();
    expect(notes).toEqual([...film.image.meta.warnings]);
    expect(notes.some((n) => /accepted as a digitised film mammogram/.test(n))).toBe(true);
    expect(notes.some((n) => /^lossy compressed image \(JPEG/.test(n))).toBe(true);
    // Once a finding is measured on the film, the panel states the same notes above the findings,
    // naming the image, and the finding's card does not repeat them (the reading's film-1, a
    // calcified vessel wall).
    const panelNotes = s.page.getByRole('list', { name: 'Notes on the images the findings are measured on' });
    expect(await panelNotes.count()).toBe(0);
    const [x, y] = await pagePoint(s.page, 'current-LMLO', 'viewport-LMLO', { x: 1950, y: 3000 });
    await s.page.mouse.click(x, y);
    await s.page.waitForFunction(() => (window.calcscribe?.draft()?.findings.length ?? 0) >= 1, undefined, { timeout: 120_000 });
    expect(await panelNotes.locator('li').allTextContents()).toEqual(film.image.meta.warnings.map((w) => `LMLO: ${w}`));
    const card = s.page.getByTestId('finding').first();
    const cardNotes = card.getByRole('list', { name: /^Notes on Finding 1/ });
    const own = (await cardNotes.count()) === 0 ? [] : await cardNotes.locator('li').allTextContents();
    for (const w of film.image.meta.warnings) expect(own.some((n) => n.includes(w))).toBe(false);
  });
});
