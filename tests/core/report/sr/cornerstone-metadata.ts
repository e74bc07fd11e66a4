/**
 * What Cornerstone3D needs to place an SR's SCOORDs on the sample's images, fed from the images'
 * own headers: the image plane module as OHIF's metadata provider (@ohif/core 3.13,
 * MetadataProvider imagePlaneModule) builds it. A "For Presentation" mammogram has no Image Plane
 * module (no position, orientation or frame of reference), so OHIF uses its defaults: rows along
 * (1, 0, 0), columns along (0, 1, 0), the first pixel at (0, 0, 0); the pixel spacing is
 * Cornerstone's getPixelSpacingInformation of the header (Imager Pixel Spacing divided by the
 * Estimated Radiographic Magnification Factor for a projection image).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metaData, utilities } from '@cornerstonejs/core';
import dcmjs from 'dcmjs';

const sample = fileURLToPath(new URL('../../../../test-data/sample/', import.meta.url));

export interface SampleImageMetadata {
  readonly file: string;
  readonly imageId: string;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  /** The naturalized header (no pixel data needed). */
  readonly instance: Record<string, unknown>;
}

const n = (v: unknown): number[] | undefined => (Array.isArray(v) ? v.map(Number) : v === undefined ? undefined : [Number(v)]);

/** The naturalized header of a sample image. */
export function readSampleImage(file: string): SampleImageMetadata {
  const bytes = readFileSync(`${sample}${file}`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(buffer).dict);
  const str = (k: string): string => String(ds[k]);
  return {
    file,
    imageId: `calcscribe-test:${file}`,
    sopInstanceUid: str('SOPInstanceUID'),
    sopClassUid: str('SOPClassUID'),
    seriesInstanceUid: str('SeriesInstanceUID'),
    studyInstanceUid: str('StudyInstanceUID'),
    instance: ds,
  };
}

/** The image plane module of an image as OHIF 3.13's metadata provider gives it. */
export function imagePlaneModule(image: SampleImageMetadata): Record<string, unknown> {
  const ds = image.instance;
  const spacing = utilities.getPixelSpacingInformation({
    PixelSpacing: n(ds['PixelSpacing']),
    ImagerPixelSpacing: n(ds['ImagerPixelSpacing']),
    EstimatedRadiographicMagnificationFactor: n(ds['EstimatedRadiographicMagnificationFactor'])?.[0],
    SOPClassUID: image.sopClassUid,
    PixelSpacingCalibrationType: ds['PixelSpacingCalibrationType'],
  }) as { PixelSpacing?: number[] };
  const ps = spacing.PixelSpacing;
  const iop = n(ds['ImageOrientationPatient']);
  return {
    frameOfReferenceUID: ds['FrameOfReferenceUID'],
    rows: Number(ds['Rows']),
    columns: Number(ds['Columns']),
    imageOrientationPatient: iop ?? [1, 0, 0, 0, 1, 0],
    rowCosines: iop === undefined ? [1, 0, 0] : iop.slice(0, 3),
    columnCosines: iop === undefined ? [0, 1, 0] : iop.slice(3, 6),
    imagePositionPatient: n(ds['ImagePositionPatient']) ?? [0, 0, 0],
    pixelSpacing: ps ?? 1,
    rowPixelSpacing: ps?.[0] ?? null,
    columnPixelSpacing: ps?.[1] ?? null,
  };
}

/**
 * Registers the images with Cornerstone's metadata registry (the adapters look the image plane
 * up there, and imageToWorldCoords too); returns a function that removes the provider.
 */
export function registerImages(images: readonly SampleImageMetadata[]): () => void {
  const byId = new Map(images.map((i) => [i.imageId, i]));
  const provider = (type: string, imageId: unknown): unknown => {
    const image = typeof imageId === 'string' ? byId.get(imageId) : undefined;
    if (image === undefined) return undefined;
    if (type === 'imagePlaneModule') return imagePlaneModule(image);
    if (type === 'sopCommonModule') return { sopInstanceUID: image.sopInstanceUid, sopClassUID: image.sopClassUid };
    if (type === 'instance') return image.instance;
    if (type === 'frameNumber') return 1;
    if (type === 'generalSeriesModule') return { modality: 'MG', seriesInstanceUID: image.seriesInstanceUid, studyInstanceUID: image.studyInstanceUid };
    return undefined;
  };
  metaData.addProvider(provider, 10_000);
  return () => metaData.removeProvider(provider);
}
