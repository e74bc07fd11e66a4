/**
 * Diagnostic: how well punctate, amorphous and fine pleomorphic groups can be told apart from the
 * set features at all, against how well the describe rules tell them apart. On per-setting dumps
 * (dump-settings.ts) of FFDM settings, each group of the three terms is summarised by the features
 * the set rules read and more (quantiles of contrast-to-noise, elongation and size, margin,
 * solidity, circularity, heterogeneity, calibre); two general classifiers (set-classifiers.ts) are
 * trained on all tuning seed sets but one and tested on that one, then trained on all tuning seed
 * sets and tested on the held-out set. If they do not do much better than the rules, the misses
 * are in what the measurements carry, not in how the rules read them.
 *
 * The number of outlined calcifications is left out: the eval draws each term with a fixed count
 * (amorphous 8, fine pleomorphic 8, punctate 6: acquisition-settings.ts), so a classifier would
 * read the term from the eval's recipe. `--with-count` adds it, to show that.
 *
 *   node --import tsx tests/eval/set-separability.ts /tmp/s500000.json … [--held-out /tmp/s900000.json] [--with-count]
 */
import { areaContrastToNoise } from '../../src/core/describe/calcification-features.js';
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import { logisticRegression, nearestNeighbours, type Labelled } from './set-classifiers.js';
import { readRows, rescoreRow, type SettingRow } from './settings-rows.js';

const TERMS: readonly MorphologyTerm[] = ['punctate', 'amorphous', 'fine pleomorphic'];

const quantile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: readonly number[]): number => Math.sqrt(mean(xs.map((v) => (v - mean(xs)) ** 2)));

/** The group's summary features (unit-free or in mm; logs where a feature spans decades). */
export function groupFeatures(r: SettingRow, withCount: boolean): number[] {
  const ms = r.calcifications;
  const k = ms.map(areaContrastToNoise);
  const long = ms.map((m) => m.longAxis.mm ?? m.longAxis.px);
  const el = ms.map((m) => m.elongation);
  const rmsK = 1 / Math.sqrt(mean(k.map((v) => 1 / Math.max(1, v) ** 2)));
  const med = (f: (m: (typeof ms)[number]) => number): number => quantile(ms.map(f), 0.5);
  return [
    Math.log(quantile(k, 0.5)),
    Math.log(quantile(k, 0.25)),
    Math.log(quantile(k, 0.9)),
    quantile(el, 0.5),
    quantile(el, 0.9),
    sd(el),
    Math.log(1e-3 + sd(el) * rmsK),
    sd(long) / mean(long),
    Math.log(quantile(long, 0.5)),
    Math.log(quantile(long, 0.9) / quantile(long, 0.1)),
    med((m) => m.marginSharpness),
    med((m) => m.solidity),
    med((m) => m.circularity),
    quantile(ms.map((m) => m.circularity), 0.1),
    Math.log(Math.max(1e-3, med((m) => m.contrastToNoise))),
    med((m) => m.heterogeneity),
    Math.log(Math.max(1e-3, med((m) => m.skeleton.calibre.mm ?? m.skeleton.calibre.px))),
    ...(withCount ? [Math.log(ms.length)] : []),
  ];
}

interface Group extends Labelled {
  readonly file: string;
  readonly rulesRight: boolean;
}

function groupsOf(file: string, withCount: boolean): Group[] {
  return readRows([file])
    .filter((r) => r.count > 1 && r.calcifications.length > 0 && TERMS.includes(r.morphology))
    .map((r) => ({ file, x: groupFeatures(r, withCount), y: TERMS.indexOf(r.morphology), rulesRight: rescoreRow(r).term === r.morphology }));
}

function score(train: readonly Group[], test: readonly Group[]): { rules: number; logistic: number; neighbours: number } {
  const lr = logisticRegression(train, TERMS.length);
  const nn = nearestNeighbours(train, TERMS.length, 9);
  return {
    rules: test.filter((g) => g.rulesRight).length,
    logistic: test.filter((g) => lr(g.x) === g.y).length,
    neighbours: test.filter((g) => nn(g.x) === g.y).length,
  };
}

const pct = (n: number, of: number): string => `${n} (${((100 * n) / of).toFixed(1)} %)`;

if (process.argv[1]?.endsWith('set-separability.ts')) {
  const args = process.argv.slice(2);
  const withCount = args.includes('--with-count');
  const heldAt = args.indexOf('--held-out');
  const heldFile = heldAt >= 0 ? args[heldAt + 1] : undefined;
  const tuningFiles = args.filter((a, i) => a.endsWith('.json') && i !== heldAt + 1);
  const tuning = tuningFiles.map((f) => groupsOf(f, withCount));
  const total = { rules: 0, logistic: 0, neighbours: 0, n: 0 };
  tuning.forEach((test, i) => {
    const s = score(tuning.filter((_, j) => j !== i).flat(), test);
    total.rules += s.rules;
    total.logistic += s.logistic;
    total.neighbours += s.neighbours;
    total.n += test.length;
    process.stdout.write(`${tuningFiles[i]}: ${test.length} groups; rules ${pct(s.rules, test.length)}, logistic ${pct(s.logistic, test.length)}, 9 nearest ${pct(s.neighbours, test.length)}\n`);
  });
  process.stdout.write(`each tuning set tested on the others' fit: rules ${pct(total.rules, total.n)}, logistic ${pct(total.logistic, total.n)}, 9 nearest ${pct(total.neighbours, total.n)} of ${total.n}\n`);
  if (heldFile !== undefined) {
    const held = groupsOf(heldFile, withCount);
    const s = score(tuning.flat(), held);
    process.stdout.write(`held out ${heldFile} (fit on all tuning sets): rules ${pct(s.rules, held.length)}, logistic ${pct(s.logistic, held.length)}, 9 nearest ${pct(s.neighbours, held.length)} of ${held.length}\n`);
  }
}
