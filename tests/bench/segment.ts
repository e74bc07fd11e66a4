/**
 * Segment and measure: time from a click to a measured calcification on a full-field
 * 4096 × 3328 16-bit image (0.07 mm pixels) holding 200 calcifications (discs, ellipses, rings,
 * rods, branching lines) on a gradient + texture + noise background; 50 of them form a group.
 *
 * - seed-point segment + measure: each calcification clicked 0–2 px off its centre, three
 *   rounds after a warm-up; p50 / p95. Baseline in the same run: a naive approach that reads the
 *   whole image, thresholds it at mean + 3 SD and flood-fills from the click.
 * - size: median |long axis − truth| over the discs and ellipses of at least 0.3 mm.
 * - group: segment + measure each of the 50 grouped calcifications from its click, then
 *   measureGroup; p50 / p95 over 20 runs. Baseline: the naive approach for the same 50 clicks
 *   (one full-image read and threshold, then 50 flood fills).
 *
 * Run alone with `npx tsx tests/bench/segment.ts`.
 */
import { performance } from 'node:perf_hooks';
import { makeMammoImage, readDensityPatch } from '../../src/core/image.js';
import type { MammoImage } from '../../src/core/image.js';
import { measureCalcification } from '../../src/core/measure/measure-calcification.js';
import { measureGroup } from '../../src/core/measure/measure-group.js';
import type { CalcificationMeasurements } from '../../src/core/measure/measurements.js';
import { segmentAtSeed } from '../../src/core/segment/segment-at-seed.js';
import { mm } from '../../src/core/units.js';
import type { PointPx } from '../../src/core/units.js';
import { gaussian, renderShapes, rng } from '../core/segment/synthetic.js';
import type { Shape } from '../core/segment/synthetic.js';
import type { BenchResult } from './result.js';

const ROWS = 4096;
const COLUMNS = 3328;
const SPACING = 0.07;

interface Scene {
  readonly image: MammoImage;
  readonly shapes: Shape[];
  readonly seeds: PointPx[];
  readonly groupSeeds: PointPx[];
}

function centreOf(s: Shape): { x: number; y: number } {
  if (s.kind !== 'lines') return { x: s.cx, y: s.cy };
  const g = s.segments[0] as { x0: number; y0: number; x1: number; y1: number };
  return { x: (g.x0 + g.x1) / 2, y: (g.y0 + g.y1) / 2 };
}

function randomShape(u: () => number, cx: number, cy: number): Shape {
  const contrast = 150 + 250 * u();
  const k = u();
  if (k < 0.4) return { kind: 'disc', cx, cy, r: 0.1 + 0.4 * u(), contrast };
  if (k < 0.65) return { kind: 'ellipse', cx, cy, a: 0.15 + 0.5 * u(), b: 0.1 + 0.1 * u(), angleDeg: 180 * u(), contrast };
  if (k < 0.75) return { kind: 'ring', cx, cy, rOuter: 0.6 + 0.6 * u(), rInner: 0.4 + 0.1 * u(), contrast };
  const t = Math.PI * u();
  const len = 0.8 + 2 * u();
  const dx = (Math.cos(t) * len) / 2;
  const dy = (Math.sin(t) * len) / 2;
  const segments = [{ x0: cx - dx, y0: cy - dy, x1: cx + dx, y1: cy + dy }];
  if (k > 0.9) segments.push({ x0: cx, y0: cy, x1: cx + dy * 0.8, y1: cy - dx * 0.8 });
  return { kind: 'lines', segments, width: 0.15 + 0.25 * u(), contrast };
}

/** Builds the full-field scene: a fixed seed, so every run sees the same image. */
export function makeScene(seed = 20261124): Scene {
  const u = rng(seed);
  const normal = gaussian(rng(seed + 1));
  const shapes: Shape[] = [];
  // 50 grouped within about 15 mm, 150 scattered; at least 4 mm from the image edge.
  const gx = 120;
  const gy = 140;
  while (shapes.length < 50) {
    const x = gx + 15 * (u() - 0.5);
    const y = gy + 15 * (u() - 0.5);
    if (shapes.every((s) => Math.hypot(centreOf(s).x - x, centreOf(s).y - y) > 1.6)) shapes.push(randomShape(u, x, y));
  }
  while (shapes.length < 200) {
    const x = 8 + (COLUMNS * SPACING - 16) * u();
    const y = 8 + (ROWS * SPACING - 16) * u();
    if (shapes.every((s) => Math.hypot(centreOf(s).x - x, centreOf(s).y - y) > 5)) shapes.push(randomShape(u, x, y));
  }
  const layer = new Float32Array(ROWS * COLUMNS);
  renderShapes(layer, { rows: ROWS, columns: COLUMNS, rowSpacingMm: SPACING, columnSpacingMm: SPACING, shapes, supersample: 4 });
  // Texture: coarse random field (one value per 16 px) interpolated bilinearly, σ ≈ 15.
  const step = 16;
  const tw = Math.ceil(COLUMNS / step) + 2;
  const th = Math.ceil(ROWS / step) + 2;
  const coarse = Float32Array.from({ length: tw * th }, () => 15 * normal());
  const stored = new Uint16Array(ROWS * COLUMNS);
  for (let y = 0; y < ROWS; y++) {
    const fy = y / step;
    const j = Math.floor(fy);
    const ty = fy - j;
    for (let x = 0; x < COLUMNS; x++) {
      const fx = x / step;
      const i = Math.floor(fx);
      const tx = fx - i;
      const tex =
        ((coarse[j * tw + i] as number) * (1 - tx) + (coarse[j * tw + i + 1] as number) * tx) * (1 - ty) +
        ((coarse[(j + 1) * tw + i] as number) * (1 - tx) + (coarse[(j + 1) * tw + i + 1] as number) * tx) * ty;
      const p = y * COLUMNS + x;
      const v = 1500 + 0.2 * x + 0.1 * y + tex + (layer[p] as number) + 10 * normal();
      stored[p] = Math.max(0, Math.min(65535, Math.round(v)));
    }
  }
  const image = makeMammoImage({
    rows: ROWS,
    columns: COLUMNS,
    stored,
    calibration: { kind: 'detector', rowSpacingMm: mm(SPACING), columnSpacingMm: mm(SPACING), source: 'bench phantom' },
  });
  const click = (s: Shape): PointPx => {
    const c = centreOf(s);
    return { x: Math.round(c.x / SPACING + 4 * u() - 2), y: Math.round(c.y / SPACING + 4 * u() - 2) };
  };
  const seeds = shapes.map(click);
  return { image, shapes, seeds, groupSeeds: seeds.slice(0, 50) };
}

function percentile(v: readonly number[], q: number): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

/** The naive approach: whole-image read, global threshold at mean + 3 SD, flood fill from the click. */
function naiveThresholdMap(image: MammoImage): { mask: Uint8Array; width: number; height: number } {
  const all = readDensityPatch(image, { x0: 0, y0: 0, x1: image.columns, y1: image.rows });
  if (all === null) throw new Error('empty image');
  const d = all.data;
  const n = d.length;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = d[i] as number;
    s += v;
    s2 += v * v;
  }
  const mean = s / n;
  const t = mean + 3 * Math.sqrt(Math.max(0, s2 / n - mean * mean));
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((d[i] as number) >= t) mask[i] = 1;
  return { mask, width: all.width, height: all.height };
}

function naiveFloodFill(map: { mask: Uint8Array; width: number; height: number }, seed: PointPx): number {
  const { mask, width, height } = map;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [seed.y * width + seed.x];
  let count = 0;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (i < 0 || i >= mask.length || seen[i] === 1 || mask[i] !== 1) continue;
    seen[i] = 1;
    count++;
    stack.push(i - 1, i + 1, i - width, i + width);
  }
  return count;
}

export async function benchSegment(): Promise<BenchResult[]> {
  const { image, shapes, seeds, groupSeeds } = makeScene();
  const segmentAndMeasure = (p: PointPx): CalcificationMeasurements | null => {
    const r = segmentAtSeed(image, p);
    return r.ok ? measureCalcification(image, r.value) : null;
  };
  for (const p of seeds) segmentAndMeasure(p);
  // Start timing from a clean heap when the runner allows it (node --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  const sizeErrors: number[] = [];
  let found = 0;
  for (let round = 0; round < 3; round++) {
    for (const p of seeds) {
      const t0 = performance.now();
      const m = segmentAndMeasure(p);
      times.push(performance.now() - t0);
      if (round === 0 && m !== null) {
        found++;
        const s = shapes[seeds.indexOf(p)];
        const truth = s?.kind === 'disc' ? 2 * s.r : s?.kind === 'ellipse' ? 2 * s.a : null;
        if (truth !== null && truth >= 0.3 && m.longAxis.mm !== null) sizeErrors.push(Math.abs(m.longAxis.mm - truth));
      }
    }
  }
  const naive: number[] = [];
  for (const p of seeds.slice(0, 8)) {
    const t0 = performance.now();
    naiveFloodFill(naiveThresholdMap(image), p);
    naive.push(performance.now() - t0);
  }
  const naiveP50 = percentile(naive, 0.5);

  const groupTimes: number[] = [];
  for (let run = 0; run < 21; run++) {
    const t0 = performance.now();
    const calcs = groupSeeds.map(segmentAndMeasure).filter((m): m is CalcificationMeasurements => m !== null);
    measureGroup(calcs, image.calibration, { x: 0, y: ROWS / 2 });
    if (run > 0) groupTimes.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const map = naiveThresholdMap(image);
  for (const p of groupSeeds) naiveFloodFill(map, p);
  const naiveGroup = performance.now() - t0;

  const p95 = percentile(times, 0.95);
  const g95 = percentile(groupTimes, 0.95);
  return [
    { name: 'seed-point segment + measure, p50', value: percentile(times, 0.5), unit: 'ms', baseline: { name: 'naive full-image threshold + flood fill, p50', value: naiveP50 } },
    { name: 'seed-point segment + measure, p95', value: p95, unit: 'ms', baseline: { name: 'naive full-image threshold + flood fill, p50', value: naiveP50 }, target: '≤ 5 ms', pass: p95 <= 5 },
    { name: 'calcifications outlined from a click', value: found, unit: `of ${seeds.length}` },
    {
      name: `long-axis error vs truth, median of ${sizeErrors.length} discs and ellipses ≥ 0.3 mm`,
      value: percentile(sizeErrors, 0.5),
      unit: 'mm',
      target: '≤ 0.05 mm',
      pass: percentile(sizeErrors, 0.5) <= 0.05,
    },
    { name: '50-calcification group: segment + measure + measureGroup, p50', value: percentile(groupTimes, 0.5), unit: 'ms', baseline: { name: 'naive: one full-image threshold + 50 flood fills', value: naiveGroup } },
    { name: '50-calcification group: segment + measure + measureGroup, p95', value: g95, unit: 'ms', baseline: { name: 'naive: one full-image threshold + 50 flood fills', value: naiveGroup }, target: '≤ 50 ms', pass: g95 <= 50 },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const results = await benchSegment();
  const rows = results.map((r) => [
    r.name,
    `${r.value.toFixed(r.unit === 'ms' ? 2 : r.unit === 'mm' ? 3 : 0)} ${r.unit}`,
    r.baseline ? `${r.baseline.value.toFixed(1)} ${r.unit} (${r.baseline.name})` : '—',
    r.target ?? '—',
    r.pass === undefined ? '' : r.pass ? 'met' : 'NOT met',
  ]);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((row) => (row[c] as string).length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
}
