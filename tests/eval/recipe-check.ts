/**
 * Diagnostic: does what the generator drew fit its truth term by the lexicon's own definitions?
 * Reads the drawn calcifications of each group (dump-settings.ts writes them as `truth`: long and
 * short axis from the fine grid, area, peak absorbed fraction) and, for the terms the set rules
 * confuse, states per group the drawn figures the atlas defines the term by, next to whether the
 * describe rules read the group right (re-scored on its measurements).
 *
 * - punctate: round or oval, every deposit < 0.5 mm (ACR BI-RADS Atlas, 5th ed., 2013, round:
 *   "when smaller than 0.5 mm, the term punctate should be used"); uniform as a set.
 * - fine pleomorphic: "varying sizes and shapes", usually < 0.5 mm; checked here against the set
 *   rule's own limits on the drawn shapes (size CV ≥ 0.5 or elongation SD ≥ 0.25).
 * - amorphous: "small and/or hazy … a more specific particle shape cannot be determined".
 * - fine-linear branching: thin linear casts that branch: a branching piece must have been drawn.
 *
 *   node --import tsx tests/eval/recipe-check.ts /tmp/full.json [/tmp/ideal.json]
 */
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import { SET_THRESHOLDS } from '../../src/core/describe/describe-calcifications.js';
import { isScoredGroup, readRows, rescoreRow, type DrawnCalcification } from './settings-rows.js';

const [fullFile, idealFile] = process.argv.slice(2);
if (fullFile === undefined) throw new Error('usage: recipe-check.ts full.json [ideal.json]');
const full = readRows([fullFile]).filter(isScoredGroup);
const ideal = idealFile === undefined ? null : new Map(readRows([idealFile]).filter(isScoredGroup).map((r) => [`${r.label}|${r.morphology}`, r]));

/** Elongation as the describe rules read it: long over short axis (Feret), at least 1. */
const drawnElongation = (c: DrawnCalcification): number => (c.shortAxisMm > 0 ? Math.max(1, c.longAxisMm / c.shortAxisMm) : 1);
/** Area over the long × short box: a Y-shaped branch piece measures 0.17–0.51, a cast's straight piece 0.58 or more (150 generated casts). */
const drawnFill = (c: DrawnCalcification): number => c.areaMm2 / Math.max(1e-9, c.longAxisMm * c.shortAxisMm);

const BRANCH_FILL_MAX = 0.55;

function stats(xs: readonly number[]): { mean: number; sd: number; median: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length));
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { mean, sd, median: s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2 };
}

interface Check { readonly fits: boolean; readonly said: string }

function check(term: MorphologyTerm, t: readonly DrawnCalcification[], pixelMm: number): Check | null {
  const sizes = stats(t.map((c) => c.longAxisMm));
  // Object-plane pixels: the detector pitch over the contact magnification (acquisition-settings.ts).
  const medianPx = sizes.median / (pixelMm / 1.08);
  const el = stats(t.map(drawnElongation));
  const cv = sizes.mean > 0 ? sizes.sd / sizes.mean : 0;
  const figures = `n ${t.length}, long axis ${Math.min(...t.map((c) => c.longAxisMm)).toFixed(2)}–${Math.max(...t.map((c) => c.longAxisMm)).toFixed(2)} mm (CV ${cv.toFixed(2)}), elongation median ${el.median.toFixed(2)} SD ${el.sd.toFixed(2)}, peak ${stats(t.map((c) => c.peakContrast)).median.toFixed(2)}, median ${medianPx.toFixed(1)} px across`;
  switch (term) {
    case 'punctate': {
      const over = t.filter((c) => c.longAxisMm >= 0.5).length;
      const oblong = t.filter((c) => drawnElongation(c) > 1.5).length;
      const varied = cv >= SET_THRESHOLDS.sizeSpreadMin || el.sd >= SET_THRESHOLDS.elongationSpreadMin;
      return { fits: over === 0 && oblong === 0 && !varied, said: `${figures}; ≥ 0.5 mm ${over}, elongation > 1.5 ${oblong}${varied ? ', varied by the set rule' : ''}` };
    }
    case 'fine pleomorphic': {
      const varied = cv >= SET_THRESHOLDS.sizeSpreadMin || el.sd >= SET_THRESHOLDS.elongationSpreadMin;
      const over = t.filter((c) => c.longAxisMm >= 0.5).length;
      return { fits: varied && sizes.median < 0.5, said: `${figures}; ${varied ? 'varied' : 'NOT varied (size CV < 0.5 and elongation SD < 0.25 as drawn)'}, ≥ 0.5 mm ${over}` };
    }
    case 'amorphous':
      return { fits: sizes.median < 1, said: figures };
    case 'fine-linear branching': {
      const ys = t.filter((c) => drawnFill(c) < BRANCH_FILL_MAX).length;
      return { fits: ys > 0, said: `${t.length} pieces, branching pieces drawn (fill < 0.55) ${ys}; fill ${t.map((c) => drawnFill(c).toFixed(2)).join(' ')}` };
    }
    case 'fine linear': {
      const ys = t.filter((c) => drawnFill(c) < BRANCH_FILL_MAX).length;
      const thick = t.filter((c) => c.shortAxisMm >= 0.5).length;
      return { fits: ys === 0, said: `${t.length} pieces, Y-like pieces (fill < 0.55) ${ys}, short axis ≥ 0.5 mm ${thick}; fill ${t.map((c) => drawnFill(c).toFixed(2)).join(' ')}` };
    }
    default:
      return null;
  }
}

const tally = new Map<string, { groups: number; notFit: number; missed: number; missedNotFit: number; missedIdealRight: number }>();
for (const r of full) {
  if (r.truth === undefined) throw new Error('dump without drawn calcifications: rerun dump-settings.ts');
  const c = check(r.morphology, r.truth, r.pixelMm);
  if (c === null) continue;
  const term = rescoreRow(r).term;
  const idealRow = ideal?.get(`${r.label}|${r.morphology}`);
  const idealTerm = idealRow === undefined ? null : rescoreRow(idealRow).term;
  const e = tally.get(r.morphology) ?? { groups: 0, notFit: 0, missed: 0, missedNotFit: 0, missedIdealRight: 0 };
  e.groups++;
  if (!c.fits) e.notFit++;
  if (term !== r.morphology) {
    e.missed++;
    if (!c.fits) e.missedNotFit++;
    if (idealTerm === r.morphology) e.missedIdealRight++;
  }
  tally.set(r.morphology, e);
  if (!c.fits || term !== r.morphology) {
    process.stdout.write(`${r.label}: ${r.morphology} read ${term}${idealTerm === null ? '' : ` (ideal: ${idealTerm})`}; drawn ${c.fits ? 'fits' : 'DOES NOT FIT'}: ${c.said}\n`);
  }
}
process.stdout.write('\n');
for (const [t, e] of tally) {
  process.stdout.write(`${t}: ${e.groups} groups, ${e.notFit} drawn outside the lexicon's definition; missed ${e.missed} (${e.missedNotFit} of them drawn outside it${ideal === null ? '' : `, ${e.missedIdealRight} read right without blur and noise`})\n`);
}
