/**
 * Switching between opened examinations keeps the decoded images of the one on screen only: the
 * images of the others are let go in the analysis worker and on the page, read from their files
 * and decoded again when their examination is shown again — with its draft, its outlines, the
 * panel's picture and new clicks measuring as before. Checked on phantom examinations of two
 * patients switched back and forth.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFinding } from '../../src/core/analyze.js';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { generatePhantom, phantomOptions, type PatientInfo, type StudyInfo } from '../../test-data/generator/index.js';
import type { PhantomTruth } from '../../test-data/generator/truth.js';
import { OUTPUT_DIR, openSampleExam, waitForFourViews, type ViewerSession } from './harness.js';

const SLOTS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;

interface File {
  readonly name: string;
  readonly slot: (typeof SLOTS)[number];
  readonly bytes: Uint8Array;
  readonly image: MammoImage;
  readonly truth: PhantomTruth;
}

const DOE: PatientInfo = { name: 'DOE^JANE', id: 'PAT-DOE-1', birthDate: '19640202' };
const ROE: PatientInfo = { name: 'ROE^ANN', id: 'PAT-ROE-7', birthDate: '19700707' };

function study(uid: string, date: string): StudyInfo {
  return { studyInstanceUid: uid, date, time: '090000', accessionNumber: `A${date}`, description: 'SCREENING MAMMOGRAPHY' };
}

/** A four-view examination; its RCC carries a coarse calcification group to click. */
async function examination(prefix: string, patient: PatientInfo, s: StudyInfo, seed: number): Promise<File[]> {
  const out: File[] = [];
  for (const [i, slot] of SLOTS.entries()) {
    const findings = slot === 'RCC' ? [{ morphology: 'coarse' as const, distribution: 'grouped' as const, count: 3 }] : [];
    const p = await generatePhantom(phantomOptions({ seed: seed + i, anatomySeed: seed, side: slot.startsWith('R') ? 'R' : 'L', view: slot.endsWith('CC') ? 'CC' : 'MLO', size: { rows: 640, columns: 520 }, findings, patient, study: s }));
    const image = await ingestDicom(p.dicom);
    if (!image.ok) throw new Error(image.error.message);
    out.push({ name: `${prefix}-${slot}.dcm`, slot, bytes: p.dicom, image: image.value, truth: p.truth });
  }
  return out;
}

/** The images held decoded: on the page (with their decode counts) and in the worker. */
async function held(page: Page): Promise<{ page: Record<string, { decodes: number }>; worker: string[] }> {
  return page.evaluate(async () => ({ page: window.calcscribe?.decodes() ?? {}, worker: [...((await window.calcscribe?.heldInWorker()) ?? [])].sort() }));
}

const uids = (files: readonly File[]): string[] => files.map((f) => f.image.meta.sopInstanceUid as string).sort();

async function draftOf(page: Page, files: readonly File[]): Promise<DraftCalcification[]> {
  await expect.poll(() => page.evaluate(() => (window.calcscribe?.draft()?.images ?? []).map((i) => i.imageId).sort()), { timeout: 30_000 }).toEqual(uids(files));
  return page.evaluate(() => [...(window.calcscribe?.draft()?.calcifications ?? [])]);
}

async function clickAt(page: Page, x: number, y: number): Promise<void> {
  const at = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, { x, y });
  const box = await page.getByTestId('viewport-RCC').locator('.mammo-element').boundingBox();
  if (at === null || box === null) throw new Error('RCC not on screen');
  await page.mouse.click(box.x + at[0], box.y + at[1]);
}

let s: ViewerSession;
let doeNow: File[];
let doePrior: File[];
let roe: File[];

beforeAll(async () => {
  doeNow = await examination('doe-2026', DOE, study('2.25.7100000000000000000001', '20260310'), 6100);
  doePrior = await examination('doe-2024', DOE, study('2.25.7100000000000000000002', '20240312'), 6100);
  roe = await examination('roe-2025', ROE, study('2.25.7100000000000000000003', '20250601'), 6200);
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

describe('switching between opened examinations', () => {
  it('keeps only the shown examination\'s images decoded, reads the others again when shown, and keeps every draft', async () => {
    const { page } = s;
    const all = [...roe, ...doePrior, ...doeNow];
    await page.locator('input[type="file"]').setInputFiles(all.map((f) => ({ name: f.name, mimeType: 'application/dicom', buffer: Buffer.from(f.bytes) })));
    await page.getByTestId('status').filter({ hasText: '12 images loaded from local files (3 examinations of 2 patients)' }).waitFor({ timeout: 60_000 });
    await waitForFourViews(page);
    expect(await draftOf(page, [...doeNow, ...doePrior])).toEqual([]);

    // Jane Doe's newest examination and her prior: 8 images held, the same in the worker and on the page; the sample exam's are gone.
    const doeHeld = await held(page);
    expect(Object.keys(doeHeld.page)).toHaveLength(8);
    expect(doeHeld.worker).toEqual(Object.keys(doeHeld.page).sort());
    const doeIds = Object.keys(doeHeld.page).sort();

    // A finding on her examination.
    const rcc = doeNow.find((f) => f.slot === 'RCC')!;
    const coarse = rcc.truth.calcifications.filter((t) => t.morphology === 'coarse');
    expect(coarse.length).toBeGreaterThanOrEqual(2);
    await clickAt(page, coarse[0]!.centre.x, coarse[0]!.centre.y);
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 1, undefined, { timeout: 30_000 });
    const [doeFinding] = await page.evaluate(() => [...(window.calcscribe?.draft()?.calcifications ?? [])]);

    const doeButton = page.getByRole('button', { name: 'DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', exact: true });
    const roeButton = page.getByRole('button', { name: 'ROE ANN, 2025-06-01 (4 images)', exact: true });
    for (let round = 0; round < 3; round++) {
      // Ann Roe's examination: only her 4 images held, in the worker as on the page.
      await roeButton.click();
      await expect.poll(() => page.getByTestId('patient-name').textContent()).toBe('ROE ANN');
      await draftOf(page, roe);
      await waitForFourViews(page);
      await expect.poll(async () => Object.keys((await held(page)).page).length, { timeout: 30_000 }).toBe(4);
      const roeHeld = await held(page);
      expect(roeHeld.worker).toEqual(Object.keys(roeHeld.page).sort());
      expect(roeHeld.worker.filter((id) => doeIds.includes(id))).toEqual([]);

      // Back to Jane Doe: her 8 images decoded again (once more each), her finding still in her draft and drawn.
      await doeButton.click();
      await expect.poll(() => page.getByTestId('patient-name').textContent()).toBe('DOE JANE');
      const back = await draftOf(page, [...doeNow, ...doePrior]);
      expect(back.map((c) => c.id)).toContain(doeFinding!.id);
      await waitForFourViews(page);
      const again = await held(page);
      expect(Object.keys(again.page).sort()).toEqual(doeIds);
      expect(again.worker).toEqual(doeIds);
      for (const id of doeIds) expect(again.page[id]?.decodes).toBe(round + 2);
      await expect.poll(() => page.locator('[data-testid="viewport-RCC"] svg.svg-layer polyline').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    }

    // The images read again measure as before: a new click gives the core's measurement of the file.
    await page.waitForTimeout(500);
    await clickAt(page, coarse[1]!.centre.x, coarse[1]!.centre.y);
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 2, undefined, { timeout: 30_000 });
    const added = (await page.evaluate(() => [...(window.calcscribe?.draft()?.calcifications ?? [])])).find((c) => c.id !== doeFinding!.id)!;
    const core = analyzeFinding(rcc.image, { seeds: [added.seed] });
    if (!core.ok) throw new Error(core.error.message);
    expect(added.measurements.longAxis.mm).toBeCloseTo(core.value.calcifications[0]!.measurements.longAxis.mm as number, 6);

    // The panel's magnified picture of her first finding is drawn from the pixels read again.
    await page.getByRole('group', { name: /^Calcifications of/ }).getByRole('button').first().click();
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="selected-calcification"] [data-testid="zoom-view"]');
            const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
            const levels = new Set<number>();
            for (let i = 0; data && i < data.length; i += 4) levels.add(data[i]!);
            return levels.size;
          }),
        { timeout: 20_000 },
      )
      .toBeGreaterThan(20);
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-exam-memory.png') });
    expect(s.errors).toEqual([]);
  });
});
