/**
 * JPEG Baseline (8-bit DCT, as digitised film and archived priors come) opens, decoded as dcmtk
 * decodes it; and an image that was lossy compressed says so in its warnings, with the method.
 */
import { describe, expect, it } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import type { MammoImage } from '../../../src/core/image.js';
import { dcmtkConvert, dcmtkModify } from './dcmtk.js';
import { testPixels, writeMammogram } from './mammogram-file.js';

async function ingestOk(bytes: Uint8Array): Promise<MammoImage> {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

const lossyWarnings = (image: MammoImage): string[] => image.meta.warnings.filter((w) => w.startsWith('lossy compressed image'));
const TAIL = ': fine detail — the faintest calcifications, margins, the smallest sizes — may differ from the original';

describe('JPEG Baseline made by dcmtk (dcmcjpeg +eb)', () => {
  const pixels = testPixels(64, 48, 8, 5);
  const source = writeMammogram({ rows: 64, columns: 48, pixels, bitsAllocated: 8, bitsStored: 8 });
  const compressed = dcmtkConvert('dcmcjpeg', ['+eb'], source);

  it('decodes like dcmtk decodes it', async () => {
    const ours = await ingestOk(compressed);
    expect(ours.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.50');
    const theirs = await ingestOk(dcmtkConvert('dcmdjpeg', [], compressed));
    expect(ours.stored.constructor).toBe(Uint8Array);
    let worst = 0;
    for (let i = 0; i < ours.stored.length; i++) worst = Math.max(worst, Math.abs((ours.stored[i] as number) - (theirs.stored[i] as number)));
    expect(worst).toBeLessThanOrEqual(1);
    // Lossy: not the original pixels, but near them.
    let off = 0;
    for (let i = 0; i < ours.stored.length; i++) off = Math.max(off, Math.abs((ours.stored[i] as number) - (pixels[i] as number)));
    expect(off).toBeGreaterThan(0);
    expect(off).toBeLessThan(64);
  });

  it('says it was lossy compressed, with the method dcmtk recorded', async () => {
    expect(lossyWarnings(await ingestOk(compressed))).toEqual([`lossy compressed image (JPEG)${TAIL}`]);
  });

  it('still says so once decompressed, from Lossy Image Compression (0028,2110)', async () => {
    const decompressed = dcmtkConvert('dcmdjpeg', [], compressed);
    const image = await ingestOk(decompressed);
    expect(image.meta.transferSyntaxUid).not.toBe('1.2.840.10008.1.2.4.50');
    expect(lossyWarnings(image)).toEqual([`lossy compressed image (JPEG)${TAIL}`]);
  });

  it('says so from the transfer syntax when the attributes are missing', async () => {
    const bare = dcmtkModify(['-ea', '(0028,2110)', '-ea', '(0028,2114)'], compressed);
    expect(lossyWarnings(await ingestOk(bare))).toEqual([`lossy compressed image (JPEG Baseline (Process 1))${TAIL}`]);
  });
});

describe('no lossy warning without lossy compression', () => {
  it('on an uncompressed image and a JPEG Lossless one', async () => {
    const source = writeMammogram({ rows: 64, columns: 48 });
    expect(lossyWarnings(await ingestOk(source))).toEqual([]);
    const lossless = await ingestOk(dcmtkConvert('dcmcjpeg', ['+e1'], source));
    expect(lossless.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.70');
    expect(lossyWarnings(lossless)).toEqual([]);
  });
});
