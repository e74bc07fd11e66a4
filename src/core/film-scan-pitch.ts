/**
 * The scan pitches digitised mammography film comes at, for an image without a pixel spacing: from
 * 0.042 mm (DDSM's Howtek scanner; Heath et al., Proc. IWDM 2000) to 0.2 mm (mini-MIAS, the MIAS
 * films reduced to 200 µm pixels; Suckling et al. 1994). The describe rules decide a millimetre
 * threshold only where it holds at every pitch of an image's range (describe/film-pitch.ts);
 * segmentation reads its largest patch at the finest one (segment/segment-at-seed.ts).
 */
export const FILM_SCAN_PITCH_MM = { min: 0.042, max: 0.2 } as const;

/** A range of scan pitches, mm per pixel: what an uncalibrated image's pixel may be. */
export interface FilmPitchRange {
  readonly min: number;
  readonly max: number;
  /** When the image's size lowered the upper end: its longest side, px (LARGEST_FILM_SIDE_MM). */
  readonly longestSidePx?: number;
}

/**
 * The longest side a digitised film can have, mm: 43 cm, the long side of the largest radiographic
 * film format, 35 × 43 cm (14 × 17 in), the largest a film digitiser takes; mammography film itself
 * is 18 × 24 or 24 × 30 cm. A scan shows at most the film (a crop shows less), so its pixels are at
 * most this length over its longest side in pixels: a 4664 px scan is at most 0.093 mm per pixel.
 * A crop leaves this bound true; it is why no lower bound is read from the size.
 */
export const LARGEST_FILM_SIDE_MM = 430;

/**
 * The scan pitch range of an uncalibrated image of this size: FILM_SCAN_PITCH_MM, its upper end
 * lowered to what the image's longest side allows (LARGEST_FILM_SIDE_MM). An image too long for the
 * finest pitch (over 10,000 px) is outside what is known of film scans: the whole range is kept.
 */
export function filmScanPitchOf(size: { readonly rows: number; readonly columns: number }): FilmPitchRange {
  const longest = Math.max(size.rows, size.columns);
  const bound = longest > 0 ? LARGEST_FILM_SIDE_MM / longest : Infinity;
  if (!(bound > FILM_SCAN_PITCH_MM.min) || roundUp3(bound) >= FILM_SCAN_PITCH_MM.max) return FILM_SCAN_PITCH_MM;
  return { min: FILM_SCAN_PITCH_MM.min, max: roundUp3(bound), longestSidePx: longest };
}

/** Rounded up to 0.001 mm: the range is stated at that precision and must still hold the true pitch. */
const roundUp3 = (v: number): number => Math.ceil(v * 1000 - 1e-9) / 1000;

/**
 * The range in words, with why it ends where it does when the image's size lowered it:
 * "0.042–0.093 mm per pixel: the image's 4664 px long side spans at most 43 cm, the longest film".
 * The finding's caveat and the calibration's words both say it this way.
 */
export function filmPitchRangeWords(pitch: FilmPitchRange): string {
  const why = pitch.longestSidePx === undefined ? '' : `: the image's ${pitch.longestSidePx} px long side spans at most ${LARGEST_FILM_SIDE_MM / 10} cm, the longest film`;
  return `${pitch.min}–${pitch.max} mm per pixel${why}`;
}
