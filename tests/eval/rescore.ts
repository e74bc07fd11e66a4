/**
 * Diagnostic: re-scores the describe rules on measurements written by dump-measurements.ts
 * (no images regenerated), prints the group confusion, the per-calcification confusion and the
 * feature distributions per truth class.
 *
 *   node --import tsx tests/eval/rescore.ts /tmp/m100000.json [--features] [--groups]
 */
import { readFileSync } from 'node:fs';
import {
  chosenTerms,
  describeCalcification,
  describeCalcifications,
  describeDistribution,
  type CalcificationMeasurements,
  type DescribeContext,
  type DistributionContext,
  type GroupMeasurements,
} from '../../src/core/index.js';
import { DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, type DistributionTerm, type MorphologyTerm } from '../../src/core/lexicon.js';
import { NOT_SEPARABLE_ON_ONE_VIEW } from './cases.js';
import { confusion, macroAccuracy, renderMatrix } from './confusion.js';

interface Row {
  label: string;
  morphology: MorphologyTerm;
  distribution: DistributionTerm;
  ctx: DistributionContext & DescribeContext;
  ok: boolean;
  calcifications: CalcificationMeasurements[];
  group: GroupMeasurements | null;
}

const file = process.argv[2] ?? '/tmp/measurements.json';
const rows = JSON.parse(readFileSync(file, 'utf8')) as Row[];
const morph = confusion<MorphologyTerm | 'none'>();
const single = confusion<MorphologyTerm | 'none'>();
const dist = confusion<DistributionTerm | 'none'>();
const feats = new Map<string, number[][]>();
const FEATURES = ['longMm', 'shortMm', 'calibreMm', 'skelLenMm', 'elong', 'circ', 'solid', 'sharp', 'cnr', 'contrast', 'lucent', 'hetero', 'branch'] as const;
const groupFeats = new Map<string, number[][]>();
const GROUP_FEATURES = ['count', 'extentMm', 'linearity', 'orientDeg', 'wedge', 'fraction', 'sizeSpread', 'shapeSpread', 'medLong'] as const;
for (const r of rows) {
  if (!r.ok || r.group === null) {
    morph.add(r.morphology, 'none');
    dist.add(r.distribution, 'none');
    continue;
  }
  const ctx: DescribeContext = { view: r.ctx.view ?? null, viewModifiers: r.ctx.viewModifiers ?? [] };
  const m = chosenTerms(describeCalcifications(r.calcifications, ctx));
  morph.add(r.morphology, m[0] ?? 'none');
  for (const c of r.calcifications) {
    single.add(r.morphology, chosenTerms(describeCalcification(c, ctx))[0] ?? 'none');
    const list = feats.get(r.morphology) ?? [];
    list.push([c.longAxis.mm ?? NaN, c.shortAxis.mm ?? NaN, c.skeleton.calibre.mm ?? NaN, c.skeleton.length.mm ?? NaN, c.elongation, c.circularity, c.solidity, c.marginSharpness, c.contrastToNoise, c.contrast, c.lucentCentreIndex, c.heterogeneity, c.skeleton.branchPoints]);
    feats.set(r.morphology, list);
  }
  const d = r.calcifications.length >= 2 ? chosenTerms(describeDistribution(r.group, r.ctx)) : [];
  dist.add(r.distribution, d[0] ?? 'none');
  const g = r.group;
  const fr = (r.ctx.breastAreaMm2 ?? 0) > 0 && g.hullArea.mm2 !== null ? g.hullArea.mm2 / (r.ctx.breastAreaMm2 ?? 1) : NaN;
  const longs = r.calcifications.map((c) => c.longAxis.mm ?? NaN).sort((a, b) => a - b);
  const gl = groupFeats.get(`${r.distribution}`) ?? [];
  gl.push([g.count, g.extent.mm ?? NaN, g.linearity, g.orientationToNippleDeg ?? NaN, g.wedgeTowardNipple === null ? NaN : Number(g.wedgeTowardNipple), fr, g.sizeSpread, g.shapeSpread, longs[longs.length >> 1] ?? NaN]);
  groupFeats.set(r.distribution, gl);
  const ml = groupFeats.get(`m:${r.morphology}`) ?? [];
  ml.push([g.count, g.extent.mm ?? NaN, g.linearity, g.orientationToNippleDeg ?? NaN, g.wedgeTowardNipple === null ? NaN : Number(g.wedgeTowardNipple), fr, g.sizeSpread, g.shapeSpread, longs[longs.length >> 1] ?? NaN]);
  groupFeats.set(`m:${r.morphology}`, ml);
  if (process.argv.includes('--groups') && (m[0] !== r.morphology || d[0] !== r.distribution)) {
    process.stdout.write(`${r.label}: morph ${m[0] ?? 'none'}${d[0] !== r.distribution ? `, dist ${d[0] ?? 'none'} (ext ${g.extent.mm?.toFixed(1)} lin ${g.linearity.toFixed(2)} or ${g.orientationToNippleDeg?.toFixed(0)} wedge ${String(g.wedgeTowardNipple)} fr ${fr.toFixed(3)} n ${g.count})` : ''}\n`);
  }
}
const q = (xs: number[], p: number): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number);
};
if (process.argv.includes('--features')) {
  process.stdout.write(`per-calcification features: p10 / p50 / p90\n`);
  for (const [term, list] of feats) {
    process.stdout.write(`${term} (${list.length})\n`);
    FEATURES.forEach((name, i) => {
      const xs = list.map((l) => l[i] as number);
      process.stdout.write(`  ${name.padEnd(10)} ${q(xs, 0.1).toFixed(2)} / ${q(xs, 0.5).toFixed(2)} / ${q(xs, 0.9).toFixed(2)}\n`);
    });
  }
  process.stdout.write(`per-group features: min / p50 / max\n`);
  for (const [term, list] of groupFeats) {
    process.stdout.write(`${term} (${list.length}): `);
    GROUP_FEATURES.forEach((name, i) => {
      const xs = list.map((l) => l[i] as number);
      process.stdout.write(`${name} ${q(xs, 0).toFixed(2)}/${q(xs, 0.5).toFixed(2)}/${q(xs, 0.999).toFixed(2)}  `);
    });
    process.stdout.write('\n');
  }
}
const mRows = MORPHOLOGY_TERMS.filter((t) => morph.rowTotal(t) > 0);
const dRows = DISTRIBUTION_TERMS.filter((t) => dist.rowTotal(t) > 0);
const sep = mRows.filter((t) => !NOT_SEPARABLE_ON_ONE_VIEW.has(t));
process.stdout.write(`\nsingle calcifications (macro ${(macroAccuracy(single, sep) * 100).toFixed(1)} %)\n${renderMatrix(single, mRows, [...mRows, 'none'])}\n`);
process.stdout.write(`\ngroups: morphology ${(macroAccuracy(morph, sep) * 100).toFixed(1)} %\n${renderMatrix(morph, mRows, [...mRows, 'none'])}\n`);
process.stdout.write(`\ndistribution ${(macroAccuracy(dist, dRows) * 100).toFixed(1)} %\n${renderMatrix(dist, dRows, [...dRows, 'none'])}\n`);
