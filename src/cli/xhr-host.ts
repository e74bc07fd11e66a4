/**
 * The command line's host for the PACS client (src/dicomweb/): dicomweb-client speaks through
 * XMLHttpRequest, which Node lacks, so the command line installs xhr2's before it calls the
 * client. The browser has its own; the client module itself never installs one.
 */
import XMLHttpRequest from 'xhr2';

export function installXmlHttpRequest(): void {
  const g = globalThis as { XMLHttpRequest?: unknown };
  if (g.XMLHttpRequest === undefined) g.XMLHttpRequest = XMLHttpRequest;
}
