/**
 * A DICOM SR file as a dcmjs naturalized dataset, and the content tree looked into by concept
 * code (never by position). dcmjs 0.52 decodes text inside sequences as Latin-1 even when the
 * Specific Character Set is ISO_IR 192 (UTF-8): those values are decoded again here. Its
 * formatting of text values (splitting UT at backslashes, trimming every trailing white-space
 * character, Latin-1 no-break space included) is undone: UT / LT / ST values are taken as stored
 * (dcmjs's raw value) and lose only their trailing spaces (padding, not significant in DICOM).
 */
import dcmjs from 'dcmjs';
import type { CodedConcept } from '../../codes.js';
import { err, ok, type Result } from '../../result.js';
import type { ContentItem } from './content-items.js';

export type Dataset = Record<string, unknown>;

const PREAMBLE = 128;

/** The naturalized dataset of a Part 10 file; a clear error for what is not one (or is cut short). */
export function readDataset(bytes: Uint8Array): Result<Dataset> {
  if (bytes.length < PREAMBLE + 4 || String.fromCharCode(...bytes.subarray(PREAMBLE, PREAMBLE + 4)) !== 'DICM') {
    return err('not-dicom', 'not a DICOM file (no "DICM" after the 128-byte preamble)');
  }
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
  const charset = ds['SpecificCharacterSet'];
  const utf8 = (Array.isArray(charset) ? charset : [charset]).some((c) => c === 'ISO_IR 192');
  return ok(utf8 ? (redecode(ds) as Dataset) : ds);
}

const TEXT_VRS = new Set(['UT', 'LT', 'ST']);

/** A denaturalized dataset (dcmjs) with each text value as stored, one value (UT / LT / ST are single-valued). */
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
      out[tag] = { vr: e.vr, Value: [raw.join('\\')] };
    } else if (e.vr === 'SQ' && Array.isArray(e.Value)) {
      out[tag] = { vr: 'SQ', Value: e.Value.map((item) => (typeof item === 'object' && item !== null ? textAsStored(item as Record<string, unknown>) : item)) };
    } else {
      out[tag] = el;
    }
  }
  return out;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** A string dcmjs decoded as Latin-1: its bytes read again as UTF-8 (kept when they are not UTF-8). */
function asUtf8(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 0xff) return s;
    if (code >= 0x80) high = true;
  }
  if (!high) return s;
  try {
    return utf8Decoder.decode(Uint8Array.from(s, (ch) => ch.charCodeAt(0)));
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
