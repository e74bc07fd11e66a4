/**
 * The standalone server's first line: every request is checked before anything serves it, and no
 * request can stop the server. A request target that is not a plain path (malformed or encoded
 * separators, dot segments, NUL or control characters, an absolute URL), a method the server does
 * not serve, or a body where none is taken gets a 4xx answer; an error inside a middleware gets a
 * 500 answer (or the connection closed when the answer had started) and the server keeps serving.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Plugin } from 'vite';
import { answerText } from './plain-answer.js';

type Next = (err?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void | Promise<void>;

/** The one URL prefix that takes POST (STOW-RS through the DICOMweb proxy). */
export const POST_PREFIX = '/dicomweb/';

export type TargetCheck =
  | { readonly ok: true; readonly path: string; readonly query: string; readonly segments: readonly string[] }
  | { readonly ok: false; readonly message: string };

const PERCENT = /%(?![0-9A-Fa-f]{2})/;
// Visible ASCII except the backslash; anything else in a request target is refused.
const PLAIN_TARGET = /^[\x21-\x5b\x5d-\x7e]*$/;
/** Whether a text has a control character (C0 including NUL, or DEL). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function decoded(text: string): string | null {
  if (PERCENT.test(text)) return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Checks a request target (`req.url`): an origin-form path with an optional query, no
 * malformed percent-encoding, no encoded '/' or '\', no '.' or '..' segment, no empty segment,
 * no NUL or control character. Returns the raw path and query and the decoded segments.
 */
export function checkRequestTarget(url: string): TargetCheck {
  if (!url.startsWith('/')) return { ok: false, message: 'Only a path is accepted as the request target.' };
  if (!PLAIN_TARGET.test(url)) return { ok: false, message: 'The request target has characters that are not allowed.' };
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query = at < 0 ? '' : url.slice(at + 1);
  const whole = decoded(path);
  if (whole === null) return { ok: false, message: 'The path has malformed percent-encoding.' };
  if (/%2f|%5c/i.test(path)) return { ok: false, message: 'The path has an encoded "/" or "\\".' };
  if (hasControlCharacter(whole) || whole.includes('\\')) return { ok: false, message: 'The path has a control character or a backslash.' };
  const segments = whole.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, message: 'The path has a "." or ".." segment.' };
  if (segments.slice(0, -1).some((s) => s === '')) return { ok: false, message: 'The path has an empty segment.' };
  const q = decoded(query.replace(/\+/g, ' '));
  if (q === null) return { ok: false, message: 'The query has malformed percent-encoding.' };
  if (hasControlCharacter(q)) return { ok: false, message: 'The query has a control character.' };
  return { ok: true, path, query, segments };
}

/** Whether the request announces a body (a length above zero, or chunks). */
export function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/** Checks target, method and body before any other middleware runs. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, next: Next): void {
  const target = checkRequestTarget(req.url ?? '');
  if (!target.ok) {
    answerText(req, res, 400, target.message, {}, hasBody(req));
    return;
  }
  const method = req.method ?? '';
  const posts = target.path.startsWith(POST_PREFIX);
  if (method !== 'GET' && method !== 'HEAD' && !(method === 'POST' && posts)) {
    const allow = posts ? 'GET, HEAD, POST' : 'GET, HEAD';
    answerText(req, res, 405, `${method.slice(0, 20)} is not served here (allowed: ${allow}).`, { Allow: allow }, hasBody(req));
    return;
  }
  if (method !== 'POST' && hasBody(req)) {
    answerText(req, res, 400, `A ${method} request carries no body.`, {}, true);
    return;
  }
  next();
}

/**
 * Wraps a middleware so that a throw or a rejected promise answers 500 (or closes the connection
 * when the answer had started) instead of reaching the process as an unhandled rejection.
 */
export function guarded(middleware: Middleware): Middleware {
  return (req, res, next) => {
    const fail = (e: unknown): void => {
      console.error(`calcscribe viewer: internal error while answering a request: ${e instanceof Error ? e.message : String(e)}`);
      answerText(req, res, 500, 'Internal error of the viewer server.');
    };
    try {
      const pending = middleware(req, res, next);
      if (pending instanceof Promise) pending.catch(fail);
    } catch (e) {
      fail(e);
    }
  };
}

/** A CONNECT request (tunnel) is answered 405 instead of having its connection dropped unanswered. */
export function refuseTunnels(server: HttpServer): void {
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
}

/** The guard as a Vite plugin: first among the preview server's middlewares. */
export function requestGuard(): Plugin {
  return {
    name: 'calcscribe-request-guard',
    enforce: 'pre',
    configurePreviewServer(server) {
      server.middlewares.use(guarded(guardRequest));
      // The viewer is served over plain HTTP on loopback (no https configured): a node:http server.
      refuseTunnels(server.httpServer as HttpServer);
    },
  };
}
