/**
 * The command line's host for the PACS client (src/dicomweb/): dicomweb-client speaks through
 * XMLHttpRequest, which Node lacks, so the command line installs xhr2's before it calls the
 * client. The browser has its own; the client module itself never installs one.
 */
import XMLHttpRequest from 'xhr2';

interface ParsedUrl {
  path?: string | null;
}

/**
 * xhr2 parses addresses with Node's legacy url.parse, which percent-encodes "^" in the query; a
 * browser sends it as it is. The client keeps person-name carets literal in queries (Orthanc 1.10
 * does not decode query values, see src/dicomweb/pacs-request.ts), so this XMLHttpRequest sends
 * the query as a browser would.
 */
function browserLikeQuery(Base: new () => unknown): new () => unknown {
  const proto = Base.prototype as { _parseUrl?: (url: string) => ParsedUrl };
  const parse = proto._parseUrl;
  if (typeof parse !== 'function') return Base;
  return class extends (Base as new () => object) {
    _parseUrl(url: string): ParsedUrl {
      const parsed = parse.call(this, url);
      const q = parsed.path?.indexOf('?') ?? -1;
      if (parsed.path && q >= 0) parsed.path = parsed.path.slice(0, q) + parsed.path.slice(q).replace(/%5E/gi, '^');
      return parsed;
    }
  };
}

export function installXmlHttpRequest(): void {
  const g = globalThis as { XMLHttpRequest?: unknown };
  if (g.XMLHttpRequest === undefined) g.XMLHttpRequest = browserLikeQuery(XMLHttpRequest);
}
