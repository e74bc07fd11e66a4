/**
 * One DICOMweb request made by dicomweb-client, with what dicomweb-client leaves to its caller:
 * a time limit (it has none: the request is aborted), a failure as a PacsError value instead of a
 * rejected promise with the XMLHttpRequest on it, and an exception thrown while dicomweb-client
 * reads a broken answer (e.g. a multipart body without boundaries, thrown from inside its
 * readystatechange handler, where nothing could catch it) turned into 'malformed'.
 *
 * The XMLHttpRequest is the host's: the browser's own, or the one the command line installs
 * (xhr2) before it calls the client. This module never installs one.
 */
import { api } from 'dicomweb-client';
import { cleanText, clip } from '../core/ingest/clean-text.js';
import { ok } from '../core/result.js';
import { serverReason, serverWords } from '../core/server-words.js';
import { DEFAULT_TIMEOUT_MS, pacsError, type PacsConfig, type PacsError } from './pacs-types.js';

type DicomWebClient = InstanceType<typeof api.DICOMwebClient>;

/** The part of XMLHttpRequest used here (the browser's, or xhr2's in Node; no DOM types needed). */
interface Xhr {
  readonly status: number;
  readonly statusText: string;
  readonly responseText?: string;
  readonly upload?: { addEventListener?: (type: 'progress', listener: (ev: { lengthComputable: boolean; loaded: number; total: number }) => void) => void };
  addEventListener(type: 'readystatechange', listener: (ev: unknown) => void): void;
  open(method: string, url: string, async?: boolean): void;
  abort(): void;
}
type XhrConstructor = new () => Xhr;

/** What dicomweb-client is given for the request: the XMLHttpRequest this module watches. */
export interface RequestOptions {
  readonly instance: Xhr;
}

/** A finished request: its value and HTTP status, or the failure with the answer's body (if any). */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T; readonly status: number }
  | { readonly ok: false; readonly error: PacsError; readonly body: unknown };

/** The server's root address without trailing slashes, or why it cannot be used. */
export function serverRoot(url: string): { ok: true; value: string } | { ok: false; error: PacsError } {
  const trimmed = typeof url === 'string' ? url.trim().replace(/\/+$/, '') : '';
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return ok(trimmed);
  try {
    const u = new URL(trimmed);
    if (u.protocol === 'http:' || u.protocol === 'https:') return ok(trimmed);
  } catch {
    // not an absolute address
  }
  return pacsError('invalid-request', `the DICOMweb address "${clip(cleanText(String(url)), 120)}" is not an http(s) address or a path on this site`);
}

/** The address as it may be shown: no user name, password, query or fragment. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

/** Installs a guard so an exception in the readystatechange handler dicomweb-client sets becomes `onThrow`. */
function guardHandler(xhr: Xhr, onThrow: (e: unknown) => void): void {
  let handler: ((this: Xhr, ev: unknown) => unknown) | null = null;
  xhr.addEventListener('readystatechange', (ev: unknown) => {
    try {
      handler?.call(xhr, ev);
    } catch (e) {
      onThrow(e);
    }
  });
  // dicomweb-client assigns onreadystatechange; keep it here and run it from the guarded listener.
  Object.defineProperty(xhr, 'onreadystatechange', {
    configurable: true,
    get: () => null,
    set: (fn: unknown) => {
      handler = typeof fn === 'function' ? (fn as typeof handler) : null;
    },
  });
}

/**
 * Sends "^" (the separator of a person name's components) literally in a query instead of as
 * %5E: dicomweb-client percent-encodes every query value, and Orthanc 1.10 with its DICOMweb
 * plugin 1.7 matches query values without decoding them, so "DOE%5EJ*" finds nobody while
 * "DOE^J*" finds Jane Doe. Browsers send "^" in a query as it is; a server that decodes the query
 * reads the same value either way. The same for "," (the separator of includefield's attributes):
 * "includefield=00081030%2C00080061" gives no Study Description from Orthanc, "00081030,00080061" does.
 */
function keepCaretsInQuery(xhr: Xhr): void {
  const open = xhr.open.bind(xhr);
  xhr.open = (method: string, url: string, async = true): void => {
    const q = url.indexOf('?');
    open(method, q < 0 ? url : `${url.slice(0, q)}${url.slice(q).replace(/%5E/gi, '^').replace(/%2C/gi, ',')}`, async);
  };
}

/**
 * Runs `call` with a fresh dicomweb-client for the configured server and settles exactly once:
 * its value, a timeout, no connection, the server's refusal, or an unreadable answer.
 */
export function callPacs<T>(
  cfg: PacsConfig,
  what: string,
  call: (client: DicomWebClient, request: RequestOptions) => Promise<T>,
  options: { readonly headers?: Readonly<Record<string, string>>; readonly onUploadProgress?: (loaded: number, total: number) => void } = {},
): Promise<CallResult<T>> {
  const root = serverRoot(cfg.url);
  if (!root.ok) return Promise.resolve({ ok: false, error: root.error, body: undefined });
  const where = displayUrl(root.value);
  const timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return Promise.resolve({ ok: false, error: { kind: 'invalid-request', message: `cannot ${what}: the time limit must be a positive number of milliseconds` }, body: undefined });
  }
  const badHeader = Object.entries(cfg.headers ?? {}).find(([name, v]) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof v !== 'string' || /[\r\n\0]/.test(v));
  if (badHeader !== undefined) {
    // The value is never shown: it may be a credential.
    return Promise.resolve({ ok: false, error: { kind: 'invalid-request', message: `cannot ${what}: the configured header "${clip(cleanText(badHeader[0]), 40)}" is not a valid HTTP header (bad name, or a line break in its value)` }, body: undefined });
  }
  const XhrClass = (globalThis as { XMLHttpRequest?: XhrConstructor }).XMLHttpRequest;
  if (XhrClass === undefined) {
    return Promise.resolve({ ok: false, error: { kind: 'unreachable', message: `cannot ${what}: this program has no XMLHttpRequest to reach ${where} with` }, body: undefined });
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: CallResult<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const fail = (error: PacsError, body?: unknown): void => settle({ ok: false, error, body });
    const xhr = new XhrClass();
    keepCaretsInQuery(xhr);
    guardHandler(xhr, (e) => fail({ kind: 'malformed', message: `cannot ${what}: the answer from ${where} could not be read (${clip(cleanText(String((e as Error)?.message ?? e)), 200)})` }));
    if (options.onUploadProgress !== undefined) {
      const report = options.onUploadProgress;
      xhr.upload?.addEventListener?.('progress', (ev) => {
        if (ev.lengthComputable) report(ev.loaded, ev.total);
      });
    }
    const timer = setTimeout(() => {
      fail({ kind: 'timeout', message: `cannot ${what}: ${where} did not answer within ${(timeoutMs / 1000).toLocaleString('en-GB')} s` });
      try {
        xhr.abort();
      } catch {
        // already finished
      }
    }, timeoutMs);
    let pending: Promise<T>;
    try {
      const client = new api.DICOMwebClient({ url: root.value, headers: { ...(cfg.headers ?? {}), ...(options.headers ?? {}) }, verbose: false, singlepart: false });
      pending = call(client, { instance: xhr });
    } catch (e) {
      fail({ kind: 'invalid-request', message: `cannot ${what}: ${clip(cleanText(String((e as Error)?.message ?? e)), 200)}` });
      return;
    }
    pending.then(
      (value) => settle({ ok: true, value, status: xhr.status }),
      (e: unknown) => {
        const status = typeof (e as { status?: unknown })?.status === 'number' ? (e as { status: number }).status : 0;
        if (status === 0) {
          fail({ kind: 'unreachable', message: `cannot ${what}: no connection to ${where} (server down, address wrong, or network unreachable)` });
          return;
        }
        const body = (e as { response?: unknown }).response ?? safeResponseText(xhr);
        const reason = serverReason(body, xhr.statusText);
        const words = serverWords(body);
        const message = `cannot ${what}: ${where} answered HTTP ${status}${reason === '' ? '' : ` — ${reason}`}`;
        fail(words === '' ? { kind: 'refused', status, message } : { kind: 'refused', status, message, serverWords: words }, body);
      },
    );
  });
}

function safeResponseText(xhr: Xhr): unknown {
  try {
    return xhr.responseText;
  } catch {
    return undefined;
  }
}
