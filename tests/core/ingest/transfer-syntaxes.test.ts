import { inflateRawSync } from 'node:zlib';
import dicomParser from 'dicom-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom, ingestUncompressed } from '../../../src/core/ingest/index.js';
import type { MammoImage } from '../../../src/core/image.js';
import { dcmtkConvert } from './dcmtk.js';
import { testPixels, writeEncapsulated, writeMammogram, type SamplesArray } from './mammogram-file.js';
import { encodeHtj2k, encodeJ2k } from './wasm-encoders.js';

const ROWS = 64;
const COLUMNS = 48;
const inflate = (d: Uint8Array): Uint8Array => new Uint8Array(inflateRawSync(d));

async function ingestOk(bytes: Uint8Array, options = {}): Promise<MammoImage> {
  const r = await ingestDicom(bytes, options);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

describe('uncompressed transfer syntaxes made by dcmtk', () => {
  const pixels = testPixels(ROWS, COLUMNS, 12, 21) as Uint16Array;
  let source: Uint8Array;
  beforeAll(() => {
    source = writeMammogram({ rows: ROWS, columns: COLUMNS, pixels });
  });

  it('byte-swaps Explicit VR Big Endian into the same values', async () => {
    const image = await ingestOk(dcmtkConvert('dcmconv', ['+tb'], source));
    expect(image.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.2');
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
    expect(image.meta.laterality).toBe('R');
    expect(image.calibration.kind).toBe('magnification-corrected');
  });

  it.each(['OB', 'OW'] as const)('reads 8-bit %s pixel data in Explicit VR Big Endian', async (vr) => {
    const bytes8 = testPixels(ROWS, COLUMNS, 8, 4) as Uint8Array;
    const le = writeMammogram({ rows: ROWS, columns: COLUMNS, bitsAllocated: 8, bitsStored: 8, pixels: bytes8, pixelVr: vr });
    const image = await ingestOk(dcmtkConvert('dcmconv', ['+tb'], le));
    expect(Array.from(image.stored)).toEqual(Array.from(bytes8));
  });

  it('reads Implicit VR Little Endian written by dcmtk', async () => {
    const image = await ingestOk(dcmtkConvert('dcmconv', ['+ti'], source));
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
    expect(image.meta.view).toBe('CC');
  });

  it('reads deflated files with an injected inflater and refuses them without one', async () => {
    const deflated = dcmtkConvert('dcmconv', ['+td'], source);
    const image = await ingestOk(deflated, { inflate });
    expect(image.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.1.99');
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
    const refused = await ingestDicom(deflated);
    expect(refused.ok ? null : refused.error.kind).toBe('unsupported-transfer-syntax');
    expect(ingestUncompressed(deflated, { inflate }).ok).toBe(true);
  });
});

describe('compressed transfer syntaxes decode to the original pixels exactly', () => {
  const cases: { name: string; tool: string; flags: string[]; ts: string; bits: number; signed?: boolean; allocated?: 8 | 16 }[] = [
    { name: 'JPEG-LS lossless (dcmcjpls)', tool: 'dcmcjpls', flags: [], ts: '1.2.840.10008.1.2.4.80', bits: 12 },
    { name: 'JPEG lossless SV1 (dcmcjpeg +e1)', tool: 'dcmcjpeg', flags: ['+e1'], ts: '1.2.840.10008.1.2.4.70', bits: 12 },
    { name: 'JPEG lossless process 14 (dcmcjpeg +el)', tool: 'dcmcjpeg', flags: ['+el'], ts: '1.2.840.10008.1.2.4.57', bits: 14 },
    { name: 'RLE 16-bit (dcmcrle)', tool: 'dcmcrle', flags: [], ts: '1.2.840.10008.1.2.5', bits: 12 },
    { name: 'RLE signed 16-bit (dcmcrle)', tool: 'dcmcrle', flags: [], ts: '1.2.840.10008.1.2.5', bits: 16, signed: true },
    { name: 'RLE 8-bit (dcmcrle)', tool: 'dcmcrle', flags: [], ts: '1.2.840.10008.1.2.5', bits: 8, allocated: 8 },
    { name: 'JPEG-LS 8-bit (dcmcjpls)', tool: 'dcmcjpls', flags: [], ts: '1.2.840.10008.1.2.4.80', bits: 8, allocated: 8 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const allocated = c.allocated ?? 16;
      const pixels = testPixels(ROWS, COLUMNS, c.bits, 33, c.signed === true);
      const source = writeMammogram({ rows: ROWS, columns: COLUMNS, pixels, bitsAllocated: allocated, bitsStored: c.bits, pixelRepresentation: c.signed ? 1 : 0 });
      const compressed = dcmtkConvert(c.tool, c.flags, source);
      const image = await ingestOk(compressed);
      expect(image.meta.transferSyntaxUid).toBe(c.ts);
      expect(image.stored.constructor).toBe(pixels.constructor);
      expect(Array.from(image.stored)).toEqual(Array.from(pixels));
      expect(image.meta.laterality).toBe('R');
    });
  }

  it('JPEG-LS near-lossless stays within its NEAR bound', async () => {
    const pixels = testPixels(ROWS, COLUMNS, 12, 5) as Uint16Array;
    const image = await ingestOk(dcmtkConvert('dcmcjpls', ['+en'], writeMammogram({ rows: ROWS, columns: COLUMNS, pixels })));
    expect(image.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.81');
    let worst = 0;
    for (let i = 0; i < pixels.length; i++) worst = Math.max(worst, Math.abs((image.stored[i] as number) - (pixels[i] as number)));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(2);
  });

  const wasmCases: { name: string; ts: string; encode: (s: SamplesArray, w: number, h: number, b: number) => Promise<Uint8Array> }[] = [
    { name: 'JPEG 2000 lossless', ts: '1.2.840.10008.1.2.4.90', encode: encodeJ2k },
    { name: 'HTJ2K lossless', ts: '1.2.840.10008.1.2.4.201', encode: encodeHtj2k },
    { name: 'HTJ2K RPCL lossless', ts: '1.2.840.10008.1.2.4.202', encode: encodeHtj2k },
  ];
  for (const c of wasmCases) {
    it(c.name, async () => {
      const pixels = testPixels(ROWS, COLUMNS, 12, 44) as Uint16Array;
      const frame = await c.encode(pixels, COLUMNS, ROWS, 12);
      const image = await ingestOk(writeEncapsulated(frame, c.ts, { rows: ROWS, columns: COLUMNS }));
      expect(image.meta.transferSyntaxUid).toBe(c.ts);
      expect(Array.from(image.stored)).toEqual(Array.from(pixels));
    });
  }
});

describe('compressed frames that do not fit the header', () => {
  it('refuses a frame whose size differs from Rows × Columns', async () => {
    const pixels = testPixels(32, 24, 12, 1) as Uint16Array;
    const frame = await encodeJ2k(pixels, 24, 32, 12);
    const r = await ingestDicom(writeEncapsulated(frame, '1.2.840.10008.1.2.4.90', { rows: ROWS, columns: COLUMNS }));
    expect(r.ok ? null : r.error).toEqual({ kind: 'dimension-mismatch', message: `header says 48 × 64 pixels, the JPEG 2000 Image Compression (Lossless Only) frame is 24 × 32` });
  });

  it('refuses an HTJ2K frame whose size differs, from its header before decoding', async () => {
    const frame = await encodeHtj2k(testPixels(32, 24, 12, 1) as Uint16Array, 24, 32, 12);
    const r = await ingestDicom(writeEncapsulated(frame, '1.2.840.10008.1.2.4.201', { rows: ROWS, columns: COLUMNS }));
    expect(r.ok ? null : r.error).toEqual({ kind: 'dimension-mismatch', message: 'header says 48 × 64 pixels, the HTJ2K frame is 24 × 32' });
  });

  it('refuses a JPEG lossless frame whose size differs', async () => {
    const small = dcmtkConvert('dcmcjpeg', ['+e1'], writeMammogram({ rows: 32, columns: 24 }));
    const ds = dicomParser.parseDicom(small);
    const el = ds.elements.x7fe00010;
    if (el === undefined) throw new Error('no pixel data');
    const frame = dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, el.fragments?.length ?? 0);
    const r = await ingestDicom(writeEncapsulated(frame, '1.2.840.10008.1.2.4.70', { rows: ROWS, columns: COLUMNS }));
    expect(r.ok ? null : r.error.kind).toBe('dimension-mismatch');
  });

  it('refuses decoded bytes that do not fill Rows × Columns', async () => {
    const r = await ingestDicom(writeEncapsulated(new Uint8Array(4), '1.2.840.10008.1.2.4.80', { rows: 2, columns: 2 }), {
      decoders: { 'jpeg-ls': async () => ({ ok: true, value: { bytes: new Uint8Array(6), width: null, height: null } }) },
    });
    expect(r.ok ? null : r.error).toEqual({ kind: 'dimension-mismatch', message: 'Rows 2 × Columns 2 needs 8 bytes, the decoded frame has 6' });
  });

  it('reports corrupt deflated data as decode-failed', async () => {
    const deflated = dcmtkConvert('dcmconv', ['+td'], writeMammogram({ rows: ROWS, columns: COLUMNS }));
    const broken = deflated.slice();
    const start = Buffer.from(broken).indexOf('1.2.840.10008.1.2.1.99') + 40;
    broken.fill(0xff, start, start + 64);
    const r = await ingestDicom(broken, { inflate });
    expect(r.ok ? null : r.error.kind).toBe('decode-failed');
  });

  it('reports a corrupt frame as decode-failed, and the codec still works afterwards', async () => {
    const garbage = new Uint8Array(300).map((_, i) => (i * 91) & 0xff);
    for (const ts of ['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.201', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.5']) {
      const r = await ingestDicom(writeEncapsulated(garbage, ts, { rows: ROWS, columns: COLUMNS }));
      expect(r.ok, ts).toBe(false);
      if (!r.ok) expect(['decode-failed', 'dimension-mismatch'], `${ts}: ${r.error.message}`).toContain(r.error.kind);
    }
    const pixels = testPixels(ROWS, COLUMNS, 12, 2) as Uint16Array;
    const frame = await encodeJ2k(pixels, COLUMNS, ROWS, 12);
    const image = await ingestOk(writeEncapsulated(frame, '1.2.840.10008.1.2.4.90', { rows: ROWS, columns: COLUMNS }));
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
  });

  it('uses an injected decoder instead of the built-in one', async () => {
    const r = await ingestDicom(writeEncapsulated(new Uint8Array([1, 2, 3, 4]), '1.2.840.10008.1.2.4.90', { rows: 2, columns: 2 }), {
      decoders: { 'jpeg-2000': async () => ({ ok: true, value: { bytes: new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0]), width: 2, height: 2 } }) },
    });
    expect(r.ok ? Array.from(r.value.stored) : r.error.message).toEqual([1, 2, 3, 4]);
  });

  it('refuses compressed files in the synchronous ingest, pointing to ingestDicom', () => {
    const r = ingestUncompressed(writeEncapsulated(new Uint8Array(8), '1.2.840.10008.1.2.4.80'));
    expect(r.ok ? null : r.error.kind).toBe('unsupported-transfer-syntax');
    expect(r.ok ? '' : r.error.message).toContain('use ingestDicom');
  });
});
