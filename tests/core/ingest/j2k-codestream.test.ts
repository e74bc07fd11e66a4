/**
 * The JPEG 2000 codestream outline checked before the HTJ2K decoder runs: the decoder looped for
 * ever on a damaged stream the ingest fuzz test made (per-run seed 904321361); such streams are now
 * refused with the reason, and every well-formed stream still decodes.
 */
import { describe, expect, it } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import { j2kCodestreamProblem } from '../../../src/core/ingest/j2k-codestream.js';
import { testPixels, writeEncapsulated } from './mammogram-file.js';
import { encodeHtj2k, encodeJ2k } from './wasm-encoders.js';

const HTJ2K_LOSSLESS = '1.2.840.10008.1.2.4.201';

/** The 16 × 12 frame the HTJ2K decoder looped on (the fuzz test's damaged copy of its HTJ2K seed). */
const HUNG_DECODER = Buffer.from(
  [
  'ff4fff51002940000000000c0000001000000000000000000000000c00000010000000000000000000010b01c601ff50',
  '0008000200000006ff52000c00020001000204044001ff5c000a2068707070686868ff64001700014f70656e4a504820',
  '56657220302e33312e302eff90000a00000000015c0001ff93c002d86d72c6e9c47b9ab27b1db8a41881110cfe39e864',
  '017f3700c0016b40016b40016b808059d8115d1e44ebc881dce542f000d3a4420379b8009b48078f8e708cea29aeb43e',
  '46c002913864817b3800d740055774aa748b58c2659f2590fc097f8443017b3800c002f4b8005e89000bd30047e31731',
  '7b2821fa14ecb543521801ad9084d14eda869902a98a51a100d203830227647c27f5f8468c4a0044c7a86372b5ec1bff',
  '3a408d797c18c2d4009c1a8921234b96720108a0033f00150d5d9164425c5dfd40b3d7daa605270ea253a964b72580a1',
  '9faa68c24100a4885d4770e32460e2784f087ee27f1c240f239546825b004f462211dd651c800240329e009c430e101a',
  '46f6550b26651fe65ac3ccd5e8edf67584a1b2003f6d59ef99922a24220e38f2acb534e04fa98d6a91c1364ea4c287c3',
  '7f0631ce6241e24cf200b9087c8b425688043280b33e00ff00',
  ].join(''),
  'hex',
);

describe('the codestream outline', () => {
  it('passes well-formed JPEG 2000 and HTJ2K streams, with or without a padding byte', async () => {
    const samples = testPixels(16, 12, 12, 17) as Uint16Array;
    for (const stream of [await encodeHtj2k(samples, 12, 16, 12), await encodeJ2k(samples, 12, 16, 12)]) {
      expect(j2kCodestreamProblem(stream)).toBeNull();
      expect(j2kCodestreamProblem(Uint8Array.from([...stream, 0]))).toBeNull();
    }
  });

  it('refuses an HTJ2K stream cut anywhere, and one with data after its end', async () => {
    const stream = await encodeHtj2k(testPixels(16, 12, 12, 17) as Uint16Array, 12, 16, 12);
    const passed: number[] = [];
    for (let cut = 0; cut < stream.length - 2; cut++) if (j2kCodestreamProblem(stream.subarray(0, cut)) === null) passed.push(cut);
    expect(passed).toEqual([]);
    expect(j2kCodestreamProblem(Uint8Array.from([...stream, 1, 2]))).toMatch(/follows the end-of-codestream marker/);
  });

  it('the file the decoder looped on is refused at once, saying why', async () => {
    expect(j2kCodestreamProblem(HUNG_DECODER)).toBe('a byte pair that is not a marker (01 FF) in the main header');
    const started = performance.now();
    const r = await ingestDicom(writeEncapsulated(HUNG_DECODER, HTJ2K_LOSSLESS, { rows: 16, columns: 12 }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.ok ? 'decoded' : r.error).toEqual({ kind: 'decode-failed', message: 'HTJ2K frame not decoded: a byte pair that is not a marker (01 FF) in the main header' });
  });
});
