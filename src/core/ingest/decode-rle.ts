/**
 * RLE Lossless (PS3.5 Annex G) decoder for one grayscale frame: a 64-byte header of segment
 * offsets, then one PackBits segment per byte of the sample, most significant byte first.
 * Output is the frame's samples as little-endian bytes (rows × columns × bytesPerSample).
 */
import { err, ok, type Result } from '../result.js';

/** Decodes one RLE frame; `bytesPerSample` is 1 or 2 and `samples` is rows × columns. */
export function decodeRleFrame(frame: Uint8Array, samples: number, bytesPerSample: number): Result<Uint8Array> {
  if (frame.length < 64) return err('decode-failed', `RLE frame of ${frame.length} bytes is shorter than its 64-byte header`);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  if (segments !== bytesPerSample) {
    return err('decode-failed', `RLE frame has ${segments} segments, ${bytesPerSample} expected for one grayscale sample`);
  }
  const offsets: number[] = [];
  for (let s = 0; s < segments; s++) offsets.push(view.getUint32(4 + 4 * s, true));
  const out = new Uint8Array(samples * bytesPerSample);
  for (let s = 0; s < segments; s++) {
    const start = offsets[s] as number;
    const end = s + 1 < segments ? (offsets[s + 1] as number) : frame.length;
    if (start < 64 || end > frame.length || end < start) {
      return err('decode-failed', `RLE segment ${s + 1} has invalid offsets ${start}–${end} in a ${frame.length}-byte frame`);
    }
    const lane = bytesPerSample - 1 - s;
    let i = start;
    let n = 0;
    while (n < samples && i < end) {
      const h = frame[i++] as number;
      if (h < 128) {
        const count = Math.min(h + 1, samples - n, end - i);
        for (let k = 0; k < count; k++) out[(n + k) * bytesPerSample + lane] = frame[i + k] as number;
        n += count;
        i += h + 1;
      } else if (h > 128) {
        if (i >= end) break;
        const value = frame[i++] as number;
        const count = Math.min(257 - h, samples - n);
        for (let k = 0; k < count; k++) out[(n + k) * bytesPerSample + lane] = value;
        n += count;
      }
    }
    if (n < samples) return err('decode-failed', `RLE segment ${s + 1} decodes to ${n} of ${samples} bytes`);
  }
  return ok(out);
}
