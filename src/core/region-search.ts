/**
 * The region search of a rectangle or a freehand outline: every calcification inside outlined;
 * densities whose edge is softer than calcium's (tissue: describe/tissue-edge.ts) left out and
 * named (left-out-densities.ts), so that the radiologist can click one to outline it anyway. What
 * is too faint to tell from noise is kept and described so (describe-calcification.ts): leaving it
 * out cost more calcifications than noise on the phantoms (docs/describe-rules.md).
 */
import { calcificationFeatures } from './describe/calcification-features.js';
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
 * edge is softer than calcium's. `measured` receives
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
    const edge = tissueEdge(calcificationFeatures(m));
    if (edge?.tissue !== true) {
      measured.set(o, m);
      return true;
    }
    // The same density may be reached from several of its pixels: named once.
    if (!leftOutOutlines.some((k) => outlineCovers(k, o.seed) || outlineCovers(o, k.seed))) {
      leftOutOutlines.push(o);
      leftOut.push({ x: o.seed.x, y: o.seed.y, words: edge.words });
    }
    return false;
  };
  const r = 'roi' in region ? segmentRegion(image, region.roi, { accept }) : segmentPolygon(image, region.polygon, { accept });
  if (!r.ok) return r;
  return { ok: true, value: { outlines: r.value, leftOut } };
}
