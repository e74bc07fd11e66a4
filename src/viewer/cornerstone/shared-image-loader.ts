/**
 * Cornerstone's images of the viewer, made from the pixels the analysis worker decoded (no second
 * decode for display): `calcscribe:N` image ids, the header read by Cornerstone's own metadata
 * providers from the file's bytes before its Pixel Data, and the stored values used in place when
 * the modality LUT is the identity (rescaled once into a new array otherwise, as Cornerstone's
 * DICOM loader does).
 */
import { cache, Enums, imageLoader, metaData, utilities, type Types } from '@cornerstonejs/core';
import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import type { StoredPixels } from '../../core/image.js';
import { err, ok, type Result } from '../../core/result.js';
import { modalityPixels } from './modality-pixels.js';
import { decodesPerImage, type IngestedImage } from '../workers/analysis-client.js';
import { isShared } from '../workers/shared-pixels.js';

export const SHARED_IMAGE_SCHEME = 'calcscribe';

const images = new Map<string, IngestedImage>();
let lastNumber = 0;

/** A new image id for a file being loaded. */
export function newImageId(): string {
  lastNumber += 1;
  return `${SHARED_IMAGE_SCHEME}:${lastNumber}`;
}

/** Makes a decoded image loadable by Cornerstone under its image id (reads its header first). */
export async function addDecodedImage(imageId: string, image: IngestedImage): Promise<Result<void>> {
  try {
    await metadataUtilities.addDicomPart10Instance(imageId, image.header);
  } catch (e) {
    return err('decode-failed', `the header could not be read for display: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
  }
  images.set(imageId, image);
  return ok(undefined);
}

/** The pixels the worker decoded for an image id (the same memory the display and the worker read). */
export function decodedPixels(imageId: string): StoredPixels | null {
  return images.get(imageId)?.pixels ?? null;
}

/** The image ids whose decoded pixels the page holds now. */
export function heldImageIds(): string[] {
  return [...images.keys()];
}

/**
 * Lets an image's pixels go on the page: Cornerstone's cached image and the decoded pixels (the
 * header stays, so the same image id can be made loadable again with addDecodedImage).
 */
export function removeDecodedImage(imageId: string): void {
  images.delete(imageId);
  if (cache.getImageLoadObject(imageId) !== undefined) cache.removeImageLoadObject(imageId, { force: true });
}

/** Per image id loaded for display: how many times it was decoded, and whether its pixels are shared with the worker. */
export function decodeReport(): Record<string, { decodes: number; shared: boolean }> {
  const decodes = decodesPerImage();
  return Object.fromEntries([...images].map(([id, image]) => [id, { decodes: decodes[id] ?? 0, shared: isShared(image.pixels) }]));
}

function makeImage(imageId: string, decoded: IngestedImage): Types.IImage {
  const { summary } = decoded;
  const { meta, rows, columns } = summary;
  const plane = (metaData.get(Enums.MetadataModules.IMAGE_PLANE, imageId) ?? {}) as Partial<Types.ImagePlaneModule>;
  const voi = (metaData.get(Enums.MetadataModules.VOI_LUT, imageId) ?? {}) as { windowCenter?: number[]; windowWidth?: number[] };
  const calibration = (metaData.get(Enums.MetadataModules.CALIBRATION, imageId) ?? {}) as Types.IImageCalibration;
  const { pixels, min, max } = modalityPixels(decoded.pixels, meta.rescaleSlope, meta.rescaleIntercept);
  const fallback = utilities.windowLevel.toWindowLevel(min, max);
  const voxelManager = utilities.VoxelManager.createImageVoxelManager({ scalarData: pixels, width: columns, height: rows, numberOfComponents: 1 });
  return {
    imageId,
    dataType: pixels.constructor.name as Types.PixelDataTypedArrayString,
    color: false,
    rgba: false,
    numberOfComponents: 1,
    calibration,
    columnPixelSpacing: plane.columnPixelSpacing as number,
    rowPixelSpacing: plane.rowPixelSpacing as number,
    rows,
    columns,
    height: rows,
    width: columns,
    preScale: { enabled: true, scaled: true, scalingParameters: { rescaleSlope: meta.rescaleSlope, rescaleIntercept: meta.rescaleIntercept, modality: meta.modality } },
    slope: meta.rescaleSlope,
    intercept: meta.rescaleIntercept,
    invert: meta.photometric === 'MONOCHROME1',
    photometricInterpretation: meta.photometric,
    minPixelValue: min,
    maxPixelValue: max,
    sizeInBytes: pixels.byteLength,
    windowCenter: voi.windowCenter?.[0] ?? fallback.windowCenter,
    windowWidth: voi.windowWidth?.[0] ?? fallback.windowWidth,
    voiLUTFunction: undefined as unknown as Types.IImage['voiLUTFunction'],
    voxelManager,
    getPixelData: () => pixels,
    getCanvas: () => {
      throw new Error('grayscale images have no canvas');
    },
    imageQualityStatus: Enums.ImageQualityStatus.FULL_RESOLUTION,
  };
}

/** Cornerstone's loader for `calcscribe:` ids: the image the worker decoded, or a failure naming the id. */
function loadDecodedImage(imageId: string): Types.IImageLoadObject {
  const decoded = images.get(imageId);
  const promise = decoded === undefined ? Promise.reject(new Error(`image ${imageId} has not been decoded`)) : Promise.resolve().then(() => makeImage(imageId, decoded));
  return { promise };
}

/** Registers the loader (once per page). */
export function registerDecodedImageLoader(): void {
  imageLoader.registerImageLoader(SHARED_IMAGE_SCHEME, loadDecodedImage as unknown as Types.ImageLoaderFn);
}
