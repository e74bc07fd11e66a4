/**
 * Size calibration of a projection mammogram (see docs: mammography-dicom.md), in this order:
 *
 * 1. Pixel Spacing (0028,0030) with Pixel Spacing Calibration Type (0028,0A02) FIDUCIAL →
 *    'fiducial', GEOMETRY → 'geometry'. In the DX / MG IODs Pixel Spacing is only present when
 *    the image has been corrected for geometric magnification or calibrated (PS3.3 C.8.11.4,
 *    DX Detector Module), so a present Pixel Spacing takes precedence over Imager Pixel Spacing.
 * 2. Pixel Spacing without a calibration type: taken as 'geometry' (that same PS3.3 condition),
 *    with a warning — except when it merely repeats Imager Pixel Spacing, a common vendor habit
 *    that calibrates nothing; then it is ignored (with a warning) and step 3 applies.
 * 3. Imager Pixel Spacing (0018,1164) ÷ Estimated Radiographic Magnification Factor (0018,1114),
 *    or ÷ Distance Source to Detector (0018,1110) / Distance Source to Patient (0018,1111) →
 *    'magnification-corrected'.
 * 4. Imager Pixel Spacing alone → 'detector' (sizes at the detector plane, slightly overstated).
 * 5. Nominal Scanned Pixel Spacing (0018,2010) → 'film-scanner': the digitiser's pitch on the
 *    film of a digitised screen-film mammogram (PS3.3 C.8.6.2, SC Image Module: "physical
 *    distance on the media being digitized or scanned"). Sizes are at the film, like the detector
 *    spacing: magnified, never corrected, and labelled so.
 * 6. Nothing usable → 'uncalibrated' (pixels only).
 *
 * Invalid values (missing, zero, negative, not a number) never produce millimetres: another
 * source is used with a warning, or the image is uncalibrated with a warning naming the value.
 * Implausible values are not trusted either (bounds and their sources in
 * plausible-calibration.ts): a spacing outside 0.02–0.5 mm, or a Pixel Spacing whose ratio to
 * Imager Pixel Spacing is not one magnification explains (outside 0.4–1.05), is ignored with a
 * warning naming both values, and the next source in the order above is used. A magnification
 * factor (ERMF or SID / SOD) outside 1–2.5 is ignored with a warning naming it.
 */
import type { DataSet } from 'dicom-parser';
import type { Calibration } from '../image.js';
import { mm } from '../units.js';
import { firstItem, readText } from './dataset-values.js';
import { TAG } from './dicom-tags.js';
import { MAGNIFICATION_FACTOR, MAMMOGRAPHY_SPACING_MM, PIXEL_TO_IMAGER_SPACING_RATIO, withinRange } from './plausible-calibration.js';

/** The calibration attributes as stored (text, as in the file), null when absent. */
export interface CalibrationAttributes {
  readonly pixelSpacing: string | null;
  readonly pixelSpacingCalibrationType: string | null;
  readonly imagerPixelSpacing: string | null;
  readonly estimatedRadiographicMagnificationFactor: string | null;
  readonly distanceSourceToDetector: string | null;
  readonly distanceSourceToPatient: string | null;
  /** Nominal Scanned Pixel Spacing (0018,2010): the digitiser's pitch on a scanned film. */
  readonly nominalScannedPixelSpacing: string | null;
}

export interface CalibrationReading {
  readonly calibration: Calibration;
  readonly warnings: readonly string[];
}

type Spacing = { row: number; column: number };

/** Two positive finite numbers, or null. */
function parseSpacing(text: string): Spacing | null {
  const parts = text.split('\\').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) return null;
  const [row, column] = parts.map(Number) as [number, number];
  if (!Number.isFinite(row) || !Number.isFinite(column) || row <= 0 || column <= 0) return null;
  return { row, column };
}

function parsePositive(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text.split('\\')[0]?.trim() ?? '');
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

const UNCALIBRATED = (source: string): Calibration => ({
  kind: 'uncalibrated',
  rowSpacingMm: null,
  columnSpacingMm: null,
  source,
});

const plausibleSpacing = (s: Spacing): boolean =>
  withinRange(s.row, MAMMOGRAPHY_SPACING_MM) && withinRange(s.column, MAMMOGRAPHY_SPACING_MM);

const range = (r: { min: number; max: number }, unit = ''): string => `${r.min}–${r.max}${unit}`;

/** A ratio for a message, rounded without hiding how far off it is. */
const ratioText = (x: number): string => String(+x.toPrecision(4));

/**
 * Why a valid Pixel Spacing is not believed, or null when it is plausible: outside the
 * mammography spacing range, or not explained by magnification of the Imager Pixel Spacing.
 */
function implausiblePixelSpacing(ps: Spacing, ips: Spacing | null, psText: string, ipsText: string | null): string | null {
  const beside = ipsText === null ? '' : ` (Imager Pixel Spacing ${ipsText} mm)`;
  if (!plausibleSpacing(ps)) return `Pixel Spacing ${psText} mm is outside ${range(MAMMOGRAPHY_SPACING_MM, ' mm')} for a mammogram${beside}`;
  if (ips === null) return null;
  const rowRatio = ps.row / ips.row;
  const columnRatio = ps.column / ips.column;
  if (withinRange(rowRatio, PIXEL_TO_IMAGER_SPACING_RATIO) && withinRange(columnRatio, PIXEL_TO_IMAGER_SPACING_RATIO)) return null;
  const ratio = ratioText(rowRatio) === ratioText(columnRatio) ? ratioText(rowRatio) : `${ratioText(rowRatio)} and ${ratioText(columnRatio)}`;
  return `Pixel Spacing ${psText} mm disagrees with Imager Pixel Spacing ${ipsText} mm (ratio ${ratio}, outside the ${range(
    PIXEL_TO_IMAGER_SPACING_RATIO,
  )} that magnification explains)`;
}

/** "outside 1–2.5 for a mammogram (contact about 1.0–1.2, magnification views 1.5–2.0)". */
const MAGNIFICATION_RANGE_WORDS = `outside ${range(MAGNIFICATION_FACTOR)} for a mammogram (contact views about 1.0–1.2, magnification views 1.5–2.0)`;

/**
 * The magnification to divide Imager Pixel Spacing by: the ERMF, else SID / SOD, each only when
 * it is a mammography geometry (MAGNIFICATION_FACTOR); otherwise none, with a warning naming it.
 */
function magnificationFactor(a: CalibrationAttributes, warnings: string[]): { factor: number | null; how: string } {
  const ermfText = a.estimatedRadiographicMagnificationFactor;
  const ermf = parsePositive(ermfText);
  if (ermfText !== null) {
    if (ermf === null) warnings.push(`Estimated Radiographic Magnification Factor ${ermfText} is invalid: ignored`);
    else if (!withinRange(ermf, MAGNIFICATION_FACTOR)) warnings.push(`Estimated Radiographic Magnification Factor ${ermfText} is ${MAGNIFICATION_RANGE_WORDS}: ignored`);
    else return { factor: ermf, how: `÷ ERMF ${ermfText.trim()}` };
  }
  const sid = parsePositive(a.distanceSourceToDetector);
  const sod = parsePositive(a.distanceSourceToPatient);
  if (sid === null || sod === null) return { factor: null, how: '' };
  const distances = `Distance Source to Detector ${a.distanceSourceToDetector?.trim()} mm / Distance Source to Patient ${a.distanceSourceToPatient?.trim()} mm`;
  const factor = sid / sod;
  if (!withinRange(factor, MAGNIFICATION_FACTOR)) {
    warnings.push(`${distances} gives a magnification of ${ratioText(factor)}, ${MAGNIFICATION_RANGE_WORDS}: ignored`);
    return { factor: null, how: '' };
  }
  return { factor, how: `÷ (${distances})` };
}

/**
 * Without Pixel Spacing or Imager Pixel Spacing: a digitised film's Nominal Scanned Pixel
 * Spacing when it is valid and plausible, else uncalibrated (saying which value was refused).
 */
function filmOrUncalibrated(a: CalibrationAttributes, parsed: Spacing | null, nsps: Spacing | null, warnings: string[]): CalibrationReading {
  const text = a.nominalScannedPixelSpacing;
  if (nsps !== null && text !== null) {
    return {
      calibration: {
        kind: 'film-scanner',
        rowSpacingMm: mm(nsps.row),
        columnSpacingMm: mm(nsps.column),
        source: `Nominal Scanned Pixel Spacing ${text} mm (scanner pitch on the film, no magnification correction)`,
      },
      warnings,
    };
  }
  if (text !== null) {
    warnings.push(
      parsed === null
        ? `Nominal Scanned Pixel Spacing ${text} is invalid: image treated as uncalibrated`
        : `Nominal Scanned Pixel Spacing ${text} mm is outside ${range(MAMMOGRAPHY_SPACING_MM, ' mm')} for a mammogram: ignored, image treated as uncalibrated`,
    );
  }
  const source =
    a.pixelSpacing === null && a.imagerPixelSpacing === null
      ? 'no Pixel Spacing or Imager Pixel Spacing'
      : 'no valid Pixel Spacing or Imager Pixel Spacing';
  return { calibration: UNCALIBRATED(text === null ? source : `${source}, no valid Nominal Scanned Pixel Spacing`), warnings };
}

/** Decides the calibration from the attribute values; pure, so every rule is testable. */
export function decideCalibration(a: CalibrationAttributes): CalibrationReading {
  const warnings: string[] = [];
  let ps = a.pixelSpacing === null ? null : parseSpacing(a.pixelSpacing);
  const ipsParsed = a.imagerPixelSpacing === null ? null : parseSpacing(a.imagerPixelSpacing);
  const type = a.pixelSpacingCalibrationType?.trim().toUpperCase() ?? null;

  let ips = ipsParsed;
  if (ipsParsed !== null && !plausibleSpacing(ipsParsed)) {
    warnings.push(`Imager Pixel Spacing ${a.imagerPixelSpacing} mm is outside ${range(MAMMOGRAPHY_SPACING_MM, ' mm')} for a mammogram: not trusted`);
    ips = null;
  }
  const nspsParsed = a.nominalScannedPixelSpacing === null ? null : parseSpacing(a.nominalScannedPixelSpacing);
  const nsps = nspsParsed !== null && plausibleSpacing(nspsParsed) ? nspsParsed : null;
  /** What is used when neither Pixel Spacing nor Imager Pixel Spacing is. */
  const lastResort = nsps !== null ? 'using Nominal Scanned Pixel Spacing instead' : 'image treated as uncalibrated';
  const afterPixelSpacing = ips !== null ? 'using Imager Pixel Spacing instead' : lastResort;
  if (a.pixelSpacing !== null && ps === null) {
    warnings.push(`Pixel Spacing ${a.pixelSpacing} is invalid: ${afterPixelSpacing}`);
  }
  if (ps !== null) {
    const why = implausiblePixelSpacing(ps, ips, a.pixelSpacing ?? '', ips === null ? null : a.imagerPixelSpacing);
    if (why !== null) {
      warnings.push(`${why}: ignored, ${afterPixelSpacing}`);
      ps = null;
    }
  }
  if (ps !== null) {
    const psText = `Pixel Spacing ${a.pixelSpacing} mm`;
    const calibrated = (kind: 'fiducial' | 'geometry', source: string): CalibrationReading => ({
      calibration: { kind, rowSpacingMm: mm(ps.row), columnSpacingMm: mm(ps.column), source },
      warnings,
    });
    if (type === 'FIDUCIAL') return calibrated('fiducial', `${psText} (calibration type FIDUCIAL)`);
    if (type === 'GEOMETRY') return calibrated('geometry', `${psText} (calibration type GEOMETRY)`);
    const typeNote = type === null ? 'no Pixel Spacing Calibration Type' : `unknown calibration type ${type}`;
    const repeatsImager =
      ips !== null && Math.abs(ips.row - ps.row) < 1e-9 && Math.abs(ips.column - ps.column) < 1e-9;
    if (!repeatsImager) {
      warnings.push(`Pixel Spacing with ${typeNote}: taken as corrected for geometric magnification`);
      return calibrated('geometry', `${psText} (${typeNote})`);
    }
    warnings.push(`Pixel Spacing equals Imager Pixel Spacing with ${typeNote}: treated as detector spacing`);
  }

  if (a.imagerPixelSpacing !== null && ipsParsed === null) {
    warnings.push(`Imager Pixel Spacing ${a.imagerPixelSpacing} is invalid: ${lastResort}`);
  }
  if (ips === null) return filmOrUncalibrated(a, nspsParsed, nsps, warnings);

  const ipsText = `Imager Pixel Spacing ${a.imagerPixelSpacing} mm`;
  const { factor, how } = magnificationFactor(a, warnings);
  if (factor !== null) {
    return {
      calibration: {
        kind: 'magnification-corrected',
        rowSpacingMm: mm(ips.row / factor),
        columnSpacingMm: mm(ips.column / factor),
        source: `${ipsText} ${how}`,
      },
      warnings,
    };
  }
  return {
    calibration: {
      kind: 'detector',
      rowSpacingMm: mm(ips.row),
      columnSpacingMm: mm(ips.column),
      source: `${ipsText} (at the detector, no magnification correction)`,
    },
    warnings,
  };
}

/** Reads the calibration attributes of a data set (Pixel Spacing also from the shared functional groups). */
export function readCalibrationAttributes(ds: DataSet): CalibrationAttributes {
  const shared = firstItem(ds, TAG.SharedFunctionalGroupsSequence);
  const measures = shared === null ? null : firstItem(shared, TAG.PixelMeasuresSequence);
  return {
    pixelSpacing: readText(ds, TAG.PixelSpacing) ?? (measures === null ? null : readText(measures, TAG.PixelSpacing)),
    pixelSpacingCalibrationType: readText(ds, TAG.PixelSpacingCalibrationType),
    imagerPixelSpacing: readText(ds, TAG.ImagerPixelSpacing),
    estimatedRadiographicMagnificationFactor: readText(ds, TAG.EstimatedRadiographicMagnificationFactor),
    distanceSourceToDetector: readText(ds, TAG.DistanceSourceToDetector),
    distanceSourceToPatient: readText(ds, TAG.DistanceSourceToPatient),
    nominalScannedPixelSpacing: readText(ds, TAG.NominalScannedPixelSpacing),
  };
}

/**
 * The size calibration of an image with the warnings it raised.
 * @example readCalibration(ds).calibration.source === 'Imager Pixel Spacing 0.07\\0.07 mm ÷ ERMF 1.08'
 */
export function readCalibration(ds: DataSet): CalibrationReading {
  return decideCalibration(readCalibrationAttributes(ds));
}
