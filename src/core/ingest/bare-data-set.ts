/**
 * DICOM files without the 128-byte preamble and "DICM" marker: data sets written by older
 * equipment and archives (e.g. computed radiography) that are otherwise valid. Two shapes occur:
 * the File Meta Information group (0002) first, in Explicit VR Little Endian (a Part 10 file whose
 * preamble was dropped), or the data set itself from group 0008 on, in Implicit or Explicit VR
 * Little Endian with no meta information at all (PS3.5 §7.1, PS3.10 §7.1). Either is given a
 * preamble, marker and, when missing, a meta group naming the detected transfer syntax, so it is
 * read by the same parser as every other file; the caller still checks that it parses cleanly.
 */

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** Value representations of PS3.5 §6.2, as the two bytes that follow a tag in explicit VR. */
const VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);

/** How a preamble-less file starts, or null when it does not start like a data set at all. */
export interface BareStart {
  /** 'meta' when the File Meta Information group comes first, 'data-set' when group 0008 does. */
  readonly shape: 'meta' | 'data-set';
  /** The detected transfer syntax of a data set without meta information (null for 'meta'). */
  readonly transferSyntaxUid: string | null;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;

function explicitVr(b: Uint8Array, at: number): boolean {
  return VRS.has(String.fromCharCode(b[at] as number, b[at + 1] as number));
}

/** Recognises the start of a data set without preamble: group 0002 in explicit VR, or group 0008. */
export function bareStart(bytes: Uint8Array): BareStart | null {
  if (bytes.length < 8) return null;
  const group = u16(bytes, 0);
  if (group === 0x0002) return explicitVr(bytes, 4) ? { shape: 'meta', transferSyntaxUid: null } : null;
  if (group !== 0x0008) return null;
  if (explicitVr(bytes, 4)) return { shape: 'data-set', transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN };
  // Implicit VR: a 32-bit length follows the tag; it must fit in the file (or be undefined).
  const length = u32(bytes, 4);
  return length === 0xffffffff || length <= bytes.length - 8 ? { shape: 'data-set', transferSyntaxUid: IMPLICIT_VR_LITTLE_ENDIAN } : null;
}

/** One explicit VR little endian meta element with a short VR. */
function metaElement(element: number, vr: string, value: Uint8Array): number[] {
  const out = [0x02, 0x00, element & 0xff, element >> 8, vr.charCodeAt(0), vr.charCodeAt(1), value.length & 0xff, value.length >> 8];
  return out.concat(Array.from(value));
}

/** A copy of the bytes with a zero preamble, "DICM" and, for a bare data set, a meta group. */
export function withPreamble(bytes: Uint8Array, start: BareStart): Uint8Array {
  let meta: number[] = [];
  if (start.shape === 'data-set' && start.transferSyntaxUid !== null) {
    const uid = new TextEncoder().encode(start.transferSyntaxUid);
    const padded = uid.length % 2 === 0 ? uid : Uint8Array.from([...uid, 0]);
    const ts = metaElement(0x0010, 'UI', padded);
    const groupLength = new Uint8Array([ts.length & 0xff, (ts.length >> 8) & 0xff, 0, 0]);
    meta = [...metaElement(0x0000, 'UL', groupLength), ...ts];
  }
  const out = new Uint8Array(132 + meta.length + bytes.length);
  out.set([0x44, 0x49, 0x43, 0x4d], 128);
  out.set(meta, 132);
  out.set(bytes, 132 + meta.length);
  return out;
}
