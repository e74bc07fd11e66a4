import { CALIBRATION_WORDS } from './calibration-words.js';
import type { Calibration, MammoImage } from './image.js';
import { FILM_SCAN_PITCH_MM, filmPitchRangeWords, filmScanPitchOf, type FilmPitchRange } from './film-scan-pitch.js';

/** The `info` JSON contract: what an image is and how its millimetres are known. */
export interface ImageInfo {
  readonly modality: string;
  readonly sopClassUid: string;
  readonly laterality: string | null;
  readonly view: string | null;
  readonly rows: number;
  readonly columns: number;
  readonly photometric: string;
  readonly bitsStored: number;
  readonly transferSyntaxUid: string;
  readonly calibration: CalibrationJson;
  readonly warnings: readonly string[];
}

export interface CalibrationJson {
  readonly kind: Calibration['kind'];
  readonly rowSpacingMm: number | null;
  readonly columnSpacingMm: number | null;
  readonly source: string;
}

export function calibrationJson(c: Calibration): CalibrationJson {
  return { kind: c.kind, rowSpacingMm: c.rowSpacingMm, columnSpacingMm: c.columnSpacingMm, source: c.source };
}

/** The `info` contract of an image, or of its header alone (readMammogramHeader). */
export function imageInfo(image: Pick<MammoImage, 'rows' | 'columns' | 'meta' | 'calibration'>): ImageInfo {
  const m = image.meta;
  return {
    modality: m.modality,
    sopClassUid: m.sopClassUid,
    laterality: m.laterality,
    view: m.view,
    rows: image.rows,
    columns: image.columns,
    photometric: m.photometric,
    bitsStored: m.bitsStored,
    transferSyntaxUid: m.transferSyntaxUid,
    calibration: calibrationJson(image.calibration),
    warnings: m.warnings,
  };
}


/**
 * What a calibration means, in words; uncalibrated, with the film scan pitches the image may have
 * (filmScanPitchOf: its size lowers the coarsest) when its size is known.
 */
export function calibrationMeaning(c: Calibration, size?: { readonly rows?: number; readonly columns?: number }): string {
  const words = CALIBRATION_WORDS[c.kind].meaning;
  if (c.kind !== 'uncalibrated') return words;
  const pitch: FilmPitchRange = size?.rows !== undefined && size.columns !== undefined ? filmScanPitchOf({ rows: size.rows, columns: size.columns }) : FILM_SCAN_PITCH_MM;
  return `${words} (${filmPitchRangeWords(pitch)})`;
}

/** One line a radiologist reads before trusting a millimetre, e.g. "0.0648 × 0.0648 mm/pixel — …". */
export function describeCalibration(c: Calibration, size?: { readonly rows?: number; readonly columns?: number }): string {
  const words = calibrationMeaning(c, size);
  if (c.rowSpacingMm === null || c.columnSpacingMm === null) return `${c.kind}: ${words} (${c.source})`;
  const r = +c.rowSpacingMm.toFixed(4);
  const col = +c.columnSpacingMm.toFixed(4);
  const spacing = r === col ? `${r} mm/pixel` : `${r} (rows) × ${col} (columns) mm/pixel`;
  return `${c.kind}: ${spacing} — ${words} (${c.source})`;
}
