/**
 * The built standalone server (`serveViewer`, what `npm start` runs) answers every hostile or
 * broken request with a 4xx / 5xx and keeps serving: malformed percent-encoding, traversal in all
 * its spellings, NUL bytes, absolute targets, huge headers and bodies, methods it does not serve,
 * malformed request lines, a PACS behind the proxy that never answers, and a burst of hundreds of
 * requests at once. Afterwards it still serves its files and Chromium loads the viewer; no
 * rejection or exception reached the process.
 */
import { once } from 'node:events';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer } from '../../src/viewer/serve.js';
import { CHROMIUM, CHROMIUM_ARGS, waitForExamShown } from '../e2e/harness.js';

const RCC = join(process.cwd(), 'test-data/sample/RCC.dcm');
const PROXY_TIMEOUT_MS = 1000;

let server: { url: string; close: () => Promise<void> };
let port: number;
let outDir: string;
let profile: string;
let context: BrowserContext | undefined;
const hangingSockets: Socket[] = [];
const hangingPacs: Server = createServer((socket) => {
  hangingSockets.push(socket);
  socket.on('error', () => undefined);
});
const reachedProcess: string[] = [];
const onRejection = (e: unknown): void => {
  reachedProcess.push(`unhandled rejection: ${String(e)}`);
};
const onException = (e: unknown): void => {
  reachedProcess.push(`uncaught exception: ${String(e)}`);
};

/** Sends bytes on a fresh connection; resolves to the status line of the answer ('' when the connection closed unanswered). */
function raw(bytes: string | Buffer, waitMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = Buffer.alloc(0);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer.toString('latin1').split('\r\n')[0] ?? '');
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d: Buffer) => {
      answer = Buffer.concat([answer, d]);
      // The status line is all that is compared; a long answer need not be read to its end.
      if (answer.includes('\r\n')) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

const get = (target: string, extra = ''): string => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra}\r\n`;
const method = (m: string, target = '/', extra = ''): string => `${m} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra}\r\n`;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  hangingPacs.listen(0, '127.0.0.1');
  await once(hangingPacs, 'listening');
  const a = hangingPacs.address();
  const pacsPort = typeof a === 'object' && a !== null ? a.port : 0;
  outDir = await mkdtemp(join(tmpdir(), 'calcscribe-viewer-'));
  profile = await mkdtemp(join(tmpdir(), 'calcscribe-chromium-'));
  server = await serveViewer({ port: 0, outDir, testHooks: true, dicomWeb: { url: `http://127.0.0.1:${pacsPort}/dicom-web`, timeoutMs: PROXY_TIMEOUT_MS } });
  port = Number(new URL(server.url).port);
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const s of hangingSockets) s.destroy();
  await new Promise((r) => hangingPacs.close(r));
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  if (outDir) await rm(outDir, { recursive: true, force: true });
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** [what, request bytes, the expected status line] */
const HOSTILE: readonly (readonly [string, () => string | Buffer, string])[] = [
  ['malformed percent-encoding under /sample/', () => get('/sample/%E0%A4%A'), '400 Bad Request'],
  ['malformed percent-encoding at the root', () => get('/%E0%A4%A'), '400 Bad Request'],
  ['a lone %', () => get('/sample/%'), '400 Bad Request'],
  ['non-hex escapes', () => get('/sample/%zz.dcm'), '400 Bad Request'],
  ['overlong UTF-8 slash', () => get('/sample/..%c0%af..%c0%afpackage.json'), '400 Bad Request'],
  ['malformed encoding in the query', () => get('/?exam=%E0%A4%A'), '400 Bad Request'],
  ['.. under /sample/', () => get('/sample/../package.json'), '400 Bad Request'],
  ['.. at the root', () => get('/../../../etc/passwd'), '400 Bad Request'],
  ['%2e%2e', () => get('/%2e%2e/package.json'), '400 Bad Request'],
  ['%2E%2E under /sample/', () => get('/sample/%2E%2E/%2E%2E/package.json'), '400 Bad Request'],
  ['encoded slash', () => get('/sample/..%2f..%2fpackage.json'), '400 Bad Request'],
  ['encoded backslash', () => get('/sample/..%5c..%5cpackage.json'), '400 Bad Request'],
  ['raw backslash', () => get('/sample/..\\..\\package.json'), '400 Bad Request'],
  ['absolute path', () => get('//etc/passwd'), '400 Bad Request'],
  ['absolute path under /sample/', () => get('/sample//etc/passwd'), '400 Bad Request'],
  ['absolute-form target', () => get('http://127.0.0.1/../package.json'), '400 Bad Request'],
  ['absolute-form target to another host', () => get('http://evil.example/dicomweb/studies'), '400 Bad Request'],
  ['%00 in a file name', () => get('/sample/RCC.dcm%00.json'), '400 Bad Request'],
  ['%00 in the query', () => get('/?exam=%00'), '400 Bad Request'],
  ['raw NUL in the request line', () => get('/sample/RCC\u0000.dcm'), '400 Bad Request'],
  ['CR LF injection', () => get('/sample/RCC.dcm%0d%0aSet-Cookie:%20x=1'), '400 Bad Request'],
  ['traversal through the proxy', () => get('/dicomweb/studies/../../../system'), '400 Bad Request'],
  ['encoded traversal through the proxy', () => get('/dicomweb/%2e%2e/%2e%2e/system'), '400 Bad Request'],
  ['header beyond the limit', () => get('/', `X-Big: ${'a'.repeat(100_000)}\r\n`), '431 Request Header Fields Too Large'],
  ['thousands of headers beyond the limit', () => get('/', Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${'b'.repeat(10)}\r\n`).join('')), '431 Request Header Fields Too Large'],
  ['a 10 GB body announced on POST /', () => method('POST', '/', 'Content-Length: 10737418240\r\n') + 'x'.repeat(1000), '405 Method Not Allowed'],
  ['a 10 GB STOW announced through the proxy', () => method('POST', '/dicomweb/studies', 'Content-Length: 10737418240\r\n') + 'x'.repeat(1000), '413 Payload Too Large'],
  ['a body on GET', () => get('/', 'Content-Length: 1000000\r\n') + 'y'.repeat(1000), '400 Bad Request'],
  ['chunks on GET', () => get('/', 'Transfer-Encoding: chunked\r\n') + '5\r\nhello\r\n', '400 Bad Request'],
  ['PUT', () => method('PUT', '/sample/RCC.dcm', 'Content-Length: 3\r\n') + 'abc', '405 Method Not Allowed'],
  ['DELETE', () => method('DELETE', '/sample/RCC.dcm'), '405 Method Not Allowed'],
  ['PATCH', () => method('PATCH', '/', 'Content-Length: 2\r\n') + '{}', '405 Method Not Allowed'],
  ['TRACE', () => method('TRACE'), '405 Method Not Allowed'],
  // A target that does not start with '/' reaches no middleware (connect skips them all): 404.
  ['OPTIONS *', () => method('OPTIONS', '*'), '404 Not Found'],
  ['OPTIONS on a path', () => method('OPTIONS', '/dicomweb/studies', 'Origin: http://evil.example\r\nAccess-Control-Request-Method: GET\r\n'), '405 Method Not Allowed'],
  ['PROPFIND', () => method('PROPFIND'), '405 Method Not Allowed'],
  ['DELETE through the proxy', () => method('DELETE', '/dicomweb/studies/1.2.3'), '405 Method Not Allowed'],
  ['CONNECT', () => `CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n`, '405 Method Not Allowed'],
  ['an unknown method name', () => method('BREW'), '400 Bad Request'],
  ['a garbage request line', () => 'GARBAGE\r\n\r\n', '400 Bad Request'],
  ['binary noise', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)), '400 Bad Request'],
  ['an unsupported HTTP version', () => `GET / HTTP/7.3\r\nHost: 127.0.0.1:${port}\r\n\r\n`, '400 Bad Request'],
  ['no Host header', () => 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', '400 Bad Request'],
  ['a foreign Host (DNS rebinding)', () => `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`, '403 Forbidden'],
  ['a bad character in a header', () => get('/', 'X-Bad: a\u0001b\r\n'), '400 Bad Request'],
  ['a PACS that never answers', () => get('/dicomweb/studies?PatientID=1'), '504 Gateway Timeout'],
  ['a DICOMweb request from another site', () => get('/dicomweb/studies', 'Sec-Fetch-Site: cross-site\r\n'), '403 Forbidden'],
];

describe('hostile and broken requests', () => {
  it.each(HOSTILE.map(([what, bytes, status]) => [what, bytes, status] as const))('%s → a 4xx / 5xx answer', async (_what, bytes, status) => {
    expect(await raw(bytes())).toBe(`HTTP/1.1 ${status}`);
  });

  it('nothing outside the served folders leaks in any answer', async () => {
    const secretish = ['"name": "calcscribe"', 'root:x:0:0', 'node_modules'];
    for (const target of ['/sample/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/sample/..%5c..%5cpackage.json', '/../../../etc/passwd', '//etc/passwd']) {
      const answer = await new Promise<string>((resolve) => {
        const s = connect(port, '127.0.0.1', () => s.write(get(target)));
        let text = '';
        s.on('data', (d: Buffer) => (text += d.toString('latin1')));
        s.on('close', () => resolve(text));
        s.on('error', () => resolve(text));
      });
      for (const s of secretish) expect(answer).not.toContain(s);
    }
  });

  it('a burst of 400 requests at once, hostile and ordinary, is answered in full', async () => {
    const rcc = await readFile(RCC);
    const base = server.url;
    const kinds = [
      async () => {
        const r = await fetch(new URL('/sample/RCC.dcm', base));
        const b = Buffer.from(await r.arrayBuffer());
        return r.status === 200 && b.equals(rcc) ? 'file' : `file ${r.status} ${b.length}`;
      },
      async () => ((await fetch(new URL('/', base))).status === 200 ? 'page' : 'page failed'),
      async () => `hostile ${(await raw(get('/sample/%E0%A4%A'))).slice(9, 12)}`,
      async () => `pacs ${(await fetch(new URL('/dicomweb/studies', base))).status}`,
    ];
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => (kinds[i % kinds.length] as () => Promise<string>)().catch((e: unknown) => `error ${String(e)}`)));
    const counts = results.reduce<Record<string, number>>((c, r) => ({ ...c, [r]: (c[r] ?? 0) + 1 }), {});
    expect(counts).toEqual({ file: 100, page: 100, 'hostile 400': 100, 'pacs 504': 100 });
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);
});

describe('afterwards', () => {
  it('the server still serves its files', async () => {
    const r = await fetch(new URL('/sample/RCC.dcm', server.url));
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).equals(await readFile(RCC))).toBe(true);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('Chromium loads the viewer and its sample exam, cross-origin isolated, and the page reads the PACS settings', async () => {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url);
    await waitForExamShown(page);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    const config = await page.evaluate(() => fetch('/dicomweb-config').then((r) => r.json()));
    expect(config).toEqual({ configured: true, label: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/dicom-web$/), root: '/dicomweb/' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('no rejection or exception reached the process', () => {
    expect(reachedProcess).toEqual([]);
  });
});
