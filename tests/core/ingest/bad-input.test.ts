import { describe, expect, it } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import type { ErrorKind } from '../../../src/core/result.js';
import { writeMammogram } from './mammogram-file.js';

async function failure(bytes: Uint8Array, options = {}): Promise<{ kind: ErrorKind; message: string }> {
  const r = await ingestDicom(bytes, options);
  if (r.ok) throw new Error('expected a failure, got an image');
  return r.error;
}

/** Offset of the Pixel Data element's tag in an explicit little endian file. */
function pixelDataTagOffset(bytes: Uint8Array): number {
  return Buffer.from(bytes).lastIndexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00]));
}

describe('ingestDicom on input that is not DICOM', () => {
  it('refuses an empty file', async () => {
    const e = await failure(new Uint8Array(0));
    expect(e.kind).toBe('not-dicom');
    expect(e.message).toContain('empty file');
  });

  it('refuses text and short garbage', async () => {
    expect((await failure(new TextEncoder().encode('hello, this is not an image'))).kind).toBe('not-dicom');
    const text = new TextEncoder().encode('x'.repeat(400));
    const e = await failure(text);
    expect(e.kind).toBe('not-dicom');
    expect(e.message).toContain('DICM');
  });
});

describe('ingestDicom on truncated files', () => {
  const whole = writeMammogram({ rows: 32, columns: 24 });

  it('says how many pixel bytes were expected and how many are present', async () => {
    const pd = pixelDataTagOffset(whole);
    const cut = whole.subarray(0, pd + 12 + 100);
    const e = await failure(cut);
    expect(e.kind).toBe('truncated');
    expect(e.message).toContain('1536 bytes');
    expect(e.message).toContain('only 100');
  });

  it('reports a file cut inside the header as truncated', async () => {
    const pd = pixelDataTagOffset(whole);
    for (const at of [131, 200, 300, pd - 3]) {
      const e = await failure(whole.subarray(0, at));
      expect(e.kind, `cut at ${at}: ${e.message}`).toBe('truncated');
    }
  });

  it('reports a file that ends just before its Pixel Data as having none, and says it may be truncated', async () => {
    const e = await failure(whole.subarray(0, pixelDataTagOffset(whole)));
    expect(e.kind).toBe('no-pixel-data');
    expect(e.message).toContain('may be truncated');
  });
});

describe('ingestDicom on DICOM that is not an analysable mammogram', () => {
  it('refuses a file without Pixel Data', async () => {
    expect((await failure(writeMammogram({ omitPixelData: true }))).kind).toBe('no-pixel-data');
  });

  it('refuses a CT image, naming the modality and the SOP class', async () => {
    const e = await failure(writeMammogram({ attributes: { Modality: 'CT', SOPClassUID: '1.2.840.10008.5.1.4.1.1.2' } }));
    expect(e).toEqual({ kind: 'not-mammography', message: 'CT image (CT Image Storage), not a mammogram' });
  });

  it('refuses an MR image', async () => {
    const e = await failure(writeMammogram({ attributes: { Modality: 'MR', SOPClassUID: '1.2.840.10008.5.1.4.1.1.4' } }));
    expect(e.kind).toBe('not-mammography');
    expect(e.message).toContain('MR image (MR Image Storage)');
  });

  it('refuses a DX image of the chest and names it', async () => {
    const e = await failure(
      writeMammogram({ attributes: { Modality: 'DX', SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.1', BodyPartExamined: 'CHEST' } }),
    );
    expect(e.kind).toBe('not-mammography');
    expect(e.message).toContain('DX image (Digital X-Ray Image Storage – For Presentation)');
    expect(e.message).toContain('CHEST');
  });

  it('accepts a DX image of the breast with a warning', async () => {
    const r = await ingestDicom(
      writeMammogram({ attributes: { Modality: 'DX', SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.1', BodyPartExamined: 'BREAST' } }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.meta.warnings.some((w) => w.includes('Body Part Examined BREAST'))).toBe(true);
  });

  it('refuses multi-frame tomosynthesis and accepts a single tomosynthesis frame with a warning', async () => {
    const tomo = { Modality: 'MG', SOPClassUID: '1.2.840.10008.5.1.4.1.1.13.1.3' };
    const e = await failure(writeMammogram({ attributes: { ...tomo, NumberOfFrames: 10 } }));
    expect(e.kind).toBe('unsupported-image');
    expect(e.message).toContain('10 frames');
    const r = await ingestDicom(writeMammogram({ attributes: { ...tomo, NumberOfFrames: 1 } }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.meta.warnings.join(' ')).toContain('Breast Tomosynthesis Image Storage');
  });

  it('refuses pixel data shorter than Rows × Columns says', async () => {
    const e = await failure(writeMammogram({ rows: 32, columns: 24, pixels: new Uint16Array(32 * 24 - 10) }));
    expect(e.kind).toBe('dimension-mismatch');
    expect(e.message).toBe('Rows 32 × Columns 24 × 2 byte(s) = 1536 bytes, but Pixel Data holds 1516');
  });

  it('refuses pixel data longer than Rows × Columns says', async () => {
    expect((await failure(writeMammogram({ rows: 4, columns: 4, pixels: new Uint16Array(20) }))).kind).toBe('dimension-mismatch');
  });

  it('refuses a 65535 × 65535 header before allocating anything', async () => {
    const e = await failure(writeMammogram({ rows: 65535, columns: 65535, pixels: new Uint16Array(16) }));
    expect(e.kind).toBe('image-too-large');
    expect(e.message).toContain('65535 × 65535');
  });

  it('applies a configurable size limit', async () => {
    const bytes = writeMammogram({ rows: 32, columns: 24 });
    expect((await failure(bytes, { maxPixelBytes: 1535 })).kind).toBe('image-too-large');
    expect((await ingestDicom(bytes, { maxPixelBytes: 1536 })).ok).toBe(true);
  });

  it('refuses Bits Allocated other than 8 or 16', async () => {
    const e = await failure(writeMammogram({ rows: 2, columns: 2, bitsAllocated: 32, bitsStored: 32, pixels: new Uint16Array(8) }));
    expect(e).toEqual({ kind: 'unsupported-image', message: 'Bits Allocated 32 is not supported (8 or 16 only)' });
  });

  it('refuses colour images', async () => {
    const e = await failure(writeMammogram({ rows: 2, columns: 2, photometric: 'RGB' }));
    expect(e.kind).toBe('unsupported-image');
    expect(e.message).toContain('RGB');
  });

  it('refuses a transfer syntax it has no decoder for, naming it', async () => {
    const e = await failure(writeMammogram({ transferSyntaxUid: '1.2.840.10008.1.2.4.92' }));
    expect(e).toEqual({
      kind: 'unsupported-transfer-syntax',
      message: 'transfer syntax 1.2.840.10008.1.2.4.92 (JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)) is not supported',
    });
  });

  it('refuses an unknown transfer syntax', async () => {
    const e = await failure(writeMammogram({ transferSyntaxUid: '1.2.3.4.5.6' }));
    expect(e.kind).toBe('unsupported-transfer-syntax');
    expect(e.message).toContain('1.2.3.4.5.6 (unknown transfer syntax)');
  });
});

describe('messages about hostile files', () => {
  it('keep file text short and free of control characters', async () => {
    const e = await failure(writeMammogram({ attributes: { Modality: `CT\u0007${'X'.repeat(5000)}`, SOPClassUID: '1.2.840.10008.5.1.4.1.1.2' } }));
    expect(e.kind).toBe('not-mammography');
    expect(e.message.length).toBeLessThan(120);
    expect(e.message).not.toContain('\u0007');
  });
});
