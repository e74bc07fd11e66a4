import { describe, expect, it } from 'vitest';
import { decodeRleFrame } from '../../../src/core/ingest/index.js';

/** Builds an RLE frame: 64-byte header with segment offsets, then the segments. */
function rleFrame(segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((seg, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    offset += seg.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

describe('decodeRleFrame', () => {
  it('decodes literal runs, replicate runs and skips the -128 no-op', () => {
    // literal 3 bytes (header 2), no-op (128), replicate 0x07 four times (header 256-3 = 253)
    const r = decodeRleFrame(rleFrame([[2, 10, 20, 30, 128, 253, 7]]), 7, 1);
    expect(r.ok ? Array.from(r.value) : r.error.message).toEqual([10, 20, 30, 7, 7, 7, 7]);
  });

  it('interleaves 16-bit segments, high byte first, into little-endian samples', () => {
    const r = decodeRleFrame(rleFrame([[1, 0x12, 0x00], [1, 0x34, 0xff]]), 2, 2);
    expect(r.ok ? Array.from(new Uint16Array(r.value.buffer)) : r.error.message).toEqual([0x1234, 0x00ff]);
  });

  it('refuses a segment count that does not match the sample size', () => {
    const r = decodeRleFrame(rleFrame([[0, 1]]), 1, 2);
    expect(r.ok ? null : r.error).toEqual({ kind: 'decode-failed', message: 'RLE frame has 1 segments, 2 expected for one grayscale sample' });
  });

  it('refuses a segment that decodes to too few bytes', () => {
    const r = decodeRleFrame(rleFrame([[1, 5, 6]]), 4, 1);
    expect(r.ok ? null : r.error).toEqual({ kind: 'decode-failed', message: 'RLE segment 1 decodes to 2 of 4 bytes' });
  });

  it('refuses a frame shorter than its header and offsets outside the frame', () => {
    expect(decodeRleFrame(new Uint8Array(10), 1, 1).ok).toBe(false);
    const bad = rleFrame([[0, 1]]);
    new DataView(bad.buffer).setUint32(4, 9999, true);
    const r = decodeRleFrame(bad, 1, 1);
    expect(r.ok ? null : r.error.message).toContain('invalid offsets');
  });

  it('ignores run bytes beyond the frame size instead of writing past it', () => {
    const r = decodeRleFrame(rleFrame([[3, 1, 2, 3, 4]]), 2, 1);
    expect(r.ok ? Array.from(r.value) : r.error.message).toEqual([1, 2]);
  });
});
