/**
 * JPEG Baseline / Extended DCT frames (PS3.5 A.4.1: processes 1, 2 and 4, 8- or 12-bit, Huffman)
 * through Cornerstone's JavaScript JPEG decoder, the one @cornerstonejs/dicom-image-loader uses
 * for 12-bit JPEG (its codecs/jpeg.js, derived from pdf.js). The module is located next to the
 * loader's entry point and loaded only when such a frame is met.
 *
 * Level-shift correction for 12-bit frames. That decoder (dicom-image-loader 5.14) ends its
 * inverse DCT with (x + 2056 × 4095 / 255) >> 4, scaling the 8-bit constant 2056 = 128 × 16 + 8,
 * where a 12-bit level shift is 2048 × 16 + 8 = 32776: every sample comes out 241.4 / 16 = 15
 * (one in sixteen: 16) too high, and true values from 4080 up read 4095. Here 15 is subtracted
 * (floored at 0), so samples match another decoder to within the ±1 that inverse DCTs differ by
 * (checked against dcmtk's dcmdjpeg on the digitised film in test-data/real-mg), except that the
 * top 15 levels (4081–4095) read 4080. 8-bit frames need no correction (2056 is right there).
 */
import { err, ok, type Result } from '../result.js';
import { cleanText } from './clean-text.js';
import type { DecodedFrame, FrameDecoder } from './decode-compressed-frame.js';
import type { PixelFormat } from './read-pixel-format.js';

interface JpegComponent {
  readonly bitConversion: number;
}

interface JpegImage {
  parse(data: Uint8Array): void;
  colorTransform: boolean;
  readonly width: number;
  readonly height: number;
  readonly components: readonly JpegComponent[];
  getData(width: number, height: number): Uint8Array;
  getData16(width: number, height: number): Uint16Array;
}

/** The 12-bit level-shift error of the decoder, in output units (see the file comment). */
export const TWELVE_BIT_LEVEL_SHIFT_ERROR = Math.floor((2056 * 4095) / 255 - (2048 * 16 + 8)) >> 4;

/** Loads the codec module (its default export is the decoder class). */
export type JpegCodecLoader = () => Promise<{ default: unknown }>;

/** In Node: the file next to the loader's entry point (the package does not export it by name). */
const loadInNode: JpegCodecLoader = async () => {
  const entry = import.meta.resolve('@cornerstonejs/dicom-image-loader');
  return (await import(/* @vite-ignore */ new URL('./codecs/jpeg.js', entry).href)) as { default: unknown };
};

function describe(e: unknown): string {
  const s = e instanceof Error ? e.message : typeof e === 'string' ? e : `codec error ${String(e)}`;
  return cleanText(s).slice(0, 200);
}

/**
 * A decoder of JPEG Baseline / Extended grayscale frames to little-endian sample bytes, with the
 * codec module loaded by `load` on first use (a browser bundle gives its own loader of the same file).
 */
export function jpegExtendedDecoder(load: JpegCodecLoader): FrameDecoder {
  let codec: Promise<new () => JpegImage> | null = null;
  return async (frame, format) => {
    let Jpeg: new () => JpegImage;
    try {
      codec ??= load().then((m) => m.default as new () => JpegImage);
      Jpeg = await codec;
    } catch (e) {
      codec = null;
      return err('decode-failed', `JPEG Extended codec could not be loaded: ${describe(e)}`);
    }
    return decodeWith(Jpeg, frame, format);
  };
}

/** The JPEG Baseline / Extended decoder of the core (Node). */
export const decodeJpegExtended: FrameDecoder = jpegExtendedDecoder(loadInNode);

function decodeWith(Jpeg: new () => JpegImage, frame: Uint8Array, format: PixelFormat): Result<DecodedFrame> {
  try {
    const jpeg = new Jpeg();
    jpeg.parse(frame);
    jpeg.colorTransform = false;
    const { width, height } = jpeg;
    if (width !== format.columns || height !== format.rows) {
      return err('dimension-mismatch', `header says ${format.columns} × ${format.rows} pixels, the JPEG Extended frame is ${width} × ${height}`);
    }
    if (jpeg.components.length !== 1) {
      return err('unsupported-image', `JPEG Extended frame has ${jpeg.components.length} components: only grayscale is supported`);
    }
    const precision = Math.round(Math.log2(255 / (jpeg.components[0] as JpegComponent).bitConversion + 1));
    if (format.bitsAllocated === 8) {
      if (precision !== 8) return err('unsupported-image', `JPEG frame of ${precision}-bit precision in 8-bit Bits Allocated`);
      return ok({ bytes: jpeg.getData(width, height), width, height });
    }
    const samples = jpeg.getData16(width, height);
    if (precision === 12) {
      for (let i = 0; i < samples.length; i++) {
        const v = (samples[i] as number) - TWELVE_BIT_LEVEL_SHIFT_ERROR;
        samples[i] = v < 0 ? 0 : v;
      }
    } else if (precision !== 8) {
      return err('unsupported-image', `JPEG frame of ${precision}-bit precision: only 8 and 12 bits are defined for DCT processes`);
    }
    return ok({ bytes: new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), width, height });
  } catch (e) {
    return err('decode-failed', `JPEG Extended frame could not be decoded: ${describe(e)}`);
  }
}
