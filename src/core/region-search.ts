/**
 * The region search of a rectangle or a freehand outline: every calcification inside outlined;
 * densities whose edge is softer than calcium's (tissue: describe/tissue-edge.ts) or too faint to
 * be told from noise (the Rose criterion the description applies: describe-calcification.ts) left
 * out and named (left-out-densities.ts), so that the radiologist can click one to outline it anyway.
 */
import { calcificationFeatures, REFERENCE_PIXEL_MM, type CalcificationFeatures } from './describe/calcification-features.js';
import { faintWords } from './describe/describe-calcification.js';
import { tissueEdge } from './describe/tissue-edge.js';
import type { MammoImage } from './image.js';
import { measureCalcification } from './measure/measure-calcification.js';
import type { CalcificationMeasurements } from './measure/measurements.js';
import type { Result } from './result.js';
import { outlineCovers, type CalcificationOutline } from './segment/outline.js';
import { segmentPolygon, segmentRegion } from './segment/segment-region.js';
import type { LeftOutDensity } from './left-out-densities.js';
import type { PointPx, RectPx } from './units.js';

export interface RegionSearch {
  readonly outlines: readonly CalcificationOutline[];
  readonly leftOut: readonly LeftOutDensity[];
}

/**
 * Outlines the calcifications in a rectangle or a freehand outline, leaving out densities whose
 * edge is softer than calcium's or that are too faint to be told from noise. `measured` receives
 * each kept outline's measurements (the test reads them; the caller need not measure again).
 */
export function searchRegion(
  image: MammoImage,
  region: { readonly roi: RectPx } | { readonly polygon: readonly PointPx[] },
  measured: Map<CalcificationOutline, CalcificationMeasurements>,
): Result<RegionSearch> {
  const leftOut: LeftOutDensity[] = [];
  const leftOutOutlines: CalcificationOutline[] = [];
  const accept = (o: CalcificationOutline): boolean => {
    const m = measureCalcification(image, o);
    const f = calcificationFeatures(m);
    const edge = tissueEdge(f);
    const why = edge?.tissue === true ? `tissue: ${edge.words}` : noiseLevel(f) ? faintWords(f) : null;
    if (why === null) {
      measured.set(o, m);
      return true;
    }
    // The same density may be reached from several of its pixels: named once.
    if (!leftOutOutlines.some((k) => outlineCovers(k, o.seed) || outlineCovers(o, k.seed))) {
      leftOutOutlines.push(o);
      leftOut.push({ x: o.seed.x, y: o.seed.y, words: why });
    }
    return false;
  };
  const r = 'roi' in region ? segmentRegion(image, region.roi, { accept }) : segmentPolygon(image, region.polygon, { accept });
  if (!r.ok) return r;
  return { ok: true, value: { outlines: r.value, leftOut } };
}

/**
 * Whether a density too faint by the Rose criterion is left out: on a full-field detector's pixels
 * (up to REFERENCE_PIXEL_MM). On larger pixels (digitised film, and film of unknown pitch) a small
 * calcification spans few pixels and its contrast is diluted by them: the faint members of a
 * cluster are outlined and counted, and described as too faint. Phantom set (seeds 500000, a
 * rectangle around each group): on film pixels the Rose criterion would leave out 18 of 611
 * outlines at a calcification and none at no calcification; on full-field pixels 3 of 2083 and
 * 5 of 58.
 */
function noiseLevel(f: CalcificationFeatures): boolean {
  return f.pixelSizeMm !== null && f.pixelSizeMm <= REFERENCE_PIXEL_MM;
}
