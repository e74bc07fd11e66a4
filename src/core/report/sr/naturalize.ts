/**
 * A Part 10 file in explicit VR little endian, parsed by dicom-parser (which only records where
 * each value lies) and turned into the naturalized data set dcmjs gives
 * (DicomMessage.readFile + DicomMetaDictionary.naturalizeDataset), values decoded once:
 * - keywords from dcmjs's dictionary (the tag, e.g. "0009A001", when it has none), with dcmjs's
 *   `_vrMap` (the VR as stored where it differs from the dictionary's);
 * - strings split at "\" and formatted per VR as dcmjs does (AE / LO / SH trimmed, TM / UC
 *   trimmed at the end, CS each value trimmed, UI without the characters a UID cannot hold, DS /
 *   IS as numbers or null), PN as its components ({ Alphabetic, Ideographic, Phonetic });
 * - US / UL / SS / SL / FL / FD as numbers (several values: an array, e.g. the FL Graphic Data of
 *   a SCOORD); an empty one as 0, like dcmjs;
 * - sequences as arrays of items (an empty item left out, like dcmjs);
 * - one value as the value itself, several as an array.
 * Where dcmjs gets it wrong for an SR, it is read right here, as readDataset mends dcmjs's read:
 * UT / LT / ST are single-valued text taken as stored (a backslash is text) minus trailing spaces
 * (padding); with Specific Character Set ISO_IR 192 every level of the file is read as UTF-8
 * (dcmjs reads values inside sequences as windows-1252). Deliberate differences from dcmjs after
 * those mends (tests/core/report/sr/naturalize.test.ts): Specific Character Set is given as stored
 * (dcmjs says ISO_IR 192 whatever the file says); in a UTF-8 file, a value inside a sequence in a
 * VR dcmjs trims (AE, LO, SH, TM, UC) keeps a final character whose last UTF-8 byte is A0 ("à":
 * dcmjs trims it as a no-break space), bytes that are not UTF-8 read as U+FFFD at every level,
 * and the ASCII-only VRs (CS, DA, UI …) are read as Latin-1 at every level. Sequences are plain
 * arrays, without dcmjs's accessor proxy (item zero's attributes on the array itself).
 *
 * What this does not read is left to dcmjs (NotRead, with why): another transfer syntax, a
 * character set other than none / ISO_IR 6 / ISO_IR 100 / ISO_IR 192, a VR other than the ones
 * above (binary data, AT, UN …), and anything dicom-parser finds irregular (cut short, a length
 * past the end, a delimiter out of place), so that damaged files read exactly as they did.
 */
import dcmjs from 'dcmjs';
import dicomParser from 'dicom-parser';
import type { ByteStream, Element } from 'dicom-parser';

export type Dataset = Record<string, unknown>;

/** The data set, or why the file is left to dcmjs. */
export type Naturalized = { readonly dataset: Dataset } | { readonly notRead: string };

const notRead = (why: string): Naturalized => ({ notRead: why });

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** 128-byte preamble, "DICM", then (0002,0000) UL of length 4: the meta group's length. */
const META_START = 144;
const ITEM_DELIMITER = 'xfffee00d';
const CHARACTER_SET = 'x00080005';
const TRANSFER_SYNTAX = 'x00020010';

/** Signals a value this reader leaves to dcmjs; caught in naturalizePart10, never escapes. */
class LeaveToDcmjs extends Error {}

/** Character sets read here; the decoders are dcmjs's (its mapping of the defined terms). */
const CHARACTER_SETS: Readonly<Record<string, string>> = { '': 'windows-1252', 'ISO_IR 6': 'windows-1252', 'ISO_IR 100': 'windows-1252', 'ISO_IR 192': 'utf-8' };

// ---- dcmjs's dictionary, looked up once per tag ----

interface DictionaryEntry {
  readonly name: string;
  readonly vr: string;
}

const dictionary = dcmjs.data.DicomMetaDictionary.dictionary;
/** The dictionary's tags met so far (bounded by the dictionary: tags it lacks are not kept). */
const keywords = new Map<string, { readonly name: string; readonly dictionaryVr: string | null }>();

function keywordOf(tag: string): { readonly name: string; readonly dictionaryVr: string | null } {
  const known = keywords.get(tag);
  if (known !== undefined) return known;
  const hex = tag.slice(1).toUpperCase();
  const entry = dictionary[`(${hex.slice(0, 4)},${hex.slice(4)})`] as DictionaryEntry | undefined;
  if (entry === undefined) return { name: hex, dictionaryVr: null };
  const k = { name: entry.name, dictionaryVr: entry.vr };
  keywords.set(tag, k);
  return k;
}

// ---- text ----

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  return s;
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] as number >= 0x80) return false;
  return true;
}

const BACKSLASH = '\\';
const rtrim = (s: string): string => s.replace(/\s*$/g, '');

/** dcmjs's dropPadByte: with several values, a last value of odd length loses its one trailing pad space. */
function dropPad(values: string[], maxLength: number | undefined): string[] {
  if (maxLength === undefined || values.length < 2) return values;
  const last = values[values.length - 1] as string;
  if (last.length % 2 !== 0 && last.endsWith(' ')) values[values.length - 1] = last.slice(0, -1);
  return values;
}

/** dcmjs's maximum lengths (maxLength, else maxCharLength) of the space-padded VRs, for dropPad. */
const PAD_LENGTH: Readonly<Record<string, number>> = { AE: 16, AS: 4, CS: 16, DA: 8, DS: 16, DT: 26, IS: 12, LO: 64, SH: 16, TM: 16 };

function decimalString(s: string): number | null {
  const t = s.trim().replace(/[^0-9.\\\-+e]/gi, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function integerString(s: string): number | null {
  const t = s.trim();
  if (t === '' || !/^[+-]?\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** dcmjs's PN: values at "\" (empty ones dropped), each as its non-empty "=" components. */
function personNames(s: string): Record<string, string>[] {
  return s
    .split(BACKSLASH)
    .filter(Boolean)
    .map((v) => {
      const [a, i, p] = v.split('=');
      return { ...(a ? { Alphabetic: a } : {}), ...(i ? { Ideographic: i } : {}), ...(p ? { Phonetic: p } : {}) };
    });
}

const NUMBER_SIZE: Readonly<Record<string, number>> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8 };

// ---- the walk ----

class Naturalizer {
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly decoder: { decode(bytes: Uint8Array): string },
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The naturalized data set of these elements (an item's when inItem). */
  dataset(elements: Iterable<Element>, inItem: boolean): Dataset {
    const vrMap: Record<string, string> = {};
    const out: Dataset = { _vrMap: vrMap };
    for (const el of elements) {
      if (el.tag.startsWith('xfffe')) {
        if (inItem && el.tag === ITEM_DELIMITER) continue;
        throw new LeaveToDcmjs(`a delimiter (${el.tag}) out of place`);
      }
      if (inItem && el.tag === CHARACTER_SET) throw new LeaveToDcmjs('a Specific Character Set inside a sequence item');
      const vr = el.vr ?? '';
      const { name, dictionaryVr } = keywordOf(el.tag);
      if (dictionaryVr !== null && (dictionaryVr === 'ox' || vr !== dictionaryVr)) vrMap[name] = vr;
      const values = this.values(el, vr);
      out[name] = natural(values);
    }
    return out;
  }

  private values(el: Element, vr: string): unknown[] {
    if (el.hadUndefinedLength === true && vr !== 'SQ') throw new LeaveToDcmjs(`${el.tag} has an undefined length`);
    const start = el.dataOffset;
    const end = start + el.length;
    if (vr !== 'SQ' && end > this.bytes.length) throw new LeaveToDcmjs(`${el.tag} runs past the end of the file`);
    const size = NUMBER_SIZE[vr];
    if (size !== undefined) return this.numbers(vr, size, start, el.length);
    switch (vr) {
      case 'SQ': {
        const items = el.items ?? [];
        const last = items[items.length - 1];
        if (el.hadUndefinedLength !== true && last !== undefined && last.dataOffset + last.length !== end) throw new LeaveToDcmjs(`the items of ${el.tag} do not end where it does`);
        return items.flatMap((item) => {
          const ds = item.dataSet;
          if (ds === undefined) throw new LeaveToDcmjs(`an item of ${el.tag} was not parsed`);
          // dicom-parser gives an item's data set no warnings list: a warning inside one throws (a TypeError), caught as irregular.
          const warned = ds.warnings as string[] | undefined;
          if (warned !== undefined && warned.length > 0) throw new LeaveToDcmjs(warned.join('; '));
          const elements = Object.values(ds.elements);
          return elements.every((e) => e.tag === ITEM_DELIMITER) ? [] : [this.dataset(elements, true)];
        });
      }
      case 'AE':
      case 'LO':
      case 'SH':
        return dropPad(this.text(start, end).trim().split(BACKSLASH), PAD_LENGTH[vr]);
      case 'AS':
      case 'DA':
      case 'DT':
      case 'UR':
        return dropPad(latin1(this.bytes, start, end).split(BACKSLASH), PAD_LENGTH[vr]);
      case 'TM':
        return dropPad(rtrim(latin1(this.bytes, start, end)).split(BACKSLASH), PAD_LENGTH[vr]);
      case 'UC':
        return rtrim(this.text(start, end)).split(BACKSLASH);
      case 'CS':
        return dropPad(latin1(this.bytes, start, end).split(BACKSLASH), PAD_LENGTH[vr]).map((s) => s.trim());
      case 'DS':
        return dropPad(latin1(this.bytes, start, end).split(BACKSLASH), PAD_LENGTH[vr]).map(decimalString);
      case 'IS':
        return dropPad(latin1(this.bytes, start, end).split(BACKSLASH), PAD_LENGTH[vr]).map(integerString);
      case 'UI': {
        const padded = el.length > 0 && this.bytes[end - 1] === 0;
        return latin1(this.bytes, start, padded ? end - 1 : end)
          .split(BACKSLASH)
          .map((s) => s.replace(/[^0-9.]/g, ''));
      }
      case 'PN': {
        const s = this.text(start, end);
        return personNames(s.endsWith(' ') || s === '' ? s.slice(0, -1) : s);
      }
      case 'UT':
      case 'LT':
      case 'ST':
        return [this.text(start, end).replace(/ +$/, '')];
      default:
        throw new LeaveToDcmjs(`${el.tag} has VR "${vr}", which this reader leaves to dcmjs`);
    }
  }

  private text(start: number, end: number): string {
    return isAscii(this.bytes, start, end) ? latin1(this.bytes, start, end) : this.decoder.decode(this.bytes.subarray(start, end));
  }

  private numbers(vr: string, size: number, start: number, length: number): number[] {
    if (length === 0) return [0];
    if (length % size !== 0) throw new LeaveToDcmjs(`a ${vr} of ${length} bytes`);
    const out: number[] = [];
    for (let p = start; p < start + length; p += size) {
      switch (vr) {
        case 'US':
          out.push(this.view.getUint16(p, true));
          break;
        case 'SS':
          out.push(this.view.getInt16(p, true));
          break;
        case 'UL':
          out.push(this.view.getUint32(p, true));
          break;
        case 'SL':
          out.push(this.view.getInt32(p, true));
          break;
        case 'FL':
          out.push(this.view.getFloat32(p, true));
          break;
        default:
          out.push(this.view.getFloat64(p, true));
      }
    }
    return out;
  }
}

/** dcmjs's naturalize of one attribute: one value as itself (an item or a PN stays in its array), else the array. */
function natural(values: unknown[]): unknown {
  if (values.length !== 1) return values;
  const v = values[0];
  return v !== null && typeof v === 'object' && !(v as { length?: unknown }).length ? values : v;
}

/** The elements between start and end, as dicom-parser reads them (explicit VR little endian). */
function parseElements(bytes: Uint8Array, start: number, end: number): Element[] {
  const stream: ByteStream = new dicomParser.ByteStream(dicomParser.littleEndianByteArrayParser, bytes, start);
  const warnings: string[] = [];
  const elements: Element[] = [];
  while (stream.position < end) elements.push(dicomParser.readDicomElementExplicit(stream, warnings));
  if (stream.position > end) throw new LeaveToDcmjs(`the last element runs past byte ${end}`);
  if (warnings.length > 0 || stream.warnings.length > 0) throw new LeaveToDcmjs([...warnings, ...stream.warnings].join('; '));
  return elements;
}

function why(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}

/** The naturalized data set of a Part 10 file ("DICM" checked by the caller), or why it is left to dcmjs. */
export function naturalizePart10(bytes: Uint8Array): Naturalized {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length <= META_START || view.getUint32(132, true) !== 0x00000002 || bytes[136] !== 0x55 || bytes[137] !== 0x4c || view.getUint16(138, true) !== 4) {
    return notRead('the file meta information does not start with its group length');
  }
  const metaEnd = META_START + view.getUint32(140, true);
  if (metaEnd >= bytes.length) return notRead('no data set after the file meta information');
  try {
    const ascii = new Naturalizer(bytes, new TextDecoder('windows-1252'));
    const valueOf = (elements: Element[], tag: string): unknown => {
      const el = elements.find((e) => e.tag === tag);
      return el === undefined ? undefined : ascii.dataset([el], false)[keywordOf(el.tag).name];
    };
    const syntax = valueOf(parseElements(bytes, META_START, metaEnd), TRANSFER_SYNTAX);
    if (syntax !== EXPLICIT_VR_LITTLE_ENDIAN) return notRead(`transfer syntax ${String(syntax)}`);
    const elements = parseElements(bytes, metaEnd, bytes.length);
    const charset = valueOf(elements, CHARACTER_SET) ?? '';
    const encoding = typeof charset === 'string' ? CHARACTER_SETS[charset] : undefined;
    if (encoding === undefined) return notRead(`Specific Character Set ${JSON.stringify(charset)}`);
    return { dataset: new Naturalizer(bytes, new TextDecoder(encoding)).dataset(elements, false) };
  } catch (e) {
    return notRead(why(e));
  }
}
