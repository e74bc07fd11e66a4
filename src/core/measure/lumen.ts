/**
 * A lumen along a calcified tube: what a radiologist sees in a small calcified artery whose two
 * walls lie too close to be outlined apart — a tube drawn by its walls, with a lucent line down
 * its middle. The atlas names these "linear tubular calcifications" beside the "parallel tracks"
 * of larger vessels (ACR BI-RADS Atlas, 5th ed., 2013, Mammography, Calcifications, typically
 * benign, b. vascular). Solid lines (duct casts, rods) show no such line.
 *
 * Along the middle of the outline's centreline (the stations vessel-evidence.ts reads), each station's density profile across the track is averaged with its
 * neighbours' (10 px of track); a lumen is seen where the densest point on each side of the
 * centreline stands above the least dense point between them by more than the pixel noise makes
 * (LUCENT_CENTRE_SIGNIFICANCE_SIGMA of the dip's own spread) and by a tenth of the walls' contrast,
 * and that point lies inside the outline. The settings are measurement choices, checked on drawn
 * tubes, rods and casts (tests/core/measure/lumen.test.ts) and on the phantom sets
 * (docs/describe-rules.md, "A tube with its lumen"); no source gives them. Only numbers are
 * measured here; the rule that reads them is in describe/morphology-rules.ts.
 */
import type { DensityPatch } from '../image.js';
import type { CalcificationOutline } from '../segment/outline.js';
import { LUCENT_CENTRE_SIGNIFICANCE_SIGMA, sampleBilinear } from './intensity.js';
import { centreline, type Station } from './vessel-evidence.js';

export const LUMEN_READING = {
  /**
   * A station is read when the outline is at least this wide there (px): two walls and a lumen
   * between them need a pixel each at the least, and the blur spreads each over two.
   */
  minWidthPx: 5,
  /** Neighbouring stations whose profiles are averaged (5 × 2 px of track): a lumen runs on, noise does not. */
  stationsAveraged: 5,
  /** The middle share of the track read: a calcified segment tapers or closes at its ends. */
  middleShare: 0.6,
  /**
   * The lumen is a lucent line a reader sees: its dip at least this share of the walls' contrast
   * over the background. Noise on the flat top of a wide solid rod, or the overshoot unsharp masking
   * leaves inside it, dips by a few σ, a small share of the rod's contrast.
   */
  minDepth: 0.1,
} as const;

const L = LUMEN_READING;

export interface LumenReading {
  /** Share of the stations read (the middle of the track) where a lumen is seen (0–1). */
  readonly seenFraction: number;
  /** Stations read: those of the middle of the track wide enough to hold a lumen (2 px apart). */
  readonly stationsRead: number;
  /** Median over the stations read of the dip (the lower wall above the lumen) over the dip's noise. */
  readonly dipToNoise: number;
}

/**
 * Reads the lumen along an outline. `noise` is the pixel noise σ of the patch (detectorNoise),
 * `background` the density around the calcification (its outline's backgroundDensity).
 * Null when the outline has no station wide enough to hold a lumen.
 */
export function lumenAlongTrack(patch: DensityPatch, mask: CalcificationOutline['mask'], noise: number, background: number): LumenReading | null {
  const line = centreline(mask);
  if (line === null) return null;
  const { stations } = line;
  // The middle of the track: a calcified segment tapers or closes at its ends, where no lumen shows.
  const first = Math.floor(((1 - L.middleShare) / 2) * stations.length);
  const last = Math.ceil(((1 + L.middleShare) / 2) * stations.length) - 1;
  const half = (L.stationsAveraged - 1) >> 1;
  const dips: number[] = [];
  let seen = 0;
  for (let i = first; i <= last; i++) {
    const s = stations[i];
    if (s === null || s === undefined || 2 * s.halfWidth < L.minWidthPx) continue;
    const dip = dipAt(patch, mask, stations, i, s, half);
    if (dip === null) {
      dips.push(0);
      continue;
    }
    // The dip compares two averaged samples: its spread is √2 of one averaged sample's.
    const spread = Math.max(noise, 1e-9) * Math.sqrt(2 / dip.averaged);
    dips.push(dip.depth / spread);
    if (dip.depth >= LUCENT_CENTRE_SIGNIFICANCE_SIGMA * spread && dip.depth >= L.minDepth * (dip.wall - background)) seen++;
  }
  if (dips.length === 0) return null;
  dips.sort((a, b) => a - b);
  const mid = dips.length >> 1;
  const dipToNoise = dips.length % 2 === 1 ? (dips[mid] as number) : ((dips[mid - 1] as number) + (dips[mid] as number)) / 2;
  return { seenFraction: seen / dips.length, stationsRead: dips.length, dipToNoise };
}

/**
 * The lumen's dip across station i (its profile averaged with its neighbours'): the lower of the
 * densest points either side of the centreline above the least dense point between them. Null when
 * there is no point between them or it is not inside the outline.
 */
function dipAt(
  patch: DensityPatch,
  mask: CalcificationOutline['mask'],
  stations: readonly (Station | null)[],
  i: number,
  s: Station,
  half: number,
): { depth: number; wall: number; averaged: number } | null {
  const reach = Math.floor(s.halfWidth);
  const profile = new Float64Array(2 * reach + 1);
  let averaged = 0;
  for (let j = Math.max(0, i - half); j <= Math.min(stations.length - 1, i + half); j++) {
    const t = stations[j];
    if (t === null || t === undefined) continue;
    averaged++;
    // Sampled across this station's own normal, centred on the neighbour's centre point.
    for (let o = -reach; o <= reach; o++) profile[o + reach] = (profile[o + reach] as number) + sampleBilinear(patch, t.cx + o * s.nx, t.cy + o * s.ny);
  }
  for (let o = 0; o < profile.length; o++) profile[o] = (profile[o] as number) / averaged;
  let left = 0;
  let right = reach + 1;
  for (let o = 0; o < reach; o++) if ((profile[o] as number) > (profile[left] as number)) left = o;
  for (let o = reach + 1; o < profile.length; o++) if ((profile[o] as number) > (profile[right] as number)) right = o;
  if (right - left < 2) return null;
  // The lumen lies inside the outline: a calcified tube's projection keeps its front and back walls
  // over the lumen, so the lucent line is fainter calcium, not background. Two separate lines (the
  // arms of a branching cast beyond its fork) have background between them, outside the outline.
  // A lumen deeper than the outline's level is a hole the outline encloses, and the mask holds its
  // holes (segment-at-seed.ts fills them; an edited outline is a filled polygon): inside too.
  if (!insideBetween(mask, s, left - reach, right - reach)) return null;
  let low = Infinity;
  for (let o = left + 1; o < right; o++) low = Math.min(low, profile[o] as number);
  const wall = Math.min(profile[left] as number, profile[right] as number);
  return { depth: wall - low, wall, averaged };
}

/** Whether every point across station `s` from offset `from` to `to` (px) lies inside the outline. */
function insideBetween(mask: CalcificationOutline['mask'], s: Station, from: number, to: number): boolean {
  for (let o = from; o <= to; o++) {
    const x = Math.round(s.cx + o * s.nx) - mask.x0;
    const y = Math.round(s.cy + o * s.ny) - mask.y0;
    if (x < 0 || y < 0 || x >= mask.width || y >= mask.height || mask.data[y * mask.width + x] !== 1) return false;
  }
  return true;
}
