/**
 * Diagnostic: re-scores the describe rules on per-setting measurements written by
 * dump-settings.ts (no images regenerated): morphology (macro-averaged, as the eval scores it)
 * and solitary calcifications per setting, with the misses; `--features TERM` prints that term's
 * per-calcification features per pixel size; `--why` prints, for every missed group, the set's
 * evidence (the set rule that fired with its measured values, or the majority and why no term was
 * chosen).
 *
 *   node --import tsx tests/eval/rescore-settings.ts /tmp/s.json [--features punctate] [--why]
 */
import { readFileSync } from 'node:fs';
import { chosenTerms, describeCalcifications, type CalcificationMeasurements } from '../../src/core/index.js';
import { calcificationFeatures } from '../../src/core/describe/calcification-features.js';
import { MORPHOLOGY_TERMS, type MorphologyTerm } from '../../src/core/lexicon.js';
import type { MammoView } from '../../src/core/image.js';
import { NOT_SEPARABLE_ON_ONE_VIEW } from './cases.js';
import { confusion, macroAccuracy, type Confusion } from './confusion.js';

interface Row {
  setting: string;
  pixelMm: number;
  morphology: MorphologyTerm;
  count: number;
  view: MammoView | null;
  suggested: MorphologyTerm | 'none' | null;
  calcifications: CalcificationMeasurements[];
}

const why = process.argv.includes('--why');
const rows = (process.argv.slice(2).filter((a) => a.endsWith('.json'))).flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Row[]);
const bySetting = new Map<string, { morph: Confusion<MorphologyTerm | 'none'>; misses: string[]; solitary: number; solitaryOk: number }>();
for (const r of rows) {
  const s = bySetting.get(r.setting) ?? { morph: confusion<MorphologyTerm | 'none'>(), misses: [], solitary: 0, solitaryOk: 0 };
  bySetting.set(r.setting, s);
  const described = r.calcifications.length === 0 ? null : describeCalcifications(r.calcifications, { view: r.view });
  const term = described === null ? 'none' : (chosenTerms(described)[0] ?? 'none');
  if (why && term !== r.morphology && r.count > 1) {
    process.stdout.write(`${r.setting}: ${r.morphology}→${term} (${r.calcifications.length} clicked)\n  ${described?.evidence.join('\n  ') ?? 'no calcification outlined'}\n`);
  }
  if (r.count === 1) {
    s.solitary++;
    if (term === r.morphology) s.solitaryOk++;
    else s.misses.push(`solitary ${r.morphology}→${term}`);
    continue;
  }
  s.morph.add(r.morphology, term);
  if (term !== r.morphology && !NOT_SEPARABLE_ON_ONE_VIEW.has(r.morphology)) s.misses.push(`${r.morphology}→${term}`);
}
let met = 0;
let sum = 0;
for (const [name, s] of bySetting) {
  const scored = MORPHOLOGY_TERMS.filter((t) => !NOT_SEPARABLE_ON_ONE_VIEW.has(t) && s.morph.rowTotal(t) > 0);
  const acc = macroAccuracy(s.morph, scored);
  sum += acc;
  if (acc >= 0.9) met++;
  process.stdout.write(`${(acc * 100).toFixed(0).padStart(4)} % ${s.solitaryOk}/${s.solitary}  ${name}: ${s.misses.join(', ')}\n`);
}
process.stdout.write(`settings ≥ 90 %: ${met} of ${bySetting.size}; mean ${((sum / bySetting.size) * 100).toFixed(1)} %\n`);

const fi = process.argv.indexOf('--features');
if (fi >= 0) {
  const term = process.argv[fi + 1];
  const q = (xs: number[], p: number): string => {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return s.length === 0 ? '—' : (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number).toFixed(2);
  };
  const byPixel = new Map<number, CalcificationMeasurements[]>();
  for (const r of rows) if (r.morphology === term) byPixel.set(r.pixelMm, [...(byPixel.get(r.pixelMm) ?? []), ...r.calcifications]);
  for (const [p, ms] of byPixel) {
    const f = ms.map((m) => ({ m, f: calcificationFeatures(m) }));
    const line = (name: string, g: (x: (typeof f)[number]) => number): string => `${name} ${q(f.map(g), 0.1)}/${q(f.map(g), 0.5)}/${q(f.map(g), 0.9)}`;
    process.stdout.write(
      `${term} @${p} (${ms.length}): ${line('long', (x) => x.m.longAxis.mm ?? NaN)} ${line('sharp', (x) => x.m.marginSharpness)} ${line('cnr', (x) => x.m.contrastToNoise)} ${line('circ', (x) => x.m.circularity)} ${line('solid', (x) => x.m.solidity)} ${line('lucent', (x) => x.m.lucentCentreIndex)} ${line('elong', (x) => x.m.elongation)}\n`,
    );
  }
}
