/**
 * Reading values out of DICOM JSON (PS3.18 Annex F) as a server sent it, trusting nothing: tags in
 * either case, elements without Value, values of the wrong type, huge strings and arrays. Every
 * reader returns a plain value or an empty one; none throws.
 */
import { cleanText, clip } from '../core/ingest/clean-text.js';
import { ok } from '../core/result.js';
import { pacsError, type PacsResult } from './pacs-types.js';

/** One data set of a DICOM JSON answer: tag (8 hex digits) → { vr, Value }. */
export type DicomJsonDataset = Readonly<Record<string, unknown>>;

/** The longest text kept from a server value (names, descriptions); longer values are clipped with "…". */
export const MAX_TEXT = 256;
/** The longest UID kept as sent: a DICOM UID has at most 64 characters, so anything longer is not one. */
const MAX_UID_KEPT = 128;
/** The most values read from one multi-valued element (e.g. Modalities in Study). */
const MAX_VALUES = 32;

export function isDataset(v: unknown): v is DicomJsonDataset {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A search answer (QIDO-RS, already JSON-parsed; null when it was not JSON) as its data sets, or
 * 'malformed' when it is not a JSON array of data sets. `answer` names it in the message, e.g.
 * "study search".
 */
export function datasetsOf(json: unknown, answer: string): PacsResult<DicomJsonDataset[]> {
  if (!Array.isArray(json)) {
    return pacsError('malformed', `the ${answer} answer is not DICOM JSON (expected a JSON array, got ${describeJson(json)})`);
  }
  const bad = json.findIndex((item) => !isDataset(item));
  if (bad >= 0) {
    return pacsError('malformed', `the ${answer} answer is not DICOM JSON (entry ${bad + 1} of ${json.length} is ${describeJson(json[bad])}, not a data set)`);
  }
  return ok(json as DicomJsonDataset[]);
}

/** A few words saying what a JSON value is, for a message (never the value itself). */
function describeJson(v: unknown): string {
  if (v === null || v === undefined) return 'an answer that is not JSON';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** A DICOM UID (PS3.5 9.1): digits and dots, at most 64 characters — safe in a URL path and a file name. */
export function isDicomUid(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && s.length <= 64 && /^[0-9]+(\.[0-9]+)*$/.test(s);
}

function element(ds: DicomJsonDataset, tag: string): unknown {
  const upper = tag.toUpperCase();
  if (Object.hasOwn(ds, upper)) return ds[upper];
  const lower = tag.toLowerCase();
  return Object.hasOwn(ds, lower) ? ds[lower] : undefined;
}

function values(ds: DicomJsonDataset, tag: string): readonly unknown[] {
  const el = element(ds, tag);
  if (!isDataset(el)) return [];
  const v = (el as { Value?: unknown }).Value;
  return Array.isArray(v) ? v : [];
}

/** A string value as text; numbers, objects and other types give ''. */
function asText(v: unknown, max: number): string {
  return typeof v === 'string' ? clip(cleanText(v), max) : '';
}

/** The first value of a text element (CS, LO, SH, DA, TM, UI …), '' when absent or not text. */
export function textValue(ds: DicomJsonDataset, tag: string, max = MAX_TEXT): string {
  return asText(values(ds, tag)[0], max);
}

/** The first value of a PN element: its Alphabetic form (PS3.18 F.2.2), or a plain string some servers send. */
export function personNameValue(ds: DicomJsonDataset, tag: string): string {
  const v = values(ds, tag)[0];
  return isDataset(v) ? asText((v as { Alphabetic?: unknown }).Alphabetic, MAX_TEXT) : asText(v, MAX_TEXT);
}

/** A UID as sent (control characters removed); check it with isDicomUid before using it. */
export function uidValue(ds: DicomJsonDataset, tag: string): string {
  return textValue(ds, tag, MAX_UID_KEPT);
}

/** Every text value of a multi-valued element (at most MAX_VALUES), empty ones left out. */
export function textValues(ds: DicomJsonDataset, tag: string): string[] {
  return values(ds, tag)
    .slice(0, MAX_VALUES)
    .map((v) => asText(v, MAX_TEXT))
    .filter((s) => s !== '');
}

/** The first value as a non-negative whole number (IS / US given as number or numeric string), else null. */
export function integerValue(ds: DicomJsonDataset, tag: string): number | null {
  const v = values(ds, tag)[0];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+]?\d{1,15}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The items of a sequence (SQ) that are data sets; items that are not are left out. */
export function sequenceItems(ds: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  return values(ds, tag).filter(isDataset);
}

/** Whether the data set has the element at all (with or without a value). */
export function hasElement(ds: DicomJsonDataset, tag: string): boolean {
  return element(ds, tag) !== undefined;
}

/** A DA value when it is a real calendar date YYYYMMDD, else ''. */
export function validDate(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m === null) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? s : '';
}
