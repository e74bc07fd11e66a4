/**
 * Sizes on an uncalibrated image (digitised film without a pixel spacing): a millimetre threshold
 * is decided only when it holds, or fails, at every scan pitch film is digitised at, from 0.042 mm
 * (DDSM's Howtek scanner; Heath et al., Proc. IWDM 2000) to 0.2 mm (mini-MIAS, the MIAS films
 * reduced to 200 µm pixels; Suckling et al. 1994). Else it is not applied, as before: a cast 30 px
 * long is over 1 mm at any of those pitches, a dot 12 px across is not known to be under 0.5 mm.
 * The vessel search reads a narrower range (VESSEL_SEARCH.filmPitchMinMm–filmPitchMaxMm): where
 * to look for a second wall, not what a size is.
 */
import { FILM_SCAN_PITCH_MM } from '../film-scan-pitch.js';
import { fmtMm, shownMm } from './rule-table.js';

export { FILM_SCAN_PITCH_MM };

/** Pitches the range is read at: both ends and evenly between, so that a 0.5–1 mm band is never stepped over. */
const STEPS = 100;

/** The span's millimetres at the finest and the coarsest pitch. */
export function spanAtFilmPitches(px: number): { readonly minMm: number; readonly maxMm: number } {
  return { minMm: px * FILM_SCAN_PITCH_MM.min, maxMm: px * FILM_SCAN_PITCH_MM.max };
}

/** true / false when `ok` holds / fails at every film pitch for a span of `px` pixels; null when it depends on the pitch. */
export function atEveryFilmPitch(px: number, ok: (mm: number) => boolean): boolean | null {
  const first = ok(shownMm(px * FILM_SCAN_PITCH_MM.min));
  for (let i = 1; i <= STEPS; i++) {
    const pitch = FILM_SCAN_PITCH_MM.min + ((FILM_SCAN_PITCH_MM.max - FILM_SCAN_PITCH_MM.min) * i) / STEPS;
    if (ok(shownMm(px * pitch)) !== first) return null;
  }
  return first;
}

/** A span in pixels with what it is over the film pitches: "75 px (3.2–15 mm at a film scan pitch of 0.042–0.2 mm per pixel, uncalibrated)". */
export function filmSpanWords(px: number): string {
  const { minMm, maxMm } = spanAtFilmPitches(px);
  return `${Math.round(px)} px (${fmtMm(minMm)}–${fmtMm(maxMm)} mm at a film scan pitch of ${FILM_SCAN_PITCH_MM.min}–${FILM_SCAN_PITCH_MM.max} mm per pixel, uncalibrated)`;
}

/** A millimetre threshold on a span: in millimetres when calibrated, else only where every film pitch agrees. */
export const spanTest = (mm: number | null, px: number, ok: (mm: number) => boolean): boolean | null =>
  mm !== null ? ok(shownMm(mm)) : atEveryFilmPitch(px, ok);

/** A span against its limit in words: mm when calibrated, px with its size over the film pitches when not. */
export const spanSay = (label: string, mm: number | null, px: number, rel: string, limit: string): string =>
  mm !== null ? `${label} ${fmtMm(mm)} mm ${rel} ${limit}` : `${label} ${filmSpanWords(px)} ${rel} ${limit}`;
