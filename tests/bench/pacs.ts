/**
 * PACS round trip: the 4-image sample exam (test-data/sample, 4 × 1.7 MB) stored with STOW-RS
 * (one request), found with QIDO-RS (study by accession number, then its instances) and the 4
 * images retrieved with WADO-RS, against a local Orthanc with DICOMweb (tests/pacs/orthanc.ts),
 * through the PACS client (src/dicomweb/: dicomweb-client over xhr2, as the command line runs it).
 * Baseline in the same run: the same requests made with node:http directly (keep-alive, no
 * compression asked for, as the client asks none), the bodies built and read as bytes and only the
 * UIDs needed picked from the JSON — what the HTTP round trip itself costs on this machine. (Node's
 * fetch is not the baseline: it asks for gzip, and Orthanc then compresses every image on the fly,
 * which triples the WADO-RS time.)
 * Client and baseline alternate, 9 rounds each; the exam is deleted from Orthanc (not timed)
 * before every round so each stores into an empty archive. Medians are reported.
 * Standalone: `npm run bench -- pacs`.
 */
import { Agent, request } from 'node:http';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { CURRENT_FILES, part10Facts, readPart10 } from '../pacs/sample-exams.js';
import { installXmlHttpRequest } from '../../src/cli/xhr-host.js';
import { listInstances, retrieveInstance, searchStudies, storeInstances, type PacsConfig } from '../../src/dicomweb/index.js';
import type { BenchResult } from './result.js';

const ROUNDS = 9;

interface Phases {
  stow: number;
  qido: number;
  wado: number;
  total: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function emptyArchive(pacs: OrthancServer): Promise<void> {
  const ids = (await (await fetch(`${pacs.baseUrl}/studies`)).json()) as string[];
  for (const id of ids) await fetch(`${pacs.baseUrl}/studies/${id}`, { method: 'DELETE' });
}

async function withClient(cfg: PacsConfig, files: ArrayBuffer[], accession: string): Promise<Phases> {
  const t0 = performance.now();
  const stored = must(await storeInstances(cfg, files));
  if (stored.instances.some((i) => i.status !== 'stored')) throw new Error('not every image was stored');
  const t1 = performance.now();
  const [study] = must(await searchStudies(cfg, { accessionNumber: accession }));
  const instances = must(await listInstances(cfg, study!.studyInstanceUid));
  const t2 = performance.now();
  let bytes = 0;
  for (const i of instances) bytes += must(await retrieveInstance(cfg, { study: study!.studyInstanceUid, series: i.seriesInstanceUid, instance: i.sopInstanceUid })).byteLength;
  const t3 = performance.now();
  if (instances.length !== files.length || bytes < files.reduce((s, f) => s + f.byteLength, 0)) throw new Error('not every image came back');
  return { stow: t1 - t0, qido: t2 - t1, wado: t3 - t2, total: t3 - t0 };
}

const agent = new Agent({ keepAlive: true });

/** One request with node:http: the status and the whole body. */
function raw(url: string, init: { method?: string; headers: Record<string, string>; body?: Buffer }): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function withHttp(root: string, files: ArrayBuffer[], accession: string): Promise<Phases> {
  const t0 = performance.now();
  const boundary = 'calcscribe-bench-boundary';
  const parts: Uint8Array[] = [];
  for (const f of files) parts.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), new Uint8Array(f));
  parts.push(Buffer.from(`\r\n--${boundary}--`));
  const stow = await raw(`${root}/studies`, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json' },
    body: Buffer.concat(parts),
  });
  if (stow.status !== 200) throw new Error(`STOW ${stow.status}`);
  const t1 = performance.now();
  const json = { Accept: 'application/dicom+json' };
  const studies = JSON.parse((await raw(`${root}/studies?00080050=${accession}`, { headers: json })).body.toString('utf8')) as Record<string, { Value: string[] }>[];
  const studyUid = studies[0]!['0020000D']!.Value[0]!;
  const instances = JSON.parse((await raw(`${root}/studies/${studyUid}/instances?includefield=0020000E`, { headers: json })).body.toString('utf8')) as Record<string, { Value: string[] }>[];
  const t2 = performance.now();
  let bytes = 0;
  for (const i of instances) {
    const r = await raw(`${root}/studies/${studyUid}/series/${i['0020000E']!.Value[0]}/instances/${i['00080018']!.Value[0]}`, {
      headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    });
    bytes += r.body.byteLength;
  }
  const t3 = performance.now();
  if (instances.length !== files.length || bytes < files.reduce((s, f) => s + f.byteLength, 0)) throw new Error('not every image came back');
  return { stow: t1 - t0, qido: t2 - t1, wado: t3 - t2, total: t3 - t0 };
}

export async function benchPacs(): Promise<BenchResult[]> {
  installXmlHttpRequest();
  const files = CURRENT_FILES.map(readPart10);
  const accession = part10Facts(files[0]!).accessionNumber;
  const mb = (files.reduce((s, f) => s + f.byteLength, 0) / 1_048_576).toFixed(1);
  const pacs = await startOrthanc();
  try {
    const cfg: PacsConfig = { url: pacs.dicomWebUrl, timeoutMs: 60_000 };
    await emptyArchive(pacs);
    await withClient(cfg, files, accession); // warm-up of both paths, not counted
    await emptyArchive(pacs);
    await withHttp(pacs.dicomWebUrl, files, accession);
    const ours: Phases[] = [];
    const base: Phases[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await emptyArchive(pacs);
      ours.push(await withClient(cfg, files, accession));
      await emptyArchive(pacs);
      base.push(await withHttp(pacs.dicomWebUrl, files, accession));
    }
    const m = (xs: Phases[], k: keyof Phases): number => median(xs.map((x) => x[k]));
    const where = `local Orthanc ${pacs.isolation === 'network-namespace' ? '(own network namespace, veth)' : '(loopback)'}`;
    return [
      { name: `PACS round trip, 4-image exam (${mb} MB): STOW-RS + QIDO-RS + WADO-RS, ${where} (median of ${ROUNDS})`, value: m(ours, 'total'), unit: 'ms', baseline: { name: 'same requests with node:http', value: m(base, 'total') } },
      { name: '  of which STOW-RS of the 4 images (one request)', value: m(ours, 'stow'), unit: 'ms', baseline: { name: 'node:http', value: m(base, 'stow') } },
      { name: '  of which QIDO-RS (study by accession, its instances)', value: m(ours, 'qido'), unit: 'ms', baseline: { name: 'node:http', value: m(base, 'qido') } },
      { name: '  of which WADO-RS of the 4 images as stored', value: m(ours, 'wado'), unit: 'ms', baseline: { name: 'node:http', value: m(base, 'wado') } },
    ];
  } finally {
    agent.destroy();
    await pacs.stop();
  }
}
