/**
 * Which DICOMweb server (PACS) the standalone server proxies, read from the command line
 * (`--dicomweb URL`) or the environment (CALCSCRIBE_DICOMWEB_URL, CALCSCRIBE_DICOMWEB_AUTHORIZATION,
 * CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS) and checked once at start. The Authorization value is kept
 * only to be sent to that server: it is never part of a message, a label or a log line.
 */
import { err, ok, type Result } from '../../core/result.js';
import { hasControlCharacter } from './request-guard.js';

/** What a caller gives: the server's DICOMweb root and, optionally, the Authorization header value. */
export interface DicomWebOptions {
  /** The DICOMweb root, e.g. http://pacs.example:8042/dicom-web */
  readonly url: string;
  /** The whole Authorization header value sent to that server, e.g. "Basic …" or "Bearer …". */
  readonly authorization?: string;
  /** The longest wait for the server's answer, and for each next part of it (default 30 s). */
  readonly timeoutMs?: number;
  /** The largest STOW-RS upload passed on (default 512 MiB). */
  readonly maxUploadBytes?: number;
}

/** A checked target: only this server is ever contacted through the proxy. */
export interface DicomWebTarget {
  /** http: or https:, no user name or password, no query or fragment; the path has no trailing '/'. */
  readonly root: URL;
  readonly authorization: string | null;
  readonly timeoutMs: number;
  readonly maxUploadBytes: number;
  /** What the page and the console may show: scheme, host, port and path (no credentials). */
  readonly label: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** Checks the options: a URL of an HTTP(S) DICOMweb root, a one-line Authorization value, sane limits. */
export function dicomWebTarget(options: DicomWebOptions): Result<DicomWebTarget> {
  let root: URL;
  try {
    root = new URL(options.url);
  } catch {
    return err('bad-argument', 'The DICOMweb URL is not a URL (expected e.g. http://pacs.example:8042/dicom-web).');
  }
  if (root.protocol !== 'http:' && root.protocol !== 'https:') return err('bad-argument', `The DICOMweb URL must start with http:// or https:// (it starts with ${root.protocol}).`);
  if (root.username !== '' || root.password !== '')
    return err('bad-argument', 'The DICOMweb URL must not carry a user name or password: give the credentials in CALCSCRIBE_DICOMWEB_AUTHORIZATION (e.g. "Basic …").');
  if (root.search !== '' || root.hash !== '') return err('bad-argument', 'The DICOMweb URL must not have a query or a fragment.');
  root.pathname = root.pathname.replace(/\/+$/, '');
  const authorization = options.authorization ?? null;
  if (authorization !== null && (authorization.trim() === '' || hasControlCharacter(authorization)))
    return err('bad-argument', 'The DICOMweb Authorization value must be one non-empty line (e.g. "Basic …" or "Bearer …").');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return err('bad-argument', 'The DICOMweb timeout must be a positive number of seconds.');
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (!Number.isSafeInteger(maxUploadBytes) || maxUploadBytes <= 0) return err('bad-argument', 'The DICOMweb upload limit must be a positive whole number of bytes.');
  return ok({ root, authorization, timeoutMs, maxUploadBytes, label: `${root.origin}${root.pathname === '/' ? '' : root.pathname}` });
}

/** The value after `--name` or in `--name=value`; undefined when the flag is absent, null when it has no value. */
function flagValue(argv: readonly string[], name: string): string | null | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === name) return argv[i + 1] === undefined || (argv[i + 1] as string).startsWith('--') ? null : (argv[i + 1] as string);
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The options given to `npm start`: `--dicomweb URL` (wins) or CALCSCRIBE_DICOMWEB_URL, with
 * CALCSCRIBE_DICOMWEB_AUTHORIZATION and CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS; null when no server is
 * configured.
 */
export function dicomWebOptionsFrom(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Result<DicomWebOptions | null> {
  const flag = flagValue(argv, '--dicomweb');
  if (flag === null) return err('bad-argument', '--dicomweb needs the DICOMweb URL, e.g. --dicomweb http://pacs.example:8042/dicom-web');
  const url = flag ?? (env.CALCSCRIBE_DICOMWEB_URL === '' ? undefined : env.CALCSCRIBE_DICOMWEB_URL);
  if (url === undefined) return ok(null);
  const authorization = env.CALCSCRIBE_DICOMWEB_AUTHORIZATION === '' ? undefined : env.CALCSCRIBE_DICOMWEB_AUTHORIZATION;
  const seconds = env.CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS;
  let timeoutMs: number | undefined;
  if (seconds !== undefined && seconds !== '') {
    const s = Number(seconds);
    if (!Number.isFinite(s) || s <= 0) return err('bad-argument', `CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS must be a positive number of seconds (it is "${seconds.slice(0, 20)}").`);
    timeoutMs = s * 1000;
  }
  return ok({ url, ...(authorization !== undefined ? { authorization } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
}
