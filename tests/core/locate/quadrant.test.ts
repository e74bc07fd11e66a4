import { describe, it, expect } from 'vitest';
import { quadrantOf } from '../../../src/core/locate/quadrant.js';

describe('quadrantOf', () => {
  it('names the four quadrants', () => {
    expect(quadrantOf('outer', 'upper')).toEqual({ quadrant: 'upper outer', half: null });
    expect(quadrantOf('inner', 'upper')).toEqual({ quadrant: 'upper inner', half: null });
    expect(quadrantOf('outer', 'lower')).toEqual({ quadrant: 'lower outer', half: null });
    expect(quadrantOf('inner', 'lower')).toEqual({ quadrant: 'lower inner', half: null });
  });
  it('gives only the half when the other view is missing or on the nipple axis', () => {
    expect(quadrantOf('inner', null)).toEqual({ quadrant: null, half: 'inner' });
    expect(quadrantOf(null, 'lower')).toEqual({ quadrant: null, half: 'lower' });
    expect(quadrantOf('on axis', 'upper')).toEqual({ quadrant: null, half: 'upper' });
    expect(quadrantOf('outer', 'on axis')).toEqual({ quadrant: null, half: 'outer' });
  });
  it('gives nothing when neither view places the finding off the axis', () => {
    expect(quadrantOf('on axis', 'on axis')).toEqual({ quadrant: null, half: null });
    expect(quadrantOf(null, null)).toEqual({ quadrant: null, half: null });
  });
});
