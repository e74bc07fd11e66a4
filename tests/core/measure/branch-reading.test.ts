import { describe, it, expect } from 'vitest';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { BRANCH_READING } from '../../../src/core/measure/skeleton.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene } from '../segment/synthetic.js';
import type { Shape } from '../segment/synthetic.js';

/**
 * Branch points are read only on an outline known to within BRANCH_READING of the calibre: the
 * ragged outline of a faint thin straight line forks under thinning, a clear branching line does not
 * lose its branch.
 */
const SP = 0.05;
const SIZE = 64;
const C = (SIZE / 2) * SP;

function measure(shape: Shape, contrast: number, seed: number) {
  const image = renderScene({
    rows: SIZE, columns: SIZE, rowSpacingMm: SP, columnSpacingMm: SP,
    shapes: [{ ...shape, contrast } as Shape], gradient: [2, -1.5], texture: 6, textureScalePx: 4, noise: 12, seed,
  });
  const r = segmentAtSeed(image, { x: SIZE / 2, y: SIZE / 2 });
  return r.ok ? measureCalcification(image, r.value) : null;
}

const straight: Shape = { kind: 'lines', segments: [{ x0: C - 0.8, y0: C + 0.2, x1: C + 0.8, y1: C - 0.2 }], width: 0.12, contrast: 0 };
const branching: Shape = {
  kind: 'lines',
  segments: [
    { x0: C - 0.8, y0: C, x1: C + 0.8, y1: C },
    { x0: C, y0: C, x1: C + 0.5, y1: C + 0.7 },
  ],
  width: 0.2,
  contrast: 0,
};

describe('branch points on an uncertain outline', () => {
  it('a faint thin straight line: forks its ragged outline makes are set apart, with the uncertainty that set them apart', () => {
    let forked = 0;
    let counted = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const m = measure(straight, 40, seed);
      if (m === null) continue;
      const inNoise = m.skeleton.branchPointsInNoise ?? 0;
      if (inNoise > 0) {
        forked++;
        expect(m.skeleton.branchPoints).toBe(0);
        expect(m.skeleton.outlineUncertaintyPx as number).toBeGreaterThanOrEqual(BRANCH_READING.maxUncertaintyOfCalibre * m.skeleton.calibre.px);
      }
      if (m.skeleton.branchPoints > 0) counted++;
    }
    expect(forked).toBeGreaterThan(0);
    expect(counted).toBeLessThan(forked);
  });

  it('a clear branching line keeps its branch point', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const m = measure(branching, 250, seed);
      expect(m).not.toBeNull();
      expect(m?.skeleton.branchPoints).toBeGreaterThanOrEqual(1);
      expect(m?.skeleton.branchPointsInNoise).toBeUndefined();
    }
  });
});
