import { FILM_SCAN_PITCH_MM } from '../film-scan-pitch.js';
import { isInside, readDensityPatch } from '../image.js';
import type { DensityPatch, MammoImage } from '../image.js';
import { err, ok } from '../result.js';
import type { Result } from '../result.js';
import type { PointPx } from '../units.js';
import { fitBackgroundPlane, medianAndSigma, robustSigma } from './background.js';
import { traceOuterContour } from './marching-squares.js';
import type { CalcificationOutline } from './outline.js';
import { boxMean3At, fillHoles, growRegion } from './region-grow.js';
import type { PixelBox } from './region-grow.js';
import { SEGMENT_DEFAULTS, spacingForSizes } from './segment-options.js';
import type { SegmentOptions } from './segment-options.js';
import { boxMean3Kept, detectorNoise, textureBackground, textureBackgroundKept } from './texture-background.js';
import { workingArray } from './working-arrays.js';

/** Width (px) of the ring along the patch border that gives the local background. */
const RING_WIDTH_PX = 2;
/** Gap (px) kept between the calcification and the ring; closer and the patch grows. */
const RING_CLEARANCE_PX = 2;

/** Texture-following background, as data. */
export const TEXTURE_BACKGROUND = {
  /**
   * Half-width (mm) of the opening square that finds a calcification: small enough that
   * fibroglandular texture, smooth at this scale, leaves almost nothing above it, while a speck
   * keeps most of its contrast (at least 2 px).
   */
  detectHalfWidthMm: 0.2,
  /**
   * Half-width (mm) of the opening square under the outline: wider than the calcifications
   * outlined with it, so they keep their full contrast. A calcification whose half-maximum
   * region holds a square of half-width + 1 px is too thick for it and is outlined against the
   * ring plane instead.
   */
  outlineHalfWidthMm: 0.5,
  /**
   * Fraction of the peak contrast at which a small calcification's outline is drawn (unless the
   * caller sets thresholdFraction). Specks are solids — spheres, short rods — whose density
   * falls towards the edge, so half maximum lies inside them (on a sphere's chord profile at
   * 0.87 of the radius); 0.4 brought the median long-axis error on the phantoms from −11 % to −5 %.
   */
  outlineFraction: 0.4,
} as const;

interface PatchAnalysis {
  readonly patch: DensityPatch;
  readonly contrast: Float32Array;
  /** Background density at a patch pixel. */
  readonly backgroundAt: (x: number, y: number) => number;
  /** Contrast in which the peak is looked for (the same as `contrast` unless detection uses a finer background). */
  readonly detect: Float32Array;
  /** The noise a peak (3 × 3 mean of `detect`) is measured against … */
  readonly smoothedNoise: number;
  /** … how many times it must exceed it, and what that noise is called in messages. */
  readonly needed: number;
  readonly noiseName: string;
  /** Robust spread of the patch's border ring about a plane fitted to it (reported as backgroundNoise). */
  readonly ringNoise: () => number;
}

/**
 * The pixels less than RING_WIDTH_PX from the patch border, row by row (the order the plane fit
 * sums them in). Only the border is visited: whole rows at the top and bottom, the first and last
 * RING_WIDTH_PX pixels of the rows between.
 */
function ringSamples(patch: DensityPatch): { xs: number[]; ys: number[]; vs: number[] } {
  const { width, height, data } = patch;
  const xs: number[] = [];
  const ys: number[] = [];
  const vs: number[] = [];
  const add = (x: number, y: number): void => {
    xs.push(x);
    ys.push(y);
    vs.push(data[y * width + x] as number);
  };
  for (let y = 0; y < height; y++) {
    if (y < RING_WIDTH_PX || y >= height - RING_WIDTH_PX) {
      for (let x = 0; x < width; x++) add(x, y);
      continue;
    }
    const left = Math.min(RING_WIDTH_PX, width);
    for (let x = 0; x < left; x++) add(x, y);
    for (let x = Math.max(left, width - RING_WIDTH_PX); x < width; x++) add(x, y);
  }
  return { xs, ys, vs };
}

/** Background as a plane fitted robustly to the patch's border ring (large calcifications). */
function analysePlane(patch: DensityPatch, needed: number): PatchAnalysis | null {
  const { width, height, data } = patch;
  const { xs, ys, vs } = ringSamples(patch);
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
  return {
    patch,
    contrast,
    detect: contrast,
    backgroundAt: (x, y) => plane.a + plane.b * x + plane.c * y,
    smoothedNoise: robustSigma(ring),
    needed,
    noiseName: 'background noise',
    ringNoise: () => plane.noise,
  };
}

/**
 * The detection contrast of a patch, zero everywhere, in a working array: it is read only while the
 * patch is searched for its peak, before the next patch is analysed.
 */
function keptDetect(n: number): Float32Array {
  return workingArray('detection contrast', n, (k) => new Float32Array(k)).fill(0);
}

/**
 * Background that follows the tissue texture (small calcifications): the peak is looked for
 * above a fine opening of a small crop around the click and measured against the detector
 * noise; only when one stands out is the outline's wider opening computed over the patch.
 */
function analyseTexture(patch: DensityPatch, lx: number, ly: number, searchR: number, rDetect: number, rOutline: number, needed: number): PatchAnalysis | null {
  const { width, height, data } = patch;
  const m = searchR + 2 * rDetect + 3;
  const cx0 = Math.max(0, lx - m);
  const cy0 = Math.max(0, ly - m);
  const cw = Math.min(width, lx + m + 1) - cx0;
  const ch = Math.min(height, ly + m + 1) - cy0;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) crop[y * cw + x] = data[(y + cy0) * width + x + cx0] as number;
  const fine = textureBackground(crop, cw, ch, [rDetect]);
  if (fine === null) return null;
  const fineContrast = fine.contrast[0] as Float32Array;
  const detect = keptDetect(width * height);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) detect[(y + cy0) * width + x + cx0] = fineContrast[y * cw + x] as number;
  const smooth = boxMean3Kept(data, width, height);
  const noise = detectorNoise(data, width, height, smooth);
  if (!(noise > 0)) return null;
  const ringNoise = (): number => {
    const { xs, ys, vs } = ringSamples(patch);
    return fitBackgroundPlane(xs, ys, vs)?.noise ?? noise;
  };
  const base = { patch, detect, smoothedNoise: noise, needed, noiseName: 'detector noise', ringNoise };
  const found = findPeak({ ...base, contrast: detect, backgroundAt: () => 0 }, width, height, lx, ly, searchR);
  if (!(found.best >= needed * found.noise)) return { ...base, contrast: detect, backgroundAt: () => 0 };
  // Read before the next patch is analysed (the region is grown and outlined on this one first).
  const wide = textureBackgroundKept(data, width, height, rOutline, smooth);
  if (wide === null) return null;
  const { background } = wide;
  return { ...base, contrast: wide.contrast, backgroundAt: (x, y) => background[y * width + x] as number };
}

/** A click inside a dense plateau: the signature that sends segmentation to a wider first patch. */
export const PLATEAU = {
  /** The wider patch's half-size, in first-patch half-sizes. */
  outerFactor: 4,
  /**
   * The first patch must stand above the wider patch's border by this many detector-noise σ
   * (pixel − 3 × 3 mean, which texture does not reach) …
   */
  minStepToNoise: 8,
  /**
   * … and be flat: the robust spread of its pixels at most this fraction of that step. Tissue
   * brighter than its surroundings is textured at this scale; a calcification's plateau is not.
   */
  maxSpreadOfStep: 0.2,
} as const;

/** Whether the click lies inside a flat area much denser than its surroundings 4 first-patch half-sizes away. */
function insidePlateau(image: MammoImage, seed: PointPx, half: number): boolean {
  const sx = Math.round(seed.x);
  const sy = Math.round(seed.y);
  const outer = PLATEAU.outerFactor * half;
  const patch = readDensityPatch(image, { x0: sx - outer, y0: sy - outer, x1: sx + outer + 1, y1: sy + outer + 1 });
  if (patch === null) return false;
  const { width, height, data } = patch;
  const lx = sx - patch.x0;
  const ly = sy - patch.y0;
  const inner: number[] = [];
  for (let y = Math.max(0, ly - half); y <= Math.min(height - 1, ly + half); y++) {
    for (let x = Math.max(0, lx - half); x <= Math.min(width - 1, lx + half); x++) inner.push(data[y * width + x] as number);
  }
  const { vs } = ringSamples(patch);
  const noise = detectorNoise(data, width, height);
  if (inner.length < 9 || vs.length < 9 || !(noise > 0)) return false;
  const i = medianAndSigma(inner);
  const step = i.median - medianAndSigma(vs).median;
  return step >= PLATEAU.minStepToNoise * noise && i.sigma <= PLATEAU.maxSpreadOfStep * step;
}

/**
 * A structure whose mean thickness (area / bounding-box diagonal) is at most `maxThicknessMm`
 * and that runs past the ring-plane patch — a vessel wall — is followed on the texture-following
 * background up to `maxPatchMm`.
 */
const THIN_STRUCTURE = { maxThicknessMm: 1, maxPatchMm: 60 } as const;

/**
 * A dense band that runs past the ring-plane patch but is far longer than it is thick — a
 * calcified artery seen whole, both walls and the lumen between them dense at half maximum — is
 * outlined again on the ring plane up to THIN_STRUCTURE.maxPatchMm. A breast artery is 1–4 mm
 * wide (ACR BI-RADS Atlas, 5th ed., b. vascular), so the band is at most 4 mm thick (mean
 * thickness = area / bounding-box diagonal) and its diagonal at least 4 × that thickness.
 */
const TUBE = { maxThicknessMm: 4, minLengthToThickness: 4 } as const;

/** A try's result; `decisive` failures are reported even when a later model also fails. */
type Attempt = { ok: true; outline: CalcificationOutline } | { ok: false; message: string; decisive: boolean; tooLarge?: boolean; thin?: boolean; tube?: boolean };

/**
 * Outlines the calcification at or near a clicked point.
 *
 * First against a background that follows the tissue texture: the brightest 3 × 3 mean within
 * a small radius of the seed (0.3 mm, at least 3 px) above a grey-level opening by a square
 * about 0.4 mm wide must reach 4 × the detector noise (the spread of pixel − 3 × 3 mean,
 * which texture does not reach); the outline is then drawn at 0.4 of the peak contrast above
 * an opening by a square about 1 mm wide, so faint specks in dense, textured tissue and specks
 * crowded together stand out from their own background and a region cannot leak into tissue
 * broader than the square. Calcifications too thick for that square, clicks in a lucent centre
 * and anything not found that way are measured against a plane fitted robustly to a ring
 * around the patch: peak within the small radius, or up to 1.5 mm away when the outline
 * encloses the click; 3 × the ring's noise needed; outline at half maximum (the true edge of a
 * blurred flat-topped object).
 *
 * Either way the outline keeps the 8-connected region holding the peak, fills enclosed holes
 * and traces the sub-pixel outer contour by marching squares. The patch grows while the
 * calcification reaches its border, up to 15 mm; no full-image pass is made. A dense band
 * running past that (a calcified artery seen whole, TUBE) is outlined on the ring plane up to
 * 60 mm when the texture model saw a calcification's sharp peak at the click. A click well inside
 * a deposit wider than the first patch (a flat area standing 8 detector-noise σ above its
 * surroundings: PLATEAU) starts again from a patch four times as wide.
 *
 * Errors: 'seed-outside-image'; 'seed-on-background' when no peak stands out from the noise
 * (the message says the contrast found and against which noise), or when the dense area still
 * reaches the border of the largest patch (a structure far larger than a calcification).
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
  const rDetect = Math.max(2, Math.round(TEXTURE_BACKGROUND.detectHalfWidthMm / spacing));
  const rOutline = Math.max(rDetect + 1, Math.round(TEXTURE_BACKGROUND.outlineHalfWidthMm / spacing));
  // Clicks in a lucent centre, and calcifications too broad for the texture model, are left to
  // the ring-plane model below.
  // Its patch doubles at most once: longer structures are left to the ring plane too.
  const textureHalf = searchR + 2 * rOutline + 4;
  const textureOptions = {
    ...o,
    enclosingSearchRadiusMm: 0,
    thresholdFraction: options.thresholdFraction ?? TEXTURE_BACKGROUND.outlineFraction,
    maxPatchMm: Math.min(o.maxPatchMm, 4 * textureHalf * spacing),
  };
  // The ring-plane model first: it outlines plateaued deposits, lines and rims at half maximum.
  // Where it finds nothing, or the region leaks past the search patch (a faint speck in dense
  // tissue), the texture-following model decides.
  const start = Math.max(8, Math.ceil(o.startHalfSizeMm / spacing)) + searchR;
  const plane = (p: DensityPatch): PatchAnalysis | null => analysePlane(p, o.minContrastToNoise);
  const a = attempt(image, seed, o, spacing, start, plane, true);
  if (a.ok) return ok(a.outline);
  // A click well inside a calcification larger than the first patch (a popcorn or dystrophic
  // deposit several mm across on a fine-pitch detector): the ring lies on the calcification
  // itself, so nothing stands out. Start from a patch that reaches past it.
  if (a.tooLarge !== true && insidePlateau(image, seed, start)) {
    const wide = attempt(image, seed, o, spacing, PLATEAU.outerFactor * start, plane, true);
    if (wide.ok) return ok(wide.outline);
  }
  // Uncalibrated (film without a pixel spacing), the sizes above are read at the nominal spacing,
  // but the film may have been scanned as finely as FILM_SCAN_PITCH_MM.min. From a click, where the
  // ring plane found nothing at the nominal scale, its reach — its largest patch, how far a click in
  // a lucent centre looks for the wall around it, the wide patch of a click inside a deposit — is
  // tried again at that pitch, so a deposit that fits there (a 6 mm deposit scanned at 0.05 mm,
  // 120 px) is outlined, not refused as too large or missed from its centre. What the nominal scale
  // outlines is outlined as before.
  const reach = o.fromClick && isUncalibrated(image) ? spacing / FILM_SCAN_PITCH_MM.min : 1;
  // Refused as too large at that reach too: the refusal names the larger patch tried.
  let refusedFar: string | null = null;
  if (reach > 1) {
    const far = { ...o, maxPatchMm: o.maxPatchMm * reach, enclosingSearchRadiusMm: o.enclosingSearchRadiusMm * reach };
    const again = attempt(image, seed, far, spacing, start, plane, true);
    if (again.ok) return ok(again.outline);
    if (again.tooLarge === true) refusedFar = again.message;
    const plateauHalf = Math.ceil(start * reach);
    if (again.tooLarge !== true && insidePlateau(image, seed, plateauHalf)) {
      const wide = attempt(image, seed, far, spacing, PLATEAU.outerFactor * plateauHalf, plane, true);
      if (wide.ok) return ok(wide.outline);
    }
  }
  // A thin structure running past the ring-plane patch (a vessel wall): the texture-following
  // background removes the tissue under it, so its patch may grow much further.
  const thin = !a.ok && a.thin === true;
  const t = attempt(image, seed, thin ? { ...textureOptions, maxPatchMm: THIN_STRUCTURE.maxPatchMm } : textureOptions, spacing, textureHalf, (p, lx, ly) =>
    analyseTexture(p, lx, ly, searchR, rDetect, rOutline, o.minContrastToDetectorNoise), false);
  if (t.ok && !holdsSquare(t.outline.mask, rOutline + 1)) return ok(t.outline);
  // A calcified artery seen whole: the texture model found a calcification's sharp peak, but its
  // outline holds the square or runs past its patch (both walls and the lumen are dense), and the ring plane's region is
  // a band running past the patch. The ring plane again, on a patch long enough to hold it. A band
  // of soft tissue shows no such peak and is still refused.
  if (o.fromClick && !a.ok && a.tube === true && !thin && (t.ok || t.tooLarge === true)) {
    const long = attempt(image, seed, { ...o, maxPatchMm: THIN_STRUCTURE.maxPatchMm }, spacing, start, (p) => analysePlane(p, o.minContrastToNoise), true);
    if (long.ok) return ok(long.outline);
  }
  // A dense structure too large for the patch is named as such, whatever the texture model saw — on
  // film without a spacing, too large at the finest film pitch's reach too.
  const tooLarge = !thin && ((!a.ok && a.tooLarge === true) || refusedFar !== null);
  return err('seed-on-background', !t.ok && t.decisive && !tooLarge ? t.message : tooLarge && refusedFar !== null ? refusedFar : a.message);
}

/**
 * One try at a given background model: finds the peak, draws the outline at half maximum and
 * doubles the patch while the region reaches its border.
 */
function attempt(
  image: MammoImage,
  seed: PointPx,
  o: Required<SegmentOptions>,
  spacing: number,
  startHalf: number,
  analyse: (patch: DensityPatch, lx: number, ly: number) => PatchAnalysis | null,
  imageEdgeIsBackground: boolean,
): Attempt {
  const searchR = Math.max(o.searchRadiusPx, Math.ceil(o.searchRadiusMm / spacing));
  const cap = Math.max(8, Math.ceil(o.maxPatchMm / spacing / 2));
  const enclosingR = Math.ceil(o.enclosingSearchRadiusMm / spacing);
  let half = Math.min(cap, Math.max(8, startHalf));
  let enclosing = false;
  let nearMessage: string | null = null;
  const sx = Math.round(seed.x);
  const sy = Math.round(seed.y);
  for (;;) {
    const patch = readDensityPatch(image, { x0: sx - half, y0: sy - half, x1: sx + half + 1, y1: sy + half + 1 });
    const a = patch === null ? null : analyse(patch, sx - patch.x0, sy - patch.y0);
    if (patch === null || a === null) {
      return { ok: false, message: `no calcification at (${sx}, ${sy}): the image patch is too small`, decisive: true };
    }
    const { width, height } = patch;
    const lx = sx - patch.x0;
    const ly = sy - patch.y0;
    const radius = enclosing ? enclosingR : searchR;
    const found = findPeak(a, width, height, lx, ly, radius);
    const { px, py, best, noise } = found;
    if (!(best >= a.needed * noise)) {
      const message: string =
        nearMessage ??
        `no calcification at (${sx}, ${sy}): peak contrast ${best.toFixed(1)} is ${(best / noise).toFixed(1)} × the ${a.noiseName} (needs ${a.needed} ×)`;
      if (!enclosing && enclosingR > searchR) {
        enclosing = true;
        nearMessage = message;
        half = Math.min(cap, Math.max(half, enclosingR + 8));
        continue;
      }
      return { ok: false, message, decisive: true };
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
    if (box === null) return { ok: false, message: `no calcification at (${sx}, ${sy})`, decisive: true };
    if (!imageEdgeIsBackground && touchesImageEdge(box, patch, image)) {
      return { ok: false, message: `the dense area at (${sx}, ${sy}) runs into the image edge`, decisive: false };
    }
    if (reachesRing(box, width, height, RING_WIDTH_PX + RING_CLEARANCE_PX, patch, image)) {
      if (half >= cap) {
        const diagonal = Math.hypot(box.x1 - box.x0 + 1, box.y1 - box.y0 + 1);
        return {
          ok: false,
          message: `the dense area at (${sx}, ${sy}) reaches beyond the ${isUncalibrated(image) ? `${2 * cap} px` : `${o.maxPatchMm} mm`} search patch: too large to outline as a calcification`,
          decisive: false,
          tooLarge: true,
          thin: region.count * spacing <= THIN_STRUCTURE.maxThicknessMm * diagonal,
          tube: region.count * spacing <= TUBE.maxThicknessMm * diagonal && diagonal * diagonal >= TUBE.minLengthToThickness * region.count,
        };
      }
      half = Math.min(cap, half * 2);
      continue;
    }
    const outline = buildOutline(seed, patch, a, region.mask, box, level, qx, qy);
    if (enclosing && !maskHas(outline, sx, sy)) return { ok: false, message: nearMessage ?? `no calcification at (${sx}, ${sy})`, decisive: true };
    return { ok: true, outline };
  }
}

/** An image without a pixel spacing: its sizes are known in pixels only. */
const isUncalibrated = (image: MammoImage): boolean => image.calibration.rowSpacingMm === null || image.calibration.columnSpacingMm === null;

/** Whether the mask holds a `side` × `side` square of members (the object is at least that thick). */
function holdsSquare(m: CalcificationOutline['mask'], side: number): boolean {
  const { width, height, data } = m;
  if (width < side || height < side) return false;
  // Horizontal run length ending at each pixel, then vertical runs of pixels whose run ≥ side.
  const run = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    let r = 0;
    for (let x = 0; x < width; x++) {
      r = data[y * width + x] === 1 ? r + 1 : 0;
      run[y * width + x] = r;
    }
  }
  for (let x = side - 1; x < width; x++) {
    let r = 0;
    for (let y = 0; y < height; y++) {
      r = (run[y * width + x] as number) >= side ? r + 1 : 0;
      if (r >= side) return true;
    }
  }
  return false;
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
      const v = boxMean3At(a.detect, width, height, x, y).mean;
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

/** Whether the region's box touches the image's own edge (its extent there is unknown). */
function touchesImageEdge(box: PixelBox, patch: DensityPatch, image: MammoImage): boolean {
  return (
    patch.x0 + box.x0 <= 0 ||
    patch.y0 + box.y0 <= 0 ||
    patch.x0 + box.x1 >= image.columns - 1 ||
    patch.y0 + box.y1 >= image.rows - 1
  );
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
  const backgroundDensity = a.backgroundAt(qx, qy);
  return {
    seed,
    contour,
    mask: { x0: box.x0 + patch.x0, y0: box.y0 + patch.y0, width: mw, height: mh, data },
    backgroundDensity,
    backgroundNoise: a.ringNoise(),
    threshold: backgroundDensity + level,
  };
}
