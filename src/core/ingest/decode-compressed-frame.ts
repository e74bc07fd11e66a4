/**
 * Decodes one compressed frame to little-endian sample bytes. JPEG-LS, JPEG 2000 and HTJ2K use
 * the Cornerstone wasm codecs, JPEG lossless (process 14 / SV1) uses jpeg-lossless-decoder-js,
 * JPEG Extended (processes 2 & 4) Cornerstone's JavaScript JPEG decoder (decode-jpeg-extended.ts),
 * RLE the decoder in decode-rle.ts. Codec modules are loaded lazily, once; a decoder that fails
 * returns 'decode-failed' and its module is reloaded on the next use. Decoders can be injected
 * (e.g. by a browser adapter) through `FrameDecoders`.
 */
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

type WasmModule = { create: () => WasmFrameDecoder };
const modules = new Map<string, Promise<WasmModule>>();

function loadOnce(name: string, load: () => Promise<WasmModule>): Promise<WasmModule> {
  let m = modules.get(name);
  if (m === undefined) {
    m = load();
    modules.set(name, m);
  }
  return m;
}

/**
 * Emscripten module options that keep codec chatter off stdout / stderr. A fresh object per
 * instantiation: the module registers its bindings on the object it is given.
 */
const quiet = (): { print: () => void; printErr: () => void } => ({ print: () => undefined, printErr: () => undefined });

const LOADERS: Record<'jpeg-ls' | 'jpeg-2000' | 'htj2k', () => Promise<WasmModule>> = {
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

function wasmDecoder(encoding: 'jpeg-ls' | 'jpeg-2000' | 'htj2k', label: string): FrameDecoder {
  return async (frame, format) => {
    let module: WasmModule;
    try {
      module = await loadOnce(encoding, LOADERS[encoding]);
    } catch (e) {
      modules.delete(encoding);
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
      modules.delete(encoding);
      return err('decode-failed', `${label} frame could not be decoded: ${describe(e)}`);
    } finally {
      try {
        decoder?.delete();
      } catch {
        modules.delete(encoding);
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
  'jpeg-ls': wasmDecoder('jpeg-ls', 'JPEG-LS'),
  'jpeg-2000': wasmDecoder('jpeg-2000', 'JPEG 2000'),
  htj2k: wasmDecoder('htj2k', 'HTJ2K'),
  'jpeg-lossless': decodeJpegLossless,
  'jpeg-extended': decodeJpegExtended,
  rle: decodeRle,
};
