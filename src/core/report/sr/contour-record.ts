/**
 * An outline's points as the calcification record keeps them: IEEE 754 doubles, little endian,
 * x then y per point, base64 (RFC 4648) — exact, as the SCOORD's 32-bit floats are not, and read
 * and written without printing or parsing a decimal number per coordinate (a 200-calcification
 * report holds some 30 000 of them). Records written before kept the points as a JSON array
 * ("contour"); the reader takes both.
 */
import type { PointPx } from '../../units.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);
const ascii = new TextDecoder('ascii');

/**
 * Bytes as base64 (RFC 4648 section 4, with padding). Written here because the platform's btoa
 * takes a binary string and is slow in Node (tests/core/report/sr/contour-record.test.ts checks
 * it against Node's Buffer and atob).
 */
export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = CODES[(n >>> 6) & 63] as number;
    out[o++] = CODES[n & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = rest === 2 ? (CODES[(n >>> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  return ascii.decode(out);
}

/** The points as base64 of little-endian float64 pairs. */
export function contourToBase64(points: readonly PointPx[]): string {
  const values = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as PointPx;
    values[2 * i] = p.x;
    values[2 * i + 1] = p.y;
  }
  const bytes = new Uint8Array(values.buffer);
  // Float64Array is in the platform's byte order: turned little endian where the platform is not.
  if (!LITTLE_ENDIAN) for (let at = 0; at < bytes.length; at += 8) bytes.subarray(at, at + 8).reverse();
  return base64(bytes);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The points back, or null when the text is not base64 of whole float64 pairs of finite numbers. */
export function contourFromBase64(text: unknown): PointPx[] | null {
  if (typeof text !== 'string') return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length % 16 !== 0) return null;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  const points: PointPx[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const x = view.getFloat64(at, true);
    const y = view.getFloat64(at + 8, true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    points.push({ x, y } as PointPx);
  }
  return points;
}
