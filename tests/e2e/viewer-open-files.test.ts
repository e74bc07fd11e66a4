/**
 * Opening local files in the browser: files dropped on the viewer (a DataTransfer built in the
 * page from the committed files' bytes, as a drag from the file manager delivers them) and files
 * chosen with the picker replace the sample exam; each image is shown in its hanging position
 * (pixel checks against the file itself), and a file that is not a usable image is refused with
 * a message naming it while the others load. A JPEG Baseline file (8-bit lossy, made by dcmtk) opens
 * with its own pixels and its lossy-compression note.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { dcmtkConvert } from '../core/ingest/dcmtk.js';
import { writeMammogram } from '../core/ingest/mammogram-file.js';
import { openSampleExam, OUTPUT_DIR, waitForFourViews, type ViewerSession } from './harness.js';
import { correlation, expectedGrid, flipsFromTruth, readTruth, sampleDisplayed } from './page-sampling.js';

const UNIT = join(process.cwd(), 'test-data/unit');
const SAMPLE = join(process.cwd(), 'test-data/sample');
const GX = 32;
const GY = 40;

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
});

afterAll(async () => {
  await s?.close();
});

interface NamedBytes {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Drops files on the viewer the way a drag from the file manager does: dragenter, dragover, drop with a DataTransfer holding them. */
async function dropFiles(page: Page, files: readonly NamedBytes[]): Promise<void> {
  await page.evaluate(
    (files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bin = atob(f.b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: f.name.endsWith('.dcm') ? 'application/dicom' : 'text/plain' }));
      }
      const target = document.querySelector('[data-testid="viewport-LCC"]') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })),
  );
}

async function ingest(bytes: Buffer): Promise<MammoImage> {
  const r = await ingestDicom(new Uint8Array(bytes));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The viewport shows this file: its grid of grey levels follows the file's density, hung as the truth says. */
async function expectShows(page: Page, slot: string, viewportId: string, dir: string, name: string): Promise<void> {
  const truth = await readTruth(dir, name);
  const image = await ingest(await readFile(join(dir, `${name}.dcm`)));
  const { flipH, flipV } = flipsFromTruth(truth);
  const density = (x: number, y: number): number => image.toDensity(image.stored[y * image.columns + x] as number);
  const expected = expectedGrid(truth.columns, truth.rows, density, GX, GY, flipH, flipV);
  const mirrored = expectedGrid(truth.columns, truth.rows, density, GX, GY, !flipH, flipV);
  let last = { right: 0, mirrored: 0 };
  await expect
    .poll(
      async () => {
        const shown = await sampleDisplayed(page, viewportId, `viewport-${slot}`, truth.columns, truth.rows, GX, GY);
        last = { right: correlation(shown.grey, expected), mirrored: correlation(shown.grey, mirrored) };
        return last.right;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0.85);
  expect(last.right - last.mirrored, `${name} on ${slot}: hung the right way round`).toBeGreaterThan(0.2);
}

async function messages(page: Page): Promise<string[]> {
  return page.getByTestId('message').allTextContents();
}

describe('opening local files', () => {
  it('drag-and-drop of a folder of unit files with a text file: the four images are hung and shown, the text file is refused by name', async () => {
    const names = { RCC: 'monochrome1', LCC: 'morphology-round', RMLO: 'morphology-vascular', LMLO: 'bits-stored-12' } as const;
    const files: NamedBytes[] = [];
    for (const n of Object.values(names)) files.push({ name: `${n}.dcm`, bytes: await readFile(join(UNIT, `${n}.dcm`)) });
    files.push({ name: 'notes.txt', bytes: Buffer.from('reading notes, not an image\n'.repeat(12)) });
    await dropFiles(s.page, files);
    await s.page.getByTestId('status').filter({ hasText: '4 images loaded from local files' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => messages(s.page)).toContainEqual(expect.stringMatching(/^notes\.txt refused: /));
    expect((await messages(s.page)).filter((m) => /\.dcm refused/.test(m))).toEqual([]);
    await waitForFourViews(s.page);
    for (const [slot, name] of Object.entries(names)) await expectShows(s.page, slot, `current-${slot}`, UNIT, name);
    // The sample's prior went with the sample: nothing to compare with.
    expect(await s.page.getByRole('button', { name: 'Compare CC with prior' }).isDisabled()).toBe(true);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-open-dropped-files.png') });
  });

  it('the picker: the sample exam with its prior and two unusable files; the exam is read again, the prior found from the study dates', async () => {
    const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
    for (const slot of ['RCC', 'LCC', 'RMLO', 'LMLO']) {
      files.push({ name: `${slot}.dcm`, mimeType: 'application/dicom', buffer: await readFile(join(SAMPLE, `${slot}.dcm`)) });
      files.push({ name: `prior-${slot}.dcm`, mimeType: 'application/dicom', buffer: await readFile(join(SAMPLE, 'prior', `${slot}.dcm`)) });
    }
    files.push({ name: 'exam.json', mimeType: 'application/json', buffer: await readFile(join(SAMPLE, 'exam.json')) });
    files.push({ name: 'empty.dcm', mimeType: 'application/dicom', buffer: Buffer.alloc(0) });
    const before = (await messages(s.page)).length;
    await s.page.locator('input[type="file"]').setInputFiles(files);
    await s.page.getByTestId('status').filter({ hasText: '8 images loaded from local files' }).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await messages(s.page)).length).toBeGreaterThanOrEqual(Math.min(5, before + 2));
    const said = await messages(s.page);
    expect(said).toContainEqual(expect.stringMatching(/^exam\.json refused: /));
    expect(said).toContainEqual('empty.dcm refused: the file is empty');
    expect(await s.page.getByTestId('patient-name').textContent()).toBe('PHANTOM SCREENING A');
    await waitForFourViews(s.page);
    for (const slot of ['RCC', 'LCC', 'RMLO', 'LMLO']) await expectShows(s.page, slot, `current-${slot}`, SAMPLE, slot);
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.page.keyboard.press('c');
    await s.page.locator('[data-testid="viewport-prior-RCC"] .mammo-element[data-displayed="true"]').waitFor({ timeout: 30_000 });
    expect((await s.page.getByTestId('viewport-prior-RCC').textContent()) ?? '').toContain('2024-03-12');
    await expectShows(s.page, 'prior-RCC', 'prior-RCC', join(SAMPLE, 'prior'), 'RCC');
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-open-picked-files.png') });
    await s.page.keyboard.press('Escape');
  });

  it('a JPEG Baseline (8-bit lossy) mammogram, as archived priors and digitised film come: shown with its own pixels, and said to be lossy compressed', async () => {
    // The unit phantom's pixels at 8 bits, compressed by dcmtk as an archive would (dcmcjpeg +eb).
    const base = await ingest(await readFile(join(UNIT, 'morphology-round.dcm')));
    let max = 1;
    for (const v of base.stored) max = Math.max(max, v as number);
    const pixels = Uint8Array.from(base.stored, (v) => Math.round(((v as number) * 255) / max));
    const source = writeMammogram({
      rows: base.rows,
      columns: base.columns,
      pixels,
      bitsAllocated: 8,
      bitsStored: 8,
      attributes: { ImageLaterality: 'L', PatientOrientation: ['A', 'R'], WindowCenter: [128], WindowWidth: [256], WindowCenterWidthExplanation: undefined, VOILUTFunction: undefined },
    });
    const bytes = dcmtkConvert('dcmcjpeg', ['+eb'], source);
    const image = await ingest(Buffer.from(bytes));
    expect(image.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.50');
    await dropFiles(s.page, [{ name: 'baseline.dcm', bytes: Buffer.from(bytes) }]);
    await s.page.getByTestId('status').filter({ hasText: '1 image loaded from local files' }).waitFor({ timeout: 30_000 });
    expect((await messages(s.page)).filter((m) => m.startsWith('baseline.dcm'))).toEqual([]);
    // The grid of grey levels shown follows the decoded file (whichever way it is hung: the decoding is checked here).
    const density = (x: number, y: number): number => image.toDensity(image.stored[y * image.columns + x] as number);
    const grids = [false, true].flatMap((flipH) => [false, true].map((flipV) => expectedGrid(image.columns, image.rows, density, GX, GY, flipH, flipV)));
    await expect
      .poll(
        async () => {
          const shown = await sampleDisplayed(s.page, 'current-LCC', 'viewport-LCC', image.columns, image.rows, GX, GY);
          return Math.max(...grids.map((g) => correlation(shown.grey, g)));
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0.85);
    const notes = await s.page.getByTestId('notes-viewport-LCC').locator('li').allTextContents();
    expect(notes.some((n) => n.startsWith('lossy compressed image (JPEG)'))).toBe(true);
  });
});
