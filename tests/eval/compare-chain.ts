/**
 * Diagnostic, the ideal-observer check: the describe rules re-scored on the same phantoms drawn
 * through parts of the imaging chain (dump-settings.ts --chain ideal|blur|noise|full). Prints the
 * morphology per setting for each part, the recall of each term, and for every group missed
 * through the whole chain what the same group reads without blur and noise.
 *
 *   node --import tsx tests/eval/compare-chain.ts ideal=/tmp/i.json blur=/tmp/b.json noise=/tmp/n.json full=/tmp/f.json
 */
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import { isScoredGroup, readRows, rescoreRow, scoreSettings, type SettingRow } from './settings-rows.js';

const parts = process.argv.slice(2).map((a) => {
  const [name, file] = a.split('=');
  if (name === undefined || file === undefined) throw new Error(`expected part=file, got ${a}`);
  return { name, rows: readRows([file]) };
});
const pct = (v: number): string => `${(v * 100).toFixed(0)} %`;
const scores = parts.map((p) => ({ name: p.name, bySetting: scoreSettings(p.rows) }));
const settings = [...(scores[0]?.bySetting.keys() ?? [])];
process.stdout.write(`| setting | ${scores.map((s) => s.name).join(' | ')} |\n| --- | ${scores.map(() => '---').join(' | ')} |\n`);
for (const name of settings) process.stdout.write(`| ${name} | ${scores.map((s) => pct(s.bySetting.get(name)?.accuracy ?? NaN)).join(' | ')} |\n`);
for (const s of scores) {
  const accs = [...s.bySetting.values()].map((v) => v.accuracy);
  const misses = parts.find((p) => p.name === s.name)?.rows.filter((r) => isScoredGroup(r) && rescoreRow(r).term !== r.morphology).length ?? 0;
  process.stdout.write(`${s.name}: settings ≥ 90 % ${accs.filter((a) => a >= 0.9).length} of ${accs.length}; mean ${pct(accs.reduce((a, b) => a + b, 0) / accs.length)}; groups missed ${misses}\n`);
}

/** A group across the parts: the image and its truth term (one group of a term per image; solitaries apart). */
const key = (r: SettingRow): string => `${r.label}|${r.morphology}|${r.count === 1 ? 'solitary' : 'group'}`;
const termOf = new Map<string, Map<string, MorphologyTerm | 'none'>>();
for (const p of parts) {
  const m = new Map<string, MorphologyTerm | 'none'>();
  for (const r of p.rows) if (isScoredGroup(r)) m.set(key(r), rescoreRow(r).term);
  termOf.set(p.name, m);
}
const truthOf = new Map<string, MorphologyTerm>();
for (const p of parts) for (const r of p.rows) if (isScoredGroup(r)) truthOf.set(key(r), r.morphology);

process.stdout.write('\nRecall per term (groups right / groups):\n');
const terms = [...new Set(truthOf.values())];
for (const t of terms) {
  const keys = [...truthOf].filter(([, v]) => v === t).map(([k]) => k);
  process.stdout.write(`  ${t.padEnd(22)} ${parts.map((p) => `${p.name} ${keys.filter((k) => termOf.get(p.name)?.get(k) === t).length}/${keys.filter((k) => termOf.get(p.name)?.has(k)).length}`).join('  ')}\n`);
}

const full = termOf.get('full');
if (full !== undefined) {
  process.stdout.write('\nGroups missed through the whole chain, read through each part (truth: full / others):\n');
  const tally = new Map<string, number>();
  for (const [k, term] of full) {
    const truth = truthOf.get(k);
    if (truth === undefined || term === truth) continue;
    const others = parts.filter((p) => p.name !== 'full').map((p) => `${p.name} ${termOf.get(p.name)?.get(k) ?? '—'}`);
    process.stdout.write(`  ${k.split('|')[0]}: ${truth}→${term}; ${others.join(', ')}\n`);
    const ideal = termOf.get('ideal')?.get(k);
    const pair = `${truth}→${term} (ideal ${ideal === undefined ? '—' : ideal === truth ? 'right' : `also missed: ${ideal}`})`;
    tally.set(pair, (tally.get(pair) ?? 0) + 1);
  }
  process.stdout.write('\nTally:\n');
  for (const [pair, n] of [...tally].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${n} ${pair}\n`);
}
