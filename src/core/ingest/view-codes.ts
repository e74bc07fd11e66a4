/**
 * Reading coded views from images: View Position strings and the code lookup. The code tables
 * themselves (CID 4014 / 4015) live in codes.ts with every other code.
 */
import type { MammoView } from '../image.js';
import type { ViewCodeEntry } from '../codes.js';
import { VIEWS } from '../locate/view-axis.js';

export { MAMMOGRAPHY_VIEW_CODES, MAMMOGRAPHY_VIEW_MODIFIER_CODES, type ViewCodeEntry } from '../codes.js';

/** View Position (0018,5101) strings that name a view directly (ACR MQCM 1999 abbreviations): the views table's names. */
export const VIEW_POSITION_VIEWS: Readonly<Record<string, MammoView>> = Object.fromEntries(Object.keys(VIEWS).map((v) => [v, v as MammoView]));

/** Finds a coded concept by code value and scheme (SCT, SRT, or the older SNM3 for SRT codes). */
export function findCode<T>(
  table: readonly ViewCodeEntry<T>[],
  codeValue: string,
  scheme: string | null,
): ViewCodeEntry<T> | null {
  const s = (scheme ?? '').toUpperCase();
  for (const c of table) {
    if (codeValue === c.sct && (s === 'SCT' || s === '')) return c;
    if (codeValue === c.srt && (s === 'SRT' || s === 'SNM3' || s === '')) return c;
  }
  return null;
}
