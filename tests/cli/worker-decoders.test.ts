/**
 * The command line decodes compressed frames in a worker thread under a time limit
 * (src/cli/worker-decoders.ts over core/ingest/decode-time-limit.ts): the real worker and the real
 * codecs, on the real images of test-data/real-mg. A frame stopped at its limit is refused with the
 * reason, and the next is decoded in a fresh worker.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestDicom } from '../../src/core/index.js';
import { workerDecoders } from '../../src/cli/worker-decoders.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const real = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../test-data/real-mg/${name}`, import.meta.url)));

describe('decoding in a worker thread under a time limit', () => {
  it('gives the same pixels as decoding in the main thread (JPEG lossless, JPEG 2000, 12-bit JPEG)', async () => {
    const decoders = workerDecoders();
    for (const name of ['ge-senographe-essential-rmlo.dcm', 'digitised-film-lmlo-j2k.dcm', 'digitised-film-lmlo-jpeg12.dcm']) {
      const inWorker = await ingestDicom(real(name), { decoders });
      const inMain = await ingestDicom(real(name));
      if (!inWorker.ok || !inMain.ok) throw new Error(`${name} did not ingest`);
      expect(inWorker.value.rows).toBe(inMain.value.rows);
      expect(Buffer.from(inWorker.value.stored.buffer, inWorker.value.stored.byteOffset, inWorker.value.stored.byteLength).equals(
        Buffer.from(inMain.value.stored.buffer, inMain.value.stored.byteOffset, inMain.value.stored.byteLength),
      )).toBe(true);
    }
  }, 60000);

  it('stops a decode at its limit, names the reason, and decodes the next file in a fresh worker', async () => {
    // 5 ms is far less than the 4664 × 3072 JPEG 2000 film takes: the worker is stopped mid-decode.
    const hurried = workerDecoders(5);
    const stopped = await ingestDicom(real('digitised-film-lmlo-j2k.dcm'), { decoders: hurried });
    expect(stopped.ok).toBe(false);
    if (!stopped.ok) {
      expect(stopped.error.kind).toBe('decode-failed');
      expect(stopped.error.message).toBe('the compressed frame did not finish decoding within 5 ms: the pixel data is probably damaged; decoding was stopped');
    }
    const patient = workerDecoders(60000);
    const next = await ingestDicom(real('digitised-film-lmlo-j2k.dcm'), { decoders: patient });
    expect(next.ok).toBe(true);
  }, 60000);

  it('the built command line decodes in its worker and exits (the idle worker does not hold the process)', () => {
    // analyze decodes the pixels (info does not): the film's JPEG 2000 frame goes through the worker.
    const r = spawnSync(process.execPath, ['bin/calcscribe.js', 'analyze', 'test-data/real-mg/digitised-film-lmlo-j2k.dcm', '--at', '490,2028'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('#1 at (');
  }, 70000);
});
