import type { MorphologyTerm } from '../lexicon.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { DescribeContext } from './context.js';
import type { MorphologyDescription, TermWithConfidence } from './description.js';
import { describeCalcification, UNCALIBRATED_EVIDENCE } from './describe-calcification.js';
import { fireRules, fmt2, fmtMm, round2, type FeaturePredicate, type TermRule } from './rule-table.js';
import { viewLimitsFor } from './view-limits.js';

/** What the set rules read: the spread of sizes and shapes, and the majority single term. */
export interface SetFeatures {
  readonly count: number;
  /** Coefficient of variation of the long axes (unit-free: works uncalibrated). */
  readonly sizeSpread: number;
  /** Standard deviation of circularity. */
  readonly shapeSpread: number;
  readonly medianLongAxisMm: number | null;
  readonly majority: MorphologyTerm | null;
}

export const SET_THRESHOLDS = {
  minCount: 3,
  sizeSpreadMin: 0.35,
  shapeSpreadMin: 0.15,
  fineMaxMm: 0.5,
} as const;

const LINEAR_FORMS: readonly MorphologyTerm[] = ['fine linear', 'fine-linear branching', 'vascular', 'large rod-like'];

export const SET_PREDICATES = {
  'at least 3 calcifications': {
    test: (s) => s.count >= SET_THRESHOLDS.minCount,
    say: (s) => `${s.count} calcifications ≥ ${SET_THRESHOLDS.minCount}`,
  },
  'varied sizes or shapes': {
    test: (s) => s.sizeSpread >= SET_THRESHOLDS.sizeSpreadMin || s.shapeSpread >= SET_THRESHOLDS.shapeSpreadMin,
    say: (s) =>
      `varied: size spread (CV) ${fmt2(s.sizeSpread)} (≥ ${SET_THRESHOLDS.sizeSpreadMin}), circularity spread ${fmt2(s.shapeSpread)} (≥ ${SET_THRESHOLDS.shapeSpreadMin})`,
  },
  'median long axis < 0.5 mm': {
    test: (s) => (s.medianLongAxisMm === null ? null : s.medianLongAxisMm < SET_THRESHOLDS.fineMaxMm),
    say: (s) => `median long axis ${s.medianLongAxisMm === null ? '?' : fmtMm(s.medianLongAxisMm)} mm < ${SET_THRESHOLDS.fineMaxMm} mm`,
  },
  'no fine-linear majority': {
    test: (s) => s.majority === null || !LINEAR_FORMS.includes(s.majority),
    say: (s) => `majority ${s.majority ?? 'undetermined'}, not linear forms`,
  },
} as const satisfies Record<string, FeaturePredicate<SetFeatures>>;

export const SET_RULES: readonly TermRule<MorphologyTerm, keyof typeof SET_PREDICATES>[] = [
  {
    term: 'fine pleomorphic',
    all: ['at least 3 calcifications', 'varied sizes or shapes', 'median long axis < 0.5 mm', 'no fine-linear majority'],
    confidence: 0.6,
  },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function spread(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length));
  return { mean, sd };
}

/**
 * Suggests the morphology of a set of calcifications (one finding): the majority of the single
 * suggestions, and "fine pleomorphic" when small calcifications vary in size or shape.
 */
export function describeCalcifications(
  ms: readonly CalcificationMeasurements[],
  ctx: DescribeContext = {},
): MorphologyDescription {
  if (ms.length === 0) return { terms: [], evidence: ['no calcifications to describe'], sizeThresholdsApplied: false };
  const singles = ms.map((m) => describeCalcification(m, ctx));
  const calibrated = singles.every((d) => d.sizeThresholdsApplied);
  const tally = new Map<MorphologyTerm, { votes: number; confidence: number }>();
  for (const d of singles) {
    const top = d.terms[0];
    if (top === undefined) continue;
    const t = tally.get(top.term) ?? { votes: 0, confidence: 0 };
    tally.set(top.term, { votes: t.votes + 1, confidence: t.confidence + top.confidence });
  }
  const ranked = [...tally.entries()].sort((a, b) => b[1].votes - a[1].votes || b[1].confidence - a[1].confidence);
  const majority = ranked[0]?.[0] ?? null;
  const sizes = spread(ms.map((m) => m.longAxis.px));
  const features: SetFeatures = {
    count: ms.length,
    sizeSpread: sizes.mean > 0 ? sizes.sd / sizes.mean : 0,
    shapeSpread: spread(ms.map((m) => m.circularity)).sd,
    medianLongAxisMm: calibrated ? median(ms.map((m) => m.longAxis.mm ?? 0)) : null,
    majority,
  };
  const setFired = fireRules(SET_RULES, SET_PREDICATES, features);
  const terms: TermWithConfidence<MorphologyTerm>[] = setFired.map((r) => ({ term: r.term, confidence: r.confidence }));
  for (const [term, t] of ranked) {
    if (terms.some((x) => x.term === term)) continue;
    terms.push({ term, confidence: round2((t.votes / ms.length) * (t.confidence / t.votes)) });
  }
  const evidence: string[] = [];
  if (!calibrated) evidence.push(UNCALIBRATED_EVIDENCE);
  for (const r of setFired) evidence.push(`${r.term}: ${r.evidence.join('; ')}`);
  if (majority !== null) {
    const votes = tally.get(majority)?.votes ?? 0;
    evidence.push(`majority ${majority}: ${votes} of ${ms.length} calcifications`);
  } else {
    evidence.push('no morphology rule matched any calcification');
  }
  const best = terms[0];
  if (best !== undefined) evidence.push(...viewLimitsFor(best.term, ctx));
  return { terms, evidence, sizeThresholdsApplied: calibrated };
}
