/**
 * The Image Pixel Module values that say how to read the stored pixels, checked before any
 * pixel byte is touched: single-sample grayscale, 8 or 16 bits allocated, sane Bits Stored,
 * and a size below the limit (refused before anything is allocated).
 */
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../result.js';
import { readNumber, readText, readUint16 } from './dataset-values.js';
import { TAG } from './dicom-tags.js';

/** Default largest stored frame accepted: 512 MiB. */
export const DEFAULT_MAX_PIXEL_BYTES = 512 * 1024 * 1024;

export interface PixelFormat {
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly pixelRepresentation: 0 | 1;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2';
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  /** rows × columns × bytes per sample. */
  readonly frameBytes: number;
}

/** Number of Frames (0028,0008), 1 when absent or unreadable. */
export function readNumberOfFrames(ds: DataSet): number {
  const n = readNumber(ds, TAG.NumberOfFrames);
  return n === null || !Number.isInteger(n) || n < 1 ? 1 : n;
}

/** Reads and checks the pixel format. */
export function readPixelFormat(ds: DataSet, maxPixelBytes = DEFAULT_MAX_PIXEL_BYTES): Result<PixelFormat> {
  const rows = readUint16(ds, TAG.Rows);
  const columns = readUint16(ds, TAG.Columns);
  if (rows === null || columns === null || rows === 0 || columns === 0) {
    return err('unsupported-image', `image size missing or zero (Rows ${rows ?? 'absent'}, Columns ${columns ?? 'absent'})`);
  }
  const samples = readUint16(ds, TAG.SamplesPerPixel) ?? 1;
  const photometricText = readText(ds, TAG.PhotometricInterpretation)?.toUpperCase() ?? null;
  if (samples !== 1 || (photometricText !== 'MONOCHROME1' && photometricText !== 'MONOCHROME2')) {
    return err(
      'unsupported-image',
      `${photometricText ?? 'unknown photometric interpretation'} with ${samples} sample(s) per pixel: only grayscale (MONOCHROME1/2) images are supported`,
    );
  }
  const allocated = readUint16(ds, TAG.BitsAllocated);
  if (allocated !== 8 && allocated !== 16) {
    return err('unsupported-image', `Bits Allocated ${allocated ?? 'absent'} is not supported (8 or 16 only)`);
  }
  const stored = readUint16(ds, TAG.BitsStored) ?? allocated;
  if (stored < 1 || stored > allocated) {
    return err('unsupported-image', `Bits Stored ${stored} does not fit in Bits Allocated ${allocated}`);
  }
  const representation = readUint16(ds, TAG.PixelRepresentation) ?? 0;
  if (representation !== 0 && representation !== 1) {
    return err('unsupported-image', `Pixel Representation ${representation} is not 0 or 1`);
  }
  const frameBytes = rows * columns * (allocated / 8);
  if (frameBytes > maxPixelBytes) {
    return err(
      'image-too-large',
      `image of ${rows} × ${columns} pixels at ${allocated} bits needs ${frameBytes} bytes, over the limit of ${maxPixelBytes}`,
    );
  }
  const slope = readNumber(ds, TAG.RescaleSlope);
  const intercept = readNumber(ds, TAG.RescaleIntercept);
  return ok({
    rows,
    columns,
    bitsAllocated: allocated,
    bitsStored: stored,
    pixelRepresentation: representation,
    photometric: photometricText,
    rescaleSlope: slope === null || slope === 0 ? 1 : slope,
    rescaleIntercept: intercept ?? 0,
    frameBytes,
  });
}
