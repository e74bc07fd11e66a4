/**
 * The nipple: the point of the skin line farthest from the chest wall, found on the overview and
 * refined on the full-resolution pixels around it.
 */
import { readDensityPatch, type DensityPatch, type MammoImage } from '../image.js';
import type { ChestWallFrame, FramePoint } from './chest-wall.js';
import type { OverviewFrame } from './overview-frame.js';
import type { SkinProfile } from './skin-line.js';

/** The overview line(s) reaching farthest from the chest wall: the middle of the widest run of them. */
export function coarseNipple(profile: SkinProfile, of: OverviewFrame): FramePoint | null {
  let max = -1;
  for (const r of profile.reach) if (r > max) max = r;
  if (max < 0) return null;
  let bestStart = -1;
  let bestLength = 0;
  for (let iv = 0; iv < of.nv; ) {
    if (profile.reach[iv] !== max) {
      iv++;
      continue;
    }
    const start = iv;
    while (iv < of.nv && profile.reach[iv] === max) iv++;
    if (iv - start > bestLength) {
      bestLength = iv - start;
      bestStart = start;
    }
  }
  const ivMid = bestStart + (bestLength - 1) / 2;
  return { u: of.uAt(max + 0.5), v: of.vAt(ivMid) };
}

/**
 * Refines the nipple on full-resolution pixels within a few overview strides of `coarse`:
 * the skin edge on each line along the chest wall (the outermost pair of neighbouring pixels
 * above `threshold`, after a mean over three lines), the nipple at the farthest edge, centred on
 * the lines within one pixel of it.
 */
export function refineNipple(
  image: MammoImage,
  frame: ChestWallFrame,
  coarse: FramePoint,
  threshold: number,
  stride: number,
): FramePoint {
  const reachV = 3 * stride + 2;
  const reachU = 3 * stride + 4;
  const uLo = Math.max(0.5, Math.round(coarse.u - 0.5) + 0.5 - reachU);
  const uHi = Math.min(frame.depthExtent - 0.5, Math.round(coarse.u - 0.5) + 0.5 + reachU);
  const vLo = Math.max(0, Math.round(coarse.v) - reachV);
  const vHi = Math.min(frame.edgeLength - 1, Math.round(coarse.v) + reachV);
  const patch = readFrameWindow(image, frame, { u: uLo, v: vLo }, { u: uHi, v: vHi });
  if (patch === null) return coarse;
  // The window re-laid in the frame: row = v − vLo, column = u − uLo.
  const nu = Math.round(uHi - uLo) + 1;
  const nv = vHi - vLo + 1;
  const grid = new Float32Array(nu * nv).fill(Number.NaN);
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const p = frame.toImage({ u: uLo + i, v: vLo + j });
      const x = Math.round(p.x) - patch.x0;
      const y = Math.round(p.y) - patch.y0;
      if (x >= 0 && y >= 0 && x < patch.width && y < patch.height) grid[j * nu + i] = patch.data[y * patch.width + x] as number;
    }
  }
  const smoothed = (i: number, j: number): number => {
    let sum = 0;
    let n = 0;
    for (let dj = Math.max(0, j - 1); dj <= Math.min(nv - 1, j + 1); dj++) {
      const d = grid[dj * nu + i] as number;
      if (!Number.isNaN(d)) {
        sum += d;
        n++;
      }
    }
    return n === 0 ? Number.NEGATIVE_INFINITY : sum / n;
  };
  const edges: { v: number; u: number }[] = [];
  for (let j = 0; j < nv; j++) {
    let outerAbove = false;
    for (let i = nu - 1; i >= 0; i--) {
      const above = smoothed(i, j) > threshold;
      if (above && outerAbove) {
        edges.push({ v: vLo + j, u: uLo + i + 1.5 });
        break;
      }
      outerAbove = above;
    }
  }
  if (edges.length === 0) return coarse;
  let maxU = -Infinity;
  for (const e of edges) if (e.u > maxU) maxU = e.u;
  const tip = edges.filter((e) => e.u >= maxU - 1);
  const v = tip.reduce((s, e) => s + e.v, 0) / tip.length;
  return { u: maxU, v };
}


/** Rules for the nipple in profile, as data (image-analysis settings). */
export const NIPPLE_RULES = {
  /** Skin contour examined on each side of the farthest point, fraction of the chest-wall length. */
  windowFraction: 0.1,
  /** Half-width of the running mean that smooths the contour, fraction of the chest-wall length. */
  smoothingFraction: 0.01,
  /**
   * A notch of the skin contour at least this deep (fraction of the image extent away from the
   * chest wall) separates two lobes: the nipple in profile and the breast's own curve.
   */
  minNotchFraction: 0.004,
  /** A lobe counts as the front of the breast when its tip is within this many notch depths of the farthest tip. */
  frontTolerance: 1,
} as const;

/**
 * The nipple in profile when the front of the skin contour has two or more lobes separated by a
 * notch: the nipple is the narrowest front lobe (the nipple is small beside the breast's own
 * curve). Returns its tip, or null when the front of the contour is one smooth curve (the nipple
 * is then taken as its farthest point). `threshold` is the breast / background level.
 */
export function nippleLobe(
  image: MammoImage,
  frame: ChestWallFrame,
  of: OverviewFrame,
  profile: SkinProfile,
  coarse: FramePoint,
  threshold: number,
): FramePoint | null {
  const R = NIPPLE_RULES;
  const step = Math.max(1, Math.floor(of.stride / 2));
  const notch = R.minNotchFraction * frame.depthExtent;
  const { vs, us } = traceFront(image, frame, of, profile, coarse.v, R.windowFraction * frame.edgeLength, step, threshold, 0);
  const k = Math.max(1, Math.round((R.smoothingFraction * frame.edgeLength) / step));
  if (vs.length < 4 * k + 3) return null;
  const smooth: number[] = [];
  for (let i = k; i < us.length - k; i++) {
    let sum = 0;
    for (let j = i - k; j <= i + k; j++) sum += us[j] as number;
    smooth.push(sum / (2 * k + 1));
  }
  const sv = vs.slice(k, vs.length - k);
  // Lobes: runs between notches (local minima at least `notch` below the highest point on each side).
  const cuts: number[] = [];
  let lastCut = 0;
  for (let i = 1; i < smooth.length - 1; i++) {
    const u = smooth[i] as number;
    if (!(u <= (smooth[i - 1] as number) && u < (smooth[i + 1] as number))) continue;
    let left = -Infinity;
    for (let j = lastCut; j < i; j++) left = Math.max(left, smooth[j] as number);
    let right = -Infinity;
    for (let j = i + 1; j < smooth.length; j++) {
      right = Math.max(right, smooth[j] as number);
      if ((smooth[j] as number) < u) break;
    }
    if (left - u >= notch && right - u >= notch) {
      cuts.push(i);
      lastCut = i;
    }
  }
  if (cuts.length === 0) return null;
  const bounds = [0, ...cuts, smooth.length - 1];
  const lobes: { tip: number; at: number; extent: number }[] = [];
  for (let b = 0; b < bounds.length - 1; b++) {
    const lo = bounds[b] as number;
    const hi = bounds[b + 1] as number;
    let at = lo;
    for (let i = lo; i <= hi; i++) if ((smooth[i] as number) > (smooth[at] as number)) at = i;
    const tip = smooth[at] as number;
    let extent = 0;
    for (let i = lo; i <= hi; i++) if ((smooth[i] as number) >= tip - notch) extent++;
    lobes.push({ tip, at, extent });
  }
  let front = -Infinity;
  for (const l of lobes) front = Math.max(front, l.tip);
  const candidates = lobes.filter((l) => l.tip >= front - R.frontTolerance * notch);
  if (candidates.length < 2) return null;
  let best = candidates[0] as { tip: number; at: number; extent: number };
  for (const l of candidates) if (l.extent < best.extent) best = l;
  // The tip on the unsmoothed contour near the lobe's smoothed peak.
  const i0 = best.at + k;
  let tipU = -Infinity;
  let tipV = sv[best.at] as number;
  for (let i = Math.max(0, i0 - k); i <= Math.min(us.length - 1, i0 + k); i++) {
    if ((us[i] as number) > tipU) {
      tipU = us[i] as number;
      tipV = vs[i] as number;
    }
  }
  return { u: tipU, v: tipV };
}

/** The skin contour traced on full-resolution lines along the chest wall. */
export interface FrontContour {
  /** Frame v of each traced line, increasing. */
  readonly vs: readonly number[];
  /** Frame u of the skin edge on each line. */
  readonly us: readonly number[];
}

/**
 * Traces the skin edge on full-resolution lines every `step` pixels within `halfLength` of
 * `centreV` along the chest wall. On each line the search starts two overview strides inside the
 * overview's skin line and follows the tissue outward (at most `extraReach` beyond the usual two
 * strides), so a nipple too thin for the overview is followed to its tip, while letters or markers
 * standing apart from the skin are not reached.
 */
export function traceFront(
  image: MammoImage,
  frame: ChestWallFrame,
  of: OverviewFrame,
  profile: SkinProfile,
  centreV: number,
  halfLength: number,
  step: number,
  threshold: number,
  extraReach: number,
): FrontContour {
  const s = of.stride;
  const half = Math.round(halfLength / step);
  const vs: number[] = [];
  const us: number[] = [];
  for (let i = -half; i <= half; i++) {
    const v = Math.round(centreV + i * step);
    if (v < 1 || v > frame.edgeLength - 2) continue;
    const iv = Math.round((v - of.vAt(0)) / s);
    const centre = profile.skinU[Math.min(of.nv - 1, Math.max(0, iv))] ?? Number.NaN;
    if (Number.isNaN(centre)) continue;
    const u = skinEdgeOnLine(image, frame, v, centre - 2 * s, centre + 2 * s + extraReach, threshold);
    if (u === null) continue;
    vs.push(v);
    us.push(u);
  }
  return { vs, us };
}

/**
 * The skin edge on one full-resolution line along u (mean of three neighbouring lines): from
 * `inner` outward, the first tissue sample, then the tissue followed until two neighbouring
 * samples fall below `threshold`; the edge is the outer side of the last tissue sample (at `outer`
 * when the tissue goes on that far). Null when the line has no tissue.
 */
function skinEdgeOnLine(
  image: MammoImage,
  frame: ChestWallFrame,
  v: number,
  inner: number,
  outer: number,
  threshold: number,
): number | null {
  const uLo = Math.max(0.5, Math.round(inner - 0.5) + 0.5);
  const uHi = Math.min(frame.depthExtent - 0.5, Math.round(outer - 0.5) + 0.5);
  const patch = readFrameWindow(image, frame, { u: uLo, v: v - 1 }, { u: uHi, v: v + 1 });
  if (patch === null) return null;
  const at = (u: number): number => {
    let sum = 0;
    let n = 0;
    for (let dv = -1; dv <= 1; dv++) {
      const p = frame.toImage({ u, v: v + dv });
      const x = Math.round(p.x) - patch.x0;
      const y = Math.round(p.y) - patch.y0;
      if (x < 0 || y < 0 || x >= patch.width || y >= patch.height) continue;
      sum += patch.data[y * patch.width + x] as number;
      n++;
    }
    return n === 0 ? Number.NEGATIVE_INFINITY : sum / n;
  };
  let lastTissue = Number.NaN;
  let belowRun = 0;
  for (let u = uLo; u <= uHi; u++) {
    if (at(u) > threshold) {
      lastTissue = u;
      belowRun = 0;
    } else if (!Number.isNaN(lastTissue) && ++belowRun >= 2) {
      return lastTissue + 0.5;
    }
  }
  return Number.isNaN(lastTissue) ? null : lastTissue + 0.5;
}

/** The image pixels under the chest-wall-frame window between two corners (either order). */
function readFrameWindow(image: MammoImage, frame: ChestWallFrame, lo: FramePoint, hi: FramePoint): DensityPatch | null {
  const a = frame.toImage(lo);
  const b = frame.toImage(hi);
  return readDensityPatch(image, { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x) + 1, y1: Math.max(a.y, b.y) + 1 });
}
