/**
 * Sizes on an uncalibrated image (digitised film without a pixel spacing): a millimetre threshold
 * is decided only when it holds, or fails, at every scan pitch the image may have been digitised
 * at: from 0.042 mm (DDSM's Howtek scanner; Heath et al., Proc. IWDM 2000) to 0.2 mm (mini-MIAS,
 * the MIAS films reduced to 200 µm pixels; Suckling et al. 1994), the upper end lowered to what the
 * image's size allows (film-scan-pitch.ts: a 4664 px scan is at most 0.093 mm per pixel). Else it
 * is not applied, as before: a cast 30 px long is over 1 mm at any of those pitches, a dot 12 px
 * across is not known to be under 0.5 mm.
 * The vessel search reads at most up to VESSEL_SEARCH.filmPitchMaxMm (0.1 mm): where to look for a
 * second wall, not what a size is.
 */
import { FILM_SCAN_PITCH_MM, type FilmPitchRange } from '../film-scan-pitch.js';
import { fmtMm, shownMm } from './rule-table.js';

export { FILM_SCAN_PITCH_MM, type FilmPitchRange };

/** Pitches the range is read at: both ends and evenly between, so that a 0.5–1 mm band is never stepped over. */
const STEPS = 100;

/** The span's millimetres at the finest and the coarsest pitch of the range. */
export function spanAtFilmPitches(px: number, pitch: FilmPitchRange): { readonly minMm: number; readonly maxMm: number } {
  return { minMm: px * pitch.min, maxMm: px * pitch.max };
}

/** true / false when `ok` holds / fails at every pitch of the range for a span of `px` pixels; null when it depends on the pitch. */
export function atEveryFilmPitch(px: number, pitch: FilmPitchRange, ok: (mm: number) => boolean): boolean | null {
  const first = ok(shownMm(px * pitch.min));
  for (let i = 1; i <= STEPS; i++) {
    const p = pitch.min + ((pitch.max - pitch.min) * i) / STEPS;
    if (ok(shownMm(px * p)) !== first) return null;
  }
  return first;
}

/** The pitch range in words: "a film scan pitch of 0.042–0.2 mm per pixel". */
export const filmPitchWords = (pitch: FilmPitchRange): string => `a film scan pitch of ${pitch.min}–${pitch.max} mm per pixel`;

/** What a span of pixels is over the pitch range: "3.2–15 mm at a film scan pitch of 0.042–0.2 mm per pixel" (`what` after the millimetres: " apart"). */
export function filmRangeWords(px: number, pitch: FilmPitchRange, what = ''): string {
  const { minMm, maxMm } = spanAtFilmPitches(px, pitch);
  return `${fmtMm(minMm)}–${fmtMm(maxMm)} mm${what} at ${filmPitchWords(pitch)}`;
}

/** A span in pixels with what it is over the pitch range: "75 px (3.2–15 mm at a film scan pitch of 0.042–0.2 mm per pixel, uncalibrated)". */
export function filmSpanWords(px: number, pitch: FilmPitchRange): string {
  return `${Math.round(px)} px (${filmRangeWords(px, pitch)}, uncalibrated)`;
}

/** A millimetre threshold on a span: in millimetres when calibrated, else only where every pitch of the range agrees. */
export const spanTest = (mm: number | null, px: number, pitch: FilmPitchRange, ok: (mm: number) => boolean): boolean | null =>
  mm !== null ? ok(shownMm(mm)) : atEveryFilmPitch(px, pitch, ok);

/** A span against its limit in words: mm when calibrated, px with its size over the pitch range when not. */
export const spanSay = (label: string, mm: number | null, px: number, pitch: FilmPitchRange, rel: string, limit: string): string =>
  mm !== null ? `${label} ${fmtMm(mm)} mm ${rel} ${limit}` : `${label} ${filmSpanWords(px, pitch)} ${rel} ${limit}`;

/** A usable range: finite positive ends, the finer first (measurements read back from a file may carry anything). */
export const usableFilmPitch = (p: FilmPitchRange | undefined): p is FilmPitchRange =>
  typeof p === 'object' && p !== null && Number.isFinite(p.min) && Number.isFinite(p.max) && p.min > 0 && p.min <= p.max;

/** The pitch range of measurements that may carry one: theirs, or the whole film range (saved before it was read, or unusable). */
export const filmPitchOr = (pitch: FilmPitchRange | undefined): FilmPitchRange => (usableFilmPitch(pitch) ? pitch : FILM_SCAN_PITCH_MM);
