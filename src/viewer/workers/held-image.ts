/**
 * The images the analysis worker analyses, all made here in one form: an ingested image with its
 * pixels (shared with the page when they can be), and the warm-up's drawn scene in the form of an
 * image held (warm-up.ts). The engine compiles the analysis for the form of object it is given; an
 * image of another form (another field order, another calibration object) at the first real click
 * threw the compiled code away, and that click ran interpreted again.
 */
import type { Calibration, MammoImage, StoredPixels } from '../../core/image.js';

/** `from`'s image with `stored` as its pixels (of `rows` × `columns`, calibrated by `calibration`: `from`'s own by default). */
export function heldImage(
  from: MammoImage,
  stored: StoredPixels,
  size: { readonly rows: number; readonly columns: number } = from,
  calibration: Calibration = from.calibration,
): MammoImage {
  return {
    rows: size.rows,
    columns: size.columns,
    meta: from.meta,
    calibration: { kind: calibration.kind, rowSpacingMm: calibration.rowSpacingMm, columnSpacingMm: calibration.columnSpacingMm, source: calibration.source },
    stored,
    toDensity: from.toDensity,
    densityMax: from.densityMax,
    densityMin: from.densityMin,
  };
}
