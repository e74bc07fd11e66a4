/**
 * The standalone viewer in Chromium (WebGL rendering): the sample exam's four views are shown
 * the mammographer's way — what is on screen is compared with the DICOM pixels themselves.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom } from '../../src/core/ingest/index.js';
import type { MammoImage } from '../../src/core/image.js';
import { OUTPUT_DIR, openSampleExam, waitForFourViews, type ViewerSession } from './harness.js';
import { correlation, readTruth, sampleDisplayed, type Truth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');
const SLOTS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;
const GX = 40;
const GY = 48;

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
  await s.page.waitForTimeout(300);
  await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-four-views.png') });
});

afterAll(async () => {
  await s?.close();
});

/** The stored image's density at screen fractions, for a given pair of flips. */
function expectedSamples(image: MammoImage, flipH: boolean, flipV: boolean): number[] {
  const out: number[] = [];
  for (let j = 0; j < GY; j++) {
    for (let i = 0; i < GX; i++) {
      const u = (i + 0.5) / GX;
      const v = (j + 0.5) / GY;
      const x = Math.min(image.columns - 1, Math.floor((flipH ? 1 - u : u) * image.columns));
      const y = Math.min(image.rows - 1, Math.floor((flipV ? 1 - v : v) * image.rows));
      out.push(image.toDensity(image.stored[y * image.columns + x] as number));
    }
  }
  return out;
}

/** How the truth says the stored image must be flipped: chest wall to the middle, lateral / superior up. */
function flipsFromTruth(t: Truth): { flipH: boolean; flipV: boolean } {
  const flipH = (t.laterality === 'R') !== (t.chestWallEdge === 'right');
  const column = t.patientOrientation[1];
  const flipV = t.view === 'CC' ? column.includes(t.laterality) : column.includes('H');
  return { flipH, flipV };
}

describe('sample exam in the viewer', () => {
  it('shows the patient name and the four views with their labels and calibration kind', async () => {
    expect(await s.page.getByTestId('patient-name').textContent()).toBe('PHANTOM SCREENING A');
    for (const slot of SLOTS) {
      const text = (await s.page.getByTestId(`viewport-${slot}`).textContent()) ?? '';
      expect(text).toContain(slot);
      expect(text).toContain('magnification-corrected');
    }
    expect(s.errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
  });

  it('hangs RCC top-left, LCC top-right, RMLO bottom-left, LMLO bottom-right', async () => {
    const boxes = await Promise.all(SLOTS.map((slot) => s.page.getByTestId(`viewport-${slot}`).boundingBox()));
    const [rcc, lcc, rmlo, lmlo] = boxes.map((b) => b as { x: number; y: number; width: number; height: number });
    expect(rcc!.x).toBeLessThan(lcc!.x);
    expect(rmlo!.x).toBeLessThan(lmlo!.x);
    expect(rcc!.y).toBeLessThan(rmlo!.y);
    expect(lcc!.y).toBeLessThan(lmlo!.y);
  });

  for (const slot of SLOTS) {
    it(`${slot}: the screen shows the file's pixels with the chest wall towards the middle and ${slot.endsWith('CC') ? 'lateral' : 'superior'} at the top`, async () => {
      const truth = await readTruth(SAMPLE, slot);
      const r = await ingestDicom(new Uint8Array(await readFile(join(SAMPLE, `${slot}.dcm`))));
      if (!r.ok) throw new Error(r.error.message);
      const shown = await sampleDisplayed(s.page, `current-${slot}`, `viewport-${slot}`, truth.columns, truth.rows, GX, GY);
      const { flipH, flipV } = flipsFromTruth(truth);
      const right = correlation(shown.grey, expectedSamples(r.value, flipH, flipV));
      const mirroredH = correlation(shown.grey, expectedSamples(r.value, !flipH, flipV));
      const mirroredV = correlation(shown.grey, expectedSamples(r.value, flipH, !flipV));
      expect(right).toBeGreaterThan(0.85);
      expect(right - mirroredH).toBeGreaterThan(0.2);
      expect(right - mirroredV).toBeGreaterThan(0.05);

      // Breast bright along the chest-wall edge (towards the middle of the screen), background dark at the outer edge.
      const columnMean = (i: number): number => {
        let sum = 0;
        for (let j = 0; j < GY; j++) sum += shown.grey[j * GX + i] as number;
        return sum / GY;
      };
      const chestWallSide = truth.laterality === 'R' ? GX - 2 : 1;
      const outerSide = truth.laterality === 'R' ? 1 : GX - 2;
      expect(columnMean(chestWallSide)).toBeGreaterThan(60);
      expect(columnMean(outerSide)).toBeLessThan(10);
    });
  }

  it('compares CC with the prior: current above, prior below, each hung like the current and showing its own file', async () => {
    await s.page.keyboard.press('c');
    for (const id of ['viewport-RCC', 'viewport-LCC', 'viewport-prior-RCC', 'viewport-prior-LCC']) {
      await s.page.locator(`[data-testid="${id}"] .mammo-element[data-displayed="true"]`).waitFor({ timeout: 30_000 });
    }
    await s.page.waitForTimeout(300);
    await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-compare-cc.png') });
    const current = await s.page.getByTestId('viewport-RCC').boundingBox();
    const prior = await s.page.getByTestId('viewport-prior-RCC').boundingBox();
    expect(current!.y).toBeLessThan(prior!.y);
    expect((await s.page.getByTestId('viewport-prior-RCC').textContent()) ?? '').toContain('2024-03-12');
    for (const slot of ['RCC', 'LCC'] as const) {
      const truth = await readTruth(join(SAMPLE, 'prior'), slot);
      const r = await ingestDicom(new Uint8Array(await readFile(join(SAMPLE, 'prior', `${slot}.dcm`))));
      if (!r.ok) throw new Error(r.error.message);
      const shown = await sampleDisplayed(s.page, `prior-${slot}`, `viewport-prior-${slot}`, truth.columns, truth.rows, GX, GY);
      const { flipH, flipV } = flipsFromTruth(truth);
      const right = correlation(shown.grey, expectedSamples(r.value, flipH, flipV));
      expect(right).toBeGreaterThan(0.85);
      expect(right - correlation(shown.grey, expectedSamples(r.value, !flipH, flipV))).toBeGreaterThan(0.2);
    }
    await s.page.keyboard.press('Escape');
    await waitForFourViews(s.page);
  });
});
