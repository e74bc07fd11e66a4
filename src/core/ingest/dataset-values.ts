/**
 * Small, total readers over a dicom-parser DataSet: each returns null (never throws) when an
 * attribute is missing, empty or unreadable, and text is always cleaned of control characters.
 */
import type { DataSet } from 'dicom-parser';
import { cleanText } from './clean-text.js';
import { TAG } from './dicom-tags.js';

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 4096)));
  }
  return s;
};

function rawBytes(ds: DataSet, tag: string): Uint8Array | null {
  const el = ds.elements[tag];
  if (el === undefined || el.length <= 0) return null;
  const end = el.dataOffset + el.length;
  if (el.dataOffset < 0 || end > ds.byteArray.length) return null;
  return ds.byteArray.subarray(el.dataOffset, end);
}

/** True when Specific Character Set (0008,0005) names UTF-8 (ISO_IR 192). */
function isUtf8(ds: DataSet): boolean {
  const b = rawBytes(ds, TAG.SpecificCharacterSet);
  return b !== null && latin1(b).includes('ISO_IR 192');
}

/** The whole value of a text attribute (all values, backslashes kept), cleaned; null if empty. */
export function readText(ds: DataSet, tag: string, charsetSource: DataSet = ds): string | null {
  const b = rawBytes(ds, tag);
  if (b === null) return null;
  const nul = b.indexOf(0);
  const bytes = nul >= 0 ? b.subarray(0, nul) : b;
  const s = isUtf8(charsetSource) ? new TextDecoder('utf-8').decode(bytes) : latin1(bytes);
  const t = cleanText(s);
  return t === '' ? null : t;
}

/** The values of a multi-valued text attribute, each cleaned (empty values kept as ''). */
export function readTexts(ds: DataSet, tag: string): string[] | null {
  const b = rawBytes(ds, tag);
  if (b === null) return null;
  const nul = b.indexOf(0);
  const s = latin1(nul >= 0 ? b.subarray(0, nul) : b);
  const parts = s.split('\\').map(cleanText);
  return parts.every((p) => p === '') ? null : parts;
}

/** Decimal / integer string values as numbers (NaN for a value that is not a number). */
export function readNumbers(ds: DataSet, tag: string): number[] | null {
  const parts = readTexts(ds, tag);
  if (parts === null) return null;
  return parts.map((p) => (p === '' ? Number.NaN : Number(p)));
}

/** The first numeric value of a DS / IS attribute, or null when absent or not a number. */
export function readNumber(ds: DataSet, tag: string): number | null {
  const n = readNumbers(ds, tag)?.[0];
  return n === undefined || !Number.isFinite(n) ? null : n;
}

/** An unsigned 16-bit value (US), or null when absent or too short. */
export function readUint16(ds: DataSet, tag: string): number | null {
  const el = ds.elements[tag];
  if (el === undefined || el.length < 2 || el.dataOffset + 2 > ds.byteArray.length) return null;
  const v = ds.uint16(tag);
  return v === undefined ? null : v;
}

/** The first item's data set of a sequence, or null. */
export function firstItem(ds: DataSet, tag: string): DataSet | null {
  return ds.elements[tag]?.items?.[0]?.dataSet ?? null;
}

/** All item data sets of a sequence (empty when absent). */
export function items(ds: DataSet, tag: string): DataSet[] {
  const out: DataSet[] = [];
  for (const it of ds.elements[tag]?.items ?? []) if (it.dataSet !== undefined) out.push(it.dataSet);
  return out;
}
