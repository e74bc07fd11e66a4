/**
 * Tissue or calcium for what a region search finds (src/core/describe/tissue-edge.ts): an edge
 * softer than calcium's — wider than the blur leaves a small deposit and than half its width (a
 * Gaussian bump's is 0.74 of it, a solid sphere's 0.34).
 */
import { describe, expect, it } from 'vitest';
import { calcificationFeatures } from '../../../src/core/describe/calcification-features.js';
import { TISSUE_EDGE, tissueEdge } from '../../../src/core/describe/tissue-edge.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene, type Shape } from '../segment/synthetic.js';

function edgeOf(shape: Shape, at: { x: number; y: number }, opts: { spacingMm?: number; uncalibrated?: boolean } = {}) {
  const sp = opts.spacingMm ?? 0.1;
  const image = renderScene({
    rows: 80,
    columns: 80,
    rowSpacingMm: sp,
    columnSpacingMm: sp,
    uncalibrated: opts.uncalibrated ?? false,
    shapes: [shape],
    texture: 4,
    textureScalePx: 6,
    noise: 4,
    seed: 11,
  });
  const o = segmentAtSeed(image, at);
  if (!o.ok) throw new Error(o.error.message);
  const f = calcificationFeatures(measureCalcification(image, o.value));
  return { f, edge: tissueEdge(f) };
}
const ratioIn = (words: string | undefined): number => Number(/, and (\d\.\d\d) of its/.exec(words ?? '')?.[1]);
const centre = { x: 40, y: 40 };

describe('tissueEdge', () => {
  it('reads a 2 mm Gaussian bump of tissue as tissue: its edge about 0.74 of its width', () => {
    const { edge } = edgeOf({ kind: 'bump', cx: 4, cy: 4, fwhm: 2, contrast: 200 }, centre);
    expect(edge?.tissue).toBe(true);
    expect(ratioIn(edge?.words)).toBeGreaterThan(0.6);
    expect(ratioIn(edge?.words)).toBeLessThan(0.9);
    expect(edge?.words).toMatch(/^edge \d\.\d\d mm > 0\.40 mm, and 0\.\d\d of its width of \d\.\d mm > 0\.5$/);
  });

  it('reads a solid sphere of calcium, 2 mm across, as calcium: its edge about a third of its width', () => {
    const { edge } = edgeOf({ kind: 'sphere', cx: 4, cy: 4, r: 1, contrast: 600 }, centre);
    expect(edge?.tissue).toBe(false);
    expect(ratioIn(edge?.words)).toBeGreaterThan(0.2);
    expect(ratioIn(edge?.words)).toBeLessThan(0.45);
  });

  it('reads small solid deposits as calcium: a 0.5 mm disc and a 0.3 mm-wide cast', () => {
    expect(edgeOf({ kind: 'disc', cx: 4, cy: 4, r: 0.25, contrast: 300 }, centre).edge?.tissue).toBe(false);
    const cast = edgeOf({ kind: 'lines', segments: [{ x0: 2.5, y0: 4, x1: 5.5, y1: 4 }], width: 0.3, contrast: 300 }, centre);
    expect(cast.f.elongation).toBeGreaterThanOrEqual(3);
    expect(cast.edge?.tissue).toBe(false);
    expect(cast.edge?.words).toMatch(/of its calibre of/);
  });

  it('reads a strand of tissue (a ridge with a 0.8 mm Gaussian profile) as tissue, against its calibre', () => {
    const { edge, f } = edgeOf({ kind: 'ridge', cx: 4, cy: 4, length: 6, angleDeg: 0, fwhm: 0.8, contrast: 150 }, centre);
    expect(f.elongation).toBeGreaterThanOrEqual(3);
    expect(edge?.tissue).toBe(true);
    expect(edge?.words).toMatch(/of its calibre of/);
  });

  it(`keeps a small faint bump whose edge the blur could give (≤ ${TISSUE_EDGE.edgeMaxMm} mm): an amorphous deposit looks so`, () => {
    const { edge } = edgeOf({ kind: 'bump', cx: 4, cy: 4, fwhm: 0.4, contrast: 120 }, centre);
    expect(edge?.tissue).toBe(false);
    expect(edge?.words).toMatch(/^edge 0\.\d\d mm ≤ 0\.40 mm/);
  });

  it('on uncalibrated film reads the edge in pixels and the millimetre limit at every scan pitch', () => {
    // Drawn at 0.05 mm, no calibration: a 1.5 mm bump's edge (about 18 px) is over 0.4 mm at any pitch …
    const wide = edgeOf({ kind: 'bump', cx: 2, cy: 2, fwhm: 1.5, contrast: 200 }, centre, { spacingMm: 0.05, uncalibrated: true });
    expect(wide.f.pixelSizeMm).toBeNull();
    expect(wide.edge?.tissue).toBe(true);
    expect(wide.edge?.words).toMatch(/^edge \d+\.\d px > 4 px and 0\.4 mm at every pitch of 0\.042–0\.2 mm, and 0\.\d\d of its width of \d+ px > 0\.5$/);
    // … a 0.6 mm one's (about 9 px) may be under 0.4 mm at 0.042 mm per pixel: kept.
    const small = edgeOf({ kind: 'bump', cx: 2, cy: 2, fwhm: 0.6, contrast: 200 }, centre, { spacingMm: 0.05, uncalibrated: true });
    expect(small.edge?.tissue).toBe(false);
  });
});
