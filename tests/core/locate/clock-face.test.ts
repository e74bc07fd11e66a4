import { describe, it, expect } from 'vitest';
import { clockFace } from '../../../src/core/locate/clock-face.js';

// lateral: + outer / − inner; upper: + up / − down. tan(30°) ≈ 0.577.
const STEEP = { across: 1, up: Math.sqrt(3) }; // 30° from vertical
const FLAT = { across: Math.sqrt(3), up: 1 }; // 60° from vertical

describe('clockFace', () => {
  it('right breast: upper outer is 10–11, upper inner 1–2, lower outer 7–8, lower inner 4–5', () => {
    expect(clockFace('right', STEEP.across, STEEP.up)).toBe(11);
    expect(clockFace('right', FLAT.across, FLAT.up)).toBe(10);
    expect(clockFace('right', -STEEP.across, STEEP.up)).toBe(1);
    expect(clockFace('right', -FLAT.across, FLAT.up)).toBe(2);
    expect(clockFace('right', STEEP.across, -STEEP.up)).toBe(7);
    expect(clockFace('right', FLAT.across, -FLAT.up)).toBe(8);
    expect(clockFace('right', -STEEP.across, -STEEP.up)).toBe(5);
    expect(clockFace('right', -FLAT.across, -FLAT.up)).toBe(4);
  });
  it('left breast mirrors: upper outer is 1–2, upper inner 10–11, lower outer 4–5, lower inner 7–8', () => {
    expect(clockFace('left', STEEP.across, STEEP.up)).toBe(1);
    expect(clockFace('left', FLAT.across, FLAT.up)).toBe(2);
    expect(clockFace('left', -STEEP.across, STEEP.up)).toBe(11);
    expect(clockFace('left', -FLAT.across, FLAT.up)).toBe(10);
    expect(clockFace('left', STEEP.across, -STEEP.up)).toBe(5);
    expect(clockFace('left', FLAT.across, -FLAT.up)).toBe(4);
    expect(clockFace('left', -STEEP.across, -STEEP.up)).toBe(7);
    expect(clockFace('left', -FLAT.across, -FLAT.up)).toBe(8);
  });
  it('puts straight up at 12, straight down at 6 on both sides', () => {
    for (const side of ['right', 'left'] as const) {
      expect(clockFace(side, 0, 5)).toBe(12);
      expect(clockFace(side, 0, -5)).toBe(6);
    }
  });
  it('puts the outer side at 9 on the right and at 3 on the left (patient\'s left = 3 o\'clock)', () => {
    expect(clockFace('right', 2, 0)).toBe(9);
    expect(clockFace('left', 2, 0)).toBe(3);
    expect(clockFace('right', -2, 0)).toBe(3);
    expect(clockFace('left', -2, 0)).toBe(9);
  });
  it('rounds half hours up (exact diagonal: right upper outer → 11, left upper outer → 2)', () => {
    expect(clockFace('right', 1, 1)).toBe(11);
    expect(clockFace('left', 1, 1)).toBe(2);
  });
  it('gives no hour for the nipple itself, an unknown side, both breasts, or non-numbers', () => {
    expect(clockFace('right', 0, 0)).toBeNull();
    expect(clockFace(null, 1, 1)).toBeNull();
    expect(clockFace('both', 1, 1)).toBeNull();
    expect(clockFace('left', Number.NaN, 1)).toBeNull();
  });
});
