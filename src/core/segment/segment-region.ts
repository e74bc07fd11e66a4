import { clipRect, readDensityPatch } from '../image.js';
import type { MammoImage } from '../image.js';
import { err, ok } from '../result.js';
import type { Result } from '../result.js';
import type { PointPx, RectPx } from '../units.js';
import { robustSigma } from './background.js';
import { blockMedianBackground } from './block-background.js';
import { isInsidePolygon } from './point-in-polygon.js';
import { outlineCovers, type CalcificationOutline } from './outline.js';
import { segmentAtSeed } from './segment-at-seed.js';
import { SEGMENT_DEFAULTS, spacingForSizes } from './segment-options.js';
import type { SegmentOptions } from './segment-options.js';

/** Region search settings: segmentation's, and which outlines to keep. */
export interface RegionSearchOptions extends SegmentOptions {
  /**
   * Called with each outline found; one it refuses is left out and does not stop a calcification
   * beside it from being outlined (analyze.ts leaves out densities whose edge is softer than calcium's: describe/tissue-edge.ts).
   */
  readonly accept?: (outline: CalcificationOutline) => boolean;
}

/** Detection settings for region segmentation, as data. */
export const REGION_DETECTION = {
  /** A calcification needs a pixel this many noise σ above the local background … */
  highSigma: 4,
  /** … and extends over the connected pixels above this many σ (hysteresis). */
  lowSigma: 2,
  /** Fewest connected pixels (above the low level) for a calcification. */
  minPixels: 2,
  /** Block size of the median background (mm): about twice the largest calcification of the fine pass. */
  backgroundBlockMm: 2,
  /**
   * A second, coarse pass for larger deposits (a round calcification of 2 mm fills a 2 mm block
   * and its median): blocks this large, components kept only when covering a disc at least
   * `largeDepositMinMm` across.
   */
  largeDepositBlockMm: 6,
  largeDepositMinMm: 1,
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
  /**
   * Two calcifications whose blurred edges join above the low level form one component: up to this
   * many more seeds are tried in it, each at its brightest pixel beyond `fringeMm` of every outline
   * found (the outline is drawn at 0.4–0.5 of the peak, so the blur's tail lies just outside it).
   */
  moreSeedsPerComponent: 3,
  fringeMm: 0.3,
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
export function segmentRegion(image: MammoImage, rect: RectPx, options: RegionSearchOptions = {}): Result<CalcificationOutline[]> {
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
export function segmentPolygon(image: MammoImage, polygon: readonly PointPx[], options: RegionSearchOptions = {}): Result<CalcificationOutline[]> {
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

function segmentWithin(image: MammoImage, rect: RectPx, keep: (p: PointPx) => boolean, { accept, ...given }: RegionSearchOptions): CalcificationOutline[] {
  // Pieces within the region, at the nominal scale: an artery seen whole runs far out of it (and
  // would take every seed on it).
  const options = { ...given, fromClick: false };
  const spacing = spacingForSizes(image.calibration, options.nominalSpacingMm ?? SEGMENT_DEFAULTS.nominalSpacingMm);
  const margin = Math.ceil(REGION_DETECTION.marginMm / spacing);
  const patch = readDensityPatch(image, { x0: rect.x0 - margin, y0: rect.y0 - margin, x1: rect.x1 + margin, y1: rect.y1 + margin });
  if (patch === null) return [];
  const { width } = patch;
  const peaks: PointPx[] = [];
  // Pixels over the high level of each kept component: where a second calcification touching the
  // first (their blurred edges joined above the low level) is looked for.
  const highPixels: number[][] = [];
  // The fine pass finds deposits up to about 1 mm; the coarse one those the fine blocks' median
  // takes for background (a round calcification of 2 mm), kept only when that large.
  const passes = [
    { blockMm: REGION_DETECTION.backgroundBlockMm, minPixels: REGION_DETECTION.minPixels },
    {
      blockMm: REGION_DETECTION.largeDepositBlockMm,
      minPixels: Math.max(REGION_DETECTION.minPixels, Math.round((Math.PI / 4) * (REGION_DETECTION.largeDepositMinMm / spacing) ** 2)),
    },
  ];
  for (const pass of passes) {
    for (const c of components(patch, blockMedianBackground(patch, pass.blockMm / spacing), pass.minPixels)) {
      const bx = c.peak % width;
      const peak = { x: patch.x0 + bx, y: patch.y0 + (c.peak - bx) / width };
      if (keep(peak)) peaks.push(peak);
      highPixels.push(c.high);
    }
  }

  const found: CalcificationOutline[] = [];
  // Outlines `accept` refused: no seed is taken inside one again, so a density of tissue neither
  // blocks a calcification beside it nor is reached again from another of its pixels.
  const refused: CalcificationOutline[] = [];
  const outlineAt = (at: PointPx): CalcificationOutline | null => {
    const r = segmentAtSeed(image, at, {
      ...options,
      searchRadiusPx: 1,
      searchRadiusMm: 0,
      enclosingSearchRadiusMm: 0,
      minContrastToNoise: options.minContrastToNoise ?? REGION_DETECTION.highSigma,
    });
    if (!r.ok || r.value.contour.length < 3 || !mostlyWithin(r.value, keep, fractionNeeded(r.value, spacing))) return null;
    const o = asClicked(r.value);
    // Both outlines of the deposit must pass: a bump of tissue outlined from its centre may reach
    // into the tissue around it and read wider than its profile is.
    if (accept === undefined || (accept(o) && (o === r.value || accept(r.value)))) return o;
    refused.push(o);
    return null;
  };
  // What a click at the centre of the outline gives, when it outlines the same deposit: the same
  // calcification is outlined (and so measured and described) alike, found by a rectangle or
  // clicked; the seed of the search (a pixel of the residual's peak, often off-centre on a large
  // deposit) would otherwise move its background ring and its edge.
  const asClicked = (o: CalcificationOutline): CalcificationOutline => {
    const c = segmentAtSeed(image, maskCentre(o), options);
    return c.ok && c.value.contour.length >= 3 && masksOverlap(c.value, o) && mostlyWithin(c.value, keep, fractionNeeded(c.value, spacing)) ? c.value : o;
  };
  for (const peak of peaks) {
    if (found.some((o) => outlineCovers(o, peak)) || refused.some((o) => outlineCovers(o, peak))) continue;
    const o = outlineAt(peak);
    if (o !== null) found.push(o);
  }
  // Calcifications a few pixels apart may join into one component above the low level: the peak
  // outlines one of them, and the component's brightest pixel left clear of every outline (beyond
  // the blur's fringe) seeds the next.
  const fringe = Math.max(2, Math.ceil(REGION_DETECTION.fringeMm / spacing));
  for (const pixels of highPixels) {
    for (let tries = 0; tries < REGION_DETECTION.moreSeedsPerComponent; tries++) {
      const i = pixels.find((j) => {
        const x = j % width;
        const at = { x: patch.x0 + x, y: patch.y0 + (j - x) / width };
        return keep(at) && !found.some((o) => nearMask(o, at, fringe)) && !refused.some((o) => outlineCovers(o, at));
      });
      if (i === undefined) break;
      const x = i % width;
      const at = { x: patch.x0 + x, y: patch.y0 + (i - x) / width };
      const o = outlineAt(at);
      if (o === null || found.some((f) => masksOverlap(f, o))) {
        // Nothing new there: leave this pixel's neighbourhood out of the next search.
        // (in place: a long component holds too many pixels to spread into one call)
        const iy = (i - x) / width;
        let kept = 0;
        for (const j of pixels) if (Math.hypot((j % width) - x, Math.floor(j / width) - iy) > fringe) pixels[kept++] = j;
        pixels.length = kept;
        continue;
      }
      found.push(o);
    }
  }
  return found.sort((a, b) => a.mask.y0 - b.mask.y0 || a.mask.x0 - b.mask.x0);
}

/** Whether `p` lies within `d` pixels of the outline's mask. */
function nearMask(o: CalcificationOutline, p: PointPx, d: number): boolean {
  const m = o.mask;
  const x0 = Math.max(0, p.x - d - m.x0);
  const x1 = Math.min(m.width - 1, p.x + d - m.x0);
  const y0 = Math.max(0, p.y - d - m.y0);
  const y1 = Math.min(m.height - 1, p.y + d - m.y0);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (m.data[y * m.width + x] === 1 && Math.hypot(m.x0 + x - p.x, m.y0 + y - p.y) <= d) return true;
    }
  }
  return false;
}

/** Whether two outlines share a pixel. */
function masksOverlap(a: CalcificationOutline, b: CalcificationOutline): boolean {
  const ma = a.mask;
  const mb = b.mask;
  const x0 = Math.max(ma.x0, mb.x0);
  const x1 = Math.min(ma.x0 + ma.width, mb.x0 + mb.width);
  const y0 = Math.max(ma.y0, mb.y0);
  const y1 = Math.min(ma.y0 + ma.height, mb.y0 + mb.height);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (ma.data[(y - ma.y0) * ma.width + (x - ma.x0)] === 1 && mb.data[(y - mb.y0) * mb.width + (x - mb.x0)] === 1) return true;
    }
  }
  return false;
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

/** The pixel nearest the centroid of the outline's mask (inside it when the centroid is). */
function maskCentre(o: CalcificationOutline): PointPx {
  const m = o.mask;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < m.height; y++) {
    for (let x = 0; x < m.width; x++) {
      if (m.data[y * m.width + x] !== 1) continue;
      sx += x;
      sy += y;
      n++;
    }
  }
  return n === 0 ? o.seed : { x: m.x0 + Math.round(sx / n), y: m.y0 + Math.round(sy / n) };
}


interface Component {
  /** Index of its largest residual in the patch. */
  readonly peak: number;
  /** Its pixels over the high level, largest residual first. */
  readonly high: number[];
}

/**
 * The 8-connected components of the residual (density − background) above lowSigma σ that reach
 * highSigma σ and cover at least `minPixels` (σ = the patch's robust spread of the residual).
 */
function components(patch: { readonly width: number; readonly height: number; readonly data: ArrayLike<number> }, bg: ArrayLike<number>, minPixels: number): Component[] {
  const { width, height, data } = patch;
  const residual = new Float32Array(width * height);
  for (let i = 0; i < residual.length; i++) residual[i] = (data[i] as number) - (bg[i] as number);
  const step = Math.max(1, Math.floor(Math.sqrt(residual.length / 20000)));
  const sample: number[] = [];
  for (let y = 0; y < height; y += step) for (let x = 0; x < width; x += step) sample.push(residual[y * width + x] as number);
  const sigma = Math.max(robustSigma(sample), 1e-9);
  const low = REGION_DETECTION.lowSigma * sigma;
  const high0 = REGION_DETECTION.highSigma * sigma;
  const label = new Int32Array(width * height);
  const stack: number[] = [];
  const out: Component[] = [];
  let next = 0;
  for (let start = 0; start < residual.length; start++) {
    if (label[start] !== 0 || !((residual[start] as number) >= low)) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let count = 0;
    let best = -Infinity;
    let bestAt = start;
    const high: number[] = [];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      count++;
      const v = residual[i] as number;
      if (v >= high0) high.push(i);
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
    if (count < minPixels || best < high0) continue;
    out.push({ peak: bestAt, high: high.sort((a, b) => (residual[b] as number) - (residual[a] as number)) });
  }
  return out;
}
