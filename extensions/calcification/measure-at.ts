/**
 * Measuring a click with the core directly on the calling thread: what the add-calcification
 * command uses when the host gives no other measurer (tests, small images). The viewer passes
 * its worker-backed measurer instead.
 */
import type { NewCalcification } from '../../src/core/draft/draft-action.js';
import type { MammoImage } from '../../src/core/image.js';
import { measureCalcification } from '../../src/core/measure/measure-calcification.js';
import { err, ok, type Result } from '../../src/core/result.js';
import { segmentAtSeed } from '../../src/core/segment/segment-at-seed.js';
import type { PointPx } from '../../src/core/units.js';

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
