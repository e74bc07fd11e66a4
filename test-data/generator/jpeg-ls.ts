/**
 * JPEG-LS lossless encoding of one 16-bit frame with CharLS (the WebAssembly build that
 * Cornerstone ships as @cornerstonejs/codec-charls).
 */
import { createRequire } from 'node:module';

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
}
interface CharlsEncoder {
  getDecodedBuffer(frameInfo: FrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  setNearLossless(near: number): void;
  encode(): void;
  delete(): void;
}
interface CharlsDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  delete(): void;
}
interface CharlsModule {
  JpegLSEncoder: new () => CharlsEncoder;
  JpegLSDecoder: new () => CharlsDecoder;
}

const require = createRequire(import.meta.url);
let modulePromise: Promise<CharlsModule> | null = null;

function charls(): Promise<CharlsModule> {
  if (modulePromise === null) {
    const factory = require('@cornerstonejs/codec-charls/wasmjs') as () => Promise<CharlsModule>;
    modulePromise = factory();
  }
  return modulePromise;
}

/** Encodes a grey frame (16-bit samples in memory) losslessly; `bitsStored` (2–16) is written as the JPEG-LS sample precision. */
export async function encodeJpegLs(pixels: Uint16Array, width: number, height: number, bitsStored: number): Promise<Uint8Array> {
  const m = await charls();
  const enc = new m.JpegLSEncoder();
  try {
    const target = enc.getDecodedBuffer({ width, height, bitsPerSample: bitsStored, componentCount: 1 });
    // CharLS takes one byte per sample up to 8 bits, two above.
    target.set(bitsStored <= 8 ? Uint8Array.from(pixels) : new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
    enc.setNearLossless(0);
    enc.encode();
    return new Uint8Array(enc.getEncodedBuffer());
  } finally {
    enc.delete();
  }
}

/** Decodes a JPEG-LS frame to 16-bit samples (for tests and round-trip checks). */
export async function decodeJpegLs(encoded: Uint8Array): Promise<{ pixels: Uint16Array; width: number; height: number; bitsPerSample: number }> {
  const m = await charls();
  const dec = new m.JpegLSDecoder();
  try {
    dec.getEncodedBuffer(encoded.length).set(encoded);
    dec.decode();
    const info = dec.getFrameInfo();
    const bytes = new Uint8Array(dec.getDecodedBuffer());
    const pixels = info.bitsPerSample <= 8 ? Uint16Array.from(bytes) : new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    return { pixels, width: info.width, height: info.height, bitsPerSample: info.bitsPerSample };
  } finally {
    dec.delete();
  }
}
