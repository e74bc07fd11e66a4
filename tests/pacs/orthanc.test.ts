/**
 * The test PACS itself: Orthanc starts privately (its own network namespace when run as root),
 * stores a mammogram with STOW-RS, finds it with QIDO-RS, and is gone after stop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, type OrthancServer } from './orthanc.js';

let pacs: OrthancServer;
beforeAll(async () => {
  pacs = await startOrthanc();
});
afterAll(async () => {
  await pacs?.stop();
});

describe('the test PACS (Orthanc with DICOMweb)', () => {
  it('is private: in its own network namespace as root, else on loopback with remote access refused', () => {
    expect(pacs.isolation).toBe(process.getuid?.() === 0 ? 'network-namespace' : 'loopback');
    if (pacs.isolation === 'network-namespace') expect(pacs.baseUrl).toMatch(/^http:\/\/10\.231\./);
    else expect(pacs.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('stores an MG instance with STOW-RS and finds its study with QIDO-RS', async () => {
    const file = readFileSync(join(process.cwd(), 'test-data/sample/RCC.dcm'));
    const boundary = 'calcscribe-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const stow = await fetch(`${pacs.dicomWebUrl}/studies`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json' },
      body,
    });
    expect(stow.status).toBe(200);
    const qido = await fetch(`${pacs.dicomWebUrl}/studies?ModalitiesInStudy=MG`, { headers: { Accept: 'application/dicom+json' } });
    expect(qido.status).toBe(200);
    const studies = (await qido.json()) as Record<string, { Value?: unknown[] }>[];
    expect(studies).toHaveLength(1);
    expect(studies[0]!['00100020']?.Value?.[0]).toBeTypeOf('string');
  });

  it('is gone after stop (whatever else may answer at that address, it is not this Orthanc)', async () => {
    const url = pacs.baseUrl;
    const name = (): Promise<unknown> =>
      fetch(`${url}/system`, { signal: AbortSignal.timeout(2000) }).then(
        async (r) => (r.ok ? ((await r.json()) as { Name?: unknown }).Name : null),
        () => null,
      );
    expect(await name()).toBe('calcscribe-test-pacs');
    await pacs.stop();
    expect(await name()).toBeNull();
  });
});
