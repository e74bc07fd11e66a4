/**
 * The PACS options shared by `store` and `fetch`: the DICOMweb address, the time limit, and the
 * Authorization header, read from the environment so it never appears in a command line, a
 * process list or a message.
 */
import type { PacsConfig } from '../dicomweb/index.js';
import { UsageError, printable } from './io.js';
import { installXmlHttpRequest } from './xhr-host.js';

/** The environment variable holding the Authorization header value (e.g. "Bearer …" or "Basic …"). */
export const AUTHORIZATION_ENV = 'CALCSCRIBE_DICOMWEB_AUTHORIZATION';

export const DICOMWEB_OPTIONS = {
  dicomweb: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** The configuration for the PACS named on the command line; also installs Node's XMLHttpRequest. */
export function pacsConfig(values: { dicomweb?: string; timeout?: string }, env: Readonly<Record<string, string | undefined>>): PacsConfig {
  const url = values.dicomweb;
  if (url === undefined || url === '') throw new UsageError('--dicomweb URL is required (the DICOMweb root, e.g. http://pacs:8042/dicom-web)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--dicomweb ${printable(url)} is not an address (expected http://… or https://…)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--dicomweb must be an http:// or https:// address`);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new UsageError(`--dicomweb must not contain a user name or password; put the Authorization header in ${AUTHORIZATION_ENV}`);
  }
  const seconds = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError('--timeout must be a number of seconds between 0 and 3600');
  const authorization = env[AUTHORIZATION_ENV];
  installXmlHttpRequest();
  return {
    url,
    timeoutMs: Math.round(seconds * 1000),
    ...(authorization !== undefined && authorization !== '' ? { headers: { Authorization: authorization } } : {}),
  };
}
