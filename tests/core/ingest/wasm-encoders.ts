/** Lossless JPEG 2000 and HTJ2K encoders (the Cornerstone wasm codecs) to make test frames. */
import { createRequire } from 'node:module';

interface Encoder {
  getDecodedBuffer(info: object): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  setQuality(lossless: boolean, quantization: number): void;
  setDecompositions(n: number): void;
  encode(): void;
  delete(): void;
}
type Factory = (opts: object) => Promise<Record<string, new () => Encoder>>;

const require = createRequire(import.meta.url);
const modules = new Map<string, Promise<Record<string, new () => Encoder>>>();

/** One instance per package; each instantiation gets its own options object. */
function load(pkg: string): Promise<Record<string, new () => Encoder>> {
  let m = modules.get(pkg);
  if (m === undefined) {
    m = (require(pkg) as Factory)({ print: (): void => undefined, printErr: (): void => undefined });
    modules.set(pkg, m);
  }
  return m;
}

async function encodeWith(pkg: string, cls: string, samples: Uint16Array | Int16Array | Uint8Array, width: number, height: number, bits: number): Promise<Uint8Array> {
  const module = await load(pkg);
  const Ctor = module[cls];
  if (Ctor === undefined) throw new Error(`${pkg} has no ${cls}`);
  const encoder = new Ctor();
  try {
    encoder
      .getDecodedBuffer({ width, height, bitsPerSample: bits, componentCount: 1, isSigned: samples instanceof Int16Array, isUsingColorTransform: false })
      .set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    encoder.setQuality(true, 0);
    encoder.setDecompositions(2);
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

export const encodeJ2k = (s: Uint16Array | Int16Array | Uint8Array, w: number, h: number, bits: number): Promise<Uint8Array> =>
  encodeWith('@cornerstonejs/codec-openjpeg/wasmjs', 'J2KEncoder', s, w, h, bits);
export const encodeHtj2k = (s: Uint16Array | Int16Array | Uint8Array, w: number, h: number, bits: number): Promise<Uint8Array> =>
  encodeWith('@cornerstonejs/codec-openjph/wasmjs', 'HTJ2KEncoder', s, w, h, bits);
