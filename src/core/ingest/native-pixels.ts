/**
 * Stored pixels of a native (uncompressed) frame. Little-endian data is viewed in place — no
 * copy of the full-field image — when the pixel data starts on an even byte; it is copied only
 * when unaligned, big-endian (byte-swapped), or on a big-endian host.
 */
import type { DataSet, Element } from 'dicom-parser';
import type { StoredPixels } from '../image.js';
import { err, ok, type Result } from '../result.js';
import type { PixelFormat } from './read-pixel-format.js';

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Wraps 16-bit little-endian sample bytes as the stored type, viewing in place when possible. */
export function samples16(bytes: Uint8Array, signed: boolean, bigEndian: boolean): Uint16Array | Int16Array {
  const n = bytes.length >> 1;
  const swap = bigEndian === HOST_IS_LITTLE_ENDIAN;
  if (!swap && bytes.byteOffset % 2 === 0) {
    return signed ? new Int16Array(bytes.buffer, bytes.byteOffset, n) : new Uint16Array(bytes.buffer, bytes.byteOffset, n);
  }
  const out = new Uint16Array(n);
  if (swap) {
    for (let i = 0, j = 0; i < n; i++, j += 2) out[i] = ((bytes[j] as number) << 8) | (bytes[j + 1] as number);
  } else {
    new Uint8Array(out.buffer).set(bytes.subarray(0, n * 2));
  }
  return signed ? new Int16Array(out.buffer) : out;
}

/** Wraps 8-bit samples (no copy). */
export function samples8(bytes: Uint8Array, signed: boolean): Uint8Array | Int8Array {
  return signed ? new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
}

/** Reads the one native frame of a data set; `bigEndian` for Explicit VR Big Endian. */
export function readNativePixels(
  ds: DataSet,
  element: Element,
  format: PixelFormat,
  bigEndian: boolean,
): Result<StoredPixels> {
  if (element.encapsulatedPixelData === true || element.hadUndefinedLength === true) {
    return err('unsupported-image', 'Pixel Data is encapsulated but the transfer syntax is uncompressed');
  }
  const expected = format.frameBytes;
  const available = Math.min(element.length, ds.byteArray.length - element.dataOffset);
  if (element.length < expected || element.length > expected + (expected % 2)) {
    if (available < element.length && available < expected) {
      return err('truncated', `file is truncated: pixel data needs ${expected} bytes, only ${Math.max(0, available)} are present`);
    }
    return err(
      'dimension-mismatch',
      `Rows ${format.rows} × Columns ${format.columns} × ${format.bitsAllocated / 8} byte(s) = ${expected} bytes, but Pixel Data holds ${element.length}`,
    );
  }
  if (available < expected) {
    return err('truncated', `file is truncated: pixel data needs ${expected} bytes, only ${Math.max(0, available)} are present`);
  }
  const bytes = ds.byteArray.subarray(element.dataOffset, element.dataOffset + expected);
  const signed = format.pixelRepresentation === 1;
  if (format.bitsAllocated === 8 && bigEndian && element.vr === 'OW') {
    // 8-bit samples in big-endian OW words: each byte pair is swapped in the file.
    const swapped = new Uint8Array(expected);
    for (let i = 0; i < expected; i++) swapped[i] = ds.byteArray[element.dataOffset + (i ^ 1)] as number;
    return ok(samples8(swapped, signed));
  }
  return ok(format.bitsAllocated === 16 ? samples16(bytes, signed, bigEndian) : samples8(bytes, signed));
}
