/**
 * What the radiologist reads when the PACS is down or silent: the page's DICOMweb client (the one
 * of src/dicomweb, over XMLHttpRequest as in the browser: xhr2 keeps the browser's rules, a JSON
 * answer that is not JSON is null, bytes stay bytes) talks to the standalone server's real
 * /dicomweb proxy, which forwards to a closed port or to a fault proxy that never answers. The
 * proxy's reason reaches the PACS dialog's words for searches (JSON), retrievals (bytes) and
 * stores (text) alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installXmlHttpRequest } from '../../../src/cli/xhr-host.js';
import { findPriorMammograms, listInstances, retrieveInstance, searchStudies, storeInstances, type PacsConfig, type PacsError, type PacsResult } from '../../../src/dicomweb/index.js';
import { failureText } from '../../../src/viewer/pacs/failure-text.js';
import { serveViewer } from '../../../src/viewer/serve.js';
import { startFaultProxy, type FaultProxy } from '../../pacs/fault-proxy.js';
import { CURRENT_FILES, readPart10 } from '../../pacs/sample-exams.js';
import { unusedPort } from '../../pacs/unused-port.js';

const STUDY = '2.25.196084383509692032933780948866366418617';
let emptyBuild: string;
let silent: FaultProxy;
let downRoot: string;
let silentRoot: string;
let toDown: PacsConfig;
let toSilent: PacsConfig;
const servers: { close(): Promise<void> }[] = [];

async function viewerTo(url: string, timeoutMs?: number): Promise<string> {
  const s = await serveViewer({ build: false, outDir: emptyBuild, port: 0, dicomWeb: { url, ...(timeoutMs !== undefined ? { timeoutMs } : {}) } });
  servers.push(s);
  return s.url;
}

function failure<T>(r: PacsResult<T>): PacsError {
  if (r.ok) throw new Error('expected a failure, got a value');
  return r.error;
}

beforeAll(async () => {
  installXmlHttpRequest();
  emptyBuild = await mkdtemp(join(tmpdir(), 'calcscribe-pacs-down-'));
  downRoot = `http://127.0.0.1:${await unusedPort()}/dicom-web`;
  // A PACS that takes the connection and never answers (the fault proxy in front of nothing).
  silent = await startFaultProxy(`http://127.0.0.1:${await unusedPort()}`);
  silent.setFault({ kind: 'hang' });
  silentRoot = `${silent.baseUrl}/dicom-web`;
  toDown = { url: `${await viewerTo(downRoot)}dicomweb`, timeoutMs: 20_000 };
  toSilent = { url: `${await viewerTo(silentRoot, 1000)}dicomweb`, timeoutMs: 20_000 };
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await silent?.stop();
  if (emptyBuild !== undefined) await rm(emptyBuild, { recursive: true, force: true });
});

describe('a PACS that refuses the connection', () => {
  it('a search says the PACS refused the connection, naming it', async () => {
    const e = failure(await searchStudies(toDown, { patientId: 'PH-SCR-2026' }));
    expect(e).toMatchObject({ kind: 'refused', status: 502, serverWords: `The PACS at ${downRoot} refused the connection.` });
    expect(failureText('Search', e)).toBe(`Search failed: the PACS at ${downRoot} refused the connection (HTTP 502 from the viewer's server)`);
  });

  it('so do a prior search, an instance list, a retrieval (asked for as bytes) and a store (answered as text)', async () => {
    const study = { patientId: 'PH-SCR-2026', before: '20260310', excludeStudyUid: STUDY };
    const retrieval = { study: STUDY, series: '2.25.1', instance: '2.25.2' };
    const failures = [
      failure(await findPriorMammograms(toDown, study)),
      failure(await listInstances(toDown, STUDY)),
      failure(await retrieveInstance(toDown, retrieval)),
      failure(await storeInstances(toDown, [readPart10(CURRENT_FILES[0]!)])),
    ];
    for (const e of failures) {
      expect(e.status).toBe(502);
      expect(e.serverWords).toBe(`The PACS at ${downRoot} refused the connection.`);
    }
    expect(failureText("Retrieving the study's images", failures[2]!)).toBe(
      `Retrieving the study's images failed: the PACS at ${downRoot} refused the connection (HTTP 502 from the viewer's server)`,
    );
  });
});

describe('a PACS that does not answer', () => {
  it("a search says the PACS did not answer within the server's time, once that time is up", async () => {
    const t0 = Date.now();
    const e = failure(await searchStudies(toSilent, { patientId: 'PH-SCR-2026' }));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(e).toMatchObject({ kind: 'refused', status: 504, serverWords: `The PACS at ${silentRoot} did not answer within 1 s.` });
    expect(failureText('Search', e)).toBe(`Search failed: the PACS at ${silentRoot} did not answer within 1 s (HTTP 504 from the viewer's server)`);
  });

  it('a retrieval too (its answer asked for as bytes)', async () => {
    const e = failure(await retrieveInstance(toSilent, { study: STUDY, series: '2.25.1', instance: '2.25.2' }));
    expect(e.status).toBe(504);
    expect(failureText('Retrieving the prior', e)).toBe(`Retrieving the prior failed: the PACS at ${silentRoot} did not answer within 1 s (HTTP 504 from the viewer's server)`);
    expect(silent.seen.filter((s) => s.faulted).length).toBeGreaterThanOrEqual(2);
  });
});
