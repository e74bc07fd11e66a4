/**
 * Film without a pixel spacing, scanned finely: the segmentation's sizes are read at a nominal
 * spacing (0.1 mm) but the film may be at 0.042–0.05 mm per pixel, where a 6 mm rim or dystrophic
 * deposit is 120 px across. From a click, the ring plane's reach (its largest patch, the search for
 * the wall around a lucent centre, the wide patch of a click inside a deposit) is read at the finest
 * film scan pitch, so such a deposit is outlined from a click as on the calibrated image, not missed.
 */
import { describe, expect, it } from 'vitest';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene, type Shape } from './synthetic.js';

const SP = 0.05;
const scene = (shape: Shape, uncalibrated: boolean) =>
  renderScene({
    rows: 400, columns: 400, rowSpacingMm: SP, columnSpacingMm: SP, uncalibrated, shapes: [shape],
    level: 2000, texture: 15, textureScalePx: 12, noise: 20, blurPx: 0.6, seed: 3,
  });

describe('a large deposit on film without a pixel spacing, scanned at 0.05 mm', () => {
  const deposits: [string, Shape, number][] = [
    // The wall lies 24–30 px from the centre: within the 1.5 mm searched at 0.05 mm, beyond 1.5 mm at 0.1.
    ['a rim 3 mm across, clicked in its lucent centre', { kind: 'ring', cx: 10, cy: 10, rOuter: 1.5, rInner: 1.2, contrast: 600 }, 60],
    // The wide patch must reach past its edge: 60 px from the centre.
    ['a dense deposit 6 mm across, clicked at its centre', { kind: 'disc', cx: 10, cy: 10, r: 3, contrast: 600 }, 120],
  ];
  for (const [name, shape, acrossPx] of deposits) {
    it(`outlines ${name} (${acrossPx} px), as on the calibrated image`, () => {
      for (const uncalibrated of [false, true]) {
        const image = scene(shape, uncalibrated);
        const r = segmentAtSeed(image, { x: 200, y: 200 });
        if (!r.ok) throw new Error(`${uncalibrated ? 'uncalibrated' : 'calibrated'}: ${r.error.message}`);
        const m = measureCalcification(image, r.value);
        expect(m.longAxis.px).toBeGreaterThan(acrossPx - 3);
        expect(m.longAxis.px).toBeLessThan(acrossPx + 3);
      }
    });
  }
});

describe('a dense area too large at every film scan pitch, on film without a pixel spacing', () => {
  it('is refused naming the largest patch tried, in pixels', () => {
    // A band 2.5 mm thick and 40 mm long at 0.05 mm: 800 px, past the patch read at the finest pitch too.
    const band: Shape = { kind: 'lines', segments: [{ x0: 2, y0: 10, x1: 42, y1: 10 }], width: 2.5, contrast: 300 };
    const nominal = renderScene({ rows: 400, columns: 880, rowSpacingMm: SP, columnSpacingMm: SP, uncalibrated: true, shapes: [band], level: 2000, noise: 10, seed: 5 });
    const r = segmentAtSeed(nominal, { x: 440, y: 200 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The nominal patch is 150 px (15 mm at the nominal 0.1 mm); the finest film pitch reaches 2.4 × as far.
    const tried = Number(/beyond the (\d+) px search patch: too large to outline/.exec(r.error.message)?.[1]);
    expect(tried).toBeGreaterThan(300);
    expect(tried).toBeLessThan(800);
  });
});
