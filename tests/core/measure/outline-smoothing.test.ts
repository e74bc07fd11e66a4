import { describe, expect, it } from 'vitest';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { circularityOf, contourUncertaintyPx, OUTLINE_SMOOTHING, outlineSmoothingSigmaPx, smoothClosedContour } from '../../../src/core/measure/outline-smoothing.js';
import type { Point2 } from '../../../src/core/measure/polygon.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { gaussian, renderScene, rng } from '../segment/synthetic.js';

/** A closed contour of `n` points at radius r(θ) about (cx, cy). */
function polar(n: number, r: (t: number) => number, cx = 50, cy = 50): Point2[] {
  return Array.from({ length: n }, (_, k) => {
    const t = (2 * Math.PI * k) / n;
    return { x: cx + r(t) * Math.cos(t), y: cy + r(t) * Math.sin(t) };
  });
}

describe('contour smoothed at its own position uncertainty', () => {
  it('gives the position uncertainty σ / |∇I| on a ramp', () => {
    // Density 7 per pixel along x: a noise σ of 3.5 moves a level crossing by 0.5 px.
    const width = 20;
    const data = new Float32Array(width * width).map((_, i) => 7 * (i % width));
    const patch = { x0: 0, y0: 0, width, height: width, data };
    const contour = [{ x: 8.3, y: 5 }, { x: 9.1, y: 10 }, { x: 10.4, y: 14 }];
    expect(contourUncertaintyPx(patch, contour, 3.5)).toBeCloseTo(0.5, 6);
    expect(contourUncertaintyPx(patch, contour, 0)).toBe(0);
  });

  it('leaves the contour as traced when its uncertainty is small, and caps σ at a third of the radius', () => {
    expect(outlineSmoothingSigmaPx(0.05, Math.PI * 100)).toBe(0);
    expect(outlineSmoothingSigmaPx(0.5, Math.PI * 100)).toBeCloseTo(OUTLINE_SMOOTHING.sigmaPerUncertainty * 0.5, 9);
    expect(outlineSmoothingSigmaPx(10, Math.PI * 9)).toBeCloseTo(1, 9);
  });

  it('restores the circularity of a circle whose contour wanders by noise, and keeps it a circle', () => {
    // Radial wander of σ 0.6 px correlated over about a pixel of arc (drawn every pixel, interpolated).
    const g = gaussian(rng(5));
    const knots = Array.from({ length: 126 }, () => 0.6 * g());
    const wander = (t: number): number => {
      const u = (t / (2 * Math.PI)) * knots.length;
      const i = Math.floor(u);
      const f = u - i;
      return (1 - f) * (knots[i % knots.length] as number) + f * (knots[(i + 1) % knots.length] as number);
    };
    const noisy = polar(500, (t) => 20 + wander(t));
    expect(circularityOf(noisy)).toBeLessThan(0.85);
    const s = smoothClosedContour(noisy, outlineSmoothingSigmaPx(0.6, Math.PI * 400));
    expect(circularityOf(s)).toBeGreaterThan(0.93);
    const clean = smoothClosedContour(polar(200, () => 20), 1.2);
    expect(circularityOf(clean)).toBeGreaterThan(0.999);
  });

  it('keeps a lobulated outline lobulated at the largest σ allowed', () => {
    // Five lobes of a third of the radius: circularity well below the 0.9 of round shapes.
    const lobed = polar(600, (t) => 15 * (1 + 0.3 * Math.cos(5 * t)));
    const s = smoothClosedContour(lobed, outlineSmoothingSigmaPx(100, Math.PI * 225));
    expect(circularityOf(lobed)).toBeLessThan(0.85);
    expect(circularityOf(s)).toBeLessThan(0.85);
  });
});

describe('circularity of a round calcification at low dose', () => {
  // A 2 mm disc at 0.05 mm pixels, blurred like a CsI detector (σ 1.1 px), whose half-maximum level
  // is about 2 σ of the pixel noise above the background, with texture correlated over 2 px on top.
  it('raises the circularity of a round calcification from the ragged contour\'s 0.4–0.75 to a median ≥ 0.85, and its solidity to ≥ 0.955', () => {
    const smoothed: number[] = [];
    for (const seed of [11, 12, 13, 14, 15, 16, 17, 18]) {
      const img = renderScene({
        rows: 160, columns: 160, rowSpacingMm: 0.05, columnSpacingMm: 0.05,
        shapes: [{ kind: 'disc', cx: 4, cy: 4, r: 1, contrast: 600 }],
        level: 3000, texture: 90, textureScalePx: 2, noise: 110, blurPx: 1.1, seed,
      });
      const r = segmentAtSeed(img, { x: 80, y: 80 });
      if (!r.ok) throw new Error(r.error.message);
      const m = measureCalcification(img, r.value);
      const traced = circularityOf(r.value.contour);
      expect(traced).toBeLessThan(0.8);
      expect(m.circularity).toBeGreaterThan(traced + 0.15);
      // Solidity on the same contour: the hull no longer follows the wander (0.92–0.96 traced).
      expect(m.solidity).toBeGreaterThanOrEqual(0.955);
      smoothed.push(m.circularity);
    }
    smoothed.sort((a, b) => a - b);
    // The worst keeps an excursion of the region itself (a noise blob joined to it), which
    // smoothing the contour at its uncertainty does not remove.
    expect(((smoothed[3] as number) + (smoothed[4] as number)) / 2).toBeGreaterThanOrEqual(0.85);
  });
});
