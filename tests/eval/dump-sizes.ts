/**
 * Diagnostic: the long-axis error per calcification against the generator's truth, with what
 * drives it — the setting, the detector blur (σ, mm at the detector), the object-plane pixel,
 * the true size and shape. Writes one JSON row per measured calcification and prints the error
 * by blur and by true size.
 *
 *   node --import tsx tests/eval/dump-sizes.ts --out /tmp/sizes.json [--main] [--settings]
 *        [--seed 500000] [--pixel 0.05] [--blur soft] [--noise high] [--processing log]
 *
 * --main takes the main eval's phantom set (seeds from --seed, default 100000); --settings the
 * acquisition settings (seeds from --seed, default 500000) filtered by the other options.
 */
import { writeFileSync } from 'node:fs';
import { ingestDicom, measureCalcification, readDensityPatch, segmentAtSeed, type CalcificationOutline, type MammoImage } from '../../src/core/index.js';
import { sampleBilinear } from '../../src/core/measure/intensity.js';
import { feretDiameters } from '../../src/core/measure/feret.js';
import { generatePhantom, phantomOptions, type Phantom } from '../../test-data/generator/index.js';
import { acquisitionSettings, casesForSetting, settingName, SETTINGS_TUNING_SEEDS } from './acquisition-settings.js';
import { casesFor } from './cases.js';
import { clickPoint, MIN_LONG_AXIS_MM, percentile } from './score-image.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = arg('--out') ?? '/tmp/sizes.json';

export interface SizeRow {
  readonly set: string;
  readonly pixelMm: number;
  readonly blur: string;
  readonly blurSigmaMm: number;
  readonly objectSpacingMm: number;
  readonly morphology: string;
  readonly truthLongMm: number;
  readonly truthShortMm: number;
  readonly measuredLongMm: number | null;
  readonly measuredShortMm: number | null;
  readonly failure: string | null;
  /** Edge ingredients at the outline (px, contrast units): see edgeAt. */
  readonly edge: EdgeIngredients | null;
}

interface EdgeIngredients {
  readonly spacing: number;
  readonly peakRaw: number;
  readonly peak3: number;
  readonly level: number;
  readonly meanC: number;
  readonly meanG: number;
  readonly tips: { c: number; g: number; gu: number }[];
}

/** Contrast at the contour, its gradient (whole outline and at the two Feret ends), and two peak estimates. */
function edgeAt(image: MammoImage, o: CalcificationOutline): EdgeIngredients | null {
  const m = o.mask;
  const p = readDensityPatch(image, { x0: m.x0 - 4, y0: m.y0 - 4, x1: m.x0 + m.width + 4, y1: m.y0 + m.height + 4 });
  if (p === null) return null;
  const bg = o.backgroundDensity;
  const c = (x: number, y: number): number => sampleBilinear(p, x, y) - bg;
  let peakRaw = -Infinity;
  let peak3 = -Infinity;
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) {
    if (m.data[y * m.width + x] !== 1) continue;
    const ix = m.x0 + x;
    const iy = m.y0 + y;
    peakRaw = Math.max(peakRaw, c(ix, iy));
    let s = 0;
    for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) s += c(ix + i, iy + j);
    peak3 = Math.max(peak3, s / 9);
  }
  let sc = 0;
  let sg = 0;
  for (const q of o.contour) {
    sc += c(q.x, q.y);
    sg += Math.hypot((c(q.x + 1, q.y) - c(q.x - 1, q.y)) / 2, (c(q.x, q.y + 1) - c(q.x, q.y - 1)) / 2);
  }
  const f = feretDiameters(o.contour);
  const ux = Math.cos(f.maxAngle);
  const uy = Math.sin(f.maxAngle);
  const proj = o.contour.map((q) => q.x * ux + q.y * uy);
  const tips = [o.contour[proj.indexOf(Math.max(...proj))], o.contour[proj.indexOf(Math.min(...proj))]].map((q, k) => {
    const sx = k === 0 ? ux : -ux;
    const sy = k === 0 ? uy : -uy;
    const t = q as { x: number; y: number };
    return {
      c: c(t.x, t.y),
      g: Math.hypot((c(t.x + 1, t.y) - c(t.x - 1, t.y)) / 2, (c(t.x, t.y + 1) - c(t.x, t.y - 1)) / 2),
      gu: (c(t.x - sx, t.y - sy) - c(t.x + sx, t.y + sy)) / 2,
    };
  });
  return { spacing: image.calibration.columnSpacingMm ?? NaN, peakRaw, peak3, level: o.threshold - bg, meanC: sc / o.contour.length, meanG: sg / o.contour.length, tips };
}

const rows: SizeRow[] = [];

async function measure(phantom: Phantom, set: string, pixelMm: number, blur: string): Promise<void> {
  const ingested = await ingestDicom(phantom.dicom);
  if (!ingested.ok) throw new Error(`${set} did not ingest`);
  const image = ingested.value;
  const t = phantom.truth;
  for (const c of t.calcifications) {
    if (c.longAxisMm < MIN_LONG_AXIS_MM) continue;
    const r = segmentAtSeed(image, clickPoint(image, phantom, c));
    const m = r.ok ? measureCalcification(image, r.value) : null;
    rows.push({
      set,
      pixelMm,
      blur,
      blurSigmaMm: t.acquisition?.blurSigmaMm ?? NaN,
      objectSpacingMm: t.calibration.spacingMm,
      morphology: c.morphology,
      truthLongMm: c.longAxisMm,
      truthShortMm: c.shortAxisMm,
      measuredLongMm: m?.longAxis.mm ?? null,
      measuredShortMm: m?.shortAxis.mm ?? null,
      failure: r.ok ? null : r.error.kind,
      edge: r.ok ? edgeAt(image, r.value) : null,
    });
  }
}

if (process.argv.includes('--main')) {
  for (const c of casesFor(Number(arg('--seed') ?? 100000))) {
    await measure(await generatePhantom(phantomOptions(c.options)), 'main', 0, 'main');
    process.stdout.write(`\r${c.label}                    `);
  }
}
if (process.argv.includes('--settings')) {
  const baseSeed = Number(arg('--seed') ?? SETTINGS_TUNING_SEEDS[0]);
  for (const [i, s] of acquisitionSettings().entries()) {
    if (s.detector !== 'ffdm') continue;
    if (arg('--pixel') !== undefined && s.pixelMm !== Number(arg('--pixel'))) continue;
    if (arg('--blur') !== undefined && s.blur !== arg('--blur')) continue;
    if (arg('--noise') !== undefined && s.noise !== arg('--noise')) continue;
    if (arg('--processing') !== undefined && s.processing !== arg('--processing')) continue;
    for (const c of casesForSetting(s, i, baseSeed)) await measure(await generatePhantom(c.options), settingName(s), s.pixelMm, s.blur);
    process.stdout.write(`\r${settingName(s)}                    `);
  }
}
writeFileSync(out, JSON.stringify(rows));
process.stdout.write(`\nwrote ${out} (${rows.length} calcifications)\n`);

const summary = (name: string, rs: readonly SizeRow[]): string => {
  const ok = rs.filter((r) => r.measuredLongMm !== null);
  const abs = ok.map((r) => Math.abs((r.measuredLongMm as number) - r.truthLongMm)).sort((a, b) => a - b);
  const signed = ok.map((r) => (r.measuredLongMm as number) - r.truthLongMm).sort((a, b) => a - b);
  return `${name.padEnd(52)} n ${String(ok.length).padStart(4)}  |err| median ${percentile(abs, 50).toFixed(3)} p95 ${percentile(abs, 95).toFixed(3)}  signed median ${percentile(signed, 50).toFixed(3)}`;
};
const by = (key: (r: SizeRow) => string): Map<string, SizeRow[]> => {
  const m = new Map<string, SizeRow[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};
for (const [k, rs] of by((r) => r.set)) process.stdout.write(`${summary(k, rs)}\n`);
const sizeBin = (mm: number): string => (mm < 0.5 ? '0.3–0.5' : mm < 1 ? '0.5–1' : mm < 2 ? '1–2' : '≥ 2');
for (const [k, rs] of [...by((r) => `${r.blur} ${r.pixelMm} mm, true ${sizeBin(r.truthLongMm)} mm`)].sort()) process.stdout.write(`${summary(k, rs)}\n`);
