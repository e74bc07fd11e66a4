/**
 * The real mammograms of test-data/real-mg as MammoImages, and their reading (reading.json).
 *
 * The GE image goes through ingestDicom. The digitised film is a Secondary Capture with modality
 * RG that ingest may refuse; its pixels are then decoded here — the JPEG Extended copy with dcmtk
 * (`dcmdjpeg`, to an uncompressed copy in the system's temporary folder), the JPEG 2000 copy with
 * the project's own JPEG 2000 decoder — and wrapped with the header facts that matter for locating
 * (left MLO, Patient Orientation A\F, 12 bits, no spacing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import { BUILT_IN_DECODERS } from '../../../src/core/ingest/decode-compressed-frame.js';
import type { PixelFormat } from '../../../src/core/ingest/read-pixel-format.js';
import { makeMammoImage, type MammoImage } from '../../../src/core/image.js';

export const REAL_MG_DIR = new URL('../../../test-data/real-mg/', import.meta.url);

export const GE_RMLO = 'ge-senographe-essential-rmlo.dcm';
export const FILM_LMLO = 'digitised-film-lmlo-jpeg12.dcm';
export const FILM_LMLO_J2K = 'digitised-film-lmlo-j2k.dcm';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ReadCalcification {
  readonly id: string;
  readonly centre: Point;
  readonly longAxisMm?: number;
  readonly longAxisPx?: number;
  readonly term: string;
  readonly confidence: string;
  readonly note?: string;
}

export interface ImageReading {
  readonly file: string;
  readonly nipple: Point & { readonly inProfile: boolean; readonly confidence: string; readonly toleranceMm: number };
  readonly pectoralLine: { readonly p0: Point; readonly p1: Point; readonly confidence: string; readonly toleranceMm: number };
  readonly skinLine: readonly Point[];
  readonly calcifications: readonly ReadCalcification[];
  /** Other files showing the same image (another compression), read the same. */
  readonly alsoApplies?: readonly string[];
  /** Millimetres per pixel used to express tolerances on an image without spacing (film). */
  readonly assumedSpacingMm?: number;
}

export interface Reading {
  readonly images: readonly ImageReading[];
}

export function loadReading(): Reading {
  return JSON.parse(readFileSync(new URL('reading.json', REAL_MG_DIR), 'utf8')) as Reading;
}

export function readingOf(file: string): ImageReading {
  const r = loadReading().images.find((i) => i.file === file || (i.alsoApplies ?? []).includes(file));
  if (r === undefined) throw new Error(`reading.json has no entry for ${file}`);
  return r;
}

const cache = new Map<string, MammoImage>();

/** The real image `file` as a MammoImage (ingest, or the dcmtk fallback for the film). */
export async function loadRealImage(file: string): Promise<MammoImage> {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const bytes = new Uint8Array(readFileSync(new URL(file, REAL_MG_DIR)));
  const r = await ingestDicom(bytes);
  let image: MammoImage;
  if (r.ok) image = r.value;
  else if (file === FILM_LMLO) image = filmImage(decodeJpegFilm(file));
  else if (file === FILM_LMLO_J2K) image = filmImage(await decodeJ2kFilm(bytes));
  else throw new Error(`${file}: ${r.error.message}`);
  cache.set(file, image);
  return image;
}

interface Decoded {
  readonly rows: number;
  readonly columns: number;
  readonly stored: Uint16Array;
}

async function decodeJ2kFilm(bytes: Uint8Array): Promise<Decoded> {
  const ds = dicomParser.parseDicom(bytes);
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const el = ds.elements['x7fe00010'];
  if (el?.fragments === undefined) throw new Error('JPEG 2000 film: no encapsulated pixel data');
  const frame = dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, el.fragments.length);
  const format: PixelFormat = { rows, columns, bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0, photometric: 'MONOCHROME2', rescaleSlope: 1, rescaleIntercept: 0, frameBytes: rows * columns * 2 };
  const r = await BUILT_IN_DECODERS['jpeg-2000'](frame, format);
  if (!r.ok) throw new Error(`JPEG 2000 film: ${r.error.message}`);
  const copy = r.value.bytes.slice(0, rows * columns * 2);
  return { rows, columns, stored: new Uint16Array(copy.buffer, copy.byteOffset, rows * columns) };
}

function decodeJpegFilm(file: string): Decoded {
  const dir = join(tmpdir(), 'calcscribe-real-mg');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, file.replace(/\.dcm$/, '-decoded.dcm'));
  if (!existsSync(out)) {
    // Decoded under a name of its own, then renamed: a run cut short leaves no half-written file.
    const partial = `${out}.${process.pid}.part`;
    execFileSync('dcmdjpeg', [new URL(file, REAL_MG_DIR).pathname, partial], { stdio: 'ignore' });
    renameSync(partial, out);
  }
  const bytes = new Uint8Array(readFileSync(out));
  const ds = dicomParser.parseDicom(bytes);
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const el = ds.elements['x7fe00010'];
  if (el === undefined) throw new Error(`${file}: no pixel data after dcmdjpeg`);
  const copy = bytes.slice(el.dataOffset, el.dataOffset + rows * columns * 2);
  return { rows, columns, stored: new Uint16Array(copy.buffer, copy.byteOffset, rows * columns) };
}

function filmImage({ rows, columns, stored }: Decoded): MammoImage {
  return makeMammoImage({
    rows,
    columns,
    stored,
    calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'none (digitised film, no spacing in the header)' },
    meta: {
      modality: 'RG',
      sopClassUid: '1.2.840.10008.5.1.4.1.1.7',
      laterality: 'L',
      view: 'MLO',
      viewSource: 'view-position',
      patientOrientation: ['A', 'F'],
      bitsAllocated: 16,
      bitsStored: 12,
      photometric: 'MONOCHROME2',
    },
  });
}

/** Millimetres per pixel of a real image: its calibration, else the reading's stated assumption. */
export function spacingMm(image: MammoImage, reading: ImageReading): number {
  const s = image.calibration.rowSpacingMm ?? reading.assumedSpacingMm;
  if (s === undefined) throw new Error(`${reading.file}: no spacing and none assumed in reading.json`);
  return s;
}

/** Perpendicular distance of p from the infinite line through a and b, px. */
export function distanceToLine(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return Math.abs((p.x - a.x) * dy - (p.y - a.y) * dx) / Math.hypot(dx, dy);
}

/** Distance of p from the nearest segment of a polyline, px. */
export function distanceToPolyline(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as Point;
    const b = line[i + 1] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

/** Errors of a detected breast geometry against the reading, mm (null when the landmark was not found). */
export interface LandmarkErrors {
  readonly nippleMm: number;
  /** Largest perpendicular distance of the reading's two pectoral points from the detected line. */
  readonly pectoralMm: number | null;
  /** Median distance of the reading's skin points from the detected skin contour. */
  readonly skinMedianMm: number | null;
}

export function landmarkErrors(
  geometry: { nipple: Point; pectoralLine: { p0: Point; p1: Point } | null; skinContour?: readonly Point[] },
  reading: ImageReading,
  mmPerPx: number,
): LandmarkErrors {
  const line = geometry.pectoralLine;
  const pectoral =
    line === null
      ? null
      : Math.max(distanceToLine(reading.pectoralLine.p0, line.p0, line.p1), distanceToLine(reading.pectoralLine.p1, line.p0, line.p1)) * mmPerPx;
  const contour = geometry.skinContour ?? [];
  let skin: number | null = null;
  if (contour.length > 1) {
    const d = reading.skinLine.map((p) => distanceToPolyline(p, contour)).sort((a, b) => a - b);
    skin = (d[Math.floor((d.length - 1) / 2)] as number) * mmPerPx;
  }
  return {
    nippleMm: Math.hypot(geometry.nipple.x - reading.nipple.x, geometry.nipple.y - reading.nipple.y) * mmPerPx,
    pectoralMm: pectoral,
    skinMedianMm: skin,
  };
}
