/**
 * Measuring a given outline (a corrected one): the same measurements as the seed-point path for the
 * same outline, and a changed outline changes the measurements it should.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMammoImage, type MammoImage } from '../../../src/core/image.js';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import { feretDiameters } from '../../../src/core/measure/feret.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { backgroundOfMeasurement, maskOfContour, measureOutline, remeasureOutline, ringBackground } from '../../../src/core/measure/measure-outline.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { mm } from '../../../src/core/units.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

interface TruthCalcification {
  readonly id: string;
  readonly centre: { x: number; y: number };
}

let images: Record<string, MammoImage> = {};
let truth: Record<string, TruthCalcification[]> = {};

beforeAll(async () => {
  for (const slot of ['RCC', 'LCC']) {
    const r = await ingestDicom(new Uint8Array(await readFile(join(SAMPLE, `${slot}.dcm`))));
    if (!r.ok) throw new Error(r.error.message);
    images = { ...images, [slot]: r.value };
    const t = JSON.parse(await readFile(join(SAMPLE, `${slot}.truth.json`), 'utf8')) as { calcifications: TruthCalcification[] };
    truth = { ...truth, [slot]: t.calcifications };
  }
});

describe('maskOfContour', () => {
  it('holds the pixels whose centres are inside the contour, over their bounding box', () => {
    const m = maskOfContour([
      { x: 6.5, y: 7.5 },
      { x: 12.5, y: 7.5 },
      { x: 12.5, y: 11.5 },
      { x: 6.5, y: 11.5 },
    ]);
    expect({ x0: m.x0, y0: m.y0, width: m.width, height: m.height }).toEqual({ x0: 7, y0: 8, width: 6, height: 4 });
    expect([...m.data].every((v) => v === 1)).toBe(true);
    const tri = maskOfContour([
      { x: 0, y: 0.5 },
      { x: 4.5, y: 0.5 },
      { x: 0, y: 5 },
    ]);
    // (1,1) is inside, (4,1) is not: x + y < 4.5 + small margin along the hypotenuse.
    expect(tri.data[(1 - tri.y0) * tri.width + (1 - tri.x0)]).toBe(1);
    expect(tri.data.reduce((s, v) => s + v, 0)).toBeLessThan(tri.width * tri.height);
  });
  it('keeps the pixel nearest the centroid when no centre is enclosed', () => {
    const m = maskOfContour([
      { x: 3.1, y: 3.1 },
      { x: 3.4, y: 3.1 },
      { x: 3.4, y: 3.4 },
    ]);
    expect({ x0: m.x0, y0: m.y0, width: m.width, height: m.height, n: m.data[0] }).toEqual({ x0: 3, y0: 3, width: 1, height: 1, n: 1 });
  });
});

describe('measureOutline', () => {
  it('gives the seed-point path\'s measurements for the seed-point outline (sample exam calcifications)', () => {
    let compared = 0;
    for (const slot of ['RCC', 'LCC']) {
      const image = images[slot] as MammoImage;
      for (const t of (truth[slot] ?? []).slice(0, 12)) {
        const outline = segmentAtSeed(image, t.centre);
        if (!outline.ok) continue;
        const seedPath = measureCalcification(image, outline.value);
        const mask = maskOfContour(outline.value.contour);
        const fromOutline = measureOutline(image, outline.value.contour, { density: outline.value.backgroundDensity, noise: outline.value.backgroundNoise });
        // The mask rebuilt from the contour is the segmentation's mask, so every measurement is the same.
        expect({ x0: mask.x0, y0: mask.y0, width: mask.width, height: mask.height }).toEqual({ x0: outline.value.mask.x0, y0: outline.value.mask.y0, width: outline.value.mask.width, height: outline.value.mask.height });
        expect([...mask.data]).toEqual([...outline.value.mask.data]);
        expect(fromOutline).toEqual(seedPath);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('a larger outline measures larger; the same outline measures the same again (remeasureOutline reads its background back)', () => {
    const image = images['RCC'] as MammoImage;
    const t = (truth['RCC'] ?? []).find((c) => segmentAtSeed(image, c.centre).ok);
    if (!t) throw new Error('no calcification outlined in RCC');
    const outline = segmentAtSeed(image, t.centre);
    if (!outline.ok) throw new Error(outline.error.message);
    const before = measureCalcification(image, outline.value);
    const same = remeasureOutline(image, { contour: outline.value.contour, measurements: before }, outline.value.contour);
    // The long axis reads the image at the outline (its edge offset) against the background read
    // back from the measurement: the same to floating-point rounding.
    expect(same.longAxis.px).toBeCloseTo(before.longAxis.px, 9);
    expect(same.contrast).toBeCloseTo(before.contrast, 6);
    expect(same.contrastToNoise).toBeCloseTo(before.contrastToNoise, 6);
    const c = before.centre;
    const grown = outline.value.contour.map((p) => ({ x: c.x + 1.5 * (p.x - c.x), y: c.y + 1.5 * (p.y - c.y) }));
    const after = remeasureOutline(image, { contour: outline.value.contour, measurements: before }, grown);
    // Grown past the calcification's edge, the outline is measured as drawn (no edge offset beyond
    // it); the outline at the segmentation's level is measured on to the edge beyond it.
    expect(after.longAxis.px).toBeCloseTo(1.5 * feretDiameters(outline.value.contour).max, 6);
    expect(after.longAxis.px).toBeGreaterThan(before.longAxis.px);
    expect(before.longAxis.px).toBeGreaterThan(feretDiameters(outline.value.contour).max);
    expect(after.area.px2).toBeCloseTo(2.25 * before.area.px2, 6);
    expect(after.longAxis.mm).not.toBeNull();
    // More background inside the outline: lower mean contrast against the same reference.
    expect(after.contrast).toBeLessThan(before.contrast);
  });

  it('reads the background back from a measurement, and from a ring when the measurement has none', () => {
    const stored = new Uint16Array(400).fill(100);
    for (let y = 8; y <= 11; y++) for (let x = 7; x <= 12; x++) stored[y * 20 + x] = 500;
    const image = makeMammoImage({ rows: 20, columns: 20, stored, calibration: { kind: 'detector', rowSpacingMm: mm(0.1), columnSpacingMm: mm(0.1), source: 'test' } });
    const box = [
      { x: 6.5, y: 7.5 },
      { x: 12.5, y: 7.5 },
      { x: 12.5, y: 11.5 },
      { x: 6.5, y: 11.5 },
    ];
    const ring = ringBackground(image, box);
    expect(ring).not.toBeNull();
    const m = measureOutline(image, box, { density: ring!.density, noise: 10 });
    expect(m.contrast).toBeCloseTo(image.toDensity(500) - image.toDensity(100), 6);
    const back = backgroundOfMeasurement(image, box, m);
    expect(back?.density).toBeCloseTo(ring!.density, 6);
    expect(back?.noise).toBeCloseTo(10, 6);
    expect(backgroundOfMeasurement(image, box, { ...m, contrast: 0 })).toBeNull();
  });
});
