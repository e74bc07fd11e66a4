/**
 * A frame whose decoding does not finish in time is stopped and its file refused by name, and the
 * viewer goes on: the analysis worker decodes frames in a worker of its own under the core's time
 * limit (core/ingest/decode-time-limit.ts), stops that worker and starts a fresh one. The test build
 * shortens the limit with ?decodeTimeLimitMs= so that a real frame (the 4664 × 3072 12-bit JPEG film)
 * outlasts it; the uncompressed images opened beside it are shown and measured.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { openViewer, pagePoint, waitForFourViews, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const UNIT = join(process.cwd(), 'test-data/unit');
const FILM = join(process.cwd(), 'test-data/real-mg/digitised-film-lmlo-jpeg12.dcm');

let s: ViewerSession;

beforeAll(async () => {
  s = await openViewer({ path: '/?decodeTimeLimitMs=1' });
  await waitForFourViews(s.page);
});

afterAll(async () => {
  await s?.close();
});

describe('a decode that does not finish in time', () => {
  it('is stopped and its file refused with the reason; the other files open and a click is still measured', async () => {
    const { page } = s;
    // The four unit images of one phantom patient (uncompressed: not decoded by the decode worker) and the film.
    const names = { RCC: 'monochrome1', LCC: 'morphology-round', RMLO: 'morphology-vascular', LMLO: 'bits-stored-12' } as const;
    const files = [{ name: 'digitised-film-lmlo-jpeg12.dcm', mimeType: 'application/dicom', buffer: await readFile(FILM) }];
    for (const n of Object.values(names)) files.push({ name: `${n}.dcm`, mimeType: 'application/dicom', buffer: await readFile(join(UNIT, `${n}.dcm`)) });
    await page.locator('input[type="file"]').setInputFiles(files);
    await page.getByTestId('status').filter({ hasText: '4 images loaded from local files' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('message').allTextContents(), { timeout: 30_000 })
      .toContainEqual(
        'digitised-film-lmlo-jpeg12.dcm refused: the compressed frame did not finish decoding within 1 ms: the pixel data is probably damaged; decoding was stopped',
      );
    await expect.poll(() => page.getByTestId('patient-name').textContent(), { timeout: 30_000 }).toBe('PHANTOM CALCSCRIBE');
    // The draft is the new examination's (its four images), not the sample's it replaced.
    const uids: string[] = [];
    for (const n of Object.values(names)) {
      const r = await ingestDicom(new Uint8Array(await readFile(join(UNIT, `${n}.dcm`))));
      if (!r.ok) throw new Error(r.error.message);
      uids.push(r.value.meta.sopInstanceUid as string);
    }
    await expect
      .poll(() => page.evaluate(() => (window.calcscribe?.draft()?.images ?? []).map((i) => i.imageId).sort()), { timeout: 30_000 })
      .toEqual(uids.sort());
    await waitForFourViews(page);
    await page.waitForFunction(() => window.calcscribe?.fitted('current-LCC') === true, undefined, { timeout: 20_000 });
    // The analysis worker still answers: a click on the round calcification of the LCC is outlined and measured.
    const truth = await readTruth(UNIT, names.LCC);
    const c = truth.calcifications.find((t) => t.longAxisMm >= 0.4);
    if (!c) throw new Error('truth has no calcification of 0.4 mm or more');
    const [x, y] = await pagePoint(page, 'current-LCC', 'viewport-LCC', c.centre);
    await page.mouse.click(x, y);
    await page.waitForFunction(() => window.calcscribe?.draft()?.calcifications.length === 1, undefined, { timeout: 20_000 });
    // A stopped decode worker does not linger beside the one in use.
    const workers = page.workers().map((w) => new URL(w.url()).pathname);
    expect(workers.filter((w) => /decode\.worker/.test(w)).length).toBeLessThanOrEqual(1);
    expect(s.errors).toEqual([]);
  });
});
