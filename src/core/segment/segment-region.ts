import { clipRect, readDensityPatch } from '../image.js';
import type { MammoImage } from '../image.js';
import { err, ok } from '../result.js';
import type { Result } from '../result.js';
import type { PointPx, RectPx } from '../units.js';
import { robustSigma } from './background.js';
import { blockMedianBackground } from './block-background.js';
import { isInsidePolygon } from './point-in-polygon.js';
import type { CalcificationOutline } from './outline.js';
import { segmentAtSeed } from './segment-at-seed.js';
import { SEGMENT_DEFAULTS, spacingForSizes } from './segment-options.js';
import type { SegmentOptions } from './segment-options.js';

/** Detection settings for region segmentation, as data. */
export const REGION_DETECTION = {
  /** A calcification needs a pixel this many noise σ above the local background … */
  highSigma: 4,
  /** … and extends over the connected pixels above this many σ (hysteresis). */
  lowSigma: 2,
  /** Fewest connected pixels (above the low level) for a calcification. */
  minPixels: 2,
  /** Block size of the median background (mm): about twice the largest calcification expected. */
  backgroundBlockMm: 2,
  /**
   * The per-object check of segmentAtSeed (3 × 3 mean peak over its noise) is raised to
   * highSigma for objects found without a click, which keeps texture peaks out.
   */
  /** Margin read around the region for the background (mm). */
  marginMm: 1.5,
  /** Share of an outline's pixels that must lie in the region: one that merely crosses it is left out. */
  minFractionInside: 0.5,
  /**
   * The same share for a thin structure followed past the largest search patch (a vessel wall
   * longer than SEGMENT_DEFAULTS.maxPatchMm): only one drawn around whole is kept. Half inside is
   * not enough here: such a structure is long, so a rectangle around a group often holds about
   * half of a crossing one, and a pixel more or less of rectangle would decide.
   */
  minFractionInsideFollowed: 0.9,
} as const;

/**
 * Finds and outlines every calcification whose peak lies in a rectangle: subtracts a block-median
 * background, keeps 8-connected pixels above 2 σ that reach 4 σ (σ = robust noise of the
 * region) and cover at least 2 pixels, then outlines each from its peak exactly as
 * segmentAtSeed does, keeping those lying mostly in the rectangle (a vessel wall that runs
 * through it is left to a click; one followed past the largest patch is kept only when drawn around whole). Results are ordered top to bottom, then left to right.
 *
 * Errors: 'region-outside-image' when the rectangle does not overlap the image.
 */
export function segmentRegion(image: MammoImage, rect: RectPx, options: SegmentOptions = {}): Result<CalcificationOutline[]> {
  const c = clipRect(image, rect);
  if (c === null) {
    return err('region-outside-image', `region (${rect.x0}, ${rect.y0})–(${rect.x1}, ${rect.y1}) is outside the ${image.columns} × ${image.rows} image`);
  }
  return ok(segmentWithin(image, c, (p) => p.x >= c.x0 && p.x < c.x1 && p.y >= c.y0 && p.y < c.y1, options));
}

/**
 * Like segmentRegion for a freehand outline (closed polygon, image pixels): keeps the
 * calcifications whose peak lies inside the polygon.
 *
 * Errors: 'bad-argument' for fewer than 3 points or non-finite coordinates;
 * 'region-outside-image' when the polygon's bounds do not overlap the image.
 */
export function segmentPolygon(image: MammoImage, polygon: readonly PointPx[], options: SegmentOptions = {}): Result<CalcificationOutline[]> {
  if (polygon.length < 3 || polygon.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return err('bad-argument', `a freehand region needs at least 3 finite points, got ${polygon.length}`);
  }
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  const bounds = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs) + 1, y1: Math.max(...ys) + 1 };
  const c = clipRect(image, bounds);
  if (c === null) {
    return err('region-outside-image', `freehand region with bounds (${bounds.x0}, ${bounds.y0})–(${bounds.x1}, ${bounds.y1}) is outside the ${image.columns} × ${image.rows} image`);
  }
  return ok(segmentWithin(image, c, (p) => isInsidePolygon(p, polygon), options));
}

function segmentWithin(image: MammoImage, rect: RectPx, keep: (p: PointPx) => boolean, options: SegmentOptions): CalcificationOutline[] {
  const spacing = spacingForSizes(image.calibration, options.nominalSpacingMm ?? SEGMENT_DEFAULTS.nominalSpacingMm);
  const margin = Math.ceil(REGION_DETECTION.marginMm / spacing);
  const patch = readDensityPatch(image, { x0: rect.x0 - margin, y0: rect.y0 - margin, x1: rect.x1 + margin, y1: rect.y1 + margin });
  if (patch === null) return [];
  const { width, height, data } = patch;
  const bg = blockMedianBackground(patch, REGION_DETECTION.backgroundBlockMm / spacing);
  const residual = new Float32Array(width * height);
  for (let i = 0; i < residual.length; i++) residual[i] = (data[i] as number) - (bg[i] as number);
  const step = Math.max(1, Math.floor(Math.sqrt(residual.length / 20000)));
  const sample: number[] = [];
  for (let y = 0; y < height; y += step) for (let x = 0; x < width; x += step) sample.push(residual[y * width + x] as number);
  const sigma = Math.max(robustSigma(sample), 1e-9);
  const low = REGION_DETECTION.lowSigma * sigma;
  const high = REGION_DETECTION.highSigma * sigma;

  const label = new Int32Array(width * height);
  const stack: number[] = [];
  const peaks: PointPx[] = [];
  let next = 0;
  for (let start = 0; start < residual.length; start++) {
    if (label[start] !== 0 || !((residual[start] as number) >= low)) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let count = 0;
    let best = -Infinity;
    let bestAt = start;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      count++;
      const v = residual[i] as number;
      if (v > best) {
        best = v;
        bestAt = i;
      }
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (label[j] === 0 && (residual[j] as number) >= low) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    if (count < REGION_DETECTION.minPixels || best < high) continue;
    const bx = bestAt % width;
    const peak = { x: patch.x0 + bx, y: patch.y0 + (bestAt - bx) / width };
    if (keep(peak)) peaks.push(peak);
  }

  const found: CalcificationOutline[] = [];
  for (const peak of peaks) {
    if (found.some((o) => inMask(o, peak))) continue;
    const r = segmentAtSeed(image, peak, {
      ...options,
      searchRadiusPx: 1,
      searchRadiusMm: 0,
      enclosingSearchRadiusMm: 0,
      minContrastToNoise: options.minContrastToNoise ?? REGION_DETECTION.highSigma,
    });
    if (r.ok && r.value.contour.length >= 3 && mostlyWithin(r.value, keep, fractionNeeded(r.value, spacing))) found.push(r.value);
  }
  return found.sort((a, b) => a.mask.y0 - b.mask.y0 || a.mask.x0 - b.mask.x0);
}

/** The share of an outline that must lie in the region: more for a structure followed past the largest patch. */
function fractionNeeded(o: CalcificationOutline, spacingMm: number): number {
  const extentMm = Math.max(o.mask.width, o.mask.height) * spacingMm;
  return extentMm > SEGMENT_DEFAULTS.maxPatchMm ? REGION_DETECTION.minFractionInsideFollowed : REGION_DETECTION.minFractionInside;
}

/**
 * Whether at least `fraction` of the outline's pixels lie in the region: a structure that merely
 * crosses it (a vessel wall running through) is left to a click.
 */
function mostlyWithin(o: CalcificationOutline, keep: (p: PointPx) => boolean, fraction: number): boolean {
  const m = o.mask;
  let all = 0;
  let inside = 0;
  for (let y = 0; y < m.height; y++) {
    for (let x = 0; x < m.width; x++) {
      if (m.data[y * m.width + x] !== 1) continue;
      all++;
      if (keep({ x: m.x0 + x, y: m.y0 + y })) inside++;
    }
  }
  return all > 0 && inside >= fraction * all;
}

function inMask(o: CalcificationOutline, p: PointPx): boolean {
  const m = o.mask;
  const x = p.x - m.x0;
  const y = p.y - m.y0;
  return x >= 0 && y >= 0 && x < m.width && y < m.height && m.data[y * m.width + x] === 1;
}
