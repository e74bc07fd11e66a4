/**
 * The decoded pixels of an image, shared between the analysis worker, the display and the UI
 * thread's measurements. Each image is decoded once, in the analysis worker; when the page is
 * cross-origin isolated the pixels live in a SharedArrayBuffer that every thread reads in place,
 * otherwise they are copied once to the page when the image is ingested (still never decoded again).
 */
import type { StoredPixels } from '../../core/image.js';

type StoredConstructor = new (buffer: ArrayBufferLike, byteOffset?: number, length?: number) => StoredPixels;

function constructorOf(stored: StoredPixels): StoredConstructor {
  if (stored instanceof Uint16Array) return Uint16Array;
  if (stored instanceof Int16Array) return Int16Array;
  if (stored instanceof Int8Array) return Int8Array;
  return Uint8Array;
}

/** Whether pixels can be shared between threads without a copy (SharedArrayBuffer usable). */
export function canSharePixels(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/**
 * The same stored values in a SharedArrayBuffer (one copy, made once per image, after which the
 * file's own buffer can go), or the array itself when pixels cannot be shared.
 */
export function sharePixels(stored: StoredPixels): StoredPixels {
  if (!canSharePixels() || stored.buffer instanceof SharedArrayBuffer) return stored;
  const Ctor = constructorOf(stored);
  const shared = new Ctor(new SharedArrayBuffer(stored.byteLength), 0, stored.length);
  shared.set(stored as never);
  return shared;
}

/** Whether the array's memory is shared with the other threads. */
export function isShared(stored: StoredPixels): boolean {
  return typeof SharedArrayBuffer === 'function' && stored.buffer instanceof SharedArrayBuffer;
}
