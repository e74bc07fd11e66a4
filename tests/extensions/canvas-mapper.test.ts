import { describe, expect, it } from 'vitest';
import type { Types } from '@cornerstonejs/core';
import { canvasMapper } from '../../extensions/calcification/tools/coordinates.js';

describe('canvasMapper', () => {
  it('gives what the viewport gives for every point of an affine (parallel) projection, from four calls', () => {
    let calls = 0;
    // A rotated, scaled and shifted projection that also depends on the third axis (an oblique plane).
    const viewport = {
      worldToCanvas(w: Types.Point3): Types.Point2 {
        calls++;
        return [0.8 * w[0] - 0.6 * w[1] + 0.1 * w[2] + 312.5, 0.6 * w[0] + 0.8 * w[1] - 0.05 * w[2] - 40.25];
      },
    };
    const map = canvasMapper(viewport, [10, -20, 5]);
    expect(calls).toBe(4);
    for (const w of [[10, -20, 5], [0, 0, 0], [123.4, 56.7, -8.9], [-300, 250, 40]] as Types.Point3[]) {
      const want = viewport.worldToCanvas(w);
      const got = map(w);
      expect(got[0]).toBeCloseTo(want[0], 9);
      expect(got[1]).toBeCloseTo(want[1], 9);
    }
  });
});
