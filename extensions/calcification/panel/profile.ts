/**
 * The density profile across a calcification: what the eye reads on a magnified view as "dense
 * all through" or "dense rim with a lucent centre".
 */
import { readDensityPatch, type MammoImage } from 'calcscribe/core';
import { sampleBilinear } from 'calcscribe/core';
import type { PointPx } from 'calcscribe/core';

export interface ProfileSample {
  /** Distance from `from` along the line, stored-image pixels. */
  readonly distancePx: number;
  readonly x: number;
  readonly y: number;
  /** Density (higher = denser), bilinear between pixel centres. */
  readonly density: number;
}

/**
 * `samples` evenly spaced density samples on the segment from `from` to `to` (both ends
 * included). Returns [] when fewer than two samples are asked for or the line lies outside the
 * image; points beyond the image edge take the nearest edge pixel.
 * @example intensityProfile(image, { x: 100, y: 120 }, { x: 130, y: 120 }, 61)
 */
export function intensityProfile(image: MammoImage, from: PointPx, to: PointPx, samples: number): ProfileSample[] {
  if (!Number.isInteger(samples) || samples < 2) return [];
  if (![from.x, from.y, to.x, to.y].every(Number.isFinite)) return [];
  const patch = readDensityPatch(image, {
    x0: Math.floor(Math.min(from.x, to.x)) - 1,
    y0: Math.floor(Math.min(from.y, to.y)) - 1,
    x1: Math.ceil(Math.max(from.x, to.x)) + 2,
    y1: Math.ceil(Math.max(from.y, to.y)) + 2,
  });
  if (patch === null) return [];
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const out: ProfileSample[] = [];
  for (let i = 0; i < samples; i++) {
    const t = i / (samples - 1);
    const x = from.x + (to.x - from.x) * t;
    const y = from.y + (to.y - from.y) * t;
    out.push({ distancePx: length * t, x, y, density: sampleBilinear(patch, x, y) });
  }
  return out;
}

/**
 * The line to profile a calcification along: through its centre, along its long axis (the
 * outline's two farthest points), extended by `marginPx` at both ends so the background shows.
 * Null for an outline of fewer than two points.
 */
export function longAxisLine(contour: readonly PointPx[], centre: PointPx, marginPx: number): { from: PointPx; to: PointPx } | null {
  if (contour.length < 2) return null;
  let best = -1;
  let a: PointPx = contour[0] as PointPx;
  let b: PointPx = contour[1] as PointPx;
  for (let i = 0; i < contour.length; i++) {
    const p = contour[i] as PointPx;
    for (let j = i + 1; j < contour.length; j++) {
      const q = contour[j] as PointPx;
      const d = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
      if (d > best) {
        best = d;
        a = p;
        b = q;
      }
    }
  }
  const len = Math.sqrt(best);
  if (len === 0) return null;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const half = len / 2 + marginPx;
  return {
    from: { x: centre.x - ux * half, y: centre.y - uy * half },
    to: { x: centre.x + ux * half, y: centre.y + uy * half },
  };
}
