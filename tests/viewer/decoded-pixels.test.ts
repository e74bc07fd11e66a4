/**
 * The pieces of decoding once: the header handed to the display without the pixels, the pixels
 * moved into shared memory, and the stored → modality values the display shows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { headerBeforePixelData } from '../../src/viewer/workers/dicom-header.js';
import { isShared, sharePixels } from '../../src/viewer/workers/shared-pixels.js';
import { modalityPixels } from '../../src/viewer/cornerstone/modality-pixels.js';

const file = async (path: string): Promise<Uint8Array> => new Uint8Array(await readFile(join(process.cwd(), path)));

describe('headerBeforePixelData', () => {
  for (const path of ['test-data/sample/RCC.dcm', 'test-data/unit/implicit-vr.dcm', 'test-data/unit/jpeg-ls.dcm', 'test-data/real-mg/ge-senographe-essential-rmlo.dcm']) {
    it(`${path}: every byte up to the Pixel Data element, a complete file without it`, async () => {
      const bytes = await file(path);
      const r = headerBeforePixelData(bytes);
      if (!r.ok) throw new Error(r.error.message);
      const header = r.value;
      expect(header.length).toBeLessThan(bytes.length);
      expect([...bytes.subarray(header.length, header.length + 4)]).toEqual([0xe0, 0x7f, 0x10, 0x00]);
      expect([...header]).toEqual([...bytes.subarray(0, header.length)]);
      const whole = dicomParser.parseDicom(bytes);
      const alone = dicomParser.parseDicom(header);
      expect(alone.elements['x7fe00010']).toBeUndefined();
      for (const tag of ['x00280010', 'x00280011', 'x00280100', 'x00200062', 'x00280030', 'x00181164', 'x00281050']) {
        expect(alone.string(tag)).toBe(whole.string(tag));
      }
      expect(alone.uint16('x00280010')).toBe(whole.uint16('x00280010'));
    });
  }

  it('a file without pixels is refused with the reason', async () => {
    const r = headerBeforePixelData(await file('test-data/sample/RCC.dcm'));
    if (!r.ok) throw new Error(r.error.message);
    const again = headerBeforePixelData(r.value);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toEqual({ kind: 'no-pixel-data', message: 'the file has no Pixel Data (7FE0,0010) to show' });
  });

  it('bytes that are not DICOM are refused, not thrown', () => {
    const r = headerBeforePixelData(new Uint8Array(300).fill(7));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('decode-failed');
  });
});

describe('sharePixels', () => {
  const g = globalThis as { crossOriginIsolated?: boolean };
  afterEach(() => {
    delete g.crossOriginIsolated;
  });

  it('cross-origin isolated: the same values, of the same type, in a SharedArrayBuffer', () => {
    g.crossOriginIsolated = true;
    for (const stored of [new Uint16Array([0, 1, 4095, 65535]), new Int16Array([-32768, -1, 0, 32767]), new Uint8Array([0, 9, 255]), new Int8Array([-128, 0, 127])]) {
      const shared = sharePixels(stored);
      expect(shared.constructor).toBe(stored.constructor);
      expect(isShared(shared)).toBe(true);
      expect([...shared]).toEqual([...stored]);
      expect(sharePixels(shared)).toBe(shared);
    }
  });

  it('not isolated: the array itself, unshared (it is then copied once to the page)', () => {
    const stored = new Uint16Array([1, 2, 3]);
    expect(sharePixels(stored)).toBe(stored);
    expect(isShared(stored)).toBe(false);
  });
});

describe('modalityPixels', () => {
  it('identity rescale: the stored array itself, with its range', () => {
    const stored = new Uint16Array([5, 4095, 0, 17]);
    const r = modalityPixels(stored, 1, 0);
    expect(r.pixels).toBe(stored);
    expect([r.min, r.max]).toEqual([0, 4095]);
  });

  it('integer rescale into the signed range: Int16 values slope × stored + intercept', () => {
    const r = modalityPixels(new Uint16Array([0, 1000, 3000]), 1, -1024);
    expect(r.pixels).toBeInstanceOf(Int16Array);
    expect([...r.pixels]).toEqual([-1024, -24, 1976]);
    expect([r.min, r.max]).toEqual([-1024, 1976]);
  });

  it('fractional slope: Float32 values, even when the range ends are integers; a negative slope swaps the ends', () => {
    const r = modalityPixels(new Uint16Array([0, 11, 20]), -0.5, 100);
    expect(r.pixels).toBeInstanceOf(Float32Array);
    expect([...r.pixels]).toEqual([100, 94.5, 90]);
    expect([r.min, r.max]).toEqual([90, 100]);
  });
});
