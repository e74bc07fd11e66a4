/**
 * Frame decoders for the core's ingest in the browser: the core's wasm frame decoder over the same
 * Cornerstone codecs, told where the bundler put their .wasm files (the core's own loaders look
 * next to the script).
 */
import charlsWasm from '@cornerstonejs/codec-charls/decodewasm?url';
import openjpegWasm from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import openjphWasm from '@cornerstonejs/codec-openjph/wasm?url';
import { type FrameDecoders, type WasmModule, wasmFrameDecoder } from '../../core/ingest/decode-compressed-frame.js';
import { jpegExtendedDecoder } from '../../core/ingest/decode-jpeg-extended.js';

type Factory = (options: object) => Promise<Record<string, new () => WasmFrameDecoder>>;

/** A loader for the core's wasm frame decoder that points the module at the bundled .wasm file. */
function bundled(load: () => Promise<{ default: unknown }>, className: string, wasmUrl: string): () => Promise<WasmModule> {
  return async () => {
    const m = (await load()).default as Factory;
    const Decoder = (await m({ locateFile: () => wasmUrl, print: () => undefined, printErr: () => undefined }))[className];
    if (Decoder === undefined) throw new Error(`the codec module has no ${className}`);
    return { create: () => new Decoder() };
  };
}

/**
 * Decoders for JPEG-LS, JPEG 2000 and HTJ2K with their wasm files located by the bundler, and JPEG
 * Baseline / Extended (digitised film is often 12-bit JPEG) through the same JavaScript codec as in
 * Node, which the bundler reaches by the alias `dicom-image-loader-jpeg-codec` (vite.config.ts).
 */
export const BROWSER_DECODERS: FrameDecoders = {
  'jpeg-ls': wasmFrameDecoder('jpeg-ls', 'JPEG-LS', bundled(() => import('@cornerstonejs/codec-charls/decodewasmjs'), 'JpegLSDecoder', charlsWasm)),
  'jpeg-2000': wasmFrameDecoder('jpeg-2000', 'JPEG 2000', bundled(() => import('@cornerstonejs/codec-openjpeg/decodewasmjs'), 'J2KDecoder', openjpegWasm)),
  htj2k: wasmFrameDecoder('htj2k', 'HTJ2K', bundled(() => import('@cornerstonejs/codec-openjph/wasmjs'), 'HTJ2KDecoder', openjphWasm)),
  'jpeg-extended': jpegExtendedDecoder(() => import('dicom-image-loader-jpeg-codec')),
};
