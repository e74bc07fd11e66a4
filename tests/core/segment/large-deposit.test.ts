import { describe, expect, it } from 'vitest';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene } from './synthetic.js';

describe('segmentAtSeed on a deposit larger than its first patch', () => {
  // A 6 mm dense disc on a 0.05 mm detector: the first patch (about 2.7 mm) lies inside it.
  const SP = 0.05;
  const img = renderScene({
    rows: 240, columns: 240, rowSpacingMm: SP, columnSpacingMm: SP,
    shapes: [{ kind: 'disc', cx: 6, cy: 6, r: 3, contrast: 600 }],
    level: 2000, texture: 15, textureScalePx: 12, noise: 20, blurPx: 0.6, seed: 3,
  });

  it('outlines the whole deposit from a click at its centre, at its true size', () => {
    const r = segmentAtSeed(img, { x: 120, y: 120 });
    if (!r.ok) throw new Error(r.error.message);
    const m = measureCalcification(img, r.value);
    expect(m.longAxis.mm ?? 0).toBeGreaterThan(5.8);
    expect(m.longAxis.mm ?? 0).toBeLessThan(6.2);
  });

  it('still answers seed-on-background on textured tissue with no calcification', () => {
    const tissue = renderScene({
      rows: 240, columns: 240, rowSpacingMm: SP, columnSpacingMm: SP, shapes: [],
      level: 2000, texture: 60, textureScalePx: 20, noise: 20, seed: 4,
    });
    for (const at of [{ x: 120, y: 120 }, { x: 60, y: 170 }, { x: 180, y: 60 }]) {
      const r = segmentAtSeed(tissue, at);
      expect(r.ok ? 'ok' : r.error.kind).toBe('seed-on-background');
    }
  });
});
