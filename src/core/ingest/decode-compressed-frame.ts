/**
 * Decodes one compressed frame to little-endian sample bytes. JPEG-LS, JPEG 2000 and HTJ2K use
 * the Cornerstone wasm codecs, JPEG lossless (process 14 / SV1) uses jpeg-lossless-decoder-js,
 * JPEG Extended (processes 2 & 4) Cornerstone's JavaScript JPEG decoder (decode-jpeg-extended.ts),
 * RLE the decoder in decode-rle.ts. Codec modules are loaded lazily, once; a decoder that fails
 * returns 'decode-failed' and its module is reloaded on the next use. Decoders can be injected
 * (e.g. by a browser adapter) through `FrameDecoders`.
 */
import { j2kCodestreamProblem } from './j2k-codestream.js';
import { err, ok, type Result } from '../result.js';
import { cleanText } from './clean-text.js';
import { decodeJpegExtended } from './decode-jpeg-extended.js';
import { decodeRleFrame } from './decode-rle.js';
import type { PixelFormat } from './read-pixel-format.js';
import type { PixelEncoding } from './transfer-syntaxes.js';

export type CompressedEncoding = Extract<PixelEncoding, 'jpeg-lossless' | 'jpeg-extended' | 'jpeg-ls' | 'jpeg-2000' | 'htj2k' | 'rle'>;

/** One decoded frame: sample bytes (little-endian, a fresh buffer) and the size the codec saw. */
export interface DecodedFrame {
  readonly bytes: Uint8Array;
  readonly width: number | null;
  readonly height: number | null;
}

export type FrameDecoder = (frame: Uint8Array, format: PixelFormat) => Promise<Result<DecodedFrame>>;
export type FrameDecoders = Partial<Record<CompressedEncoding, FrameDecoder>>;

/** A loaded wasm codec module: makes one decoder per frame. */
export type WasmModule = { create: () => WasmFrameDecoder };

/**
 * Emscripten module options that keep codec chatter off stdout / stderr. A fresh object per
 * instantiation: the module registers its bindings on the object it is given.
 */
const quiet = (): { print: () => void; printErr: () => void } => ({ print: () => undefined, printErr: () => undefined });

const LOADERS: Record<WasmEncoding, () => Promise<WasmModule>> = {
  'jpeg-ls': async () => {
    const m = await (await import('@cornerstonejs/codec-charls/decodewasmjs')).default(quiet());
    return { create: () => new m.JpegLSDecoder() };
  },
  'jpeg-2000': async () => {
    const m = await (await import('@cornerstonejs/codec-openjpeg/decodewasmjs')).default(quiet());
    return { create: () => new m.J2KDecoder() };
  },
  htj2k: async () => {
    const m = await (await import('@cornerstonejs/codec-openjph/wasmjs')).default(quiet());
    return { create: () => new m.HTJ2KDecoder() };
  },
};

function describe(e: unknown): string {
  const s = e instanceof Error ? e.message : typeof e === 'string' ? e : `codec error ${String(e)}`;
  return cleanText(s).slice(0, 200);
}

/**
 * Whether a JPEG-LS frame ends with its end-of-image marker FF D9 (ISO/IEC 14495-1 C.1.1),
 * after the null bytes that pad a DICOM fragment to even length (PS3.5 A.4). CharLS can spin
 * for seconds on a stream that stops mid-scan, so such a frame is refused before it is decoded.
 */
export function jpegLsFrameIsComplete(frame: Uint8Array): boolean {
  let end = frame.length;
  while (end > 0 && frame[end - 1] === 0) end--;
  return end >= 2 && frame[end - 2] === 0xff && frame[end - 1] === 0xd9;
}

type WasmEncoding = 'jpeg-ls' | 'jpeg-2000' | 'htj2k';

/**
 * A frame decoder over a wasm codec module, loaded lazily by `load` (the browser passes a loader
 * that tells the module where the bundler put its .wasm file). A decoder that fails leaves the
 * module unusable, so it is loaded again on the next use.
 */
export function wasmFrameDecoder(encoding: WasmEncoding, label: string, load: () => Promise<WasmModule>): FrameDecoder {
  let loaded: Promise<WasmModule> | null = null;
  return async (frame, format) => {
    if (encoding === 'jpeg-ls' && !(frame[0] === 0xff && frame[1] === 0xd8)) {
      return err('decode-failed', `${label} frame does not start with the start-of-image marker (FF D8): the compressed pixel data is damaged or not ${label}`);
    }
    if (encoding === 'jpeg-ls' && !jpegLsFrameIsComplete(frame)) {
      return err('truncated', `${label} frame ends without its end-of-image marker (FF D9): the compressed pixel data is cut short or damaged`);
    }
    // The HTJ2K decoder loops for ever on some damaged streams (OpenJPEG's JPEG 2000 decoder was not
    // seen to): the codestream's outline is checked first (j2k-codestream.ts).
    const problem = encoding === 'htj2k' ? j2kCodestreamProblem(frame) : null;
    if (problem !== null) return err(/cut short/.test(problem) ? 'truncated' : 'decode-failed', `${label} frame not decoded: ${problem}`);
    let module: WasmModule;
    try {
      loaded ??= load();
      module = await loaded;
    } catch (e) {
      loaded = null;
      return err('decode-failed', `${label} codec could not be loaded: ${describe(e)}`);
    }
    let decoder: WasmFrameDecoder | null = null;
    try {
      decoder = module.create();
      decoder.getEncodedBuffer(frame.length).set(frame);
      if (decoder.readHeader !== undefined) {
        decoder.readHeader();
        const header = decoder.getFrameInfo();
        const known = header.width > 0 && header.height > 0;
        if (known && (header.width !== format.columns || header.height !== format.rows)) {
          return err(
            'dimension-mismatch',
            `header says ${format.columns} × ${format.rows} pixels, the ${label} frame is ${header.width} × ${header.height}`,
          );
        }
      }
      decoder.decode();
      const info = decoder.getFrameInfo();
      const decoded = decoder.getDecodedBuffer();
      const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength).slice();
      if (info.componentCount === 0 || info.width === 0 || info.height === 0 || bytes.length === 0) {
        return err('decode-failed', `${label} frame decoded to nothing`);
      }
      if (info.componentCount !== 1) {
        return err('unsupported-image', `${label} frame has ${info.componentCount} components: only grayscale is supported`);
      }
      return ok({ bytes, width: info.width, height: info.height });
    } catch (e) {
      loaded = null;
      return err('decode-failed', `${label} frame could not be decoded: ${describe(e)}`);
    } finally {
      try {
        decoder?.delete();
      } catch {
        loaded = null;
      }
    }
  };
}

let jpegLossless: Promise<typeof import('jpeg-lossless-decoder-js')> | null = null;

const decodeJpegLossless: FrameDecoder = async (frame, format) => {
  try {
    jpegLossless ??= import('jpeg-lossless-decoder-js');
    const { Decoder } = await jpegLossless;
    const decoder = new Decoder();
    const out = decoder.decode(frame.buffer, frame.byteOffset, frame.length, format.bitsAllocated / 8);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    return ok({ bytes, width: decoder.xDim ?? null, height: decoder.yDim ?? null });
  } catch (e) {
    return err('decode-failed', `JPEG lossless frame could not be decoded: ${describe(e)}`);
  }
};

const decodeRle: FrameDecoder = async (frame, format) => {
  const r = decodeRleFrame(frame, format.rows * format.columns, format.bitsAllocated / 8);
  return r.ok ? ok({ bytes: r.value, width: format.columns, height: format.rows }) : r;
};

/** The built-in decoders, one per compressed encoding. */
export const BUILT_IN_DECODERS: Record<CompressedEncoding, FrameDecoder> = {
  'jpeg-ls': wasmFrameDecoder('jpeg-ls', 'JPEG-LS', LOADERS['jpeg-ls']),
  'jpeg-2000': wasmFrameDecoder('jpeg-2000', 'JPEG 2000', LOADERS['jpeg-2000']),
  htj2k: wasmFrameDecoder('htj2k', 'HTJ2K', LOADERS.htj2k),
  'jpeg-lossless': decodeJpegLossless,
  'jpeg-extended': decodeJpegExtended,
  rle: decodeRle,
};
