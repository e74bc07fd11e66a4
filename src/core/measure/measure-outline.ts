import { readDensityPatch } from '../image.js';
import type { MammoImage } from '../image.js';
import { medianAndSigma } from '../segment/background.js';
import { isInsidePolygon } from '../segment/point-in-polygon.js';
import type { CalcificationOutline } from '../segment/outline.js';
import type { PointPx } from '../units.js';
import { measureCalcification } from './measure-calcification.js';
import type { CalcificationMeasurements } from './measurements.js';
import { polygonCentroid } from './polygon.js';

/** The local background an outline is measured against (density units, as in CalcificationOutline). */
export interface OutlineBackground {
  readonly density: number;
  readonly noise: number;
}

/** Ring read around an outline when no earlier measurement gives its background (px beyond the outline's box). */
export const OUTLINE_RING = { gapPx: 2, widthPx: 2 } as const;

/**
 * The pixels whose centres lie inside a closed contour (stored-image pixels, pixel centres at
 * integer coordinates), as a mask over their bounding box — the mask the seed-point segmentation
 * gives for the region its contour was traced around. A contour enclosing no pixel centre gets
 * the pixel nearest its centroid.
 */
export function maskOfContour(contour: readonly PointPx[]): CalcificationOutline['mask'] {
  const xs = contour.map((p) => p.x);
  const ys = contour.map((p) => p.y);
  const bx0 = Math.ceil(Math.min(...xs));
  const bx1 = Math.floor(Math.max(...xs));
  const by0 = Math.ceil(Math.min(...ys));
  const by1 = Math.floor(Math.max(...ys));
  const inside: { x: number; y: number }[] = [];
  for (let y = by0; y <= by1; y++) for (let x = bx0; x <= bx1; x++) if (isInsidePolygon({ x, y }, contour)) inside.push({ x, y });
  if (inside.length === 0) {
    const c = polygonCentroid(contour);
    inside.push({ x: Math.round(c.x), y: Math.round(c.y) });
  }
  const x0 = Math.min(...inside.map((p) => p.x));
  const y0 = Math.min(...inside.map((p) => p.y));
  const width = Math.max(...inside.map((p) => p.x)) - x0 + 1;
  const height = Math.max(...inside.map((p) => p.y)) - y0 + 1;
  const data = new Uint8Array(width * height);
  for (const p of inside) data[(p.y - y0) * width + (p.x - x0)] = 1;
  return { x0, y0, width, height, data };
}

/**
 * Measures a calcification from a given outline (e.g. one the radiologist corrected): the mask is
 * the pixels inside the contour, and everything else is measureCalcification's, so an outline
 * measured here gives the same measurements as the seed-point path gives for the same outline and
 * background.
 * @example measureOutline(image, edited, { density: 812.4, noise: 6.1 })
 */
export function measureOutline(image: MammoImage, contour: readonly PointPx[], background: OutlineBackground, seed?: PointPx): CalcificationMeasurements {
  const outline: CalcificationOutline = {
    seed: seed ?? polygonCentroid(contour),
    contour,
    mask: maskOfContour(contour),
    backgroundDensity: background.density,
    backgroundNoise: background.noise,
    threshold: background.density,
  };
  return measureCalcification(image, outline);
}

/**
 * The background an earlier measurement of an outline was made against, read back from it: the
 * mean density inside the outline less the measured contrast, and the contrast over the
 * contrast-to-noise. Null when the measurement does not determine it (no contrast).
 */
export function backgroundOfMeasurement(image: MammoImage, contour: readonly PointPx[], m: CalcificationMeasurements): OutlineBackground | null {
  if (!(m.contrast > 0) || !(m.contrastToNoise > 0)) return null;
  const mask = maskOfContour(contour);
  const patch = readDensityPatch(image, { x0: mask.x0, y0: mask.y0, x1: mask.x0 + mask.width, y1: mask.y0 + mask.height });
  if (patch === null) return null;
  let n = 0;
  let sum = 0;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x] !== 1) continue;
      const px = mask.x0 + x - patch.x0;
      const py = mask.y0 + y - patch.y0;
      if (px < 0 || py < 0 || px >= patch.width || py >= patch.height) continue;
      sum += patch.data[py * patch.width + px] as number;
      n++;
    }
  }
  if (n === 0) return null;
  return { density: sum / n - m.contrast, noise: m.contrast / m.contrastToNoise };
}

/**
 * Background of an outline from a ring of pixels around it (OUTLINE_RING beyond its bounding box):
 * median density and robust spread. Null when the ring is off the image.
 */
export function ringBackground(image: MammoImage, contour: readonly PointPx[]): OutlineBackground | null {
  const xs = contour.map((p) => p.x);
  const ys = contour.map((p) => p.y);
  const gap = OUTLINE_RING.gapPx;
  const w = OUTLINE_RING.widthPx;
  // The box the ring surrounds: the outline's box plus the gap.
  const bx0 = Math.floor(Math.min(...xs)) - gap;
  const bx1 = Math.ceil(Math.max(...xs)) + gap;
  const by0 = Math.floor(Math.min(...ys)) - gap;
  const by1 = Math.ceil(Math.max(...ys)) + gap;
  const patch = readDensityPatch(image, { x0: bx0 - w, y0: by0 - w, x1: bx1 + w + 1, y1: by1 + w + 1 });
  if (patch === null) return null;
  const values: number[] = [];
  for (let y = 0; y < patch.height; y++) {
    for (let x = 0; x < patch.width; x++) {
      const ix = patch.x0 + x;
      const iy = patch.y0 + y;
      if (ix >= bx0 && ix <= bx1 && iy >= by0 && iy <= by1) continue;
      values.push(patch.data[y * patch.width + x] as number);
    }
  }
  if (values.length === 0) return null;
  const { median, sigma } = medianAndSigma(values);
  return { density: median, noise: sigma };
}

/**
 * Re-measures a calcification whose outline was corrected: against the background its earlier
 * measurement was made against (so a changed outline changes the shape, not the reference
 * density), else against a ring around the new outline.
 * @example remeasureOutline(image, { contour: c.contour, measurements: c.measurements }, edited)
 */
export function remeasureOutline(
  image: MammoImage,
  before: { readonly contour: readonly PointPx[]; readonly measurements: CalcificationMeasurements; readonly seed?: PointPx },
  contour: readonly PointPx[],
): CalcificationMeasurements {
  const background = backgroundOfMeasurement(image, before.contour, before.measurements) ?? ringBackground(image, contour) ?? { density: 0, noise: 0 };
  return measureOutline(image, contour, background, before.seed);
}
