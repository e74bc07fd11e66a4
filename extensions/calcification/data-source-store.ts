/**
 * Stores a Part 10 file through OHIF's active data source: the extension manager OHIF hands to
 * every module gives the active data source (`getActiveDataSource()`), and OHIF's DICOMweb data
 * source stores an ArrayBuffer of Part 10 bytes as it is by STOW-RS (`store.dicom`,
 * extensions/default/src/DicomWebDataSource of OHIF v3). A data source that cannot store, an
 * error it raises and a store that does not finish in time are answered with the reason: kind
 * 'bad-argument' when nothing was sent, 'not-stored' when it was sent and not (or not yet) stored.
 */
import { cleanText, clip, err, ok, serverReason, type Result } from 'calcscribe/core';

/** What storing needs of an OHIF data source. */
export interface StoringDataSource {
  readonly store?: { readonly dicom?: (dataset: ArrayBuffer) => Promise<unknown> };
}

/** What storing needs of OHIF's extension manager. */
export interface DataSourceHost {
  getActiveDataSource?(): readonly StoringDataSource[] | undefined;
  readonly activeDataSourceName?: string;
}

/** How long a store may take before the panel says it did not finish. */
export const STORE_TIMEOUT_MS = 60_000;

export interface StoredThrough {
  /** The data source's name in the OHIF configuration (e.g. "dicomweb"). */
  readonly dataSourceName: string;
}

/**
 * Why the store failed, in words: the HTTP answer when there was one (dicomweb-client rejects with
 * an Error "request failed" carrying the XMLHttpRequest, its status and the answer's body), with
 * the server's own words from that body as the viewer's PACS client gives them (serverReason),
 * else the error's message. What the server or the data source wrote is shown cleaned and clipped.
 */
export function reasonOf(e: unknown): string {
  const x = (typeof e === 'object' && e !== null ? e : {}) as { status?: unknown; response?: unknown; request?: { status?: unknown; statusText?: unknown; responseText?: unknown } };
  const status = typeof x.status === 'number' ? x.status : x.request?.status;
  if (typeof status === 'number' && status > 0) {
    const statusText = typeof x.request?.statusText === 'string' ? clip(cleanText(x.request.statusText), 80) : '';
    const reason = clip(serverReason(x.response ?? responseTextOf(x.request), statusText), 200);
    return `the server answered HTTP ${status}${reason === '' ? '' : ` ${reason}`}`;
  }
  if (typeof status === 'number') return 'the server could not be reached';
  const message = e instanceof Error ? clip(cleanText(e.message), 200) : '';
  return message !== '' ? message : 'the data source refused it without a reason';
}

/** The answer's text, when the request kept it as text (reading it otherwise throws). */
function responseTextOf(request: { responseText?: unknown } | undefined): unknown {
  try {
    return request?.responseText;
  } catch {
    return undefined;
  }
}

/** A duration in words: "800 ms", "60 s". */
export function durationWords(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** The data source's answer, or 'late' when it has not come within `timeoutMs` (the call is not cancelled). */
export async function answerWithin<T>(call: Promise<T>, timeoutMs: number): Promise<{ readonly value: T } | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    return await Promise.race([call.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function storeThroughDataSource(host: DataSourceHost, bytes: Uint8Array, timeoutMs = STORE_TIMEOUT_MS): Promise<Result<StoredThrough>> {
  const name = host.activeDataSourceName ?? 'the active data source';
  const source = host.getActiveDataSource?.()?.[0];
  if (source === undefined) return err('bad-argument', 'OHIF has no active data source to store the report in');
  const storeDicom = source.store?.dicom;
  if (typeof storeDicom !== 'function') return err('bad-argument', `the data source "${name}" cannot store DICOM objects`);
  const part10 = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const r = await answerWithin(storeDicom.call(source.store, part10), timeoutMs);
    if (r === 'late') {
      return err('not-stored', `the data source "${name}" did not answer within ${durationWords(timeoutMs)}; it may still store the report: look for it in the study before storing again`);
    }
    return ok({ dataSourceName: name });
  } catch (e) {
    return err('not-stored', `the data source "${name}" did not store it: ${reasonOf(e)}`);
  }
}
