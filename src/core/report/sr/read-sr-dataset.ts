/**
 * A DICOM SR file as a naturalized dataset (dcmjs's shape), and the content tree looked into by
 * concept code (never by position). Explicit VR little endian files are read by dicom-parser
 * (naturalize.ts); other transfer syntaxes, and whatever that reader leaves aside, by dcmjs as
 * follows. dcmjs 0.52 decodes text inside sequences as windows-1252 even when the Specific
 * Character Set is ISO_IR 192 (UTF-8): those values are decoded again here. Its formatting of
 * text values (splitting UT at backslashes, trimming every trailing white-space character,
 * Latin-1 no-break space included) is undone: UT / LT / ST values are taken as stored (dcmjs's raw
 * value) minus their trailing spaces (padding, not significant in DICOM). Both ways give the same
 * dataset (tests/core/report/sr/naturalize.test.ts).
 */
import dcmjs from 'dcmjs';
import type { CodedConcept } from '../../codes.js';
import { err, ok, type Result } from '../../result.js';
import type { ContentItem } from './content-items.js';
import { naturalizePart10, type Dataset } from './naturalize.js';

export type { Dataset } from './naturalize.js';

const PREAMBLE = 128;

/** The naturalized dataset of a Part 10 file; a clear error for what is not one (or is cut short). */
export function readDataset(bytes: Uint8Array): Result<Dataset> {
  if (bytes.length < PREAMBLE + 4 || String.fromCharCode(...bytes.subarray(PREAMBLE, PREAMBLE + 4)) !== 'DICM') {
    return err('not-dicom', 'not a DICOM file (no "DICM" after the 128-byte preamble)');
  }
  const read = naturalizePart10(bytes);
  return 'dataset' in read ? ok(read.dataset) : readDatasetWithDcmjs(bytes);
}

/** A Part 10 file ("DICM" checked) read by dcmjs, its text mended as said above. */
export function readDatasetWithDcmjs(bytes: Uint8Array): Result<Dataset> {
  let dict: Record<string, unknown>;
  try {
    const copy = bytes.slice().buffer;
    dict = dcmjs.data.DicomMessage.readFile(copy, { ignoreErrors: false }).dict;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err('truncated', `the DICOM file cannot be read to its end (cut short or damaged): ${why.slice(0, 200)}`);
  }
  let ds: Dataset;
  try {
    ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(textAsStored(dict));
  } catch (e) {
    return err('decode-failed', `the DICOM dataset cannot be decoded: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
  }
  // dcmjs gives every Specific Character Set as ISO_IR 192 (the strings it decoded): the file's own is its raw value.
  const stored = (dict['00080005'] as { _rawValue?: unknown } | undefined)?._rawValue;
  const utf8 = (Array.isArray(stored) ? stored : [stored]).some((c) => typeof c === 'string' && c.trim() === 'ISO_IR 192');
  return ok(utf8 ? (redecode(ds) as Dataset) : ds);
}

const TEXT_VRS = new Set(['UT', 'LT', 'ST']);

/** A denaturalized dataset (dcmjs) with each text value as stored less trailing spaces, one value (UT / LT / ST are single-valued). */
function textAsStored(dict: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [tag, el] of Object.entries(dict)) {
    if (typeof el !== 'object' || el === null) {
      out[tag] = el;
      continue;
    }
    const e = el as { vr?: unknown; Value?: unknown; _rawValue?: unknown };
    const raw = e._rawValue;
    if (typeof e.vr === 'string' && TEXT_VRS.has(e.vr) && Array.isArray(raw) && raw.every((x) => typeof x === 'string')) {
      out[tag] = { vr: e.vr, Value: [raw.join('\\').replace(/ +$/, '')] };
    } else if (e.vr === 'SQ' && Array.isArray(e.Value)) {
      out[tag] = { vr: 'SQ', Value: e.Value.map((item) => (typeof item === 'object' && item !== null ? textAsStored(item as Record<string, unknown>) : item)) };
    } else {
      out[tag] = el;
    }
  }
  return out;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** windows-1252's characters for bytes 0x80-0x9F (the WHATWG "latin1" dcmjs decodes with); the others are Latin-1. */
const WINDOWS_1252 = new Map<number, number>(
  [0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178]
    .map((ch, i): [number, number] => [ch, 0x80 + i])
    .filter(([ch]) => ch !== 0),
);

/**
 * A string dcmjs decoded as windows-1252 (browsers; Node's "latin1" decoder is ISO-8859-1): its
 * bytes read again as UTF-8 (kept when they are not UTF-8).
 */
export function asUtf8(s: string): string {
  let high = false;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const byte = code <= 0xff ? code : WINDOWS_1252.get(code);
    if (byte === undefined) return s;
    if (byte >= 0x80) high = true;
    bytes[i] = byte;
  }
  if (!high) return s;
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return s;
  }
}

/** Every string inside sequences decoded again (top-level values dcmjs decodes right). */
function redecode(v: unknown, inSequence = false): unknown {
  if (typeof v === 'string') return inSequence ? asUtf8(v) : v;
  if (Array.isArray(v)) return v.map((x) => redecode(x, inSequence));
  if (typeof v === 'object' && v !== null && !(v instanceof ArrayBuffer) && !ArrayBuffer.isView(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redecode(x, inSequence || Array.isArray(x));
    return out;
  }
  return v;
}

/** The first value of a possibly multi-valued attribute. */
export function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

export function str(v: unknown): string | null {
  const x = first(v);
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  return null;
}

/** A content item's children (empty when it has none or they are not a list). */
export function childrenOf(item: unknown): ContentItem[] {
  if (typeof item !== 'object' || item === null) return [];
  const seq = (item as Dataset)['ContentSequence'];
  return Array.isArray(seq) ? seq.filter((x): x is ContentItem => typeof x === 'object' && x !== null) : [];
}

function codeOf(seq: unknown): { value: string; scheme: string } | null {
  const c = first(seq);
  if (typeof c !== 'object' || c === null) return null;
  const value = str((c as Dataset)['CodeValue']);
  const scheme = str((c as Dataset)['CodingSchemeDesignator']);
  return value === null || scheme === null ? null : { value, scheme };
}

export const sameConcept = (code: { value: string; scheme: string } | null, concept: CodedConcept): boolean =>
  code !== null && code.value === concept.value && code.scheme === concept.scheme;

/** The concept name of an item. */
export const nameOf = (item: unknown): { value: string; scheme: string } | null => (typeof item === 'object' && item !== null ? codeOf((item as Dataset)['ConceptNameCodeSequence']) : null);

/** The coded value of a CODE item. */
export const codeValueOf = (item: unknown): { value: string; scheme: string } | null => (typeof item === 'object' && item !== null ? codeOf((item as Dataset)['ConceptCodeSequence']) : null);

export function named(parent: unknown, concept: CodedConcept): ContentItem[] {
  return childrenOf(parent).filter((i) => sameConcept(nameOf(i), concept));
}

export function namedOne(parent: unknown, concept: CodedConcept): ContentItem | undefined {
  return named(parent, concept)[0];
}

/**
 * The text of a TEXT item (or the UID of a UIDREF). UT is single-valued, and a backslash in it
 * is text; dcmjs splits it into values at each backslash: joined back here.
 */
export function textOf(item: ContentItem | undefined): string | null {
  if (item === undefined) return null;
  const t = item['TextValue'];
  const text = Array.isArray(t) && t.every((x) => typeof x === 'string') ? t.join('\\') : str(t);
  return text === null ? str(item['UID']) : text.replace(/ +$/, '');
}

export function numberOf(item: ContentItem | undefined): number | null {
  if (item === undefined) return null;
  const mv = first(item['MeasuredValueSequence']);
  if (typeof mv !== 'object' || mv === null) return null;
  const n = Number(str((mv as Dataset)['NumericValue']));
  return Number.isFinite(n) ? n : null;
}

/** The value of a coded item, looked up in a table of our codes; null when absent or unknown. */
export function termOf<K extends string>(item: ContentItem | undefined, table: Readonly<Record<K, CodedConcept>>): K | null {
  if (item === undefined) return null;
  const code = codeValueOf(item);
  const hit = (Object.entries(table) as [K, CodedConcept][]).find(([, c]) => sameConcept(code, c));
  return hit === undefined ? null : hit[0];
}

/** JSON text of a private item: 'absent', 'not JSON', or the parsed value. */
export function jsonOf(item: ContentItem | undefined): 'absent' | 'not JSON' | { readonly value: unknown } {
  const t = textOf(item);
  if (t === null) return 'absent';
  try {
    return { value: JSON.parse(t) as unknown };
  } catch {
    return 'not JSON';
  }
}
