/**
 * A small HTTP proxy in front of the test PACS that injects faults on request: an HTTP error with
 * a reason, an answer that never comes, a slow answer, a replaced (malformed) body, or a rewritten
 * JSON answer. With no fault set it forwards everything unchanged. It listens on 127.0.0.1 only.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Which requests a fault applies to (default: all). */
export type FaultMatch = (method: string, path: string) => boolean;

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly statusText: string; readonly body: string; readonly contentType?: string; readonly match?: FaultMatch }
  | { readonly kind: 'hang'; readonly match?: FaultMatch }
  | { readonly kind: 'delay'; readonly ms: number; readonly match?: FaultMatch }
  | { readonly kind: 'body'; readonly status?: number; readonly body: string | Buffer; readonly contentType: string; readonly match?: FaultMatch }
  | { readonly kind: 'rewrite-json'; readonly transform: (json: unknown) => unknown; readonly match?: FaultMatch };

export interface FaultProxy {
  /** The proxy's root, e.g. http://127.0.0.1:40123 */
  readonly baseUrl: string;
  /** The DICOMweb root through the proxy. */
  readonly dicomWebUrl: string;
  /** Sets the fault for the requests that follow (null: forward unchanged). */
  setFault(fault: Fault | null): void;
  /** Requests seen, oldest first (method and path). */
  readonly seen: { method: string; path: string; faulted: boolean; authorization: string | undefined }[];
  stop(): Promise<void>;
}

export const isStow: FaultMatch = (method, path) => method === 'POST' && /\/studies\/?(\?|$)/.test(path);
export const isQido: FaultMatch = (method, path) => method === 'GET' && /\/(studies|instances|series)(\?|$)/.test(path.replace(/\/studies\/[0-9.]+\/instances/, '/instances'));
export const isWado: FaultMatch = (method, path) => method === 'GET' && /\/instances\/[^/?]+$/.test(path);

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let fault: Fault | null = null;
  const seen: FaultProxy['seen'] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, rewrite?: (json: unknown) => unknown): void => {
    const up = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (upRes) => {
        if (rewrite === undefined) {
          res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, upRes.headers);
          upRes.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const text = JSON.stringify(rewrite(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, { 'content-type': 'application/dicom+json', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        });
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502, 'Bad Gateway');
      res.end();
    });
    up.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const f = fault !== null && (fault.match ?? (() => true))(method, path) ? fault : null;
      seen.push({ method, path, faulted: f !== null, authorization: req.headers.authorization });
      if (f === null) return forward(req, res, body);
      switch (f.kind) {
        case 'status':
          res.writeHead(f.status, f.statusText, { 'content-type': f.contentType ?? 'text/plain', 'content-length': Buffer.byteLength(f.body) });
          res.end(f.body);
          return;
        case 'hang':
          return; // never answers; the socket is closed by stop()
        case 'delay':
          setTimeout(() => forward(req, res, body), f.ms);
          return;
        case 'body':
          res.writeHead(f.status ?? 200, { 'content-type': f.contentType, 'content-length': Buffer.byteLength(f.body) });
          res.end(f.body);
          return;
        case 'rewrite-json':
          forward(req, res, body, f.transform);
          return;
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    dicomWebUrl: `${baseUrl}${upstream.pathname.replace(/\/$/, '')}`,
    setFault: (f) => {
      fault = f;
    },
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
