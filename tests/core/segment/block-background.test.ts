import { describe, it, expect } from 'vitest';
import { blockMedianBackground } from '../../../src/core/segment/block-background.js';

describe('blockMedianBackground', () => {
  it('follows a linear gradient between block centres', () => {
    const w = 40;
    const h = 20;
    const data = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = 1000 + 3 * x + y;
    const bg = blockMedianBackground({ x0: 0, y0: 0, width: w, height: h, data }, 10);
    // Interior points lie between block centres, where interpolation of a plane is exact.
    expect(bg[10 * w + 20]).toBeCloseTo(1000 + 60 + 10, 3);
    expect(bg[7 * w + 13]).toBeCloseTo(1000 + 39 + 7, 3);
  });

  it('ignores a bright spot smaller than half a block', () => {
    const w = 20;
    const h = 20;
    const data = new Float32Array(w * h).fill(500);
    for (let y = 4; y < 7; y++) for (let x = 4; x < 7; x++) data[y * w + x] = 900;
    const bg = blockMedianBackground({ x0: 0, y0: 0, width: w, height: h, data }, 10);
    expect(bg[5 * w + 5]).toBe(500);
  });
});
