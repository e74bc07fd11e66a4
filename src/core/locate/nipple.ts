/**
 * The nipple: the point of the skin line farthest from the chest wall, found on the overview and
 * refined on the full-resolution pixels around it.
 */
import { readDensityPatch, type MammoImage } from '../image.js';
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
  const a = frame.toImage({ u: uLo, v: vLo });
  const b = frame.toImage({ u: uHi, v: vHi });
  const patch = readDensityPatch(image, {
    x0: Math.min(a.x, b.x),
    y0: Math.min(a.y, b.y),
    x1: Math.max(a.x, b.x) + 1,
    y1: Math.max(a.y, b.y) + 1,
  });
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

