/**
 * A PACS failure as the radiologist reads it in the PACS dialog's status. The page talks only to
 * its own server, which forwards to the PACS and answers 502 when the PACS cannot be reached or
 * refuses the connection, 504 when it does not answer in time (src/viewer/serve/dicomweb-proxy.ts);
 * the client's message (with the server's reason when it sent one it could read) follows.
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

/** "Search failed: the PACS could not be reached from the viewer's server (…)". */
export function failureText(what: string, f: { readonly kind: string; readonly status?: number; readonly message: string }): string {
  const words = plainly(f as Pick<PacsError, 'kind' | 'status'>);
  return words === null ? `${what} failed: ${f.message}` : `${what} failed: ${words} (${f.message})`;
}
