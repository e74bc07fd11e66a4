/**
 * The saved reports of a study in the PACS, looked up through OHIF's active data source as the
 * standalone viewer looks them up in its PACS (src/viewer/report/pacs-reports.ts): the study's
 * instances listed (QIDO-RS), each Comprehensive SR among them retrieved (WADO-RS) and read by the
 * core (savedReportsAmong, the viewer's path too); other systems' SRs and broken ones are said, not opened.
 *
 * Both requests go through the data source's DICOMweb client, which OHIF's DicomWebDataSource hands
 * out as `retrieve.getWadoDicomWebClient()` for uses beyond its own (extensions/default of OHIF v3).
 * Its own instance search, `query.instances.search(study)`, asks for studies and leaves the study
 * out (qido.js `search` of OHIF 3.x), so it cannot list one study's instances. A data source
 * without that client (a static or local-file source) has no PACS to look in: nothing is looked up.
 */
import { clip, cleanText, err, ok } from 'calcscribe/core';
import { savedReportsAmong, type SavedReport } from 'calcscribe/draft';
import { INSTANCE_INCLUDE_FIELDS, isDicomUid, parseInstances } from 'calcscribe/dicomweb-json';
import { answerWithin, durationWords, reasonOf, type DataSourceHost, type StoringDataSource } from './data-source-store.js';

/** What the look-up needs of the DICOMweb client (dicomweb-client's DICOMwebClient has both, and the headers it sends). */
export interface StudyReportsClient {
  headers?: Record<string, string>;
  searchForInstances(options: { readonly studyInstanceUID: string; readonly queryParams?: Record<string, string> }): Promise<unknown>;
  retrieveInstance(options: { readonly studyInstanceUID: string; readonly seriesInstanceUID: string; readonly sopInstanceUID: string }): Promise<unknown>;
}

/** What the look-up needs of an OHIF data source. */
export interface ReportingDataSource extends StoringDataSource {
  readonly retrieve?: { readonly getWadoDicomWebClient?: () => StudyReportsClient | null | undefined };
}

/** What the look-up needs of OHIF's extension manager. */
export interface ReportingHost extends DataSourceHost {
  getActiveDataSource?(): readonly ReportingDataSource[] | undefined;
}

export interface ReportsInArchive {
  /** The calcscribe reports of the study, as read. */
  readonly reports: readonly SavedReport[];
  /** What could not be listed, retrieved or read, one sentence each. */
  readonly problems: readonly string[];
  /** Where they were looked for (the data source's name); null when the data source has no PACS to look in. */
  readonly lookedIn: string | null;
}

/** How long each request of the look-up may take. */
export const LOOKUP_TIMEOUT_MS = 30_000;

/** The bytes of a retrieved instance: an ArrayBuffer (dicomweb-client's answer) or a view of one, of whichever realm made it. */
function part10Of(x: unknown): Uint8Array | null {
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  const tag = Object.prototype.toString.call(x);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]' ? new Uint8Array(x as ArrayBuffer) : null;
}

/** What the look-up needs of OHIF's user authentication service: the Authorization header as it stands now. */
export interface AuthorizationSource {
  getAuthorizationHeader?(): unknown;
}

/**
 * Gives the client the Authorization header the user's session holds now, as OHIF's DICOMweb data
 * source does before each of its own requests (its tokens expire and are renewed): the header the
 * client was made with may be stale. Without one (no authentication), the client's headers stay.
 */
function freshenAuthorization(client: StudyReportsClient, auth: AuthorizationSource | undefined): void {
  const header = auth?.getAuthorizationHeader?.();
  const value = typeof header === 'object' && header !== null ? (header as { Authorization?: unknown }).Authorization : undefined;
  if (typeof value === 'string' && value !== '') client.headers = { ...(client.headers ?? {}), Authorization: value };
}

export async function reportsThroughDataSource(host: ReportingHost, studyUid: string, timeoutMs = LOOKUP_TIMEOUT_MS, auth?: AuthorizationSource): Promise<ReportsInArchive> {
  const name = host.activeDataSourceName ?? 'the active data source';
  const client = host.getActiveDataSource?.()?.[0]?.retrieve?.getWadoDicomWebClient?.();
  if (client === null || client === undefined || typeof client.searchForInstances !== 'function' || typeof client.retrieveInstance !== 'function') {
    return { reports: [], problems: [], lookedIn: null };
  }
  const where = `the PACS (${name})`;
  if (!isDicomUid(studyUid)) return { reports: [], problems: [`The saved reports of this exam were not looked up in ${where}: its study UID "${clip(cleanText(studyUid), 80)}" is not a DICOM UID.`], lookedIn: name };
  const late = `${where} did not answer within ${durationWords(timeoutMs)}`;
  let listed: unknown;
  try {
    freshenAuthorization(client, auth);
    const r = await answerWithin(client.searchForInstances({ studyInstanceUID: studyUid, queryParams: { includefield: INSTANCE_INCLUDE_FIELDS } }), timeoutMs);
    if (r === 'late') return { reports: [], problems: [`The saved reports of this exam could not be listed: ${late}.`], lookedIn: name };
    listed = r.value;
  } catch (e) {
    return { reports: [], problems: [`The saved reports of this exam could not be listed in ${where}: ${reasonOf(e)}.`], lookedIn: name };
  }
  const instances = parseInstances(listed);
  if (!instances.ok) return { reports: [], problems: [`The saved reports of this exam could not be listed in ${where}: ${instances.error.message}.`], lookedIn: name };
  const found = await savedReportsAmong(
    instances.value,
    async (i) => {
      if (!isDicomUid(i.seriesInstanceUid) || !isDicomUid(i.sopInstanceUid)) return err('bad-argument', 'its series or instance UID is not a DICOM UID');
      try {
        freshenAuthorization(client, auth);
        const r = await answerWithin(client.retrieveInstance({ studyInstanceUID: studyUid, seriesInstanceUID: i.seriesInstanceUid, sopInstanceUID: i.sopInstanceUid }), timeoutMs);
        if (r === 'late') return err('not-stored', `it did not answer within ${durationWords(timeoutMs)}`);
        const part10 = part10Of(r.value);
        return part10 === null ? err('not-stored', 'the answer holds no DICOM bytes') : ok(part10);
      } catch (e) {
        return err('not-stored', reasonOf(e));
      }
    },
    where,
  );
  return { ...found, lookedIn: name };
}
