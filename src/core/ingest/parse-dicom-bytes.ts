/**
 * Parses DICOM Part 10 bytes with dicom-parser, turning everything it throws into a typed
 * failure: 'not-dicom' (garbage), 'truncated' (the file ends before the data it declares, with
 * the byte counts), 'unsupported-transfer-syntax' (deflated without an inflater). A file without
 * the preamble and "DICM" marker is read when it starts like a data set and parses cleanly
 * (bare-data-set.ts), with a warning saying how it was read.
 */
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../result.js';
import { bareStart, withPreamble, type BareStart } from './bare-data-set.js';
import { cleanText } from './clean-text.js';
import { transferSyntax } from './transfer-syntaxes.js';

/** Inflates raw DEFLATE data (RFC 1951), e.g. node:zlib's inflateRawSync; injected by adapters. */
export type Inflate = (deflated: Uint8Array) => Uint8Array;

const DEFLATED = '1.2.840.10008.1.2.1.99';
const END_OF_DATA = /past end of buffer|overread|overrun|cannot be greater than or equal to 'byteArray' length|basic offset table not found|item tag \(FFFE,E000\) not found/i;

function reason(e: unknown): string {
  const inner = typeof e === 'object' && e !== null && 'exception' in e ? (e as { exception: unknown }).exception : e;
  const s = inner instanceof Error ? inner.message : typeof inner === 'string' ? inner : String(inner);
  return cleanText(s.replace(/^dicomParser\.?[\w.]*:\s*/, '')).slice(0, 200);
}

function partialDataSet(e: unknown): DataSet | null {
  return typeof e === 'object' && e !== null && 'dataSet' in e ? ((e as { dataSet: DataSet }).dataSet ?? null) : null;
}

function tagName(tag: string): string {
  const t = tag.slice(1).toUpperCase();
  return t === '7FE00010' ? 'Pixel Data (7FE0,0010)' : `element (${t.slice(0, 4)},${t.slice(4)})`;
}

/** Names the element that runs past the end of the file, with the byte counts, when one does. */
function describeShortfall(ds: DataSet | null, fileLength: number): string | null {
  if (ds === null) return null;
  let worst: { tag: string; end: number; offset: number; length: number } | null = null;
  for (const el of Object.values(ds.elements)) {
    const end = el.dataOffset + el.length;
    if (el.length > 0 && end > fileLength && (worst === null || end > worst.end)) {
      worst = { tag: el.tag, end, offset: el.dataOffset, length: el.length };
    }
  }
  if (worst === null) return null;
  const present = Math.max(0, fileLength - worst.offset);
  return `${tagName(worst.tag)} declares ${worst.length} bytes but only ${present} are present (file is ${fileLength} bytes, ${worst.end} expected)`;
}

function hasDicmMarker(bytes: Uint8Array): boolean {
  return bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** Reads the transfer syntax from the meta header without trusting the rest of the file. */
function metaTransferSyntax(bytes: Uint8Array): string | null {
  try {
    const meta = dicomParser.readPart10Header(bytes);
    return meta.string('x00020010')?.trim() ?? null;
  } catch {
    return null;
  }
}

/** A parsed data set and what was noticed while reading it. */
export interface ParsedDicom {
  readonly dataSet: DataSet;
  readonly warnings: readonly string[];
}

/** Parses a DICOM Part 10 file; never throws for bad input. */
export function parseDicomBytes(bytes: Uint8Array, options: { inflate?: Inflate } = {}): Result<DataSet> {
  const r = readDicomBytes(bytes, options);
  return r.ok ? ok(r.value.dataSet) : r;
}

/** Like parseDicomBytes, with the warnings (e.g. a file read without its preamble). */
export function readDicomBytes(bytes: Uint8Array, options: { inflate?: Inflate } = {}): Result<ParsedDicom> {
  if (bytes.length === 0) return err('not-dicom', 'empty file (0 bytes): not a DICOM file');
  if (bytes.length >= 132 && hasDicmMarker(bytes)) {
    const r = parsePart10(bytes, options);
    return r.ok ? ok({ dataSet: r.value, warnings: [] }) : r;
  }
  const bare = bareStart(bytes);
  if (bare !== null) return parseBare(bytes, bare, options);
  if (bytes.length < 132) {
    const dicm = [0x44, 0x49, 0x43, 0x4d];
    const startsLikeDicom = bytes.every((b, i) => (i < 128 ? b === 0 : b === dicm[i - 128]));
    return startsLikeDicom
      ? err('truncated', `file is truncated: ${bytes.length} bytes, ends inside the preamble and "DICM" marker (at least 132 expected)`)
      : err('not-dicom', `not a DICOM file: ${bytes.length} bytes, too short for the 132-byte preamble and marker`);
  }
  return err('not-dicom', 'not a DICOM file: no "DICM" marker at byte 128, and it does not start like a data set without one');
}

/**
 * True when the top-level tags of the data set rise strictly, as PS3.5 §7.1 requires (the meta
 * group, which the parser lists after the data set, is left out).
 */
function tagsAscend(ds: DataSet): boolean {
  let previous = '';
  for (const tag of Object.keys(ds.elements)) {
    if (tag.startsWith('x0002')) continue;
    if (tag <= previous) return false;
    previous = tag;
  }
  return true;
}

/** Reads a file that has no preamble and marker, when it parses cleanly as a data set. */
function parseBare(bytes: Uint8Array, start: BareStart, options: { inflate?: Inflate }): Result<ParsedDicom> {
  const r = parsePart10(withPreamble(bytes, start), options);
  const how =
    start.shape === 'meta'
      ? 'read from its File Meta Information'
      : `read as a data set in ${transferSyntax(start.transferSyntaxUid ?? '').name} (detected; no File Meta Information)`;
  if (!r.ok) {
    if (r.error.kind === 'not-dicom') {
      return err('not-dicom', `not a DICOM file: no "DICM" marker at byte 128, and ${start.shape === 'meta' ? 'its meta information' : 'it'} does not parse as a data set without one (${r.error.message})`);
    }
    if (r.error.kind === 'truncated') {
      return err('truncated', `file is truncated: it ends before the data it declares (no preamble and "DICM" marker, ${how})`);
    }
    return err(r.error.kind, `${r.error.message} (no preamble and "DICM" marker, ${how})`);
  }
  if (!tagsAscend(r.value)) {
    return err('not-dicom', 'not a DICOM file: no "DICM" marker at byte 128, and read without one its attributes are out of order');
  }
  return ok({ dataSet: r.value, warnings: [`no 128-byte preamble and "DICM" marker: ${how}`] });
}

function parsePart10(bytes: Uint8Array, options: { inflate?: Inflate }): Result<DataSet> {
  const inflate = options.inflate;
  if (metaTransferSyntax(bytes) === DEFLATED && inflate === undefined) {
    return err(
      'unsupported-transfer-syntax',
      `transfer syntax ${DEFLATED} (Deflated Explicit VR Little Endian) needs an inflate function, none was given`,
    );
  }
  const inflater =
    inflate === undefined
      ? undefined
      : (arr: Uint8Array, position: number): Uint8Array => {
          const inflated = inflate(arr.subarray(position));
          const full = new Uint8Array(position + inflated.length);
          full.set(arr.subarray(0, position), 0);
          full.set(inflated, position);
          return full;
        };
  try {
    const ds = dicomParser.parseDicom(bytes, inflater === undefined ? {} : { inflater: inflater as (a: Uint8Array, p: number) => void });
    const shortfall = describeShortfall(ds, ds.byteArray.length);
    if (shortfall !== null) return err('truncated', `file is truncated: ${shortfall}`);
    return ok(ds);
  } catch (e) {
    const why = reason(e);
    const partial = partialDataSet(e);
    const shortfall = describeShortfall(partial, partial?.byteArray.length ?? bytes.length);
    if (shortfall !== null) return err('truncated', `file is truncated: ${shortfall}`);
    if (END_OF_DATA.test(why)) return err('truncated', `file is truncated: it ends after ${bytes.length} bytes, before the data it declares (${why})`);
    if (/inflat|deflat|zlib|incorrect header|invalid (block|distance|code)/i.test(why)) {
      return err('decode-failed', `deflated data set could not be inflated: ${why}`);
    }
    return err('not-dicom', `not a readable DICOM file: ${why}`);
  }
}
