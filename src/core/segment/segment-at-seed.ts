import { isInside, readDensityPatch } from '../image.js';
import type { DensityPatch, MammoImage } from '../image.js';
import { err, ok } from '../result.js';
import type { Result } from '../result.js';
import type { PointPx } from '../units.js';
import { fitBackgroundPlane, robustSigma } from './background.js';
import type { BackgroundPlane } from './background.js';
import { traceOuterContour } from './marching-squares.js';
import type { CalcificationOutline } from './outline.js';
import { boxMean3At, fillHoles, growRegion } from './region-grow.js';
import type { PixelBox } from './region-grow.js';
import { SEGMENT_DEFAULTS, spacingForSizes } from './segment-options.js';
import type { SegmentOptions } from './segment-options.js';

/** Width (px) of the ring along the patch border that gives the local background. */
const RING_WIDTH_PX = 2;
/** Gap (px) kept between the calcification and the ring; closer and the patch grows. */
const RING_CLEARANCE_PX = 2;

interface PatchAnalysis {
  readonly patch: DensityPatch;
  readonly plane: BackgroundPlane;
  readonly contrast: Float32Array;
  /** Noise of the 3 × 3 mean contrast in the ring. */
  readonly smoothedNoise: number;
}

function analysePatch(patch: DensityPatch): PatchAnalysis | null {
  const { width, height, data } = patch;
  const xs: number[] = [];
  const ys: number[] = [];
  const vs: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.min(x, y, width - 1 - x, height - 1 - y);
      if (d >= RING_WIDTH_PX) continue;
      xs.push(x);
      ys.push(y);
      vs.push(data[y * width + x] as number);
    }
  }
  const plane = fitBackgroundPlane(xs, ys, vs);
  if (plane === null) return null;
  const contrast = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      contrast[i] = (data[i] as number) - (plane.a + plane.b * x + plane.c * y);
    }
  }
  const ring: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number;
    const y = ys[k] as number;
    // Only full 3 × 3 windows, one pixel in from the border.
    if (x >= 1 && y >= 1 && x <= width - 2 && y <= height - 2) ring.push(boxMean3At(contrast, width, height, x, y).mean);
  }
  return { patch, plane, contrast, smoothedNoise: robustSigma(ring) };
}

/**
 * Outlines the calcification at or near a clicked point.
 *
 * Looks for the local density peak within a small radius of the seed (0.3 mm, at least 3 px);
 * when nothing stands out there, accepts a calcification up to 1.5 mm away only if its outline
 * encloses the click (a click in a lucent centre). Estimates the local background as a plane fitted robustly to a ring around a small patch,
 * draws the outline at half the peak contrast (full width at half maximum gives true sizes of
 * blurred objects), keeps the 8-connected region holding the peak, fills enclosed holes and
 * traces the sub-pixel outer contour by marching squares. The patch starts at about 2 mm and
 * doubles while the calcification reaches its ring, up to 15 mm; no full-image pass is made.
 *
 * Errors: 'seed-outside-image'; 'seed-on-background' when the peak contrast is below
 * 3 × the background noise (the message says the contrast found), or when the dense area still
 * reaches the ring of the largest patch (a structure far larger than a calcification).
 *
 * @example segmentAtSeed(image, { x: 812, y: 1044 }) // → ok(outline) or err('seed-on-background', …)
 */
export function segmentAtSeed(
  image: MammoImage,
  seed: PointPx,
  options: SegmentOptions = {},
): Result<CalcificationOutline> {
  const o = { ...SEGMENT_DEFAULTS, ...options };
  if (!Number.isFinite(seed.x) || !Number.isFinite(seed.y) || !isInside(image, seed)) {
    return err(
      'seed-outside-image',
      `seed (${seed.x}, ${seed.y}) is outside the ${image.columns} × ${image.rows} image`,
    );
  }
  const spacing = spacingForSizes(image.calibration, o.nominalSpacingMm);
  const searchR = Math.max(o.searchRadiusPx, Math.ceil(o.searchRadiusMm / spacing));
  const cap = Math.max(8, Math.ceil(o.maxPatchMm / spacing / 2));
  const enclosingR = Math.ceil(o.enclosingSearchRadiusMm / spacing);
  let half = Math.min(cap, Math.max(8, Math.ceil(o.startHalfSizeMm / spacing)) + searchR);
  let enclosing = false;
  let nearMessage: string | null = null;
  const sx = Math.round(seed.x);
  const sy = Math.round(seed.y);
  for (;;) {
    const patch = readDensityPatch(image, { x0: sx - half, y0: sy - half, x1: sx + half + 1, y1: sy + half + 1 });
    const a = patch === null ? null : analysePatch(patch);
    if (patch === null || a === null) {
      return err('seed-on-background', `no calcification at (${sx}, ${sy}): the image patch is too small`);
    }
    const { width, height } = patch;
    const lx = sx - patch.x0;
    const ly = sy - patch.y0;
    const radius = enclosing ? enclosingR : searchR;
    const found = findPeak(a, width, height, lx, ly, radius);
    const { px, py, best, noise } = found;
    if (!(best >= o.minContrastToNoise * noise)) {
      const message: string =
        nearMessage ??
        `no calcification at (${sx}, ${sy}): peak contrast ${best.toFixed(1)} is ${(best / noise).toFixed(1)} × the background noise (needs ${o.minContrastToNoise} ×)`;
      if (!enclosing && enclosingR > searchR) {
        enclosing = true;
        nearMessage = message;
        half = Math.min(cap, Math.max(half, enclosingR + 8));
        continue;
      }
      return err('seed-on-background', message);
    }
    // The peak pixel: brightest raw contrast in the 3 × 3 around the smoothed peak.
    let peak = -Infinity;
    let qx = px;
    let qy = py;
    for (let y = Math.max(0, py - 1); y <= Math.min(height - 1, py + 1); y++) {
      for (let x = Math.max(0, px - 1); x <= Math.min(width - 1, px + 1); x++) {
        const v = a.contrast[y * width + x] as number;
        if (v > peak) {
          peak = v;
          qx = x;
          qy = y;
        }
      }
    }
    let level = o.thresholdFraction * peak;
    let region = growRegion(a.contrast, width, height, qx, qy, level);
    const plateau = region.box === null ? null : plateauPeak(a.contrast, region.mask, width, height, region.box);
    if (plateau !== null && plateau < peak) {
      peak = plateau;
      level = o.thresholdFraction * peak;
      region = growRegion(a.contrast, width, height, qx, qy, level);
    }
    const box = region.box;
    if (box === null) return err('seed-on-background', `no calcification at (${sx}, ${sy})`);
    if (reachesRing(box, width, height, RING_WIDTH_PX + RING_CLEARANCE_PX, patch, image)) {
      if (half >= cap) {
        return err(
          'seed-on-background',
          `the dense area at (${sx}, ${sy}) reaches beyond the ${o.maxPatchMm} mm search patch: too large to outline as a calcification`,
        );
      }
      half = Math.min(cap, half * 2);
      continue;
    }
    const outline = buildOutline(seed, patch, a, region.mask, box, level, qx, qy);
    if (enclosing && !maskHas(outline, sx, sy)) return err('seed-on-background', nearMessage ?? `no calcification at (${sx}, ${sy})`);
    return ok(outline);
  }
}

function maskHas(o: CalcificationOutline, x: number, y: number): boolean {
  const m = o.mask;
  const lx = x - m.x0;
  const ly = y - m.y0;
  return lx >= 0 && ly >= 0 && lx < m.width && ly < m.height && m.data[ly * m.width + lx] === 1;
}

/**
 * The brightest 3 × 3 mean contrast within `radius` of (lx, ly), and the noise of that mean
 * (higher where the window is cut by the patch edge, as it holds fewer pixels).
 */
function findPeak(
  a: PatchAnalysis,
  width: number,
  height: number,
  lx: number,
  ly: number,
  radius: number,
): { px: number; py: number; best: number; noise: number } {
  let px = lx;
  let py = ly;
  let best = -Infinity;
  for (let y = Math.max(0, ly - radius); y <= Math.min(height - 1, ly + radius); y++) {
    for (let x = Math.max(0, lx - radius); x <= Math.min(width - 1, lx + radius); x++) {
      if ((x - lx) ** 2 + (y - ly) ** 2 > radius * radius) continue;
      const v = boxMean3At(a.contrast, width, height, x, y).mean;
      if (v > best) {
        best = v;
        px = x;
        py = y;
      }
    }
  }
  const windowPixels = (Math.min(height - 1, py + 1) - Math.max(0, py - 1) + 1) * (Math.min(width - 1, px + 1) - Math.max(0, px - 1) + 1);
  return { px, py, best, noise: Math.max(a.smoothedNoise, 1e-9) * Math.sqrt(9 / windowPixels) };
}

/**
 * The brightest 3 × 3 mean whose window lies wholly inside the region: for calcifications wide
 * enough to have a plateau this estimates the peak contrast without the upward bias of the
 * single brightest noisy pixel. Null when no such window exists (small or thin objects).
 */
function plateauPeak(contrast: Float32Array, mask: Uint8Array, width: number, height: number, box: PixelBox): number | null {
  let best: number | null = null;
  for (let y = Math.max(1, box.y0 + 1); y <= Math.min(height - 2, box.y1 - 1); y++) {
    for (let x = Math.max(1, box.x0 + 1); x <= Math.min(width - 2, box.x1 - 1); x++) {
      let all = true;
      for (let j = -1; j <= 1 && all; j++) for (let i = -1; i <= 1; i++) if (mask[(y + j) * width + x + i] !== 1) all = false;
      if (!all) continue;
      const v = boxMean3At(contrast, width, height, x, y).mean;
      if (best === null || v > best) best = v;
    }
  }
  return best;
}

/** Whether the region's box comes within `margin` px of a patch side that is not the image edge. */
function reachesRing(box: PixelBox, width: number, height: number, margin: number, patch: DensityPatch, image: MammoImage): boolean {
  return (
    (patch.x0 > 0 && box.x0 < margin) ||
    (patch.y0 > 0 && box.y0 < margin) ||
    (patch.x0 + width < image.columns && box.x1 >= width - margin) ||
    (patch.y0 + height < image.rows && box.y1 >= height - margin)
  );
}

/**
 * Fills the region's holes and traces its contour on a crop of the patch one pixel larger than
 * the region's box (the work stays proportional to the calcification, not the patch).
 */
function buildOutline(
  seed: PointPx,
  patch: DensityPatch,
  a: PatchAnalysis,
  mask: Uint8Array,
  box: PixelBox,
  level: number,
  qx: number,
  qy: number,
): CalcificationOutline {
  const { width, height } = patch;
  const cx0 = Math.max(0, box.x0 - 1);
  const cy0 = Math.max(0, box.y0 - 1);
  const cw = Math.min(width - 1, box.x1 + 1) - cx0 + 1;
  const ch = Math.min(height - 1, box.y1 + 1) - cy0 + 1;
  const cropMask = new Uint8Array(cw * ch);
  const cropValues = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const i = (y + cy0) * width + x + cx0;
      cropMask[y * cw + x] = mask[i] as number;
      cropValues[y * cw + x] = a.contrast[i] as number;
    }
  }
  fillHoles(cropMask, cw, ch);
  const mw = box.x1 - box.x0 + 1;
  const mh = box.y1 - box.y0 + 1;
  const ox = box.x0 - cx0;
  const oy = box.y0 - cy0;
  const data = new Uint8Array(mw * mh);
  for (let y = 0; y < mh; y++) {
    for (let x = 0; x < mw; x++) data[y * mw + x] = cropMask[(y + oy) * cw + x + ox] as number;
  }
  const contour = traceOuterContour(cropValues, cw, ch, level, cropMask).map((p) => ({
    x: p.x + cx0 + patch.x0,
    y: p.y + cy0 + patch.y0,
  }));
  const backgroundDensity = a.plane.a + a.plane.b * qx + a.plane.c * qy;
  return {
    seed,
    contour,
    mask: { x0: box.x0 + patch.x0, y0: box.y0 + patch.y0, width: mw, height: mh, data },
    backgroundDensity,
    backgroundNoise: a.plane.noise,
    threshold: backgroundDensity + level,
  };
}
