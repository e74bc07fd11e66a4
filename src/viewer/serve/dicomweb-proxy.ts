/**
 * The same-origin DICOMweb proxy of the standalone server: the page calls `/dicomweb/<resource>`
 * and the server forwards it to the one configured DICOMweb root (a PACS such as Orthanc, which
 * sends no CORS headers). QIDO-RS and WADO-RS (GET, HEAD) under studies/, series/ and instances/;
 * STOW-RS (POST) only to studies or studies/{uid}. Bodies are streamed both ways, never held
 * whole. Only a short list of request headers travels on (never the page's Cookie or
 * Authorization); the configured Authorization is added and never logged. A PACS that refuses
 * gives 502, one that does not answer in time gives 504; these and the proxy's other refusals are
 * JSON ({ "message": "The PACS at … refused the connection." }), which the page's DICOMweb client
 * reads and shows. `GET /dicomweb-config` tells the page whether a PACS is configured, and its label.
 *
 * Nothing is logged per request: a query names patients.
 */
import { request as httpRequest, Agent as HttpAgent, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import type { Plugin } from 'vite';
import type { DicomWebTarget } from './dicomweb-settings.js';
import { answerJson, answerProblem, setOwnAnswerHeaders } from './plain-answer.js';
import { checkRequestTarget, guarded, type Middleware } from './request-guard.js';

export const PROXY_PATH = '/dicomweb';
export const CONFIG_PATH = '/dicomweb-config';

/** What `GET /dicomweb-config` answers. */
export type DicomWebConfigAnswer = { readonly configured: false } | { readonly configured: true; readonly label: string; readonly root: string };

/** The DICOMweb resources passed on (PS3.18 studies, series, instances and what is below them). */
const RESOURCES = new Set(['studies', 'series', 'instances']);
const UID = /^[0-9]+(?:\.[0-9]+)*$/;

/** The only request headers sent on to the PACS (no Cookie, Authorization, Host, Origin, hop-by-hop). */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-encoding', 'content-type', 'content-length', 'if-none-match', 'if-modified-since', 'range', 'if-range'] as const;
/** The only response headers passed back (no Set-Cookie, WWW-Authenticate, hop-by-hop, the PACS's own policies). */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'warning', 'retry-after'] as const;

const REFUSALS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'closed the connection without answering',
  EPIPE: 'closed the connection without answering',
  ENOTFOUND: 'has a host name that was not found',
  EAI_AGAIN: 'has a host name that could not be looked up',
  EHOSTUNREACH: 'cannot be reached (no route to the host)',
  ENETUNREACH: 'cannot be reached (no route to the network)',
  CERT_HAS_EXPIRED: 'presented an expired TLS certificate',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'presented a self-signed TLS certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'presented a TLS certificate that could not be verified',
};

/** Whether the request comes from the viewer's own pages (or from no page at all, e.g. a command line tool). */
function fromOwnOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host ?? ''}`;
}

function forwardedRequestHeaders(req: IncomingMessage, target: DicomWebTarget): OutgoingHttpHeaders {
  const out: Record<string, string | string[]> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value: string | string[] | undefined = req.headers[name];
    if (value !== undefined) out[name] = value;
  }
  if (target.authorization !== null) out.authorization = target.authorization;
  return out;
}

function forwardedResponseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Counts the bytes of an upload and stops it past the limit. */
class UploadLimit extends Transform {
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) {
      done(new Error('upload too large'));
      return;
    }
    done(null, chunk);
  }
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const tooLarge = (target: DicomWebTarget): string => `The upload is larger than the ${target.maxUploadBytes} bytes the viewer passes on to the PACS.`;

/** The proxy's middleware for a target (null: no PACS configured; the page is told so). */
export function dicomWebMiddleware(target: DicomWebTarget | null): { middleware: Middleware; close(): void } {
  const agent = target?.root.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });

  const middleware: Middleware = (req, res, next) => {
    const checked = checkRequestTarget(req.url ?? '');
    if (!checked.ok) {
      next();
      return;
    }
    if (checked.path === CONFIG_PATH) {
      const answer: DicomWebConfigAnswer = target === null ? { configured: false } : { configured: true, label: target.label, root: `${PROXY_PATH}/` };
      answerJson(req, res, answer);
      return;
    }
    if (checked.segments[0] !== PROXY_PATH.slice(1)) {
      next();
      return;
    }
    const method = req.method ?? '';
    if (target === null) {
      answerProblem(req, res, 404, 'No DICOMweb server is configured: start the viewer with --dicomweb URL or CALCSCRIBE_DICOMWEB_URL.', {}, method === 'POST');
      return;
    }
    if (!fromOwnOrigin(req)) {
      answerProblem(req, res, 403, 'DICOMweb requests are answered for the viewer’s own pages only.', {}, method === 'POST');
      return;
    }
    const resource = checked.segments.slice(1);
    if (resource.length === 0 || !RESOURCES.has(resource[0] as string) || resource.some((s) => s === '')) {
      answerProblem(req, res, 404, 'Not a DICOMweb resource (studies, series or instances).', {}, method === 'POST');
      return;
    }
    const stow = resource[0] === 'studies' && (resource.length === 1 || (resource.length === 2 && UID.test(resource[1] as string) && (resource[1] as string).length <= 64));
    if (method === 'POST' ? !stow : method !== 'GET' && method !== 'HEAD') {
      const allow = stow ? 'GET, HEAD, POST' : 'GET, HEAD';
      answerProblem(req, res, 405, `${method.slice(0, 20)} is not passed on for this DICOMweb resource (allowed: ${allow}).`, { Allow: allow }, method === 'POST');
      return;
    }
    const announced = Number(req.headers['content-length'] ?? 0);
    if (method === 'POST' && (!Number.isFinite(announced) || announced > target.maxUploadBytes)) {
      answerProblem(req, res, 413, tooLarge(target), {}, true);
      return;
    }
    forward(req, res, method, checked.path.slice(PROXY_PATH.length) + (checked.query === '' ? '' : `?${checked.query}`), target);
  };

  function forward(req: IncomingMessage, res: ServerResponse, method: string, rest: string, target: DicomWebTarget): void {
    const root = target.root;
    const send = root.protocol === 'https:' ? httpsRequest : httpRequest;
    // Host, port and path prefix come from the configured root only; the request adds a checked path below it.
    const upstream = send({
      protocol: root.protocol,
      hostname: root.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: root.port === '' ? undefined : Number(root.port),
      path: `${root.pathname.replace(/\/$/, '')}${rest}`,
      method,
      headers: forwardedRequestHeaders(req, target),
      agent,
    });
    // answered: the PACS's answer is being passed on; settled: the outcome is decided (answered, refused or timed out).
    let answered = false;
    let settled = false;
    let answerTimer: NodeJS.Timeout | undefined;
    /** Both connections closed: the PACS's answer had started, or the client is gone. */
    const abandon = (): void => {
      clearTimeout(answerTimer);
      settled = true;
      upstream.destroy();
      res.destroy();
    };
    const fail = (status: number, message: string): void => {
      if (settled) return;
      if (answered || res.headersSent || res.destroyed) {
        abandon();
        return;
      }
      clearTimeout(answerTimer);
      settled = true;
      upstream.destroy();
      answerProblem(req, res, status, message, {}, method === 'POST');
    };
    const timedOut = (): void => {
      if (res.writableFinished) return;
      // Before the answer: 504. During it (the PACS went quiet): the connection is closed.
      if (answered) abandon();
      else fail(504, `The PACS at ${target.label} did not answer within ${seconds(target.timeoutMs)}.`);
    };
    // Quiet connection (no byte either way) for the timeout, while connecting, sending or receiving.
    upstream.setTimeout(target.timeoutMs, timedOut);
    // Once the request is sent, the PACS has the timeout to start its answer.
    upstream.on('finish', () => {
      if (!answered && !settled) answerTimer = setTimeout(timedOut, target.timeoutMs);
    });
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      const why = REFUSALS[e.code ?? ''] ?? `could not be reached (${e.code ?? 'connection error'})`;
      fail(502, `The PACS at ${target.label} ${why}.`);
    });
    upstream.on('response', (incoming) => {
      clearTimeout(answerTimer);
      if (settled) {
        incoming.destroy();
        return;
      }
      answered = true;
      res.statusCode = incoming.statusCode ?? 502;
      setOwnAnswerHeaders(res);
      for (const [name, value] of Object.entries(forwardedResponseHeaders(incoming.headers))) res.setHeader(name, value);
      pipeline(incoming, res, (e) => {
        if (e) abandon();
      });
    });
    // The client went away: stop asking the PACS.
    res.on('close', () => {
      clearTimeout(answerTimer);
      if (!res.writableFinished) abandon();
    });
    if (method === 'POST') {
      // Streamed on as it comes; past the limit the upload is refused (413) and the rest read and dropped.
      const limit = new UploadLimit(target.maxUploadBytes);
      limit.on('error', () => {
        req.unpipe(limit);
        req.resume();
        fail(413, tooLarge(target));
      });
      req.on('error', () => fail(400, 'The upload was interrupted.'));
      req.pipe(limit).pipe(upstream);
    } else {
      upstream.end();
    }
  }

  return { middleware, close: () => agent.destroy() };
}

/** The proxy as a Vite plugin of the preview server (`npm start`). */
export function dicomWebProxy(target: DicomWebTarget | null): Plugin {
  return {
    name: 'calcscribe-dicomweb-proxy',
    configurePreviewServer(server) {
      const proxy = dicomWebMiddleware(target);
      server.middlewares.use(guarded(proxy.middleware));
      server.httpServer.on('close', () => proxy.close());
    },
  };
}
