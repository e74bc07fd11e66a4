/**
 * Measuring a click with the core directly on the calling thread: what the add-calcification
 * command uses when the host gives no other measurer (tests, small images). The viewer passes
 * its worker-backed measurer instead. The same images, looked up by the panel, give the selected
 * calcification's pictures (imagesFromMap).
 */
import type { NewCalcification } from 'calcscribe/draft';
import type { MammoImage } from 'calcscribe/core';
import type { ImageLookup } from './panel/panel-model.js';
import { measureCalcification } from 'calcscribe/core';
import { err, ok, type Result } from 'calcscribe/core';
import { segmentAtSeed } from 'calcscribe/core';
import type { PointPx } from 'calcscribe/core';

/** Outlines and measures the calcification at a point of an image. */
export type MeasureAt = (imageId: string, point: PointPx) => Promise<Result<readonly NewCalcification[]>>;

/** A MeasureAt over images already in memory, keyed by the draft's image id. */
export function measureWithCore(images: ReadonlyMap<string, MammoImage>): MeasureAt {
  return async (imageId, point) => {
    const image = images.get(imageId);
    if (image === undefined) return err('bad-argument', `image ${imageId} is not loaded`);
    const outline = segmentAtSeed(image, point);
    if (!outline.ok) return outline;
    return ok([{ seed: point, contour: outline.value.contour, measurements: measureCalcification(image, outline.value) }]);
  };
}

/** The images in memory as the panel looks them up (the configuration's `images`), keyed by the draft's image id. */
export function imagesFromMap(images: ReadonlyMap<string, MammoImage>): ImageLookup {
  return (imageId) => images.get(imageId) ?? null;
}
