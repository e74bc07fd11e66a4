/**
 * A JPEG 2000 codestream's outline checked before it is decoded: the HTJ2K decoder (OpenJPH, the
 * Cornerstone codec) can loop for ever on a damaged stream — a cut or shifted tile-part was seen to
 * hang it — so the parts that frame the data are checked first. ITU-T T.800 (ISO/IEC 15444-1),
 * annex A: the stream starts with SOC (FF 4F) and SIZ (FF 51); the main header's marker segments
 * each carry their length; each tile-part starts with SOT (FF 90), whose Psot is the tile-part's
 * length from the SOT marker on (0 only for the last tile-part: up to EOC); the stream ends with EOC
 * (FF D9). A DICOM fragment may carry one trailing zero byte to make its length even (PS3.5 A.4).
 */

const SOC = 0xff4f;
const SIZ = 0xff51;
const SOT = 0xff90;
const SOD = 0xff93;
const EOC = 0xffd9;

const u16 = (b: Uint8Array, at: number): number => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number): number => u16(b, at) * 0x10000 + u16(b, at + 2);
const hex = (marker: number): string => marker.toString(16).toUpperCase().padStart(4, '0').replace(/^(..)(..)$/, '$1 $2');

/**
 * What is wrong with the codestream's outline, in words, or null when its markers, segment lengths
 * and tile-part lengths fit together and it ends with EOC.
 *
 * @example j2kCodestreamProblem(Uint8Array.of(0xff, 0x4f, 0xff, 0x51)) // 'the SIZ marker segment is cut short'
 */
export function j2kCodestreamProblem(frame: Uint8Array): string | null {
  let end = frame.length;
  while (end > 0 && frame[end - 1] === 0) end--;
  if (end < 4 || u16(frame, 0) !== SOC) return 'it does not start with the start-of-codestream marker (FF 4F)';
  if (u16(frame, 2) !== SIZ) return 'the image and tile size marker segment (SIZ, FF 51) does not follow the start of the codestream';
  // The main header: marker segments up to the first tile-part.
  let at = 2;
  for (;;) {
    if (at + 4 > end) return 'the main header is cut short before the first tile-part (SOT, FF 90)';
    const marker = u16(frame, at);
    if (marker === SOT) break;
    if (marker >> 8 !== 0xff || marker < 0xff30) return `a byte pair that is not a marker (${hex(marker)}) in the main header`;
    const length = u16(frame, at + 2);
    if (length < 2 || at + 2 + length > end) return `the ${marker === SIZ ? 'SIZ' : hex(marker)} marker segment is cut short`;
    at += 2 + length;
  }
  // The tile-parts, each as long as its SOT says, then EOC.
  for (;;) {
    const marker = u16(frame, at);
    if (marker === EOC) return at + 2 === end ? null : 'data follows the end-of-codestream marker (FF D9)';
    if (marker !== SOT) return `a tile-part does not start with SOT (FF 90) where the one before ends (found ${hex(marker)})`;
    if (at + 12 > end || u16(frame, at + 2) !== 10) return 'a tile-part header (SOT) is cut short or damaged';
    const psot = u32(frame, at + 6);
    if (psot === 0) {
      // The last tile-part runs to EOC.
      if (end - 2 < at + 12 || u16(frame, end - 2) !== EOC) return 'the codestream ends without its end-of-codestream marker (FF D9): cut short or damaged';
      return hasSod(frame, at + 12, end - 2) ? null : 'a tile-part has no start-of-data marker (SOD, FF 93)';
    }
    if (psot < 14 || at + psot > end) return 'a tile-part is longer than the data left: the codestream is cut short or damaged';
    if (!hasSod(frame, at + 12, at + psot)) return 'a tile-part has no start-of-data marker (SOD, FF 93)';
    at += psot;
    if (at + 2 > end) return 'the codestream ends without its end-of-codestream marker (FF D9): cut short or damaged';
  }
}

/** Whether the tile-part header from `from` reaches SOD before `to` through whole marker segments. */
function hasSod(frame: Uint8Array, from: number, to: number): boolean {
  let at = from;
  while (at + 2 <= to) {
    const marker = u16(frame, at);
    if (marker === SOD) return true;
    if (marker >> 8 !== 0xff || at + 4 > to) return false;
    const length = u16(frame, at + 2);
    if (length < 2) return false;
    at += 2 + length;
  }
  return false;
}
