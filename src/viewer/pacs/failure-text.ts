/**
 * A PACS failure as the radiologist reads it in the PACS dialog's status. The page talks only to
 * its own server, which forwards to the PACS and answers 502 when the PACS cannot be reached or
 * refuses the connection, 504 when it does not answer in time, with its reason as JSON
 * (src/viewer/serve/dicomweb-proxy.ts): "the PACS at … refused the connection", "the PACS at …
 * did not answer within 30 s". Without that reason, general words for the status and the
 * client's message follow.
 */
import type { PacsError } from './pacs-connection.js';

/** What went wrong, in words, for the failure kinds and the proxy's own answers. */
function plainly(f: Pick<PacsError, 'kind' | 'status'>): string | null {
  if (f.kind === 'refused' && f.status === 502) return 'the PACS could not be reached from the viewer\'s server';
  if (f.kind === 'refused' && f.status === 504) return 'the PACS did not answer in time';
  if (f.kind === 'unreachable') return 'the viewer\'s server could not be reached';
  if (f.kind === 'timeout') return 'no answer in time';
  if (f.kind === 'malformed') return 'the answer could not be read';
  return null;
}

/** The viewer's server's own reason for a 502 / 504, as words inside a sentence; null when it gave none. */
function gatewayReason(f: { readonly kind: string; readonly status?: number; readonly serverWords?: string }): string | null {
  if (f.kind !== 'refused' || (f.status !== 502 && f.status !== 504)) return null;
  const said = (f.serverWords ?? '').trim().replace(/\.$/, '');
  return said === '' ? null : `${said.charAt(0).toLowerCase()}${said.slice(1)}`;
}

/** "Search failed: the PACS at http://pacs:8042/dicom-web refused the connection (HTTP 502 from the viewer's server)". */
export function failureText(what: string, f: { readonly kind: string; readonly status?: number; readonly message: string; readonly serverWords?: string }): string {
  const reason = gatewayReason(f);
  if (reason !== null) return `${what} failed: ${reason} (HTTP ${f.status} from the viewer's server)`;
  const words = plainly(f as Pick<PacsError, 'kind' | 'status'>);
  return words === null ? `${what} failed: ${f.message}` : `${what} failed: ${words} (${f.message})`;
}
