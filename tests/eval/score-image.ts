/**
 * Scores one phantom as the eval does: a click on every calcification (its truth centre, or its
 * wall when the centre is lucent: `clickPoint`) is
 * segmented and measured (long-axis error against the truth), and every group's clicks go
 * through the public pipeline (analyzeFinding) for its morphology and distribution terms. A group
 * of three or more is also searched with a rectangle drawn around it (`rectangleScore`).
 */
import { analyzeFinding, ingestDicom, measureCalcification, segmentAtSeed, type MammoImage } from '../../src/core/index.js';
import { searchRegion } from '../../src/core/region-search.js';
import type { DistributionTerm, MorphologyTerm } from '../../src/core/lexicon.js';
import type { CalcificationMeasurements } from '../../src/core/measure/measurements.js';
import type { MammoView } from '../../src/core/image.js';
import type { Phantom } from '../../test-data/generator/index.js';
import type { CalcificationTruth } from '../../test-data/generator/truth.js';
import type { PointPx } from '../../src/core/units.js';

/** Calcifications smaller than this are not scored for size (they are below what a calliper reports). */
export const MIN_LONG_AXIS_MM = 0.3;

export interface SizeSample {
  readonly truth: number;
  readonly measured: number;
  readonly morphology: MorphologyTerm;
}

export interface GroupScore {
  readonly id: string;
  readonly morphology: MorphologyTerm;
  readonly distribution: DistributionTerm;
  /** Particles drawn; 1 = a solitary calcification. */
  readonly count: number;
  /** null when the pipeline gave no analysis (`failure` says why). */
  readonly suggestedMorphology: MorphologyTerm | 'none' | null;
  readonly suggestedDistribution: DistributionTerm | 'none' | null;
  /** Each clicked calcification's own first term. */
  readonly singleMorphology: readonly (MorphologyTerm | 'none')[];
  /** The clicked calcifications' measurements (for diagnosing a miss). */
  readonly measurements: readonly CalcificationMeasurements[];
  readonly view: MammoView | null;
  readonly failure: string | null;
  /** A rectangle drawn around the group (three or more deposits); null for fewer. */
  readonly rectangle: RectangleScore | null;
}

/** What the region search (the viewer's rectangle, `--roi`) outlines in a rectangle drawn around a group. */
export interface RectangleScore {
  /** The group's deposits with an outline at them. */
  readonly outlined: number;
  /** Outlines at none of the group's deposits. */
  readonly elsewhere: number;
}

/** How far beyond its deposits' outlines a rectangle around a group is drawn (mm). */
export const RECTANGLE_MARGIN_MM = 1.5;
/** An outline is at its nearest deposit when its centre lies within half that deposit's long axis and this many pixels of the deposit's centre. */
const AT_DEPOSIT_SLACK_PX = 3;

/**
 * A rectangle around the group's deposits (their outlines ± RECTANGLE_MARGIN_MM), searched as the
 * viewer's rectangle is (searchRegion): how many of the deposits it outlines, and how many of its
 * outlines lie at none of them.
 */
export function rectangleScore(image: MammoImage, deposits: readonly CalcificationTruth[], spacingMm: number): RectangleScore | null {
  if (deposits.length < 3) return null;
  const m = RECTANGLE_MARGIN_MM / spacingMm;
  const xs = deposits.flatMap((t) => [t.centre.x, ...t.outline.map((q) => q.x)]);
  const ys = deposits.flatMap((t) => [t.centre.y, ...t.outline.map((q) => q.y)]);
  const roi = { x0: Math.floor(Math.min(...xs) - m), y0: Math.floor(Math.min(...ys) - m), x1: Math.ceil(Math.max(...xs) + m), y1: Math.ceil(Math.max(...ys) + m) };
  const r = searchRegion(image, { roi }, new Map());
  if (!r.ok) return { outlined: 0, elsewhere: 0 };
  const hit = new Set<CalcificationTruth>();
  let elsewhere = 0;
  for (const o of r.value.outlines) {
    const cx = o.contour.reduce((a, p) => a + p.x, 0) / o.contour.length;
    const cy = o.contour.reduce((a, p) => a + p.y, 0) / o.contour.length;
    // The nearest deposit, if the outline is at it: long rods lie closer together than half their length.
    let at: CalcificationTruth | null = null;
    let nearest = Infinity;
    for (const t of deposits) {
      const d = Math.hypot(t.centre.x - cx, t.centre.y - cy);
      if (d < nearest) {
        nearest = d;
        at = t;
      }
    }
    if (at === null || nearest > at.longAxisPx / 2 + AT_DEPOSIT_SLACK_PX) elsewhere++;
    else hit.add(at);
  }
  return { outlined: hit.size, elsewhere };
}

export interface ImageScore {
  readonly calcifications: number;
  readonly sizes: readonly SizeSample[];
  /** Clicks that gave no outline, by failure kind. */
  readonly clickFailures: ReadonlyMap<string, number>;
  readonly groups: readonly GroupScore[];
}

/**
 * Where the radiologist clicks: the truth centre, or on a lucent-centred deposit whose centre is
 * fat (a large rim or dystrophic calcification), the densest pixel on the calcified wall — the
 * brightest point on rays from the centre to eight outline points, beyond a third of the way.
 */
export function clickPoint(image: MammoImage, phantom: Phantom, c: CalcificationTruth): PointPx {
  if (!c.lucentCentre || segmentAtSeed(image, c.centre).ok) return c.centre;
  const { columns, rows, photometric, bitsStored } = phantom.truth;
  const max = 2 ** bitsStored - 1;
  const density = (x: number, y: number): number => {
    const v = phantom.pixels[Math.round(y) * columns + Math.round(x)] as number;
    return photometric === 'MONOCHROME1' ? max - v : v;
  };
  let best = c.centre;
  let bestValue = -Infinity;
  const step = Math.max(1, Math.floor(c.outline.length / 8));
  for (let k = 0; k < c.outline.length; k += step) {
    const o = c.outline[k] as PointPx;
    for (let f = 0.33; f <= 1; f += 0.02) {
      const x = c.centre.x + f * (o.x - c.centre.x);
      const y = c.centre.y + f * (o.y - c.centre.y);
      if (x < 0 || y < 0 || x > columns - 1 || y > rows - 1) continue;
      const v = density(x, y);
      if (v > bestValue) { bestValue = v; best = { x: Math.round(x), y: Math.round(y) }; }
    }
  }
  return best;
}

function measuredLongAxis(image: MammoImage, at: PointPx): { longAxisMm: number } | { failure: string } {
  const r = segmentAtSeed(image, at);
  if (!r.ok) return { failure: r.error.kind };
  const m = measureCalcification(image, r.value);
  if (m.longAxis.mm === null) return { failure: 'uncalibrated' };
  return { longAxisMm: m.longAxis.mm };
}

export async function scorePhantom(phantom: Phantom, label: string): Promise<ImageScore> {
  const ingested = await ingestDicom(phantom.dicom);
  if (!ingested.ok) throw new Error(`phantom ${label} did not ingest: ${ingested.error.message}`);
  const image = ingested.value;
  const truth = phantom.truth;
  const sizes: SizeSample[] = [];
  const clickFailures = new Map<string, number>();
  const clicks = new Map(truth.calcifications.map((t) => [t.id, clickPoint(image, phantom, t)]));
  for (const t of truth.calcifications) {
    if (t.longAxisMm < MIN_LONG_AXIS_MM) continue;
    const m = measuredLongAxis(image, clicks.get(t.id) ?? t.centre);
    if ('failure' in m) clickFailures.set(m.failure, (clickFailures.get(m.failure) ?? 0) + 1);
    else sizes.push({ truth: t.longAxisMm, measured: m.longAxisMm, morphology: t.morphology });
  }
  const groups: GroupScore[] = truth.groups.map((g) => {
    const deposits = truth.calcifications.filter((t) => t.groupId === g.id);
    const seeds = deposits.map((t) => clicks.get(t.id) ?? t.centre);
    const clicked = seeds.filter((s) => segmentAtSeed(image, s).ok);
    const r = analyzeFinding(image, { seeds: clicked });
    const rectangle = rectangleScore(image, deposits, truth.calibration.spacingMm);
    const base = { id: g.id, morphology: g.morphology, distribution: g.distribution, count: g.count, view: image.meta.view, rectangle };
    if (!r.ok) return { ...base, suggestedMorphology: null, suggestedDistribution: null, singleMorphology: [], measurements: [], failure: r.error.message };
    return {
      ...base,
      suggestedMorphology: r.value.group.morphology[0] ?? 'none',
      suggestedDistribution: r.value.group.distribution[0] ?? 'none',
      singleMorphology: r.value.calcifications.map((a) => a.morphology[0] ?? 'none'),
      measurements: r.value.calcifications.map((a) => a.measurements),
      failure: null,
    };
  });
  return { calcifications: truth.calcifications.length, sizes, clickFailures, groups };
}

/** The p-th percentile (nearest rank) of sorted values; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
