/**
 * Digitised film without a pixel spacing: the film settings drawn at a fine scan pitch (0.05 mm, as
 * DDSM-like films are scanned) and at the coarsest (0.2 mm, mini-MIAS), each image scored twice — with the pixel spacing the phantom
 * carries, and with it removed, as a Secondary Capture of a scanned film arrives (sizes then in
 * pixels, millimetre thresholds decided only where every film scan pitch agrees). The difference is
 * what the missing calibration costs. Held-out seeds (SETTINGS_BASE_SEED); a report, not a target.
 */
import { analyzeFinding, ingestDicom, segmentAtSeed, type MammoImage } from '../../src/core/index.js';
import { filmScanPitchOf } from '../../src/core/film-scan-pitch.js';
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import { generatePhantom } from '../../test-data/generator/index.js';
import type { AcquisitionSetting } from '../../test-data/generator/acquisition.js';
import { casesForSetting, settingName } from './acquisition-settings.js';
import { clickPoint } from './score-image.js';

export const FILM_WITHOUT_SPACING_PITCHES_MM = [0.05, 0.2] as const;
/** Setting indices apart from the per-setting table's (its seeds are base + index × 10 + image). */
const INDEX_OFFSET = 100;

export interface FilmWithoutSpacingRow {
  readonly setting: string;
  readonly groups: number;
  readonly rightWithSpacing: number;
  readonly rightWithout: number;
  /** Truth → suggested without the spacing, for the groups it got wrong. */
  readonly missesWithout: readonly string[];
  /**
   * Right without the spacing on the image extended to a whole film's length (WHOLE_FILM_MM), as a
   * whole film scanned at this pitch arrives: its size bounds the pitch (film-scan-pitch.ts). null
   * where that length bounds nothing (at 0.2 mm a 24 cm film is 1200 px: at most 0.36 mm per pixel).
   */
  readonly rightWithoutWholeFilm: number | null;
  readonly missesWithoutWholeFilm: readonly string[];
}

/** The long side of an 18 × 24 cm mammography film, mm: the smaller of the two film formats. */
export const WHOLE_FILM_MM = 240;

/** The image as a scanned film without Pixel Spacing arrives: the same pixels, uncalibrated. */
export function withoutSpacing(image: MammoImage): MammoImage {
  return { ...image, calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'no pixel spacing (removed for this check)' } };
}

/**
 * The image as the scan of a whole film would arrive: extended at the bottom to WHOLE_FILM_MM at
 * `pitchMm` by repeating its last row (the film's edge), the calcifications where they were.
 */
export function asWholeFilm(image: MammoImage, pitchMm: number): MammoImage {
  const rows = Math.max(image.rows, Math.round(WHOLE_FILM_MM / pitchMm));
  if (rows === image.rows) return image;
  const stored = new (image.stored.constructor as new (n: number) => MammoImage['stored'])(rows * image.columns);
  stored.set(image.stored);
  const last = image.stored.subarray((image.rows - 1) * image.columns, image.rows * image.columns);
  for (let y = image.rows; y < rows; y++) stored.set(last, y * image.columns);
  return { ...image, rows, stored };
}

function groupTerm(image: MammoImage, seeds: readonly { x: number; y: number }[]): MorphologyTerm | 'none' {
  const clicked = seeds.filter((s) => segmentAtSeed(image, s).ok);
  const r = analyzeFinding(image, { seeds: clicked });
  return r.ok ? (r.value.group.morphology[0] ?? 'none') : 'none';
}

export async function evaluateFilmWithoutSpacing(): Promise<FilmWithoutSpacingRow[]> {
  const rows: FilmWithoutSpacingRow[] = [];
  let index = INDEX_OFFSET;
  for (const pixelMm of FILM_WITHOUT_SPACING_PITCHES_MM) for (const blur of ['sharp', 'soft'] as const) {
    for (const noise of ['low', 'high'] as const) {
      const s: AcquisitionSetting = { detector: 'film', pixelMm, blur, noise, processing: 'log' };
      let groups = 0;
      let rightWithSpacing = 0;
      let rightWithout = 0;
      const missesWithout: string[] = [];
      const wholeFilmBounds = filmScanPitchOf({ rows: Math.round(WHOLE_FILM_MM / pixelMm), columns: 1 }).longestSidePx !== undefined;
      let rightWithoutWholeFilm = 0;
      const missesWithoutWholeFilm: string[] = [];
      for (const c of casesForSetting(s, index++)) {
        const phantom = await generatePhantom(c.options);
        const ingested = await ingestDicom(phantom.dicom);
        if (!ingested.ok) throw new Error(`phantom ${c.label} did not ingest: ${ingested.error.message}`);
        const calibrated = ingested.value;
        const uncalibrated = withoutSpacing(calibrated);
        const wholeFilm = wholeFilmBounds ? asWholeFilm(uncalibrated, pixelMm) : null;
        for (const g of phantom.truth.groups) {
          const seeds = phantom.truth.calcifications.filter((t) => t.groupId === g.id).map((t) => clickPoint(calibrated, phantom, t));
          groups++;
          if (groupTerm(calibrated, seeds) === g.morphology) rightWithSpacing++;
          const without = groupTerm(uncalibrated, seeds);
          if (without === g.morphology) rightWithout++;
          else missesWithout.push(`${g.count === 1 ? 'solitary ' : ''}${g.morphology}→${without}`);
          if (wholeFilm === null) continue;
          const whole = groupTerm(wholeFilm, seeds);
          if (whole === g.morphology) rightWithoutWholeFilm++;
          else missesWithoutWholeFilm.push(`${g.count === 1 ? 'solitary ' : ''}${g.morphology}→${whole}`);
        }
      }
      rows.push({
        setting: settingName(s), groups, rightWithSpacing, rightWithout, missesWithout,
        rightWithoutWholeFilm: wholeFilmBounds ? rightWithoutWholeFilm : null, missesWithoutWholeFilm,
      });
    }
  }
  return rows;
}

export function renderFilmWithoutSpacing(rows: readonly FilmWithoutSpacingRow[]): string {
  const sum = (pitch: number, k: 'groups' | 'rightWithSpacing' | 'rightWithout' | 'rightWithoutWholeFilm'): number =>
    rows.filter((r) => r.setting.startsWith(`film ${pitch} mm`)).reduce((a, r) => a + (r[k] ?? 0), 0);
  const bounded = (pitch: number): boolean => rows.some((r) => r.setting.startsWith(`film ${pitch} mm`) && r.rightWithoutWholeFilm !== null);
  const totals = FILM_WITHOUT_SPACING_PITCHES_MM.map(
    (p) =>
      `at ${p} mm ${sum(p, 'rightWithSpacing')} of ${sum(p, 'groups')} with the spacing, ${sum(p, 'rightWithout')} of ${sum(p, 'groups')} without` +
      (bounded(p) ? `, ${sum(p, 'rightWithoutWholeFilm')} of ${sum(p, 'groups')} without it on a whole film's scan` : ''),
  );
  const wholeFilmPitches = FILM_WITHOUT_SPACING_PITCHES_MM.filter(bounded);
  const wholeRows = Math.round(WHOLE_FILM_MM / (wholeFilmPitches[0] ?? 1));
  const whole = `${wholeRows} px`;
  const bound = filmScanPitchOf({ rows: wholeRows, columns: 1 }).max;
  const cell = (r: FilmWithoutSpacingRow): string =>
    r.rightWithoutWholeFilm === null ? '—' : `${r.rightWithoutWholeFilm} (${r.missesWithoutWholeFilm.join(', ') || '·'})`;
  return `### Digitised film without a pixel spacing

Film scanned at ${FILM_WITHOUT_SPACING_PITCHES_MM.join(' and ')} mm per pixel (the film settings' blur and grain, held-out seeds), each group
clicked and described twice: with the pixel spacing the phantom carries, and with it removed, as a scanned
film arrives as a Secondary Capture without one (sizes in pixels; a millimetre threshold is applied only
where it holds, or fails, at every film scan pitch, 0.042–0.2 mm per pixel, the upper end lowered to what
the image's size allows: a film is at most 43 cm long). The phantoms are crops, too small to bound the pitch;
a third time${wholeFilmPitches.length > 0 ? ` at ${wholeFilmPitches.join(' and ')} mm` : ''}, without the spacing on the same image extended to a whole ${WHOLE_FILM_MM / 10} cm film's length
(${whole}, its last row repeated), which bounds the pitch at ${bound} mm. Groups and solitary calcifications alike.
Right: ${totals.join('; ')}. A report, not a target: at the coarse pitch most calcifications are a few pixels
across, which spans both sides of the lexicon's 0.5 and 1 mm limits.

| setting | groups | right with the spacing | right without it | misses without it (truth→suggested) | right without it, whole film (misses) |
| --- | --- | --- | --- | --- | --- |
${rows.map((r) => `| ${r.setting} | ${r.groups} | ${r.rightWithSpacing} | ${r.rightWithout} | ${r.missesWithout.join(', ') || '·'} | ${cell(r)} |`).join('\n')}
`;
}
