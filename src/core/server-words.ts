/**
 * What a server said when it refused a request, as one clean line: the words every host shows
 * beside the HTTP status (the viewer's and the command line's PACS client, and the OHIF panel,
 * whose data source hands back dicomweb-client's error with the answer's body on it).
 */
import { cleanText, clip } from './ingest/clean-text.js';

/** (0000,0902) Error Comment, the DICOM status's own words (PS3.7 C.4), as DICOM JSON keys it. */
const ERROR_COMMENT = '00000902';

/** The first bytes of a body as UTF-8 text (a refusal's body is short; a long one is not words). */
function bytesAsText(body: ArrayBuffer | ArrayBufferView): string {
  const bytes = body instanceof ArrayBuffer ? new Uint8Array(body, 0, Math.min(body.byteLength, 4096)) : new Uint8Array(body.buffer, body.byteOffset, Math.min(body.byteLength, 4096));
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Error Comment of a DICOM JSON data set, '' when absent or not text. */
function errorComment(o: Record<string, unknown>): string {
  const el = o[ERROR_COMMENT];
  const v = isObject(el) && Array.isArray(el.Value) ? el.Value[0] : undefined;
  return typeof v === 'string' ? v : '';
}

/**
 * The server's own words for a failure: Orthanc's JSON ({ Message, Details }), a proxy's
 * ({ message }), the DICOM Error Comment, or the text of a text or HTML body. The body is as
 * dicomweb-client kept it: parsed JSON (an answer asked for as JSON), bytes (one asked for as
 * DICOM, e.g. a retrieval), or text. '' when it says nothing readable.
 */
export function serverWords(body: unknown): string {
  const parts: string[] = [];
  const text = typeof body === 'string' ? body : body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? bytesAsText(body) : null;
  let json: unknown = body;
  if (text !== null) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (isObject(json)) {
    for (const key of ['Message', 'Details', 'message', 'error']) {
      const v = json[key];
      if (typeof v === 'string' && v !== '') parts.push(v);
    }
    const comment = errorComment(json);
    if (comment !== '') parts.push(comment);
  } else if (text !== null) {
    const words = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    if (words !== '') parts.push(words);
  }
  return clip(cleanText(parts.join(' — ').replace(/\s+/g, ' ')), 300);
}

/** The reason of a refusal as one line: the status text, then the server's own words. */
export function serverReason(body: unknown, statusText: string): string {
  const reason = serverWords(body);
  const head = cleanText(statusText ?? '');
  return clip(reason === '' ? head : head === '' || reason.startsWith(head) ? reason : `${head}: ${reason}`, 300);
}
