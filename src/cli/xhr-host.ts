/**
 * The command line's host for the PACS client (src/dicomweb/): dicomweb-client speaks through
 * XMLHttpRequest, which Node lacks, so the command line installs xhr2's before it calls the
 * client. The browser has its own; the client module itself never installs one.
 */
import XMLHttpRequest from 'xhr2';

interface ParsedUrl {
  path?: string | null;
}

/** The parts of xhr2 0.2 adjusted here (its own methods and fields). */
interface Xhr2Internals {
  responseType: string;
  response: unknown;
  responseText: string | null;
  _responseParts: Buffer[] | null;
  _parseUrl(url: string): ParsedUrl;
  _parseResponse(): void;
  send(data?: unknown): void;
}

/**
 * xhr2 with three changes that make it behave, and cost, as a browser's does:
 * - queries keep "^" as it is: xhr2 parses addresses with Node's legacy url.parse, which
 *   percent-encodes it; the client keeps person-name carets literal (Orthanc 1.10 does not decode
 *   query values, see src/dicomweb/pacs-request.ts);
 * - an ArrayBuffer body (a STOW-RS request) is sent as a Buffer over the same memory, where xhr2
 *   copies it byte by byte in JavaScript;
 * - an 'arraybuffer' answer (a WADO-RS file) is one copy of the received bytes, where xhr2 copies
 *   it byte by byte in JavaScript.
 * Each change is skipped if xhr2's internals are not the ones expected.
 */
function browserLike(Base: new () => unknown): new () => unknown {
  const proto = Base.prototype as Partial<Xhr2Internals>;
  const parseUrl = proto._parseUrl;
  const parseResponse = proto._parseResponse;
  const send = proto.send;
  if (typeof parseUrl !== 'function' || typeof parseResponse !== 'function' || typeof send !== 'function') return Base;
  return class extends (Base as new () => object) {
    _parseUrl(this: Xhr2Internals, url: string): ParsedUrl {
      const parsed = parseUrl.call(this, url);
      const q = parsed.path?.indexOf('?') ?? -1;
      if (parsed.path && q >= 0) parsed.path = parsed.path.slice(0, q) + parsed.path.slice(q).replace(/%5E/gi, '^');
      return parsed;
    }
    send(this: Xhr2Internals, data?: unknown): void {
      send.call(this, data instanceof ArrayBuffer ? Buffer.from(data) : data);
    }
    _parseResponse(this: Xhr2Internals): void {
      if (this.responseType !== 'arraybuffer' || !Array.isArray(this._responseParts)) return parseResponse.call(this);
      const buffer = Buffer.concat(this._responseParts);
      this._responseParts = null;
      this.responseText = null;
      this.response = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    }
  };
}

export function installXmlHttpRequest(): void {
  const g = globalThis as { XMLHttpRequest?: unknown };
  if (g.XMLHttpRequest === undefined) g.XMLHttpRequest = browserLike(XMLHttpRequest);
}
