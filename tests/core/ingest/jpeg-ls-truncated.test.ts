/**
 * A JPEG-LS frame that stops mid-scan is refused as truncated before CharLS sees it: on such
 * streams the codec can spin for seconds (the ingest fuzz test found one that took 3.8 s on a
 * 16 × 12 image). Complete frames — also with the null byte that pads a fragment — still decode.
 */
import { describe, expect, it } from 'vitest';
import { jpegLsFrameIsComplete } from '../../../src/core/ingest/decode-compressed-frame.js';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import { dcmtkConvert } from './dcmtk.js';
import { testPixels, writeMammogram } from './mammogram-file.js';

const explicit = writeMammogram({
  rows: 16,
  columns: 12,
  pixels: testPixels(16, 12, 12, 17),
  attributes: { ViewCodeSequence: [{ CodeValue: '399368009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'mlo', ViewModifierCodeSequence: [{ CodeValue: '399163009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'magnification' }] }] },
});

describe('JPEG-LS frames without their end-of-image marker', () => {
  it('knows a complete frame, with or without fragment padding, from a cut one', () => {
    const body = [0xff, 0xd8, 0x12, 0x34];
    expect(jpegLsFrameIsComplete(Uint8Array.from([...body, 0xff, 0xd9]))).toBe(true);
    expect(jpegLsFrameIsComplete(Uint8Array.from([...body, 0xff, 0xd9, 0x00]))).toBe(true);
    expect(jpegLsFrameIsComplete(Uint8Array.from([...body, 0xff, 0xd9, 0x00, 0x00]))).toBe(true);
    expect(jpegLsFrameIsComplete(Uint8Array.from(body))).toBe(false);
    expect(jpegLsFrameIsComplete(Uint8Array.from([...body, 0xff, 0x00, 0x00]))).toBe(false);
    expect(jpegLsFrameIsComplete(Uint8Array.from([0xd9]))).toBe(false);
    expect(jpegLsFrameIsComplete(new Uint8Array(0))).toBe(false);
  });

  it('refuses a frame that does not start with FF D8 as damaged, not as truncated', async () => {
    const b = dcmtkConvert('dcmcjpls', [], explicit).slice();
    const soi = Buffer.from(b).indexOf(Buffer.from([0xff, 0xd8, 0xff, 0xf7]));
    b[soi + 1] = 0x00;
    const r = await ingestDicom(b);
    expect(r.ok ? 'ok' : `${r.error.kind}: ${r.error.message}`).toBe(
      'decode-failed: JPEG-LS frame does not start with the start-of-image marker (FF D8): the compressed pixel data is damaged or not JPEG-LS',
    );
  });

  it('still decodes the complete file', async () => {
    const r = await ingestDicom(dcmtkConvert('dcmcjpls', [], explicit));
    expect(r.ok).toBe(true);
  });

  it('refuses, quickly and as truncated, the stream the fuzz test found (two bytes inserted mid-scan push FF D9 out of the fragment)', async () => {
    const b = Array.from(dcmtkConvert('dcmcjpls', [], explicit));
    b.splice(Math.floor(0.78125 * b.length), 0, 0, 8);
    const started = performance.now();
    const r = await ingestDicom(Uint8Array.from(b));
    const elapsed = performance.now() - started;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('truncated');
      expect(r.error.message).toContain('JPEG-LS frame ends without its end-of-image marker (FF D9)');
    }
    expect(elapsed).toBeLessThan(2000);
  });
});
