import { describe, it, expect } from 'vitest';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import type { CalcificationMeasurements } from '../../../src/core/measure/measurements.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene, rng } from '../segment/synthetic.js';
import type { Shape } from '../segment/synthetic.js';

/**
 * Segmentation + measurement against sub-pixel truth: shapes rendered with partial-volume
 * coverage, a 0.5 px blur, a background gradient, correlated texture (σ 12) and noise (σ 12) at
 * a contrast of 250 (contrast-to-noise about 15).
 */
const SIZE = 64;
function measureShape(shape: Shape, spacing: { row: number; col: number }, seed: number, uncalibrated = false): CalcificationMeasurements {
  const image = renderScene({
    rows: SIZE,
    columns: SIZE,
    rowSpacingMm: spacing.row,
    columnSpacingMm: spacing.col,
    uncalibrated,
    shapes: [shape],
    gradient: [2, -1.5],
    texture: 12,
    textureScalePx: 4,
    noise: 12,
    seed,
  });
  const first = shape.kind === 'lines' ? (shape.segments[0] as { x0: number; y0: number; x1: number; y1: number }) : null;
  const centre = first === null ? { x: shape.kind === 'lines' ? 0 : shape.cx, y: shape.kind === 'lines' ? 0 : shape.cy } : { x: (first.x0 + first.x1) / 2, y: (first.y0 + first.y1) / 2 };
  const r = segmentAtSeed(image, { x: Math.round(centre.x / spacing.col), y: Math.round(centre.y / spacing.row) });
  if (!r.ok) throw new Error(r.error.message);
  return measureCalcification(image, r.value);
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
};

/** Sub-pixel positions near the patch centre and random angles, reproducible. */
function placements(n: number, spacing: { row: number; col: number }, seed: number): { cx: number; cy: number; angle: number }[] {
  const u = rng(seed);
  return Array.from({ length: n }, () => ({
    cx: (SIZE / 2 + u()) * spacing.col,
    cy: (SIZE / 2 + u()) * spacing.row,
    angle: 180 * u(),
  }));
}

describe('size accuracy on discs and ellipses', () => {
  for (const sp of [0.07, 0.1]) {
    const spacing = { row: sp, col: sp };
    for (const d of [0.3, 0.5, 0.8, 1.2]) {
      it(`discs of ${d} mm at ${sp} mm pixels: median long- and short-axis error ≤ 0.05 mm`, () => {
        const errs = placements(7, spacing, Math.round(d * 1000 + sp * 100)).map((p, i) => {
          const m = measureShape({ kind: 'disc', cx: p.cx, cy: p.cy, r: d / 2, contrast: 250 }, spacing, i + 1);
          return [Math.abs((m.longAxis.mm as number) - d), Math.abs((m.shortAxis.mm as number) - d)] as const;
        });
        expect(median(errs.map((e) => e[0]))).toBeLessThanOrEqual(0.05);
        expect(median(errs.map((e) => e[1]))).toBeLessThanOrEqual(0.05);
      });

      it(`ellipses ${d} × ${(0.6 * d).toFixed(2)} mm at ${sp} mm pixels: median axis errors ≤ 0.05 mm`, () => {
        const errs = placements(7, spacing, Math.round(d * 777 + sp * 100)).map((p, i) => {
          const m = measureShape({ kind: 'ellipse', cx: p.cx, cy: p.cy, a: d / 2, b: 0.3 * d, angleDeg: p.angle, contrast: 250 }, spacing, i + 11);
          return [Math.abs((m.longAxis.mm as number) - d), Math.abs((m.shortAxis.mm as number) - 0.6 * d)] as const;
        });
        expect(median(errs.map((e) => e[0]))).toBeLessThanOrEqual(0.05);
        expect(median(errs.map((e) => e[1]))).toBeLessThanOrEqual(0.05);
      });
    }
  }

  it('keeps the median long-axis error ≤ 0.05 mm at low contrast (contrast-to-noise about 6)', () => {
    for (const sp of [0.07, 0.1]) {
      const spacing = { row: sp, col: sp };
      const errs = placements(9, spacing, 4242).map((p, i) => {
        const m = measureShape({ kind: 'disc', cx: p.cx, cy: p.cy, r: 0.3, contrast: 100 }, spacing, i + 100);
        return Math.abs((m.longAxis.mm as number) - 0.6);
      });
      expect(median(errs)).toBeLessThanOrEqual(0.05);
    }
  });

  it('measures area within 10 % and circularity above 0.9 for a 1 mm disc', () => {
    const m = measureShape({ kind: 'disc', cx: 3.2, cy: 3.25, r: 0.5, contrast: 250 }, { row: 0.1, col: 0.1 }, 5);
    expect(Math.abs((m.area.mm2 as number) / (Math.PI * 0.25) - 1)).toBeLessThan(0.1);
    expect(m.circularity).toBeGreaterThan(0.9);
    expect(m.solidity).toBeGreaterThan(0.95);
  });
});

describe('lucent centres', () => {
  it('gives rings a lucent-centre index clearly above solid discs', () => {
    for (const sp of [0.07, 0.1]) {
      const spacing = { row: sp, col: sp };
      const c = (SIZE / 2) * sp;
      const disc = measureShape({ kind: 'disc', cx: c, cy: c, r: 0.6, contrast: 250 }, spacing, 3);
      const ring = measureShape({ kind: 'ring', cx: c, cy: c, rOuter: 0.8, rInner: 0.5, contrast: 250 }, spacing, 3);
      const small = measureShape({ kind: 'ring', cx: c, cy: c, rOuter: 0.5, rInner: 0.3, contrast: 250 }, spacing, 4);
      expect(disc.lucentCentreIndex).toBeLessThan(0.15);
      expect(ring.lucentCentreIndex).toBeGreaterThan(0.5);
      expect(small.lucentCentreIndex).toBeGreaterThan(0.3);
      expect(ring.heterogeneity).toBeGreaterThan(disc.heterogeneity);
    }
  });
});

describe('linear and branching forms', () => {
  for (const sp of [0.07, 0.1]) {
    const spacing = { row: sp, col: sp };
    const c = (SIZE / 2) * sp;
    for (const w of [0.2, 0.3, 0.5]) {
      it(`a ${w} mm wide, 3 mm long line at ${sp} mm pixels: elongation > 4, calibre ≈ width, no branch`, () => {
        const m = measureShape({ kind: 'lines', segments: [{ x0: c - 1.45, y0: c + 0.375, x1: c + 1.45, y1: c - 0.375 }], width: w, contrast: 250 }, spacing, 21);
        expect(m.elongation).toBeGreaterThan(4);
        expect(Math.abs((m.skeleton.calibre.mm as number) - w)).toBeLessThanOrEqual(Math.max(0.05, 0.12 * w));
        expect(m.skeleton.branchPoints).toBe(0);
        expect(Math.abs((m.skeleton.length.mm as number) - (Math.hypot(2.9, 0.75) + w))).toBeLessThan(0.25);
      });
    }

    it(`a branching line at ${sp} mm pixels has at least one branch point`, () => {
      const m = measureShape(
        {
          kind: 'lines',
          segments: [
            { x0: c - 1, y0: c, x1: c + 1.2, y1: c },
            { x0: c + 0.2, y0: c, x1: c + 1.0, y1: c + 1.1 },
            { x0: c - 1.6, y0: c - 0.7, x1: c - 1, y1: c },
          ],
          width: 0.25,
          contrast: 250,
        },
        spacing,
        22,
      );
      expect(m.skeleton.branchPoints).toBeGreaterThanOrEqual(1);
      expect(m.solidity).toBeLessThan(0.7);
      expect(Math.abs((m.skeleton.calibre.mm as number) - 0.25)).toBeLessThan(0.06);
    });
  }
});

describe('calibration', () => {
  it('handles anisotropic pixels (0.1 mm rows, 0.07 mm columns)', () => {
    const spacing = { row: 0.1, col: 0.07 };
    const errs = placements(5, spacing, 99).map((p, i) => {
      const m = measureShape({ kind: 'ellipse', cx: p.cx, cy: p.cy, a: 0.4, b: 0.25, angleDeg: p.angle, contrast: 250 }, spacing, i + 31);
      return [Math.abs((m.longAxis.mm as number) - 0.8), Math.abs((m.shortAxis.mm as number) - 0.5)] as const;
    });
    expect(median(errs.map((e) => e[0]))).toBeLessThanOrEqual(0.05);
    expect(median(errs.map((e) => e[1]))).toBeLessThanOrEqual(0.05);
  });

  it('gives null millimetres on an uncalibrated image with the same pixel measurements', () => {
    const shape: Shape = { kind: 'disc', cx: 3.2, cy: 3.2, r: 0.4, contrast: 250 };
    const cal = measureShape(shape, { row: 0.1, col: 0.1 }, 8);
    const unc = measureShape(shape, { row: 0.1, col: 0.1 }, 8, true);
    expect(unc.calibration).toBe('uncalibrated');
    expect(unc.longAxis.mm).toBeNull();
    expect(unc.area.mm2).toBeNull();
    expect(unc.skeleton.calibre.mm).toBeNull();
    expect(unc.longAxis.px).toBeCloseTo(cal.longAxis.px, 6);
    expect(unc.circularity).toBeCloseTo(cal.circularity, 6);
  });
});
