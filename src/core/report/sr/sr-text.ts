/**
 * Text as DICOM value representations accept it (PS3.5 6.2, Table 6.2-1): whatever the radiologist
 * or a header typed — markup, control characters, very long strings — is written so that
 * validators accept it, and what had to change is said by a marker rather than silently.
 *
 * - UT (TEXT content items): no length limit; control characters other than TAB, LF, FF and CR
 *   are replaced by U+FFFD (the SR is UTF-8, ISO_IR 192, so ESC has no use). Markup stays as
 *   written: it is text, and a reader shows it as text.
 * - PN (names): at most 64 bytes of UTF-8; longer names are cut and end with TRUNCATED_MARK;
 *   backslash (the value delimiter) and control characters become spaces.
 * - LO (Code Meaning, Software Versions, Device Observer Name and Model Name: 64) and SH (16):
 *   cut with the marker. Lengths are counted in bytes of UTF-8, as dciodvfy counts them.
 * - Identifiers (UIDs, Patient ID, Accession Number, Study ID) are never cut or changed: a value
 *   that does not fit is refused with a message naming the attribute.
 */
import { err, ok, type Result } from '../../result.js';

/** Ends a value cut to its VR's maximum length. */
export const TRUNCATED_MARK = '…';

const REPLACEMENT = '\uFFFD';

/** C0 controls other than TAB, LF, FF, CR; DEL; C1 controls; lone surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_IN_UT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const NOT_IN_SHORT = /[\u0000-\u001F\u007F-\u009F\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character NOT_IN_UT may match (controls, DEL, C1, any surrogate): when none, there is nothing to replace. */
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_IN_UT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/;

/** A UT value: control characters other than TAB / LF / FF / CR replaced by U+FFFD. */
export function utText(text: string): string {
  return MAYBE_NOT_IN_UT.test(text) ? text.replace(NOT_IN_UT, REPLACEMENT) : text;
}

/**
 * A value as JSON for a UT item, lossless: characters UT does not allow (which JSON.stringify
 * leaves as they are, e.g. DEL and C1 controls) are written as \uXXXX escapes, which JSON reads back.
 */
export function utJson(value: unknown): string {
  const json = JSON.stringify(value);
  // JSON.stringify already escapes C0 controls and lone surrogates (ES2019): only DEL and C1 can be left.
  return DEL_OR_C1.test(json) ? json.replace(NOT_IN_UT, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

const DEL_OR_C1 = /[\u007F-\u009F]/;

const utf8 = new TextEncoder();

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}
const bytes = (text: string): number => utf8.encode(text).length;

/**
 * Cuts to at most `max` bytes of UTF-8 (whole code points), ending with the marker when cut.
 * PS3.5 gives LO / PN / SH lengths in characters; validators (dciodvfy) count bytes, so the
 * stricter reading is kept.
 */
function cut(text: string, max: number): string {
  // Most values are short ASCII: one byte per character, no encoding needed to know they fit.
  if (text.length <= max && isAscii(text)) return text;
  if (bytes(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (bytes(out + ch + TRUNCATED_MARK) > max) break;
    out += ch;
  }
  return out + TRUNCATED_MARK;
}

/** An LO / SH value: one line, no backslash, at most `max` characters (64 for LO, 16 for SH). */
export function shortText(text: string, max: 16 | 64): string {
  return cut(text.replace(NOT_IN_SHORT, ' ').trim(), max);
}

/**
 * A PN value from a setting: a name already in DICOM form (with "^") is kept; a display name
 * ("Dr Ada Reader") becomes the family-name component, ended by "^" so that it is not read as the
 * retired free-form name. One component group, at most 64 characters.
 */
export function personName(name: string): string {
  const clean = cut(name.replace(NOT_IN_SHORT, ' ').replace(/=/g, ' ').trim(), 63);
  return clean.includes('^') ? clean : `${clean}^`;
}

/** A PN value already in DICOM form (Family^Given…), as a header gave it: component groups kept, each cut to 64. */
export function headerPersonName(name: string | null): string {
  if (name === null) return '';
  const groups = name.split('=').slice(0, 3).map((group) => group.replace(NOT_IN_SHORT, ' '));
  // The whole value within 64 bytes: the alphabetic group first, the ideographic and phonetic ones only when they fit.
  let out = cut(groups[0] ?? '', 64);
  for (const g of groups.slice(1)) {
    if (bytes(`${out}=${g}`) > 64) break;
    out = `${out}=${g}`;
  }
  return out;
}

const UID = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

/** A UID as PS3.5 9.1 allows it (digits and dots, no leading zeros, at most 64 characters), or an error naming the attribute. */
export function checkUid(uid: string, attribute: string): Result<string> {
  if (uid.length > 64 || !UID.test(uid)) return err('bad-argument', `${attribute} "${shortText(uid, 64)}" is not a DICOM UID (digits and dots, at most 64 characters)`);
  return ok(uid);
}

/** An identifier (LO 64 / SH 16) that must not change: refused when it does not fit. Null → empty (Type 2). */
export function checkIdentifier(value: string | null, max: 16 | 64, attribute: string): Result<string> {
  if (value === null) return ok('');
  if (bytes(value) > max || new RegExp(NOT_IN_SHORT.source).test(value)) {
    return err('bad-argument', `${attribute} does not fit its DICOM value representation (at most ${max} characters, no control characters or backslash)`);
  }
  return ok(value);
}
