/**
 * MammoImage: what ingest produces and every later stage reads.
 *
 * Pixels keep the stored layout (no full-image copy where the file allows it); the one internal
 * convention — denser tissue / calcium = higher value — is applied when a stage reads a patch
 * with `readDensityPatch`, which is the only way pipeline code should read pixels.
 */
import type { Mm, PointPx, RectPx } from './units.js';

export type CalibrationKind =
  | 'fiducial'
  | 'geometry'
  | 'magnification-corrected'
  | 'detector'
  /** Digitised film: the digitiser's pitch on the film (Nominal Scanned Pixel Spacing). */
  | 'film-scanner'
  | 'uncalibrated';

export interface Calibration {
  readonly kind: CalibrationKind;
  /** Spacing between rows (mm per pixel along y); null when uncalibrated. */
  readonly rowSpacingMm: Mm | null;
  /** Spacing between columns (mm per pixel along x); null when uncalibrated. */
  readonly columnSpacingMm: Mm | null;
  /** Which attributes produced it, in words, e.g. "Imager Pixel Spacing (0018,1164) / ERMF 1.08". */
  readonly source: string;
}

export type Laterality = 'R' | 'L' | 'B';

/** Mammography views (CID 4014 subset) as the short names readers use. */
export type MammoView =
  | 'CC'
  | 'MLO'
  | 'ML'
  | 'LM'
  | 'LMO'
  | 'XCCL'
  | 'XCCM'
  | 'FB'
  | 'SIO'
  | 'AT'
  | 'CV';

export type ViewModifier =
  | 'magnification'
  | 'spot-compression'
  | 'implant-displaced'
  | 'tangential'
  | 'rolled-lateral'
  | 'rolled-medial'
  | 'cleavage';

export type ViewSource = 'view-code-sequence' | 'view-position' | 'patient-orientation';

export interface VoiWindow {
  readonly center: number;
  readonly width: number;
  readonly explanation: string | null;
}

export interface ImageMetadata {
  readonly modality: string;
  readonly sopClassUid: string;
  readonly sopInstanceUid: string | null;
  readonly studyInstanceUid: string | null;
  readonly seriesInstanceUid: string | null;
  /** 'FOR PRESENTATION' | 'FOR PROCESSING' | null */
  readonly presentationIntent: string | null;
  readonly laterality: Laterality | null;
  readonly view: MammoView | null;
  readonly viewSource: ViewSource | null;
  readonly viewModifiers: readonly ViewModifier[];
  readonly implantPresent: boolean | null;
  /** YYYYMMDD as stored, or null. */
  readonly studyDate: string | null;
  /** Years, from Patient's Age (or birth date and study date), or null. */
  readonly patientAgeYears: number | null;
  readonly manufacturer: string | null;
  readonly patientName: string | null;
  /** Patient ID (0010,0020), or null. */
  readonly patientId: string | null;
  /** Patient's Birth Date (0010,0030), YYYYMMDD as stored, or null. */
  readonly patientBirthDate: string | null;
  /** Patient's Sex (0010,0040): M, F or O as stored, or null. */
  readonly patientSex: string | null;
  /** Study Time (0008,0030), HHMMSS(.ffffff) as stored, or null. */
  readonly studyTime: string | null;
  /** Accession Number (0008,0050), or null. */
  readonly accessionNumber: string | null;
  /** Referring Physician's Name (0008,0090), PN as stored (e.g. "Referrer^Rita"), or null. */
  readonly referringPhysicianName: string | null;
  /** Study ID (0020,0010), or null. */
  readonly studyId: string | null;
  /** Patient Orientation (0020,0020): [row direction, column direction], e.g. ['P', 'L']. */
  readonly patientOrientation: readonly [string, string] | null;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2';
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly pixelRepresentation: 0 | 1;
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  readonly transferSyntaxUid: string;
  readonly windows: readonly VoiWindow[];
  /** VOI LUT Function (0028,1056): LINEAR, LINEAR_EXACT, SIGMOID or null. */
  readonly voiLutFunction: string | null;
  /** Everything ingest noticed but accepted (e.g. "modality DX, breast body part"). */
  readonly warnings: readonly string[];
}

/**
 * Stored pixel values of one frame, row-major, length rows × columns.
 * Values are as stored (bits above Bits Stored may still be set; sign as Pixel Representation).
 */
export type StoredPixels = Uint16Array | Int16Array | Uint8Array | Int8Array;

export interface MammoImage {
  readonly rows: number;
  readonly columns: number;
  readonly meta: ImageMetadata;
  readonly calibration: Calibration;
  readonly stored: StoredPixels;
  /**
   * Maps a stored value to the internal density convention (higher = denser), applying
   * the Bits Stored mask, sign, rescale and MONOCHROME1 inversion.
   */
  readonly toDensity: (storedValue: number) => number;
  /** The largest density value the image can hold (for normalisation). */
  readonly densityMax: number;
  /** The smallest density value the image can hold. */
  readonly densityMin: number;
}

/** A rectangular patch of density values (higher = denser), row-major. */
export interface DensityPatch {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** Clips a rectangle to the image; returns null when nothing is left. */
export function clipRect(image: Pick<MammoImage, 'rows' | 'columns'>, r: RectPx): RectPx | null {
  const x0 = Math.max(0, Math.floor(Math.min(r.x0, r.x1)));
  const y0 = Math.max(0, Math.floor(Math.min(r.y0, r.y1)));
  const x1 = Math.min(image.columns, Math.ceil(Math.max(r.x0, r.x1)));
  const y1 = Math.min(image.rows, Math.ceil(Math.max(r.y0, r.y1)));
  if (x1 <= x0 || y1 <= y0) return null;
  return { x0, y0, x1, y1 };
}

/** Reads a patch in the density convention. The rectangle is clipped to the image. */
export function readDensityPatch(image: MammoImage, r: RectPx): DensityPatch | null {
  const c = clipRect(image, r);
  if (c === null) return null;
  const width = c.x1 - c.x0;
  const height = c.y1 - c.y0;
  const data = new Float32Array(width * height);
  const { stored, columns, toDensity } = image;
  for (let y = 0; y < height; y++) {
    const rowStart = (c.y0 + y) * columns + c.x0;
    const out = y * width;
    for (let x = 0; x < width; x++) data[out + x] = toDensity(stored[rowStart + x] as number);
  }
  return { x0: c.x0, y0: c.y0, width, height, data };
}

export function isInside(image: Pick<MammoImage, 'rows' | 'columns'>, p: PointPx): boolean {
  return p.x >= 0 && p.y >= 0 && p.x < image.columns && p.y < image.rows;
}

/** Builds the stored → density mapping for the given pixel module values. */
export function densityMapping(opts: {
  bitsStored: number;
  pixelRepresentation: 0 | 1;
  rescaleSlope: number;
  rescaleIntercept: number;
  photometric: 'MONOCHROME1' | 'MONOCHROME2';
}): { toDensity: (v: number) => number; min: number; max: number } {
  const bits = opts.bitsStored;
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const signBit = 1 << (bits - 1);
  const signed = opts.pixelRepresentation === 1;
  const slope = opts.rescaleSlope;
  const intercept = opts.rescaleIntercept;
  const rawMin = signed ? -signBit : 0;
  const rawMax = signed ? signBit - 1 : mask;
  const a = rawMin * slope + intercept;
  const b = rawMax * slope + intercept;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const invert = opts.photometric === 'MONOCHROME1';
  const toDensity = (v: number): number => {
    let raw = v & mask;
    if (signed && raw & signBit) raw -= signBit * 2;
    const value = raw * slope + intercept;
    return invert ? hi + lo - value : value;
  };
  return { toDensity, min: lo, max: hi };
}

/**
 * Makes a MammoImage from pixels already in memory (tests, phantoms, the viewer's own
 * decoded frames). Metadata fields not given take neutral defaults.
 */
export function makeMammoImage(opts: {
  rows: number;
  columns: number;
  stored: StoredPixels;
  calibration: Calibration;
  meta?: Partial<ImageMetadata>;
}): MammoImage {
  const meta: ImageMetadata = {
    modality: 'MG',
    sopClassUid: '1.2.840.10008.5.1.4.1.1.1.2',
    sopInstanceUid: null,
    studyInstanceUid: null,
    seriesInstanceUid: null,
    presentationIntent: 'FOR PRESENTATION',
    laterality: null,
    view: null,
    viewSource: null,
    viewModifiers: [],
    implantPresent: null,
    studyDate: null,
    patientAgeYears: null,
    manufacturer: null,
    patientName: null,
    patientId: null,
    patientBirthDate: null,
    patientSex: null,
    studyTime: null,
    accessionNumber: null,
    referringPhysicianName: null,
    studyId: null,
    patientOrientation: null,
    photometric: 'MONOCHROME2',
    bitsAllocated: opts.stored.BYTES_PER_ELEMENT * 8,
    bitsStored: opts.stored.BYTES_PER_ELEMENT * 8,
    pixelRepresentation: opts.stored instanceof Int16Array || opts.stored instanceof Int8Array ? 1 : 0,
    rescaleSlope: 1,
    rescaleIntercept: 0,
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    windows: [],
    voiLutFunction: null,
    warnings: [],
    ...opts.meta,
  };
  if (opts.stored.length !== opts.rows * opts.columns) {
    throw new RangeError(
      `makeMammoImage: ${opts.stored.length} pixels for ${opts.rows} × ${opts.columns}`,
    );
  }
  const mapping = densityMapping(meta);
  return {
    rows: opts.rows,
    columns: opts.columns,
    meta,
    calibration: opts.calibration,
    stored: opts.stored,
    toDensity: mapping.toDensity,
    densityMin: mapping.min,
    densityMax: mapping.max,
  };
}
