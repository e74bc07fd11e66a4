/**
 * Vessel evidence around one outlined linear calcification: what a radiologist looks for before
 * calling a line vascular. A calcified artery seen side-on shows its two walls as two roughly
 * parallel lines a vessel's calibre apart ("tram tracks"); the atlas: vascular calcifications are
 * "parallel tracks, or linear tubular calcifications that are clearly associated with blood
 * vessels" (ACR BI-RADS Atlas, 5th ed., 2013, Mammography, Calcifications, typically benign).
 *
 * The outline's centreline is followed station by station; across it the density profile is read
 * on both sides, a ridge filter picks out thin lines, and the other wall is the side whose ridge
 * stays at about the same distance along the track. Only numbers are measured here; the rules
 * that read them are in describe/vascular-rules.ts.
 */
import { readDensityPatch, type MammoImage } from '../image.js';
import { robustSigma } from '../segment/background.js';
import type { CalcificationOutline } from '../segment/outline.js';
import { mm, px, type Length } from '../units.js';
import { sampleBilinear } from './intensity.js';

/**
 * Where the other wall is looked for, as data. Wall-centre to wall-centre distance of a calcified
 * breast artery: breast arteries run 1–4 mm across (arterial perforators of the internal mammary
 * artery, the breast's main supply, measure 1.3–1.5 mm in external diameter: Arch Plast Surg
 * 2013;40:761–765 and the Ajou cadaver study; the lateral and internal thoracic trunks they come
 * from are wider). The 4 mm upper bound is the largest artery expected inside the breast.
 */
export const VESSEL_SEARCH = {
  separationMinMm: 1,
  separationMaxMm: 4,
  /**
   * Scan pitch of mammography film digitisers, for uncalibrated film: 0.042–0.05 mm (DDSM's DBA,
   * Howtek and Lumisys scanners; MIAS 0.05 mm) up to 0.1 mm for coarser archives. A distance in
   * millimetres is searched over the pixel range that covers every pitch in it.
   */
  filmPitchMinMm: 0.042,
  filmPitchMaxMm: 0.1,
  /** Stations along the centreline, px apart. */
  stationStepPx: 2,
  /** Half-length (px) of the stretch of outline whose mean gives one centreline point. */
  stationHalfWindowPx: 3,
  /** Stations averaged along the track for one ridge reading (3 × 2 px). */
  stationsAveraged: 3,
  /** A station sees the other wall when its ridge stands this many robust σ above the ridge noise. */
  ridgeSigmas: 3,
  /** How far (fraction of the distance, at least 2 px) the other wall may wander from its typical distance. */
  separationTolerance: 0.2,
  /** Elongation from which a calcification is read as a line (MORPHOLOGY_THRESHOLDS.elongatedMin). */
  lineElongationMin: 3,
} as const;

const V = VESSEL_SEARCH;

/** The other wall of a tram track, as seen from the clicked one. */
export interface ParallelWall {
  /** Centre of the clicked wall to centre of the other, across the track (median over the stations that see it). */
  readonly separation: Length;
  /** Length of track along which the other wall is seen. */
  readonly alongside: Length;
  /** Share of the stations along the track that see it (0–1). */
  readonly seenFraction: number;
  /** Its mean ridge over the ridge noise (how clearly it stands out). */
  readonly ridgeToNoise: number;
}

export interface VesselEvidence {
  /** Length of the outline's centreline (the track). */
  readonly track: Length;
  /** The best candidate for the other wall, whether seen along most of the track or not; null when none. */
  readonly parallelWall: ParallelWall | null;
  /** The distance range searched, px: what "1–4 mm" meant on this image. */
  readonly searchedPx: { readonly min: number; readonly max: number };
}

interface Station {
  readonly cx: number;
  readonly cy: number;
  /** Unit normal to the track. */
  readonly nx: number;
  readonly ny: number;
  /** Half of the outline's width here, px. */
  readonly halfWidth: number;
}

/** The separation range searched, px, on this image's pixel size (or the film pitch range when uncalibrated). */
export function separationRangePx(spacingMm: number | null): { min: number; max: number } {
  if (spacingMm === null) return { min: V.separationMinMm / V.filmPitchMaxMm, max: V.separationMaxMm / V.filmPitchMinMm };
  return { min: V.separationMinMm / spacingMm, max: V.separationMaxMm / spacingMm };
}

/** Centreline stations of the mask: means of short stretches along its main axis, normals from neighbouring stations. */
function centreline(mask: CalcificationOutline['mask']): { stations: (Station | null)[]; lengthPx: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x] !== 1) continue;
      xs.push(mask.x0 + x);
      ys.push(mask.y0 + y);
    }
  }
  const n = xs.length;
  if (n < 6) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const ux = Math.cos(theta);
  const uy = Math.sin(theta);
  const t = new Float64Array(n);
  const s = new Float64Array(n);
  let tMin = Infinity;
  let tMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    t[i] = dx * ux + dy * uy;
    s[i] = -dx * uy + dy * ux;
    tMin = Math.min(tMin, t[i] as number);
    tMax = Math.max(tMax, t[i] as number);
  }
  const points: ({ x: number; y: number; halfWidth: number } | null)[] = [];
  for (let tk = tMin + V.stationHalfWindowPx; tk <= tMax - V.stationHalfWindowPx + 1e-9; tk += V.stationStepPx) {
    let k = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs((t[i] as number) - tk) > V.stationHalfWindowPx) continue;
      k++;
      ss += s[i] as number;
    }
    if (k === 0) {
      points.push(null);
      continue;
    }
    const sMean = ss / k;
    points.push({ x: mx + tk * ux - sMean * uy, y: my + tk * uy + sMean * ux, halfWidth: k / (2 * V.stationHalfWindowPx + 1) / 2 });
  }
  const stations: (Station | null)[] = points.map((p, i) => {
    if (p === null) return null;
    // Direction from the stations a few steps either side (the track's local course).
    let a: { x: number; y: number } | null = null;
    let b: { x: number; y: number } | null = null;
    for (let j = Math.max(0, i - 3); j < i && a === null; j++) a = points[j] ?? null;
    for (let j = Math.min(points.length - 1, i + 3); j > i && b === null; j--) b = points[j] ?? null;
    let dx = (b ?? p).x - (a ?? p).x;
    let dy = (b ?? p).y - (a ?? p).y;
    const len = Math.hypot(dx, dy);
    if (len < 1e-6) {
      dx = ux;
      dy = uy;
    } else {
      dx /= len;
      dy /= len;
    }
    return { cx: p.x, cy: p.y, nx: -dy, ny: dx, halfWidth: p.halfWidth };
  });
  let lengthPx = 0;
  let last: { x: number; y: number } | null = null;
  for (const p of points) {
    if (p === null) continue;
    if (last !== null) lengthPx += Math.hypot(p.x - last.x, p.y - last.y);
    last = p;
  }
  return { stations, lengthPx: lengthPx + 2 * V.stationHalfWindowPx };
}

function median(xs: readonly number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length === 0 ? 0 : v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/**
 * Reads the vessel evidence of one outlined calcification: its track length, and the best
 * candidate for a parallel wall 1–4 mm away (on uncalibrated film, over the pixel range of every
 * film scan pitch, VESSEL_SEARCH). Null for a calcification that is not a line (elongation < 3)
 * or too short to follow.
 *
 * @param wallCalibrePx the clicked wall's calibre (the skeleton's), which sets the ridge filter's width
 */
export function vesselEvidence(
  image: MammoImage,
  outline: CalcificationOutline,
  elongation: number,
  wallCalibrePx: number,
  spacing: { x: number; y: number } | null,
): VesselEvidence | null {
  if (elongation < V.lineElongationMin) return null;
  const line = centreline(outline.mask);
  if (line === null) return null;
  const spacingMm = spacing === null ? null : (spacing.x + spacing.y) / 2;
  const toLength = (p: number): Length => ({ px: px(p), mm: spacingMm === null ? null : mm(p * spacingMm) });
  const range = separationRangePx(spacingMm);
  const used = line.stations.filter((s): s is Station => s !== null);
  const base = { track: toLength(line.lengthPx), searchedPx: range };
  if (used.length < 3) return { ...base, parallelWall: null };
  // The ridge filter: a line of width w stands above the mean of the points g = w px either side.
  const g = Math.max(2, Math.round(wallCalibrePx));
  const reach = Math.ceil(range.max) + g + 1;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const s of used) {
    x0 = Math.min(x0, s.cx);
    y0 = Math.min(y0, s.cy);
    x1 = Math.max(x1, s.cx);
    y1 = Math.max(y1, s.cy);
  }
  const patch = readDensityPatch(image, { x0: Math.floor(x0 - reach - 2), y0: Math.floor(y0 - reach - 2), x1: Math.ceil(x1 + reach + 3), y1: Math.ceil(y1 + reach + 3) });
  if (patch === null) return { ...base, parallelWall: null };
  const width = 2 * reach + 1;
  const k = line.stations.length;
  // Ridge along each station's normal, offsets −reach … reach (NaN off the image or at a gap).
  const ridge = new Float64Array(k * width).fill(Number.NaN);
  const at = (s: Station, d: number): number => {
    const x = s.cx + d * s.nx;
    const y = s.cy + d * s.ny;
    const outside = x < patch.x0 || y < patch.y0 || x > patch.x0 + patch.width - 1 || y > patch.y0 + patch.height - 1;
    return outside ? Number.NaN : sampleBilinear(patch, x, y);
  };
  line.stations.forEach((s, i) => {
    if (s === null) return;
    for (let d = -reach + g; d <= reach - g; d++) {
      ridge[i * width + d + reach] = at(s, d) - (at(s, d - g) + at(s, d + g)) / 2;
    }
  });
  // Averaged over neighbouring stations (6 px of track): a wall is continuous, noise is not.
  const half = (V.stationsAveraged - 1) >> 1;
  const smooth = new Float64Array(k * width).fill(Number.NaN);
  for (let i = 0; i < k; i++) {
    if (line.stations[i] === null) continue;
    for (let c = 0; c < width; c++) {
      let sum = 0;
      let m = 0;
      for (let j = Math.max(0, i - half); j <= Math.min(k - 1, i + half); j++) {
        const v = ridge[j * width + c] as number;
        if (Number.isNaN(v)) continue;
        sum += v;
        m++;
      }
      if (m > 0) smooth[i * width + c] = sum / m;
    }
  }
  const ownHalf = median(used.map((s) => s.halfWidth));
  const dMin = Math.max(Math.ceil(range.min), Math.ceil(ownHalf + g + 1));
  const dMax = Math.min(Math.floor(range.max), reach - g);
  if (dMin > dMax) return { ...base, parallelWall: null };
  const outside: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let d = dMin; d <= reach - g; d++) {
      for (const sign of [-1, 1]) {
        const v = smooth[i * width + sign * d + reach] as number;
        if (!Number.isNaN(v)) outside.push(v);
      }
    }
  }
  const noise = Math.max(robustSigma(outside), 1e-9);
  let best: ParallelWall | null = null;
  let bestScore = -Infinity;
  for (const sign of [-1, 1]) {
    // The typical distance: where the mean ridge along the track peaks.
    let dStar = dMin;
    let mStar = -Infinity;
    for (let d = dMin; d <= dMax; d++) {
      let sum = 0;
      let m = 0;
      for (let i = 0; i < k; i++) {
        const v = smooth[i * width + sign * d + reach] as number;
        if (Number.isNaN(v)) continue;
        sum += v;
        m++;
      }
      if (m > 0 && sum / m > mStar) {
        mStar = sum / m;
        dStar = d;
      }
    }
    const tol = Math.max(2, Math.round(V.separationTolerance * dStar));
    const seenAt: number[] = [];
    for (let i = 0; i < k; i++) {
      let top = -Infinity;
      let where = dStar;
      for (let d = Math.max(dMin, dStar - tol); d <= Math.min(dMax, dStar + tol); d++) {
        const v = smooth[i * width + sign * d + reach] as number;
        if (v > top) {
          top = v;
          where = d;
        }
      }
      if (top >= V.ridgeSigmas * noise) seenAt.push(where);
    }
    const seenFraction = seenAt.length / k;
    const score = seenFraction + mStar / noise / 100;
    if (seenAt.length === 0 || score <= bestScore) continue;
    bestScore = score;
    best = {
      separation: toLength(median(seenAt)),
      alongside: toLength(seenAt.length * V.stationStepPx),
      seenFraction,
      ridgeToNoise: mStar / noise,
    };
  }
  return { ...base, parallelWall: best };
}
