import { describe, expect, it } from 'vitest';
import { workingArray } from '../../../src/core/segment/working-arrays.js';

describe('working arrays kept between calls', () => {
  it('gives the same memory again under one name, grown when a larger one is asked for, and separate memory under another name', () => {
    const a = workingArray('test a', 10, (n) => new Float64Array(n));
    a[3] = 7;
    const again = workingArray('test a', 8, (n) => new Float64Array(n));
    expect(again.length).toBe(8);
    expect(again[3]).toBe(7);
    expect(again.buffer).toBe(a.buffer);
    const larger = workingArray('test a', 20, (n) => new Float64Array(n));
    expect(larger.length).toBe(20);
    expect(larger.buffer).not.toBe(a.buffer);
    const other = workingArray('test b', 20, (n) => new Float32Array(n));
    expect(other.buffer).not.toBe(larger.buffer);
    expect(other).toBeInstanceOf(Float32Array);
  });
});
