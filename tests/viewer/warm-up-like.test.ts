import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyseCalcifications } from '../../src/core/analyze.js';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { heldImage } from '../../src/viewer/workers/held-image.js';
import { brightSpots, SPOTS_PER_IMAGE, warmUpScene, warmUpSceneLike, warmUpSteps } from '../../src/viewer/workers/warm-up.js';
import { generatePhantom, phantomOptions } from '../../test-data/generator/index.js';

async function ingested(path: string): Promise<MammoImage> {
  const r = await ingestDicom(new Uint8Array(await readFile(new URL(path, import.meta.url))));
  if (!r.ok) throw new Error(r.error.message);
  return heldImage(r.value, r.value.stored);
}

/** What each click of the scene gives: a refusal's kind, or the calcification's size, morphology and whether a parallel wall was seen. */
function outcome(image: MammoImage, clicks: readonly { x: number; y: number }[]): unknown[] {
  return clicks.map((seed) => {
    const r = analyseCalcifications(image, { seeds: [seed] });
    if (!r.ok) return r.error.kind;
    const c = r.value.calcifications[0];
    return { longAxisMm: c?.longAxisMm, morphology: c?.morphology, wall: c?.measurements.vessel?.parallelWall != null };
  });
}

/**
 * The warm-up scene drawn in the form of the images the worker holds (their object, pixel type,
 * Bits Stored, sign, rescale and MONOCHROME1) must read back as the same scene, so that the
 * warm-up runs the same paths as on the plain scene: each click gives what it gives there.
 */
describe('warm-up scene in the form of an image held', () => {
  const plain = warmUpScene();
  const expected = outcome(plain.image, plain.clicks);

  it('is the same scene on a 16-bit full-field image (the sample exam)', async () => {
    const model = await ingested('../../test-data/sample/LCC.dcm');
    const { image, clicks } = warmUpSceneLike(model);
    expect(image.stored).toBeInstanceOf(model.stored.constructor as typeof Uint16Array);
    expect(image.toDensity).toBe(model.toDensity);
    expect(image.meta).toBe(model.meta);
    expect(Object.keys(image)).toEqual(Object.keys(model));
    expect(outcome(image, clicks)).toEqual(expected);
  });

  it('is the same scene on the real GE image', async () => {
    const model = await ingested('../../test-data/real-mg/ge-senographe-essential-rmlo.dcm');
    const { image, clicks } = warmUpSceneLike(model);
    expect(image.toDensity).toBe(model.toDensity);
    expect(outcome(image, clicks)).toEqual(expected);
  });

  it('reads back the same densities through an inverting, rescaled, signed mapping', async () => {
    const base = await ingested('../../test-data/sample/LCC.dcm');
    // MONOCHROME1, 15 bits stored, signed, slope 2, intercept −100: density = hi + lo − (raw × 2 − 100).
    const lo = -16384 * 2 - 100;
    const hi = 16383 * 2 - 100;
    const toDensity = (v: number): number => {
      let raw = v & 0x7fff;
      if (raw & 0x4000) raw -= 0x8000;
      return hi + lo - (raw * 2 - 100);
    };
    const model = heldImage({ ...base, stored: new Int16Array(1), toDensity, densityMin: lo, densityMax: hi }, new Int16Array(1));
    const { image } = warmUpSceneLike(model);
    expect(image.stored).toBeInstanceOf(Int16Array);
    // Within half a stored step (2 density units here).
    for (let i = 0; i < image.stored.length; i += 997) {
      expect(Math.abs(image.toDensity(image.stored[i] as number) - (lo + (plain.image.stored[i] as number)))).toBeLessThanOrEqual(1);
    }
  });

  it('analyses the bright spots of each image held first, then the scene in the form of each image held in turn; the plain scene when none is', async () => {
    const model = await ingested('../../test-data/sample/LCC.dcm');
    const seen: MammoImage[] = [];
    const steps = warmUpSteps(2, () => {
      seen.push(model);
      return [model];
    });
    let n = 0;
    while (steps.next().done !== true) n++;
    expect(n).toBe(SPOTS_PER_IMAGE + 2 * plain.clicks.length);
    expect(seen).toHaveLength(3);
    let m = 0;
    for (const step = warmUpSteps(1); step.next().done !== true; ) m++;
    expect(m).toBe(plain.clicks.length);
  });
});

/**
 * The warm-up's first steps analyse the images on screen where a radiologist is likely to click, so
 * that the first real click runs code compiled on that image (on a full-size exam the first click on
 * a long vessel wall took 78–99 ms in a worker warmed on the drawn scene alone, 43–44 ms with these
 * spots first; docs/performance.md).
 */
describe('bright spots of an image held', () => {
  it('are the calcifications that stand out most, inside the image', async () => {
    const p = await generatePhantom(phantomOptions({ seed: 77, size: { rows: 640, columns: 520 }, findings: [{ morphology: 'coarse', distribution: 'grouped', count: 4 }] }));
    const r = await ingestDicom(p.dicom);
    if (!r.ok) throw new Error(r.error.message);
    const image = heldImage(r.value, r.value.stored);
    const spots = brightSpots(image, SPOTS_PER_IMAGE);
    expect(spots).toHaveLength(SPOTS_PER_IMAGE);
    for (const s of spots) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x).toBeLessThan(image.columns);
      expect(s.y).toBeGreaterThanOrEqual(0);
      expect(s.y).toBeLessThan(image.rows);
    }
    // The coarse calcifications (about 2 mm, dense) are found: at least the first spot lies on one.
    const coarse = p.truth.calcifications.filter((c) => c.morphology === 'coarse');
    const onOne = (s: { x: number; y: number }): boolean => coarse.some((c) => Math.hypot(c.centre.x - s.x, c.centre.y - s.y) <= c.longAxisMm / 2 / p.truth.calibration.spacingMm + 2);
    expect(onOne(spots[0] as { x: number; y: number })).toBe(true);
    expect(analyseCalcifications(image, { seeds: [spots[0] as { x: number; y: number }] }).ok).toBe(true);
  });
});
