/**
 * The long axis to the calcification's edge (src/core/measure/edge-offset.ts): solids drawn by the
 * phantom generator's physics (chord profile, calcium attenuation, pixel aperture, Gaussian
 * detector blur), outlined from a click and measured, against their true Feret diameter.
 */
import { describe, expect, it } from 'vitest';
import { makeMammoImage, type MammoImage } from '../../../src/core/image.js';
import { SOLID_EDGE_WIDTH_MAX_MM, edgeOffsetPx } from '../../../src/core/measure/edge-offset.js';
import { feretDiameters } from '../../../src/core/measure/feret.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { mm } from '../../../src/core/units.js';
import { renderParticle } from '../../../test-data/generator/render-calcification.js';
import type { CalcificationShape } from '../../../test-data/generator/shape-primitives.js';

const SIZE = 96;
const BACKGROUND = 1000;
const GAIN = 3000;

const sphere = (diameterMm: number): CalcificationShape => ({
  primitives: [{ kind: 'ellipsoid', cx: 0, cy: 0, a: diameterMm / 2, b: diameterMm / 2, angle: 0, profile: 0.5 }],
  holes: [],
  density: 1,
});
const rod = (lengthMm: number, thicknessMm: number): CalcificationShape => ({
  primitives: [{ kind: 'capsule', x0: -(lengthMm - thicknessMm) / 2, y0: 0, x1: (lengthMm - thicknessMm) / 2, y1: 0, r: thicknessMm / 2 }],
  holes: [],
  density: 1,
});

/** One solid on a flat, noiseless background; blur σ in mm at the object plane. */
function scene(shape: CalcificationShape, pixelMm: number, blurMm: number): { image: MammoImage; truthMm: number } {
  const centre = { x: SIZE / 2 + 0.3, y: SIZE / 2 - 0.2 };
  const p = renderParticle(shape, centre, pixelMm, blurMm / pixelMm);
  const stored = new Uint16Array(SIZE * SIZE).fill(BACKGROUND);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const i = (p.y0 + y) * SIZE + p.x0 + x;
      stored[i] = Math.round(BACKGROUND + GAIN * (p.density[y * p.width + x] as number));
    }
  }
  const calibration = { kind: 'detector' as const, rowSpacingMm: mm(pixelMm), columnSpacingMm: mm(pixelMm), source: 'test' };
  return { image: makeMammoImage({ rows: SIZE, columns: SIZE, stored, calibration }), truthMm: p.longAxisPx * pixelMm };
}

function measured(image: MammoImage): { longMm: number; outlineMm: number } {
  const r = segmentAtSeed(image, { x: SIZE / 2, y: SIZE / 2 });
  if (!r.ok) throw new Error(r.error.message);
  const m = measureCalcification(image, r.value);
  const pixel = image.calibration.columnSpacingMm as number;
  return { longMm: m.longAxis.mm as number, outlineMm: feretDiameters(r.value.contour).max * pixel };
}

describe('long axis to the edge of a blurred solid', () => {
  const cases: { d: number; pixel: number; blur: number }[] = [];
  for (const pixel of [0.05, 0.07, 0.1]) for (const blur of [0.02, 0.06]) for (const d of [0.4, 0.8, 1.6]) cases.push({ d, pixel, blur });

  it('spheres 0.4–1.6 mm at 0.05–0.1 mm pixels under a-Se and CsI blur: within 0.05 mm of the true long axis, closer than the outline itself', () => {
    let outlineError = 0;
    let edgeError = 0;
    for (const c of cases) {
      const { image, truthMm } = scene(sphere(c.d), c.pixel, c.blur);
      const m = measured(image);
      expect(Math.abs(m.longMm - truthMm), `${c.d} mm sphere, ${c.pixel} mm pixels, blur ${c.blur} mm`).toBeLessThanOrEqual(0.05);
      // The outline at a level lies inside the edge; the long axis never ends inside it.
      expect(m.longMm).toBeGreaterThanOrEqual(m.outlineMm);
      outlineError += Math.abs(m.outlineMm - truthMm);
      edgeError += Math.abs(m.longMm - truthMm);
    }
    expect(edgeError).toBeLessThan(0.7 * outlineError);
  });

  it('a rod 2 mm long and 0.2 mm thick: the long axis within 0.04 mm of the truth at every pixel size and blur', () => {
    for (const pixel of [0.05, 0.07, 0.1]) {
      for (const blur of [0.02, 0.06]) {
        const { image, truthMm } = scene(rod(2, 0.2), pixel, blur);
        expect(Math.abs(measured(image).longMm - truthMm), `${pixel} mm pixels, blur ${blur} mm`).toBeLessThanOrEqual(0.04);
      }
    }
  });

  it('an edge wider than detector blur makes (a margin of its own) keeps the outline as the edge', () => {
    // σ 0.2 mm: a 10–90 % rise of about 0.5 mm, beyond SOLID_EDGE_WIDTH_MAX_MM.
    expect(SOLID_EDGE_WIDTH_MAX_MM).toBeLessThan(0.5);
    const { image } = scene(sphere(1.6), 0.1, 0.2);
    const m = measured(image);
    expect(m.longMm).toBeCloseTo(m.outlineMm, 9);
  });

  it('no offset for an outline with no peak, no gradient, or drawn at the foot of the edge', () => {
    const { image } = scene(sphere(0.8), 0.07, 0.06);
    const r = segmentAtSeed(image, { x: SIZE / 2, y: SIZE / 2 });
    if (!r.ok) throw new Error(r.error.message);
    const patch = { x0: 0, y0: 0, width: SIZE, height: SIZE, data: Float32Array.from(image.stored as Uint16Array) };
    expect(edgeOffsetPx(patch, r.value.contour, BACKGROUND, 0, 0.07)).toBe(0);
    const flat = { ...patch, data: new Float32Array(SIZE * SIZE).fill(BACKGROUND) };
    expect(edgeOffsetPx(flat, r.value.contour, BACKGROUND, 100, 0.07)).toBe(0);
    // The same outline grown to where the density is back at the background: the edge is inside it.
    const c = r.value.seed;
    const grown = r.value.contour.map((q) => ({ x: c.x + 2 * (q.x - c.x), y: c.y + 2 * (q.y - c.y) }));
    expect(edgeOffsetPx(patch, grown, BACKGROUND, GAIN, 0.07)).toBe(0);
    // Drawn at 0.4–0.5 of the peak it lies a few tenths of a pixel inside the edge.
    const m = r.value.mask;
    let peak = 0;
    for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (m.data[y * m.width + x] === 1) peak = Math.max(peak, (patch.data[(m.y0 + y) * SIZE + m.x0 + x] as number) - r.value.backgroundDensity);
    const atLevel = edgeOffsetPx(patch, r.value.contour, r.value.backgroundDensity, peak, 0.07);
    expect(atLevel).toBeGreaterThan(0.1);
    expect(atLevel).toBeLessThan(1.5);
  });
});
