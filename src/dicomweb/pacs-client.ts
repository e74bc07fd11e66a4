/**
 * The PACS client used by the command line and the viewer: QIDO-RS study and instance searches,
 * prior mammograms, WADO-RS retrieval of Part 10 files and STOW-RS storage, all through
 * dicomweb-client. Every function resolves to a Result; none throws or rejects.
 */
import dicomParser from 'dicom-parser';
import { ok } from '../core/result.js';
import { isDicomUid, validDate } from './dicom-json.js';
import { INSTANCE_INCLUDE_FIELDS, parseInstances } from './instance-list.js';
import { callPacs, displayUrl } from './pacs-request.js';
import { pacsError, type InstanceRef, type PacsConfig, type PacsResult, type StoreOutcome, type StudyQuery, type StudySummary } from './pacs-types.js';
import { isStoreResponse, storeOutcomes } from './store-response.js';
import { newestFirst, parseStudies, studyQueryParams } from './study-summary.js';

/** QIDO-RS: the studies matching every given field of the query, in the server's order. */
export async function searchStudies(cfg: PacsConfig, query: StudyQuery): Promise<PacsResult<StudySummary[]>> {
  const params = studyQueryParams(query);
  if (!params.ok) return params;
  const r = await callPacs(cfg, 'search studies', (client, request) => client.searchForStudies({ queryParams: params.value, request } as never) as unknown as Promise<unknown>);
  return r.ok ? parseStudies(r.value) : { ok: false, error: r.error };
}

/**
 * The patient's earlier mammography studies for comparison, newest first: studies with MG among
 * their modalities dated before `before` (the current study's date), the current study itself
 * always left out. A prior is an exam of an earlier date: another study of the same day (a
 * diagnostic work-up after the screening, an ultrasound-guided exam) is a different exam of the
 * same visit, not a comparison, so it is left out too. Studies without a valid date are left out
 * (they cannot be placed before the current one).
 */
export async function findPriorMammograms(
  cfg: PacsConfig,
  args: { readonly patientId: string; readonly before: string; readonly excludeStudyUid: string },
): Promise<PacsResult<StudySummary[]>> {
  const patientId = typeof args.patientId === 'string' ? args.patientId.trim() : '';
  if (patientId === '') return pacsError('invalid-request', 'prior search not sent: the patient ID is empty');
  if (/[*?\\]/.test(patientId)) return pacsError('invalid-request', 'prior search not sent: the patient ID contains a wildcard (* or ?) or a backslash, so it would match other patients');
  if (validDate(args.before) === '') return pacsError('invalid-request', `prior search not sent: "${args.before}" is not a date YYYYMMDD`);
  const found = await searchStudies(cfg, { patientId, modality: 'MG', studyDateTo: dayBefore(args.before) });
  if (!found.ok) return found;
  // The server's answer is checked again: it may ignore a query key or match loosely.
  const priors = found.value.filter(
    (s) =>
      s.studyInstanceUid !== args.excludeStudyUid &&
      s.patientId === patientId &&
      (s.modalities.length === 0 || s.modalities.includes('MG')) &&
      s.studyDate !== '' &&
      s.studyDate < args.before,
  );
  return ok([...priors].sort(newestFirst));
}

/** The calendar day before a valid date YYYYMMDD, as YYYYMMDD. */
function dayBefore(date: string): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) - 1));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** QIDO-RS: every instance of a study (series, SOP instance, SOP class, modality), in the server's order. */
export async function listInstances(cfg: PacsConfig, studyUid: string): Promise<PacsResult<InstanceRef[]>> {
  if (!isDicomUid(studyUid)) return pacsError('invalid-request', `instance search not sent: the study UID "${String(studyUid).slice(0, 80)}" is not a DICOM UID`);
  const r = await callPacs(
    cfg,
    `list the instances of study ${studyUid}`,
    (client, request) => client.searchForInstances({ studyInstanceUID: studyUid, queryParams: { includefield: INSTANCE_INCLUDE_FIELDS }, request } as never) as unknown as Promise<unknown>,
  );
  return r.ok ? parseInstances(r.value) : { ok: false, error: r.error };
}

/** WADO-RS: one instance as a DICOM Part 10 file, in the transfer syntax the server stored it in. */
export async function retrieveInstance(cfg: PacsConfig, ref: { readonly study: string; readonly series: string; readonly instance: string }): Promise<PacsResult<ArrayBuffer>> {
  for (const [name, uid] of [['study', ref.study], ['series', ref.series], ['SOP instance', ref.instance]] as const) {
    if (!isDicomUid(uid)) return pacsError('invalid-request', `retrieval not sent: the ${name} UID "${String(uid).slice(0, 80)}" is not a DICOM UID`);
  }
  const what = `retrieve instance ${ref.instance}`;
  const r = await callPacs(cfg, what, (client, request) => {
    // dicomweb-client 0.11's retrieveInstance refuses every mediaTypes list (its common media type
    // is "application/", never equal to "application/dicom"), and without one Orthanc transcodes
    // to Explicit VR Little Endian. So this is retrieveInstance's own request with the transfer
    // syntax "*" (as stored: a JPEG-LS or JPEG 2000 file comes back unchanged).
    const wado = client as unknown as WadoInternals;
    const url = `${wado.wadoURL}/studies/${ref.study}/series/${ref.series}/instances/${ref.instance}`;
    return wado._httpGetMultipartApplicationDicom(url, [{ mediaType: 'application/dicom', transferSyntaxUID: '*' }], false, request).then((parts) => parts[0]);
  });
  if (!r.ok) return { ok: false, error: r.error };
  const bytes = r.value instanceof ArrayBuffer ? r.value : ArrayBuffer.isView(r.value) ? copyOut(r.value) : null;
  if (bytes === null) return pacsError('malformed', `cannot ${what}: the answer from ${displayUrl(cfg.url)} has no DICOM part`);
  if (!hasPart10Marker(new Uint8Array(bytes))) {
    return pacsError('malformed', `cannot ${what}: the answer from ${displayUrl(cfg.url)} is not a DICOM Part 10 file (${bytes.byteLength} bytes without the DICM marker)`);
  }
  return ok(bytes);
}

/**
 * STOW-RS: stores the Part 10 files in one request. The outcome lists every file in the order
 * given: stored, or failed with the server's reason. A request that got no Store Instances
 * Response (no connection, time out, a refusal without one) is an error: then nothing is known to
 * be stored, and the caller still has every file to send again.
 * `onProgress` is told the bytes sent so far out of the files' total: at the start, while the
 * body uploads (where the XMLHttpRequest reports upload progress, as browsers do), and at the end.
 */
export async function storeInstances(cfg: PacsConfig, part10: readonly ArrayBuffer[], onProgress?: (sentBytes: number, totalBytes: number) => void): Promise<PacsResult<StoreOutcome>> {
  if (part10.length === 0) return pacsError('invalid-request', 'store not sent: no files to store');
  const uids = part10.map(mediaStorageSopInstanceUid);
  const total = part10.reduce((sum, b) => sum + b.byteLength, 0);
  onProgress?.(0, total);
  const what = `store ${part10.length === 1 ? '1 instance' : `${part10.length} instances`}`;
  const r = await callPacs(cfg, what, (client, request) => client.storeInstances({ datasets: [...part10], request } as never) as unknown as Promise<unknown>, {
    headers: { Accept: 'application/dicom+json' },
    onUploadProgress: (loaded, t) => onProgress?.(Math.min(total, Math.round((total * loaded) / Math.max(1, t))), total),
  });
  const body = r.ok ? r.value : r.body;
  const status = r.ok ? r.status : (r.error.status ?? 0);
  const answer = parseJson(body);
  if (isStoreResponse(answer) && (r.ok || r.error.kind === 'refused')) {
    onProgress?.(total, total);
    return ok({ instances: storeOutcomes(uids, answer, status), status });
  }
  if (!r.ok) return { ok: false, error: r.error };
  return pacsError('malformed', `cannot ${what}: ${displayUrl(cfg.url)} answered HTTP ${status} without a Store Instances Response, so whether the files were stored is not known`, status);
}

/** The part of dicomweb-client's DICOMwebClient that retrieveInstance uses internally. */
interface WadoInternals {
  readonly wadoURL: string;
  _httpGetMultipartApplicationDicom(url: string, mediaTypes: readonly { mediaType: string; transferSyntaxUID: string }[], params: false, request: unknown): Promise<unknown[]>;
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function copyOut(view: ArrayBufferView): ArrayBuffer {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

function hasPart10Marker(b: Uint8Array): boolean {
  return b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d;
}

/** Media Storage SOP Instance UID (0002,0003) from the file meta information, or null when it cannot be read. */
export function mediaStorageSopInstanceUid(file: ArrayBuffer): string | null {
  const bytes = new Uint8Array(file);
  if (!hasPart10Marker(bytes)) return null;
  try {
    const uid = dicomParser.readPart10Header(bytes).string('x00020003')?.replace(/\0/g, '').trim();
    return uid !== undefined && isDicomUid(uid) ? uid : null;
  } catch {
    return null;
  }
}
