/**
 * What the PACS client speaks in: a configured DICOMweb server, the studies and instances it
 * lists, what a store did, and what went wrong. Strings that come from the server (names,
 * descriptions, reasons) are data: they are returned as received (control characters removed,
 * long values clipped) and every caller prints them escaped.
 */
import type { Result } from '../core/result.js';

/** A DICOMweb server: its root (QIDO-RS, WADO-RS and STOW-RS under it), e.g. http://pacs:8042/dicom-web or /dicomweb. */
export interface PacsConfig {
  /** An absolute http(s) address, or a path on this page's origin (starting with "/"). */
  readonly url: string;
  /** Sent with every request (e.g. Authorization); never printed or put in a message. */
  readonly headers?: Readonly<Record<string, string>>;
  /** How long one request may take before it is given up (default DEFAULT_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

/** One study as QIDO-RS lists it. */
export interface StudySummary {
  /** As the server sent it; isDicomUid() tells whether it can be asked for. */
  readonly studyInstanceUid: string;
  readonly patientId: string;
  /** The Alphabetic form of Patient's Name (PN), components separated by ^. */
  readonly patientName: string;
  readonly accessionNumber: string;
  /** YYYYMMDD, or '' when absent or not a valid date. */
  readonly studyDate: string;
  /** HHMMSS(.FFFFFF) as sent, or '' */
  readonly studyTime: string;
  readonly studyDescription: string;
  /** Modalities in Study (MG, SR, …). */
  readonly modalities: readonly string[];
  /** Number of Study Related Instances, null when not given. */
  readonly numberOfInstances: number | null;
}

/** A QIDO-RS study search; every field optional, all given fields must match. */
export interface StudyQuery {
  readonly patientId?: string;
  /** DICOM matching: * and ? are wildcards ("DOE^J*"). */
  readonly patientName?: string;
  readonly accessionNumber?: string;
  /** YYYYMMDD, inclusive. */
  readonly studyDateFrom?: string;
  /** YYYYMMDD, inclusive. */
  readonly studyDateTo?: string;
  /** Modalities in Study contains this modality (e.g. MG). */
  readonly modality?: string;
  /** At most this many studies (QIDO-RS limit). */
  readonly limit?: number;
}

/** One instance of a study, as QIDO-RS lists it (UIDs as the server sent them). */
export interface InstanceRef {
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly modality: string;
}

/** What the server said about one instance sent with STOW-RS, in the order the instances were given. */
export type InstanceStoreOutcome =
  | {
      readonly index: number;
      readonly sopInstanceUid: string | null;
      readonly status: 'stored';
      /** Stored with a warning (Warning Reason 0008,1196), e.g. "0xB000 coercion of data elements": the server changed something. */
      readonly warning?: string;
    }
  | {
      readonly index: number;
      readonly sopInstanceUid: string | null;
      readonly status: 'failed';
      /** The server's reason, e.g. "0xA900 data set does not match SOP class", or why the instance was not accepted. */
      readonly reason: string;
      /** Failure Reason (0008,1197) when the server gave one. */
      readonly failureReason?: number;
    };

export interface StoreOutcome {
  /** One entry per instance given, same order. */
  readonly instances: readonly InstanceStoreOutcome[];
  /** The HTTP status of the STOW-RS answer (200 all stored, 202 some warnings, 400 / 409 some or all failed). */
  readonly status: number;
}

/**
 * Why a request gave no usable answer:
 * - unreachable: no connection (refused, no route, network down);
 * - timeout: no complete answer within the configured time;
 * - refused: the server answered HTTP 4xx / 5xx (status and the server's reason);
 * - malformed: the server answered, but not with what DICOMweb promises (not DICOM JSON, not DICOM);
 * - invalid-request: nothing was sent, because a value given to the client is not valid
 *   (a date that is not YYYYMMDD, a UID that is not a DICOM UID, a server address that is not http(s)).
 */
export type PacsErrorKind = 'unreachable' | 'timeout' | 'refused' | 'malformed' | 'invalid-request';

export interface PacsError {
  readonly kind: PacsErrorKind;
  /** One line; may contain the server's text (print it escaped). Never contains configured headers. */
  readonly message: string;
  /** The HTTP status when the server answered. */
  readonly status?: number;
  /** A refusal's reason in the server's own words (its JSON message, Error Comment or text), when it gave one; print it escaped. */
  readonly serverWords?: string;
}

export type PacsResult<T> = Result<T, PacsError>;

/** One request's time limit when the configuration gives none. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export const pacsError = (kind: PacsErrorKind, message: string, status?: number): { readonly ok: false; readonly error: PacsError } => ({
  ok: false,
  error: status === undefined ? { kind, message } : { kind, message, status },
});
