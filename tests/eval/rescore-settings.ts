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
import type { CalcificationMeasurements } from '../../src/core/index.js';
import { calcificationFeatures } from '../../src/core/describe/calcification-features.js';
import { readRows, rescoreRow, scoreSettings } from './settings-rows.js';

const why = process.argv.includes('--why');
const rows = readRows(process.argv.slice(2).filter((a) => a.endsWith('.json')));
if (why) {
  for (const r of rows) {
    const { term, described } = rescoreRow(r);
    if (term !== r.morphology && r.count > 1) {
      process.stdout.write(`${r.setting}: ${r.morphology}→${term} (${r.calcifications.length} clicked)\n  ${described?.evidence.join('\n  ') ?? 'no calcification outlined'}\n`);
    }
  }
}
const bySetting = scoreSettings(rows);
let met = 0;
let sum = 0;
for (const [name, s] of bySetting) {
  sum += s.accuracy;
  if (s.accuracy >= 0.9) met++;
  process.stdout.write(`${(s.accuracy * 100).toFixed(0).padStart(4)} % ${s.solitaryOk}/${s.solitary}  ${name}: ${s.misses.join(', ')}\n`);
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
