/**
 * Frame decoders for the core's ingest in the browser: the same Cornerstone wasm codecs, told
 * where the bundler put their .wasm files (the core's own loaders look next to the script).
 */
import charlsWasm from '@cornerstonejs/codec-charls/decodewasm?url';
import openjpegWasm from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import openjphWasm from '@cornerstonejs/codec-openjph/wasm?url';
import type { FrameDecoder, FrameDecoders } from '../../core/ingest/decode-compressed-frame.js';
import { jpegExtendedDecoder } from '../../core/ingest/decode-jpeg-extended.js';
import { err, ok } from '../../core/result.js';

type Factory = (options: object) => Promise<Record<string, new () => WasmFrameDecoder>>;

const options = (wasmUrl: string): object => ({
  locateFile: () => wasmUrl,
  print: () => undefined,
  printErr: () => undefined,
});

function wasmDecoder(label: string, load: () => Promise<{ default: unknown }>, className: string, wasmUrl: string): FrameDecoder {
  let module: Promise<Record<string, new () => WasmFrameDecoder>> | null = null;
  return async (frame, format) => {
    try {
      module ??= load().then((m) => (m.default as Factory)(options(wasmUrl)));
      const Decoder = (await module)[className];
      if (Decoder === undefined) return err('decode-failed', `${label} codec has no ${className}`);
      const decoder = new Decoder();
      try {
        decoder.getEncodedBuffer(frame.length).set(frame);
        decoder.decode();
        const info = decoder.getFrameInfo();
        const d = decoder.getDecodedBuffer();
        if (info.componentCount !== 1) return err('unsupported-image', `${label} frame has ${info.componentCount} components: only grayscale is supported`);
        if (info.width !== format.columns || info.height !== format.rows) {
          return err('dimension-mismatch', `header says ${format.columns} × ${format.rows} pixels, the ${label} frame is ${info.width} × ${info.height}`);
        }
        return ok({ bytes: new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice(), width: info.width, height: info.height });
      } finally {
        decoder.delete();
      }
    } catch (e) {
      module = null;
      return err('decode-failed', `${label} frame could not be decoded: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
    }
  };
}

/**
 * Decoders for JPEG-LS, JPEG 2000 and HTJ2K with their wasm files located by the bundler, and JPEG
 * Baseline / Extended (digitised film is often 12-bit JPEG) through the same JavaScript codec as in
 * Node, which the bundler reaches by the alias `dicom-image-loader-jpeg-codec` (vite.config.ts).
 */
export const BROWSER_DECODERS: FrameDecoders = {
  'jpeg-ls': wasmDecoder('JPEG-LS', () => import('@cornerstonejs/codec-charls/decodewasmjs'), 'JpegLSDecoder', charlsWasm),
  'jpeg-2000': wasmDecoder('JPEG 2000', () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'), 'J2KDecoder', openjpegWasm),
  htj2k: wasmDecoder('HTJ2K', () => import('@cornerstonejs/codec-openjph/wasmjs'), 'HTJ2KDecoder', openjphWasm),
  'jpeg-extended': jpegExtendedDecoder(() => import('dicom-image-loader-jpeg-codec')),
};
