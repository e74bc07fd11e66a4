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
import { filmScanPitchOf, type FilmPitchRange } from '../film-scan-pitch.js';
import { clipRect, type MammoImage } from '../image.js';
import { robustSigma } from '../segment/background.js';
import { principalAxes } from './measure-group.js';
import type { CalcificationOutline } from '../segment/outline.js';
import { mm, px, type Length, type PointPx } from '../units.js';
import type { LumenReading } from './lumen.js';

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
  /**
   * Elongation from which an outline is read as a piece of a line and followed: below the atlas's
   * line (3, MORPHOLOGY_THRESHOLDS.elongatedMin), because a bead of an interrupted wall is shorter
   * than the wall. A wall calcified in short beads gives pieces barely longer than wide (1.5–2:
   * on the real digitised film a click on a vessel wall outlined such a piece and read coarse
   * heterogeneous); 1.5 changed no phantom group's term at FFDM pitches (seeds 500000 and 600000,
   * docs/describe-rules.md, "Vascular: tram tracks").
   */
  linePieceElongationMin: 1.5,
  /**
   * How far the clicked wall is followed past each end of its outline, mm, and the longest gap in
   * the calcification followed across (on film at the coarsest pitch). Measurement settings chosen
   * on the drawn tram tracks (tests/core/measure/tram-tracks.ts), not clinical limits: no source
   * gives the gaps along a calcified artery; following serves only to look for the other wall
   * along the vessel, never as evidence by itself (collinear duct casts are followed too).
   */
  followMm: 8,
  gapMaxMm: 1.5,
  /** Lateral search (px) either side of the course at each following step. */
  followLateralPx: 1,
  /** A following step finds the wall when its ridge stands this many σ of the ridge noise above the tissue. */
  followSigmas: 3,
} as const;

const V = VESSEL_SEARCH;

/** The other wall of a tram track, as seen from the clicked one. */
export interface ParallelWall {
  /** Centre of the clicked wall to centre of the other, across the track (median over the stations that see it). */
  readonly separation: Length;
  /** Length of track along which the other wall is seen. */
  readonly alongside: Length;
  /** Share of the stations along the followed track that see it (0–1). */
  readonly seenFraction: number;
  /** Its mean ridge over the ridge noise (how clearly it stands out). */
  readonly ridgeToNoise: number;
}

export interface VesselEvidence {
  /** Length of the outline's own centreline. */
  readonly track: Length;
  /** Length of the track followed past the outline's ends and short gaps (the parallel wall is looked for along it). */
  readonly followed: Length;
  /** Gaps in the calcification the following crossed. */
  readonly gapsBridged: number;
  /** The best candidate for the other wall, whether seen along most of the track or not; null when none. */
  readonly parallelWall: ParallelWall | null;
  /** The distance range searched, px: what "1–4 mm" meant on this image. */
  readonly searchedPx: { readonly min: number; readonly max: number };
  /**
   * Where the walls run, px: the clicked wall's centreline along the followed track and, when a
   * parallel wall was found, the other wall's beside it — points WALL_PATH_STEP_PX apart. What lies
   * on them lies on the vessel (describe-calcifications.ts). Absent from evidence saved before they
   * were kept.
   */
  readonly walls?: readonly (readonly PointPx[])[];
  /**
   * Uncalibrated: the scan pitches the search read the image at (vesselSearchPitch); absent when
   * calibrated, and from evidence saved before it was read (then VESSEL_FILM_PITCH).
   */
  readonly filmPitchMm?: FilmPitchRange;
  /**
   * A lumen between two walls inside the outline itself (measure/lumen.ts); null when the outline is
   * too narrow to hold one, absent from measurements saved before it was read (then no lumen is read).
   */
  readonly lumen?: LumenReading | null;
}

export interface Station {
  readonly cx: number;
  readonly cy: number;
  /** Unit normal to the track. */
  readonly nx: number;
  readonly ny: number;
  /** Half of the outline's width here, px. */
  readonly halfWidth: number;
}

/** The separation range searched, px, on this image's pixel size (or the film pitch range when uncalibrated). */
export function separationRangePx(spacingMm: number | null, pitch: FilmPitchRange = VESSEL_FILM_PITCH): { min: number; max: number } {
  if (spacingMm === null) return { min: V.separationMinMm / pitch.max, max: V.separationMaxMm / pitch.min };
  return { min: V.separationMinMm / spacingMm, max: V.separationMaxMm / spacingMm };
}

/** The vessel search's whole film pitch range (VESSEL_SEARCH.filmPitchMinMm–filmPitchMaxMm). */
export const VESSEL_FILM_PITCH: FilmPitchRange = { min: V.filmPitchMinMm, max: V.filmPitchMaxMm };

/**
 * The pitches the vessel search reads an uncalibrated image at: its own film pitch range
 * (filmScanPitchOf, which the image's size may narrow) within VESSEL_FILM_PITCH.
 */
export function vesselSearchPitch(image: { readonly rows: number; readonly columns: number }): FilmPitchRange {
  const own = filmScanPitchOf(image);
  const min = Math.max(own.min, V.filmPitchMinMm);
  const max = Math.min(own.max, V.filmPitchMaxMm);
  return max >= min ? { min, max } : VESSEL_FILM_PITCH;
}

/** Centreline stations of the mask: means of short stretches along its main axis, normals from neighbouring stations. */
export function centreline(mask: CalcificationOutline['mask']): { stations: (Station | null)[]; lengthPx: number } | null {
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
  const axes = principalAxes(xs.map((x, i) => ({ x, y: ys[i] as number })));
  const { x: mx, y: my } = axes.centre;
  const { x: ux, y: uy } = axes.axis;
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
 * The image read in the density convention inside a clipped rectangle, sampled where it is needed
 * (bilinear, as sampleBilinear on a patch of the same rectangle) rather than copied whole: the
 * rectangle must reach the followed wall and the search across it, so a copy would convert far more
 * pixels than the ridge filter ever reads.
 */
interface DensityWindow {
  readonly image: MammoImage;
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
}

function densityWindow(image: MammoImage, r: { x0: number; y0: number; x1: number; y1: number }): DensityWindow | null {
  const c = clipRect(image, r);
  return c === null ? null : { image, x0: c.x0, y0: c.y0, width: c.x1 - c.x0, height: c.y1 - c.y0 };
}

function densityAt(w: DensityWindow, x: number, y: number): number {
  const { stored, columns, toDensity } = w.image;
  // Rounded to 32 bits like a density patch, so the ridge reads the same values a copied patch would give.
  const lx = Math.min(w.width - 1, Math.max(0, x - w.x0));
  const ly = Math.min(w.height - 1, Math.max(0, y - w.y0));
  const ix = Math.min(w.width - 2, Math.floor(lx));
  const iy = Math.min(w.height - 2, Math.floor(ly));
  if (ix < 0 || iy < 0) return Math.fround(toDensity(stored[(w.y0 + Math.round(ly)) * columns + w.x0 + Math.round(lx)] as number));
  const fx = lx - ix;
  const fy = ly - iy;
  const i = (w.y0 + iy) * columns + w.x0 + ix;
  return (
    Math.fround(toDensity(stored[i] as number)) * (1 - fx) * (1 - fy) +
    Math.fround(toDensity(stored[i + 1] as number)) * fx * (1 - fy) +
    Math.fround(toDensity(stored[i + columns] as number)) * (1 - fx) * fy +
    Math.fround(toDensity(stored[i + columns + 1] as number)) * fx * fy
  );
}

/** The density at offset o across the track from (cx, cy) along the unit normal (nx, ny); NaN outside the window. */
function sampleAcross(w: DensityWindow, cx: number, cy: number, nx: number, ny: number, o: number): number {
  const x = cx + o * nx;
  const y = cy + o * ny;
  const outside = x < w.x0 || y < w.y0 || x > w.x0 + w.width - 1 || y > w.y0 + w.height - 1;
  return outside ? Number.NaN : densityAt(w, x, y);
}

/** The ridge filter across the track at (cx, cy): a line of width g stands above the mean of the points g px either side. */
function ridgeAt(patch: DensityWindow, cx: number, cy: number, nx: number, ny: number, d: number, g: number): number {
  return sampleAcross(patch, cx, cy, nx, ny, d) - (sampleAcross(patch, cx, cy, nx, ny, d - g) + sampleAcross(patch, cx, cy, nx, ny, d + g)) / 2;
}

/**
 * The ridge filter across each station (offsets −reach + g … reach − g; NaN elsewhere and on
 * missing stations), one row of 2 × reach + 1 per station. Each station's profile is sampled once
 * at every offset and the filter read from it.
 */
function ridgeRows(patch: DensityWindow, stations: readonly (Station | null)[], g: number, reach: number): Float64Array {
  const width = 2 * reach + 1;
  const ridge = new Float64Array(stations.length * width).fill(Number.NaN);
  const profile = new Float64Array(width);
  for (let i = 0; i < stations.length; i++) {
    const s = stations[i];
    if (s === null || s === undefined) continue;
    for (let o = -reach; o <= reach; o++) profile[o + reach] = sampleAcross(patch, s.cx, s.cy, s.nx, s.ny, o);
    const row = i * width;
    for (let c = g; c < width - g; c++) ridge[row + c] = (profile[c] as number) - ((profile[c - g] as number) + (profile[c + g] as number)) / 2;
  }
  return ridge;
}

/** Ridge rows averaged over neighbouring stations (6 px of track): a wall is continuous, noise is not. */
function averageAlongTrack(ridge: Float64Array, stations: readonly (Station | null)[], width: number): Float64Array {
  const half = (V.stationsAveraged - 1) >> 1;
  const k = stations.length;
  const smooth = new Float64Array(k * width).fill(Number.NaN);
  for (let i = 0; i < k; i++) {
    if (stations[i] === null) continue;
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
  return smooth;
}

/**
 * Follows the clicked wall on from one end of its outline: step by step along its course, the
 * ridge is looked for a little to either side; a step that finds none goes straight on (a gap in
 * the calcification) until the gap is longer than gapMaxPx. Returns the stations found beyond the
 * end (gaps included as straight-line stations, trailing misses dropped) and the gaps bridged.
 */
function follow(
  patch: DensityWindow,
  from: Station,
  outward: { x: number; y: number },
  g: number,
  threshold: number,
  maxPx: number,
  gapMaxPx: number,
): { stations: Station[]; gaps: number } {
  const out: Station[] = [];
  let ux = outward.x;
  let uy = outward.y;
  let px0 = from.cx;
  let py0 = from.cy;
  let misses = 0;
  let gaps = 0;
  for (let travelled = 0; travelled < maxPx; travelled += V.stationStepPx) {
    const qx = px0 + V.stationStepPx * ux;
    const qy = py0 + V.stationStepPx * uy;
    let best = -Infinity;
    let bestO = 0;
    for (let o = -V.followLateralPx; o <= V.followLateralPx; o++) {
      // Mean of three samples along the course (one pixel apart): the wall is continuous, noise is not.
      let sum = 0;
      for (let a = -1; a <= 1; a++) sum += ridgeAt(patch, qx + a * ux, qy + a * uy, -uy, ux, o, g);
      const r = sum / 3;
      if (r > best) {
        best = r;
        bestO = o;
      }
    }
    if (Number.isNaN(best) || !Number.isFinite(best)) break;
    if (best >= threshold) {
      const nx = qx + bestO * -uy;
      const ny = qy + bestO * ux;
      const dx = nx - px0;
      const dy = ny - py0;
      const len = Math.hypot(dx, dy);
      // The course turns smoothly: a quarter of the new step's direction is taken in.
      const tx = 0.75 * ux + (0.25 * dx) / len;
      const ty = 0.75 * uy + (0.25 * dy) / len;
      const tl = Math.hypot(tx, ty);
      ux = tx / tl;
      uy = ty / tl;
      if (misses > 0) gaps++;
      misses = 0;
      px0 = nx;
      py0 = ny;
    } else {
      misses++;
      if (misses * V.stationStepPx > gapMaxPx) break;
      px0 = qx;
      py0 = qy;
    }
    out.push({ cx: px0, cy: py0, nx: -uy, ny: ux, halfWidth: from.halfWidth });
  }
  return { stations: out.slice(0, out.length - misses), gaps };
}

/** The direction from station a to station b (unit), or null when they coincide. */
function course(a: Station, b: Station): { x: number; y: number } | null {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const len = Math.hypot(dx, dy);
  return len < 1e-6 ? null : { x: dx / len, y: dy / len };
}

/**
 * Reads the vessel evidence of one outlined calcification: its track length, and the best
 * candidate for a parallel wall 1–4 mm away (on uncalibrated film, over the pixel range of every
 * film scan pitch, VESSEL_SEARCH). The clicked wall is followed past its outline's ends (and past
 * short gaps) so that the other wall is looked for along the vessel, not only beside the piece
 * clicked. Null for a calcification that is not a line piece (elongation < linePieceElongationMin).
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
  if (elongation < V.linePieceElongationMin) return null;
  const line = centreline(outline.mask);
  if (line === null) return null;
  const spacingMm = spacing === null ? null : (spacing.x + spacing.y) / 2;
  const toLength = (p: number): Length => ({ px: px(p), mm: spacingMm === null ? null : mm(p * spacingMm) });
  const pitch = spacingMm === null ? vesselSearchPitch(image) : null;
  const range = separationRangePx(spacingMm, pitch ?? undefined);
  const own = line.stations.filter((s): s is Station => s !== null);
  const base = { track: toLength(line.lengthPx), searchedPx: range, ...(pitch === null ? {} : { filmPitchMm: pitch }) };
  if (own.length < 3) return { ...base, followed: toLength(line.lengthPx), gapsBridged: 0, parallelWall: null };
  const g = Math.max(2, Math.round(wallCalibrePx));
  const reach = Math.ceil(range.max) + g + 1;
  // Following reaches followMm on, at the finest pitch the image may have.
  const finest = spacingMm ?? pitch?.min ?? V.filmPitchMinMm;
  const coarsest = spacingMm ?? pitch?.max ?? V.filmPitchMaxMm;
  const followPx = Math.ceil(V.followMm / finest);
  const gapMaxPx = V.gapMaxMm / coarsest;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const s of own) {
    x0 = Math.min(x0, s.cx);
    y0 = Math.min(y0, s.cy);
    x1 = Math.max(x1, s.cx);
    y1 = Math.max(y1, s.cy);
  }
  const m = reach + followPx + 3;
  const patch = densityWindow(image, { x0: Math.floor(x0 - m), y0: Math.floor(y0 - m), x1: Math.ceil(x1 + m + 1), y1: Math.ceil(y1 + m + 1) });
  if (patch === null) return { ...base, followed: toLength(line.lengthPx), gapsBridged: 0, parallelWall: null };
  const ownHalf = median(own.map((s) => s.halfWidth));
  const dMin = Math.max(Math.ceil(range.min), Math.ceil(ownHalf + g + 1));
  const dMax = Math.min(Math.floor(range.max), reach - g);
  if (dMin > dMax) return { ...base, followed: toLength(line.lengthPx), gapsBridged: 0, parallelWall: null };
  const width = 2 * reach + 1;
  const noiseOf = (smooth: Float64Array, k: number): number => {
    // Every third station and every second offset: neighbours share most of their samples.
    const outside: number[] = [];
    for (let i = 0; i < k; i += 3) {
      for (let d = dMin; d <= reach - g; d += 2) {
        for (const sign of [-1, 1]) {
          const v = smooth[i * width + sign * d + reach] as number;
          if (!Number.isNaN(v)) outside.push(v);
        }
      }
    }
    return Math.max(robustSigma(outside), 1e-9);
  };
  // The ridge noise beside the outlined piece sets how clear the followed wall must be.
  const ownRidge = ridgeRows(patch, line.stations, g, reach);
  const ownNoise = noiseOf(averageAlongTrack(ownRidge, line.stations, width), line.stations.length);
  const first = own[0] as Station;
  const last = own[own.length - 1] as Station;
  const back = course(own[Math.min(3, own.length - 1)] as Station, first);
  const ahead = course(own[Math.max(0, own.length - 4)] as Station, last);
  const threshold = V.followSigmas * ownNoise;
  const before = back === null ? { stations: [], gaps: 0 } : follow(patch, first, back, g, threshold, followPx, gapMaxPx);
  const after = ahead === null ? { stations: [], gaps: 0 } : follow(patch, last, ahead, g, threshold, followPx, gapMaxPx);
  // Stations followed backwards face the other way: their normals are turned to match the outline's.
  const behind = before.stations.map((s) => ({ ...s, nx: -s.nx, ny: -s.ny })).reverse();
  const stations: (Station | null)[] = [...behind, ...line.stations, ...after.stations];
  const followedPx = line.lengthPx + (before.stations.length + after.stations.length) * V.stationStepPx;
  const k = stations.length;
  // The outline's own stations keep the ridge rows read above; only the followed ones are read now.
  const ridge = new Float64Array(k * width);
  ridge.set(ridgeRows(patch, behind, g, reach), 0);
  ridge.set(ownRidge, behind.length * width);
  ridge.set(ridgeRows(patch, after.stations, g, reach), (behind.length + line.stations.length) * width);
  const smooth = averageAlongTrack(ridge, stations, width);
  const noise = noiseOf(smooth, k);
  let best: ParallelWall | null = null;
  let bestSide = 0;
  let bestScore = -Infinity;
  for (const sign of [-1, 1]) {
    // The typical distance: where the mean ridge along the track peaks.
    let dStar = dMin;
    let mStar = -Infinity;
    for (let d = dMin; d <= dMax; d++) {
      let sum = 0;
      let n = 0;
      for (let i = 0; i < k; i++) {
        const v = smooth[i * width + sign * d + reach] as number;
        if (Number.isNaN(v)) continue;
        sum += v;
        n++;
      }
      if (n > 0 && sum / n > mStar) {
        mStar = sum / n;
        dStar = d;
      }
    }
    // A mean ridge that peaks at the edge of the searched range is the tail of something nearer
    // than 1 mm or further than 4 mm (a neighbouring cast, the clicked wall's own shoulder), not a wall
    // at a vessel's distance.
    if (dStar === dMin || dStar === dMax) continue;
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
    bestSide = sign;
    best = {
      separation: toLength(median(seenAt)),
      alongside: toLength(seenAt.length * V.stationStepPx),
      seenFraction,
      ridgeToNoise: mStar / noise,
    };
  }
  const walls = wallPaths(stations, best === null ? null : { side: bestSide, px: best.separation.px });
  return { ...base, followed: toLength(followedPx), gapsBridged: before.gaps + after.gaps, parallelWall: best, walls };
}

/** Points along a wall path, px apart (every third station). */
export const WALL_PATH_STEP_PX = 3 * V.stationStepPx;

/** The followed wall's centreline and the other wall's beside it (at its distance, on its side), every third station. */
function wallPaths(stations: readonly (Station | null)[], other: { side: number; px: number } | null): PointPx[][] {
  const at = (v: number): number => Math.round(v * 10) / 10;
  const kept = stations.filter((s, i): s is Station => s !== null && i % 3 === 0);
  const clicked = kept.map((s) => ({ x: at(s.cx), y: at(s.cy) }));
  if (other === null) return [clicked];
  return [clicked, kept.map((s) => ({ x: at(s.cx + other.side * other.px * s.nx), y: at(s.cy + other.side * other.px * s.ny) }))];
}
