import { describe, it, expect } from 'vitest';
import { makeMammoImage } from '../../../src/core/image.js';
import type { Calibration, MammoImage } from '../../../src/core/image.js';
import { measureCalcification, NOISE_FLOOR } from '../../../src/core/measure/measure-calcification.js';
import type { CalcificationOutline } from '../../../src/core/segment/outline.js';
import { mm } from '../../../src/core/units.js';

const calibrated = (row: number, col: number): Calibration => ({
  kind: 'detector',
  rowSpacingMm: mm(row),
  columnSpacingMm: mm(col),
  source: 'test',
});
const uncalibrated: Calibration = { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'none' };

/** A 20 × 20 image: background 100, a 6 × 4 block of 500 at x 7–12, y 8–11 (an outline at half-maximum is the block ± 0.5 px). */
function blockImage(calibration: Calibration): { image: MammoImage; outline: CalcificationOutline } {
  const stored = new Uint16Array(400).fill(100);
  for (let y = 8; y <= 11; y++) for (let x = 7; x <= 12; x++) stored[y * 20 + x] = 500;
  const image = makeMammoImage({ rows: 20, columns: 20, stored, calibration });
  const contour = [
    { x: 6.5, y: 7.5 },
    { x: 12.5, y: 7.5 },
    { x: 12.5, y: 11.5 },
    { x: 6.5, y: 11.5 },
  ];
  const outline: CalcificationOutline = {
    seed: { x: 9, y: 9 },
    contour,
    mask: { x0: 7, y0: 8, width: 6, height: 4, data: new Uint8Array(24).fill(1) },
    backgroundDensity: 100,
    backgroundNoise: 10,
    threshold: 300,
  };
  return { image, outline };
}

describe('measureCalcification', () => {
  it('measures a 6 × 4 px rectangle in pixels and millimetres', () => {
    const { image, outline } = blockImage(calibrated(0.1, 0.1));
    const m = measureCalcification(image, outline);
    expect(m.calibration).toBe('detector');
    expect(m.longAxis.px).toBeCloseTo(Math.hypot(6, 4), 9);
    expect(m.longAxis.mm).toBeCloseTo(Math.hypot(0.6, 0.4), 9);
    expect(m.shortAxis.px).toBeCloseTo(4, 9);
    expect(m.area.px2).toBeCloseTo(24, 9);
    expect(m.area.mm2).toBeCloseTo(0.24, 9);
    expect(m.perimeter.mm).toBeCloseTo(2, 9);
    expect(m.equivalentDiameter.mm).toBeCloseTo(Math.sqrt((4 * 0.24) / Math.PI), 9);
    expect(m.circularity).toBeCloseTo((4 * Math.PI * 0.24) / 4, 9);
    expect(m.elongation).toBeCloseTo(Math.hypot(6, 4) / 4, 9);
    expect(m.solidity).toBeCloseTo(1, 9);
  });

  it('measures density: contrast, contrast-to-noise, a flat inside, the intensity centre', () => {
    const { image, outline } = blockImage(calibrated(0.1, 0.1));
    const m = measureCalcification(image, outline);
    expect(m.contrast).toBe(400);
    expect(m.contrastToNoise).toBe(40);
    expect(m.heterogeneity).toBe(0);
    expect(m.lucentCentreIndex).toBeCloseTo(0, 9);
    expect(m.centre.x).toBeCloseTo(9.5, 9);
    expect(m.centre.y).toBeCloseTo(9.5, 9);
    // A step edge half-way between pixel centres: central difference (500 − 100) / 2 per px.
    expect(m.marginSharpness).toBeGreaterThan(0.3);
    expect(m.marginSharpness).toBeLessThanOrEqual(0.5);
  });

  it('gives null millimetres and pixel-based shape ratios when uncalibrated', () => {
    const { image, outline } = blockImage(uncalibrated);
    const m = measureCalcification(image, outline);
    expect(m.calibration).toBe('uncalibrated');
    for (const l of [m.longAxis, m.shortAxis, m.equivalentDiameter, m.perimeter, m.skeleton.calibre, m.skeleton.length]) {
      expect(l.mm).toBeNull();
      expect(l.px).toBeGreaterThan(0);
    }
    expect(m.area.mm2).toBeNull();
    expect(m.elongation).toBeCloseTo(Math.hypot(6, 4) / 4, 9);
  });

  it('scales x by column spacing and y by row spacing (anisotropic pixels)', () => {
    // Rows 0.2 mm apart, columns 0.1 mm: the 6 × 4 px block is 0.6 × 0.8 mm.
    const { image, outline } = blockImage(calibrated(0.2, 0.1));
    const m = measureCalcification(image, outline);
    expect(m.longAxis.mm).toBeCloseTo(1, 9);
    expect(m.shortAxis.mm).toBeCloseTo(0.6, 9);
    expect(m.area.mm2).toBeCloseTo(0.48, 9);
    expect(m.elongation).toBeCloseTo(1 / 0.6, 9);
    // Pixel values stay in grid units.
    expect(m.shortAxis.px).toBeCloseTo(4, 9);
  });

  it('keeps contrast-to-noise finite on a noiseless image', () => {
    const { image, outline } = blockImage(calibrated(0.1, 0.1));
    const m = measureCalcification(image, { ...outline, backgroundNoise: 0 });
    expect(m.contrastToNoise).toBeCloseTo(400 / NOISE_FLOOR, 6);
  });
});
