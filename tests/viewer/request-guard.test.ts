/**
 * The standalone server's request guard: which request targets are plain paths, and that an
 * error inside a middleware (thrown or rejected) is answered 500 while the server keeps serving.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRequestTarget, guarded, guardRequest, type Middleware } from '../../src/viewer/serve/request-guard.js';

describe('checkRequestTarget', () => {
  it.each([
    ['/', ['']],
    ['/sample/RCC.dcm', ['sample', 'RCC.dcm']],
    ['/assets/index-abc.js?v=1', ['assets', 'index-abc.js']],
    ['/?exam=/hostile/', ['']],
    ['/dicomweb/studies?PatientName=DOE%5EJ*&StudyDate=20240101-', ['dicomweb', 'studies']],
    ['/sample/prior/', ['sample', 'prior', '']],
    ['/a%20b', ['a b']],
  ])('accepts %s', (url, segments) => {
    const r = checkRequestTarget(url);
    expect(r.ok && r.segments).toEqual(segments);
  });

  it.each([
    ['/sample/%E0%A4%A', 'malformed percent-encoding'],
    ['/sample/%zz', 'malformed percent-encoding'],
    ['/sample/%', 'malformed percent-encoding'],
    ['/x?q=%E0%A4%A', 'malformed percent-encoding'],
    ['/sample/../package.json', '"." or ".." segment'],
    ['/%2e%2e/package.json', '"." or ".." segment'],
    ['/sample/%2E%2E/%2E%2E/package.json', '"." or ".." segment'],
    ['/sample/./RCC.dcm', '"." or ".." segment'],
    ['/..%2fpackage.json', 'encoded "/"'],
    ['/sample/..%5C..%5Cpackage.json', 'encoded "/"'],
    ['/sample\\..\\package.json', 'not allowed'],
    ['//etc/passwd', 'empty segment'],
    ['/sample//etc/passwd', 'empty segment'],
    ['/sample/%00.dcm', 'control character'],
    ['/x?q=%00', 'control character'],
    ['/sample/RCC.dcm%0d%0aSet-Cookie:%20a=b', 'control character'],
    ['http://evil.example/x', 'Only a path'],
    ['*', 'Only a path'],
    ['', 'Only a path'],
    ['/caf\u00e9', 'not allowed'],
  ])('refuses %s (%s)', (url, why) => {
    const r = checkRequestTarget(url);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(why);
  });
});

describe('a failing middleware', () => {
  let server: Server;
  let base: string;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown): void => {
    rejections.push(e);
  };
  const throwing: Middleware = () => {
    throw new URIError('URI malformed');
  };
  const rejecting: Middleware = async () => {
    await Promise.resolve();
    throw new Error('disk gone');
  };
  const startedThenFailing: Middleware = async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('partial');
    await new Promise((r) => setTimeout(r, 20));
    throw new Error('failed while sending');
  };
  const routes: Record<string, Middleware> = { '/throws': guarded(throwing), '/rejects': guarded(rejecting), '/started': guarded(startedThenFailing) };

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    server = createServer((req, res) => {
      guardRequest(req, res, () => {
        const route = routes[req.url ?? ''];
        if (route) void route(req, res, () => undefined);
        else res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a !== null ? a.port : 0}`;
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await new Promise((r) => server.close(r));
  });

  it('is answered 500 whether it throws or rejects, and nothing reaches the process', async () => {
    for (const path of ['/throws', '/rejects']) {
      const r = await fetch(base + path);
      expect(r.status).toBe(500);
      expect(await r.text()).toBe('Internal error of the viewer server.\n');
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(rejections).toEqual([]);
  });

  it('closes the connection when its answer had started (the client is not left waiting)', async () => {
    const r = await fetch(`${base}/started`);
    expect(r.status).toBe(200);
    await expect(r.text()).rejects.toThrow();
  });

  it('leaves the server serving', async () => {
    const r = await fetch(`${base}/`);
    expect(await r.text()).toBe('ok');
  });
});
