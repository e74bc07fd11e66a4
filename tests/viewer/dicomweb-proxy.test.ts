/**
 * The standalone server's same-origin DICOMweb proxy, against a real Orthanc (QIDO-RS, WADO-RS,
 * STOW-RS through /dicomweb/) and against tiny servers that record what reaches them, stream
 * slowly, hang, or are not there: only the configured server is contacted, the configured
 * Authorization is sent and never logged or shown, the page's own Cookie / Authorization and
 * hop-by-hop headers are not, bodies stream both ways, and a PACS that refuses or hangs gives
 * 502 / 504 in time with the server still serving.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { createServer as createNetServer, Socket, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer } from '../../src/viewer/serve.js';
import type { DicomWebOptions } from '../../src/viewer/serve/dicomweb-settings.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { unusedPort } from '../pacs/unused-port.js';

const SECRET = 'Basic c2VjcmV0LXJhZGlvbG9neTpkby1ub3QtbG9nLW1l';
const SECRET_PARTS = [SECRET, 'c2VjcmV0LXJhZGlvbG9neTpkby1ub3QtbG9nLW1l', 'secret-radiology'];
const MIB = 1024 * 1024;

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One HTTP request with exactly the given headers (no browser or fetch defaults). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(options.body);
  });
}

async function listen(server: Server | NetServer): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const a = server.address();
  return typeof a === 'object' && a !== null ? a.port : 0;
}

/** The message of one of the proxy's own refusals: JSON { message }, what the page's DICOMweb client reads. */
function messageOf(answer: Answer): string {
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(answer.body.toString('utf8')) as unknown;
  expect(Object.keys(body as object)).toEqual(['message']);
  return (body as { message: string }).message;
}

/** The single part of a multipart/related answer (WADO-RS of one instance). */
function onlyPart(answer: Answer): Buffer {
  const boundary = /boundary="?([^";]+)"?/.exec(String(answer.headers['content-type']))?.[1];
  if (boundary === undefined) throw new Error(`not multipart: ${String(answer.headers['content-type'])}`);
  const start = answer.body.indexOf('\r\n\r\n', answer.body.indexOf(`--${boundary}`)) + 4;
  const end = answer.body.indexOf(`\r\n--${boundary}`, start);
  return answer.body.subarray(start, end);
}

function stowBody(files: readonly Buffer[], boundary: string): Buffer {
  return Buffer.concat([...files.flatMap((f) => [Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), f, Buffer.from('\r\n')]), Buffer.from(`--${boundary}--\r\n`)]);
}

// --- everything the process prints while the tests run -------------------------------------
const printed: string[] = [];
const restorers: (() => void)[] = [];
function capturePrinting(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restorers.push(() => (stream.write = write));
  }
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[name];
    console[name] = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
      original(...args);
    };
    restorers.push(() => (console[name] = original));
  }
}

// --- a PACS stand-in that records what reaches it --------------------------------------------
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: readonly string[];
}
const seen: Seen[] = [];
let releaseStream: () => void = () => undefined;
let uploadHalfway: () => void = () => undefined;
const uploadReachedHalfway = new Promise<void>((r) => (uploadHalfway = r));

const recorder = createHttpServer((req, res) => {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders });
  const path = (req.url ?? '').split('?')[0];
  if (path === '/dicom-web/studies/stream') {
    // 1 MiB, then the rest only once the test has received that first MiB through the proxy.
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.write(Buffer.alloc(MIB, 1));
    releaseStream = () => res.end(Buffer.alloc(MIB, 2));
    return;
  }
  if (path === '/dicom-web/studies/stall') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.write(Buffer.alloc(1000, 3));
    return;
  }
  if (req.method === 'POST') {
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes >= MIB) uploadHalfway();
    });
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/dicom+json' });
      res.end(JSON.stringify({ received: bytes }));
    });
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/dicom+json',
    Connection: 'keep-alive, X-Pacs-Hop',
    'X-Pacs-Hop': 'hop-by-hop',
    'Keep-Alive': 'timeout=5',
    'Set-Cookie': 'pacs-session=1; Path=/',
    'WWW-Authenticate': 'Basic realm="pacs"',
    'X-Pacs-Internal': 'internal',
    Warning: '299 pacs "fuzzymatching not supported"',
  });
  res.end('[]');
});

// --- a PACS that accepts connections and never answers ---------------------------------------
const hangingSockets: Socket[] = [];
const hanging = createNetServer((socket) => {
  hangingSockets.push(socket);
  socket.on('error', () => undefined);
});

let pacs: OrthancServer | undefined;
let emptyBuild: string;
const servers: { close(): Promise<void> }[] = [];
let toOrthanc: string;
let toRecorder: string;
let toHanging: string;
let toNothing: string;
let unconfigured: string;
let recorderPort: number;
let downPort: number;

async function proxyTo(dicomWeb: DicomWebOptions | undefined): Promise<string> {
  const s = await serveViewer({ build: false, outDir: emptyBuild, port: 0, ...(dicomWeb !== undefined ? { dicomWeb } : {}) });
  servers.push(s);
  return s.url;
}

beforeAll(async () => {
  capturePrinting();
  emptyBuild = await mkdtemp(join(tmpdir(), 'calcscribe-proxy-'));
  pacs = await startOrthanc();
  recorderPort = await listen(recorder);
  const hangingPort = await listen(hanging);
  downPort = await unusedPort();
  toOrthanc = await proxyTo({ url: pacs.dicomWebUrl, authorization: SECRET });
  toRecorder = await proxyTo({ url: `http://127.0.0.1:${recorderPort}/dicom-web/`, authorization: SECRET, timeoutMs: 1500, maxUploadBytes: 4 * MIB });
  toHanging = await proxyTo({ url: `http://127.0.0.1:${hangingPort}/dicom-web`, authorization: SECRET, timeoutMs: 1000 });
  toNothing = await proxyTo({ url: `http://127.0.0.1:${downPort}/dicom-web`, authorization: SECRET });
  unconfigured = await proxyTo(undefined);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  for (const s of hangingSockets) s.destroy();
  await new Promise((r) => hanging.close(r));
  recorder.closeAllConnections();
  await new Promise((r) => recorder.close(r));
  await pacs?.stop();
  if (emptyBuild) await rm(emptyBuild, { recursive: true, force: true });
  for (const restore of restorers) restore();
});

describe('the DICOMweb proxy and a real PACS (Orthanc)', () => {
  const rcc = readFileSync(join(process.cwd(), 'test-data/sample/RCC.dcm'));
  const ge = readFileSync(join(process.cwd(), 'test-data/real-mg/ge-senographe-essential-rmlo.dcm'));
  let sopUids: string[] = [];

  it('stores two mammograms with STOW-RS through /dicomweb/studies', async () => {
    const boundary = 'calcscribe-proxy-test';
    const r = await send(`${toOrthanc}dicomweb/studies`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json' },
      body: stowBody([rcc, ge], boundary),
    });
    expect(r.status).toBe(200);
    const stored = JSON.parse(r.body.toString('utf8')) as Record<string, { Value?: Record<string, { Value?: string[] }>[] }>;
    expect(stored['00081198']?.Value ?? []).toEqual([]); // the Failed SOP Sequence is empty
    sopUids = (stored['00081199']?.Value ?? []).map((item) => item['00081155']?.Value?.[0] ?? '');
    expect(sopUids).toHaveLength(2);
    expect(sopUids.every((u) => /^[0-9.]+$/.test(u))).toBe(true);
  });

  it('finds them with QIDO-RS and retrieves each with WADO-RS, byte for byte what was stored', async () => {
    for (const [i, file] of [rcc, ge].entries()) {
      const q = await send(`${toOrthanc}dicomweb/instances?SOPInstanceUID=${sopUids[i]}`, { headers: { Accept: 'application/dicom+json' } });
      expect(q.status).toBe(200);
      const found = JSON.parse(q.body.toString('utf8')) as Record<string, { Value?: string[] }>[];
      expect(found).toHaveLength(1);
      const study = found[0]?.['0020000D']?.Value?.[0];
      const series = found[0]?.['0020000E']?.Value?.[0];
      const instance = `studies/${study}/series/${series}/instances/${sopUids[i]}`;
      // As stored (transfer-syntax=*): the very bytes of the file.
      const wado = await send(`${toOrthanc}dicomweb/${instance}`, { headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
      expect(wado.status).toBe(200);
      expect(wado.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(wado.headers['cache-control']).toBe('no-store');
      const part = onlyPart(wado);
      expect(part.length).toBe(file.length);
      expect(part.equals(file)).toBe(true);
      // Orthanc's default (Explicit VR Little Endian, decompressed: about 15 MB for the GE image) is what Orthanc itself answers.
      const viaProxy = onlyPart(await send(`${toOrthanc}dicomweb/${instance}`, { headers: { Accept: 'multipart/related; type="application/dicom"' } }));
      const direct = onlyPart(await send(`${pacs!.dicomWebUrl}/${instance}`, { headers: { Accept: 'multipart/related; type="application/dicom"' } }));
      expect(viaProxy.length).toBe(direct.length);
      expect(viaProxy.equals(direct)).toBe(true);
    }
  });

  it('searches studies by patient as the viewer will (QIDO-RS with a query)', async () => {
    const q = await send(`${toOrthanc}dicomweb/studies?ModalitiesInStudy=MG&includefield=00100020`, { headers: { Accept: 'application/dicom+json' } });
    expect(q.status).toBe(200);
    const studies = JSON.parse(q.body.toString('utf8')) as unknown[];
    expect(studies.length).toBeGreaterThanOrEqual(1);
  });

  it('passes on only DICOMweb resources: Orthanc’s own /dicom-web/servers is not reachable', async () => {
    const r = await send(`${toOrthanc}dicomweb/servers`);
    expect(r.status).toBe(404);
    expect(messageOf(r)).toBe('Not a DICOMweb resource (studies, series or instances).');
  });
});

describe('what reaches the PACS', () => {
  it('is the configured server and root with the request’s checked path and query, and the configured Authorization only', async () => {
    seen.length = 0;
    const port = new URL(toRecorder).port;
    const r = await send(`${toRecorder}dicomweb/studies/1.2.840.1/series?PatientName=DOE%5EJ*&limit=5`, {
      headers: {
        Host: `127.0.0.1:${port}`,
        Accept: 'application/dicom+json',
        Cookie: 'viewer-session=page-cookie',
        Authorization: 'Bearer page-token',
        'Proxy-Authorization': 'Basic cHJveHk=',
        Connection: 'keep-alive, X-Page-Hop',
        'X-Page-Hop': 'hop-by-hop',
        'Keep-Alive': 'timeout=5',
        'X-Forwarded-Host': 'evil.example',
        'X-Page-Other': 'other',
        Origin: `http://127.0.0.1:${port}`,
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    expect(r.status).toBe(200);
    expect(seen).toHaveLength(1);
    const got = seen[0]!;
    expect(got.method).toBe('GET');
    expect(got.url).toBe('/dicom-web/studies/1.2.840.1/series?PatientName=DOE%5EJ*&limit=5');
    expect(got.headers.host).toBe(`127.0.0.1:${recorderPort}`);
    expect(got.headers.authorization).toBe(SECRET);
    expect(got.headers.accept).toBe('application/dicom+json');
    for (const name of ['cookie', 'proxy-authorization', 'x-page-hop', 'keep-alive', 'x-forwarded-host', 'x-page-other', 'origin', 'sec-fetch-site']) expect(got.headers[name]).toBeUndefined();
    expect(got.rawHeaders.join('\n')).not.toContain('page-token');
  });

  it('answers with the PACS’s status and content headers, without its hop-by-hop headers, cookies or login prompt', async () => {
    const r = await send(`${toRecorder}dicomweb/studies`, { headers: { Accept: 'application/dicom+json' } });
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toBe('[]');
    expect(r.headers['content-type']).toBe('application/dicom+json');
    expect(r.headers.warning).toBe('299 pacs "fuzzymatching not supported"');
    for (const name of ['x-pacs-hop', 'set-cookie', 'www-authenticate', 'x-pacs-internal']) expect(r.headers[name]).toBeUndefined();
    expect(r.headers.connection).not.toContain('X-Pacs-Hop');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is nothing for traversal, other resources, other methods or another site', async () => {
    seen.length = 0;
    const raw = (line: string, headers = ''): Promise<string> =>
      new Promise((resolve) => {
        const s = new Socket();
        let out = '';
        s.connect(Number(new URL(toRecorder).port), '127.0.0.1', () => s.write(`${line}\r\nHost: 127.0.0.1:${new URL(toRecorder).port}\r\nConnection: close\r\n${headers}\r\n`));
        s.on('data', (d: Buffer) => (out += d.toString('latin1')));
        s.on('close', () => resolve(out.split('\r\n')[0] ?? ''));
      });
    expect(await raw('GET /dicomweb/studies/../../package.json HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET /dicomweb/%2e%2e/%2e%2e/system HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET /dicomweb/studies%2f..%2f..%2fsystem HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET /dicomweb/studies/..%5c..%5csystem HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET http://evil.example/dicomweb/studies HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET /dicomweb//evil.example/studies HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET /dicomweb/system HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(await raw('GET /dicomweb/ HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(await raw('DELETE /dicomweb/studies/1.2.3 HTTP/1.1')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(await raw('PUT /dicomweb/studies HTTP/1.1', 'Content-Length: 0\r\n')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(await raw('POST /dicomweb/studies/1.2.3/series HTTP/1.1', 'Content-Length: 0\r\n')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(await raw('POST /dicomweb/studies/not-a-uid HTTP/1.1', 'Content-Length: 0\r\n')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(await raw('POST /dicomweb/studies HTTP/1.1', 'Origin: http://evil.example\r\nContent-Length: 0\r\n')).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw('GET /dicomweb/studies HTTP/1.1', 'Sec-Fetch-Site: cross-site\r\n')).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw('GET /dicomweb/studies HTTP/1.1', 'Sec-Fetch-Site: same-site\r\n')).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw('POST /dicomweb/studies HTTP/1.1', `Content-Length: ${8 * MIB}\r\n`)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(seen).toEqual([]);
  });

  it('accepts STOW-RS to studies/{uid}', async () => {
    seen.length = 0;
    const r = await send(`${toRecorder}dicomweb/studies/1.2.840.10008.1`, { method: 'POST', headers: { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=x' }, body: Buffer.from('--x--\r\n') });
    expect(r.status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /dicom-web/studies/1.2.840.10008.1']);
  });
});

describe('bodies stream both ways', () => {
  it('passes the PACS’s first megabyte on before the PACS has sent the rest', async () => {
    let received = 0;
    const total = await new Promise<number>((resolve, reject) => {
      const r = request(`${toRecorder}dicomweb/studies/stream`, { agent: false }, (res) => {
        res.on('data', (c: Buffer) => {
          const before = received;
          received += c.length;
          if (before < MIB && received >= MIB) releaseStream();
        });
        res.on('end', () => resolve(received));
        res.on('error', reject);
      });
      r.on('error', reject);
      r.end();
      setTimeout(() => reject(new Error(`only ${received} bytes came through in 10 s: the answer is held back`)), 10_000);
    });
    expect(total).toBe(2 * MIB);
  });

  it('passes an upload’s first megabyte on to the PACS before the upload has ended', async () => {
    const answer = new Promise<Answer>((resolve, reject) => {
      const r = request(`${toRecorder}dicomweb/studies`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/octet-stream' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      r.on('error', reject);
      r.write(Buffer.alloc(MIB, 4));
      const timer = setTimeout(() => reject(new Error('the PACS saw nothing of the upload before it ended: the upload is held back')), 10_000);
      void uploadReachedHalfway.then(() => {
        clearTimeout(timer);
        r.end(Buffer.alloc(MIB, 5));
      });
    });
    const r = await answer;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString('utf8'))).toEqual({ received: 2 * MIB });
  });

  it('stops an upload without a length past the limit with 413', async () => {
    const r = await new Promise<number | 'closed'>((resolve) => {
      const req = request(`${toRecorder}dicomweb/studies`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/octet-stream' } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      req.on('error', () => resolve('closed'));
      const chunk = Buffer.alloc(MIB, 6);
      let sent = 0;
      const pump = (): void => {
        while (sent < 16 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(r).toBe(413);
  });
});

describe('a PACS that is down, hangs or is not configured', () => {
  it('refused: 502 with the PACS named, at once', async () => {
    const t0 = Date.now();
    const r = await send(`${toNothing}dicomweb/studies`);
    expect(r.status).toBe(502);
    expect(messageOf(r)).toBe(`The PACS at http://127.0.0.1:${downPort}/dicom-web refused the connection.`);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('no answer: 504 within the timeout, for a burst of requests too', async () => {
    const t0 = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, () => send(`${toHanging}dicomweb/studies?PatientID=1`)));
    const elapsed = Date.now() - t0;
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 504));
    expect(messageOf(answers[0]!)).toMatch(/^The PACS at http:\/\/127\.0\.0\.1:\d+\/dicom-web did not answer within 1 s\.$/);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(5000);
  });

  it('a STOW-RS the PACS never answers: 504 within the timeout', async () => {
    const t0 = Date.now();
    const r = await send(`${toHanging}dicomweb/studies`, { method: 'POST', headers: { 'Content-Type': 'application/dicom' }, body: Buffer.alloc(200_000, 7) });
    expect(r.status).toBe(504);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('an answer that stalls halfway: the connection is closed within the timeout, the client is not left waiting', async () => {
    const t0 = Date.now();
    const outcome = await new Promise<string>((resolve) => {
      const r = request(`${toRecorder}dicomweb/studies/stall`, { agent: false }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve('ended'));
        res.on('error', () => resolve('aborted'));
        res.on('aborted', () => resolve('aborted'));
      });
      r.on('error', () => resolve('aborted'));
      r.end();
    });
    expect(outcome).toBe('aborted');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('the servers still serve afterwards', async () => {
    for (const base of [toOrthanc, toRecorder, toHanging, toNothing]) expect((await send(`${base}dicomweb-config`)).status).toBe(200);
  });

  it('not configured: the page is told so, and /dicomweb/ answers 404 with how to configure it', async () => {
    const c = await send(`${unconfigured}dicomweb-config`);
    expect(JSON.parse(c.body.toString('utf8'))).toEqual({ configured: false });
    const r = await send(`${unconfigured}dicomweb/studies`);
    expect(r.status).toBe(404);
    expect(messageOf(r)).toContain('--dicomweb URL or CALCSCRIBE_DICOMWEB_URL');
  });
});

describe('the configured Authorization stays secret', () => {
  it('the page learns that a PACS is configured and its label, not the Authorization', async () => {
    const r = await send(`${toRecorder}dicomweb-config`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(JSON.parse(r.body.toString('utf8'))).toEqual({ configured: true, label: `http://127.0.0.1:${recorderPort}/dicom-web`, root: '/dicomweb/' });
    for (const part of SECRET_PARTS) expect(r.body.toString('utf8')).not.toContain(part);
  });

  it('appears in no error page and in nothing the server printed', async () => {
    const pages = await Promise.all([
      send(`${toNothing}dicomweb/studies`),
      send(`${toHanging}dicomweb/studies`),
      send(`${toRecorder}dicomweb/servers`),
      send(`${toRecorder}dicomweb/studies`, { headers: { Origin: 'http://evil.example' } }),
      send(`${toRecorder}dicomweb-config`),
    ]);
    expect(pages.map((p) => p.status)).toEqual([502, 504, 404, 403, 200]);
    const text = [...pages.map((p) => `${JSON.stringify(p.headers)}\n${p.body.toString('utf8')}`), ...printed].join('\n');
    for (const part of SECRET_PARTS) expect(text).not.toContain(part);
    // The capture works: what the proxy's PACS addresses look like is there to be searched.
    console.log(`proxied: ${toRecorder}`);
    expect(printed.join('\n')).toContain(`proxied: ${toRecorder}`);
  });
});

describe('npm start -- --dicomweb URL', () => {
  /** Runs `npm start`'s script (serving the last build) and collects what it prints until it is stopped. */
  function start(args: readonly string[], env: Record<string, string>): { output: () => string; exited: Promise<number | null>; stop: () => void; ready: Promise<string> } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/viewer/serve.ts', '--no-build', ...args], { cwd: process.cwd(), env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed in 30 s:\n${out}`)), 30_000);
      const look = (): void => {
        const m = /calcscribe viewer: (http:\/\/127\.0\.0\.1:\d+\/)\n[^]*proxied/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      };
      child.stdout.on('data', look);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`exited:\n${out}`));
      });
    });
    ready.catch(() => undefined);
    return { output: () => out, exited, stop: () => child.kill('SIGTERM'), ready };
  }

  it('proxies the PACS with the Authorization from the environment, and prints the label, never the Authorization', async () => {
    const npmStart = start(['--dicomweb', `http://127.0.0.1:${recorderPort}/dicom-web`], { CALCSCRIBE_DICOMWEB_AUTHORIZATION: SECRET });
    try {
      const url = await npmStart.ready;
      seen.length = 0;
      const config = await send(`${url}dicomweb-config`);
      expect(JSON.parse(config.body.toString('utf8'))).toEqual({ configured: true, label: `http://127.0.0.1:${recorderPort}/dicom-web`, root: '/dicomweb/' });
      expect((await send(`${url}dicomweb/studies?PatientID=P1`)).status).toBe(200);
      expect(seen.map((s) => [s.url, s.headers.authorization])).toEqual([['/dicom-web/studies?PatientID=P1', SECRET]]);
      expect((await send(`${url}sample/%E0%A4%A`)).status).toBe(400);
      expect((await send(`${url}dicomweb-config`)).status).toBe(200);
      expect(npmStart.output()).toContain(`DICOMweb server http://127.0.0.1:${recorderPort}/dicom-web proxied at ${url}dicomweb/ (with the configured Authorization)`);
    } finally {
      npmStart.stop();
      await npmStart.exited;
    }
    for (const part of SECRET_PARTS) expect(npmStart.output()).not.toContain(part);
  });

  it('refuses a URL that is not HTTP(S) or carries credentials, saying why, and exits 2', async () => {
    for (const [url, why] of [
      ['ftp://pacs.example/dicom-web', 'must start with http:// or https://'],
      ['http://radiologist:secret-radiology@pacs.example/dicom-web', 'must not carry a user name or password'],
    ] as const) {
      const npmStart = start(['--dicomweb', url], {});
      expect(await npmStart.exited).toBe(2);
      expect(npmStart.output()).toContain(why);
      expect(npmStart.output()).not.toContain('secret-radiology');
    }
  });
});
