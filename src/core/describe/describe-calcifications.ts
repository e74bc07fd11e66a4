import type { MorphologyTerm } from '../lexicon.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { DescribeContext } from './context.js';
import type { InseparableTerms, MorphologyDescription, NotCharacterised, TermWithConfidence } from './description.js';
import { describeCalcification, UNCALIBRATED_EVIDENCE } from './describe-calcification.js';
import { areaContrastToNoise, pixelSizeOf } from './calcification-features.js';
import { MORPHOLOGY_THRESHOLDS } from './morphology-rules.js';
import { MIN_CHOSEN_CONFIDENCE } from './chosen-terms.js';
import { RESOLUTION_LIMITS, RESOLUTION_THRESHOLDS } from './resolution-limits.js';
import { fireRules, fmt1, fmt2, fmtMm, round2, shown1, shown2, shownMm, type FeaturePredicate, type TermRule } from './rule-table.js';
import { viewLimitsFor } from './view-limits.js';

/** What the set rules read: the spread of sizes and shapes, and the majority single term. */
export interface SetFeatures {
  readonly count: number;
  /** Coefficient of variation of the long axes (unit-free: works uncalibrated). */
  readonly sizeSpread: number;
  /** Standard deviation of elongation (dots, short rods and triangles together spread it). */
  readonly elongationSpread: number;
  readonly medianLongAxisMm: number | null;
  /** Median contrast-to-noise over each calcification's area (Rose's k) of the set. */
  readonly medianContrastToNoise: number;
  /** Median long axis in pixels: whether the set's shapes can be read at this pixel size. */
  readonly medianLongAxisPx: number;
  /** Median elongation (long / short axis) of the set. */
  readonly medianElongation: number;
  /** Calcifications whose skeleton has at least one branch point. */
  readonly branching: number;
  readonly majority: MorphologyTerm | null;
}

export const SET_THRESHOLDS = {
  minCount: 3,
  /**
   * Punctate deposits drawn over their whole atlas range (0.1–0.5 mm) vary in size by themselves:
   * TUNED on phantoms at 0.05–0.1 mm pixels, punctate sets measure a size CV up to 0.4 (one in ten
   * higher); 0.5 keeps size alone from calling them pleomorphic.
   */
  sizeSpreadMin: 0.5,
  /*
   * No circularity spread: the circularity of a dot a few pixels across is set by its outline's
   * noise (punctate dots measure 0.45–0.96 at high noise on 0.05 mm pixels), so its spread read the
   * noise as pleomorphism (punctate sets at 0.15–0.30). Variation in shape is read on the
   * elongation (Feret ratio, from the convex hull). Left out after scoring 0.15, 0.2, 0.25 and none
   * on three seed sets of FFDM phantom settings.
   */
  /**
   * Uniform round deposits measure an elongation SD ≤ 0.08 on the old low-noise phantoms, but up to
   * 0.27 at real systems' noise on 0.05 mm pixels (a 4–6 px dot's outline moves with the noise);
   * mixed dots, rods and triangles (fine pleomorphic) measure 0.3–0.8. TUNED on phantom settings.
   */
  elongationSpreadMin: 0.25,
  /**
   * From 4 calcifications up, the spreads leave out the largest when it is over this many times
   * the median long axis (withoutMergedOutline). Punctate sets on the phantom settings hold such
   * outlines at 3–9 × (a dot merged with tissue); the sizes of fine pleomorphic deposits stay
   * within 2 × their median. TUNED on phantom settings (1.5–3 tried on two seed sets; 2 best).
   */
  outlierFreeMinCount: 4,
  mergedOutlineMinRatio: 2,
  /**
   * …and only when that outline is not convex (solidity below this): a dot merged with tissue or a
   * neighbour has a notched, ragged outline, while a larger smooth rod or dot beside small ones is
   * the variation in size fine pleomorphic calcifications are named for (ACR BI-RADS Atlas, 5th ed.:
   * "vary in size and shape") and must not be set aside. On three seed sets of FFDM phantom settings
   * (rescored on the same measurements) 0.85–0.95 keep every setting the size rule alone reaches;
   * without it a group of three 0.4 mm dots and a 1.2 mm rod read punctate.
   */
  mergedOutlineSolidityMax: 0.9,
  /**
   * Punctate as a set: the median elongation of its dots. A dot 4–8 px across measures a Feret
   * ratio up to (D + 1) / (D − 1) ≈ 1.3–1.7 when noise moves its outline by half a pixel at each
   * end; the median over the set stays lower. TUNED on phantom settings (1.3–1.5 tried on two
   * seed sets, 1.5 best); short rods of fine pleomorphic sets raise the spread, not only the median.
   */
  roundMedianElongationMax: 1.5,
  fineMaxMm: 0.5,
  amorphousMaxMm: 1,
  /** The single-calcification limit on Rose's k (MORPHOLOGY_THRESHOLDS.faintAreaContrastToNoiseMax), on the set's median. */
  faintContrastToNoiseMax: MORPHOLOGY_THRESHOLDS.faintAreaContrastToNoiseMax,
} as const;

const LINEAR_FORMS: readonly MorphologyTerm[] = ['fine linear', 'fine-linear branching', 'vascular', 'large rod-like'];

export const SET_PREDICATES = {
  'at least 3 calcifications': {
    test: (s) => s.count >= SET_THRESHOLDS.minCount,
    say: (s) => `${s.count} calcifications ≥ ${SET_THRESHOLDS.minCount}`,
  },
  'varied sizes or shapes': {
    test: (s) =>
      shown2(s.sizeSpread) >= SET_THRESHOLDS.sizeSpreadMin || shown2(s.elongationSpread) >= SET_THRESHOLDS.elongationSpreadMin,
    say: (s) =>
      `varied: size spread (CV) ${fmt2(s.sizeSpread)} (≥ ${SET_THRESHOLDS.sizeSpreadMin}) or elongation spread ${fmt2(s.elongationSpread)} (≥ ${SET_THRESHOLDS.elongationSpreadMin})`,
  },
  'uniform sizes and shapes': {
    test: (s) =>
      shown2(s.sizeSpread) < SET_THRESHOLDS.sizeSpreadMin && shown2(s.elongationSpread) < SET_THRESHOLDS.elongationSpreadMin,
    say: (s) =>
      `uniform: size spread (CV) ${fmt2(s.sizeSpread)} < ${SET_THRESHOLDS.sizeSpreadMin}, elongation spread ${fmt2(s.elongationSpread)} < ${SET_THRESHOLDS.elongationSpreadMin}`,
  },
  'shapes readable': {
    test: (s) => shown1(s.medianLongAxisPx) >= RESOLUTION_THRESHOLDS.shapeMinPxAcross,
    say: (s) => `median long axis ${fmt1(s.medianLongAxisPx)} px ≥ ${RESOLUTION_THRESHOLDS.shapeMinPxAcross} px (shapes readable)`,
  },
  'round as a set': {
    test: (s) => shown2(s.medianElongation) <= SET_THRESHOLDS.roundMedianElongationMax,
    say: (s) => `round: median elongation ${fmt2(s.medianElongation)} ≤ ${SET_THRESHOLDS.roundMedianElongationMax}`,
  },
  'median long axis < 1 mm': {
    test: (s) => (s.medianLongAxisMm === null ? null : shownMm(s.medianLongAxisMm) < SET_THRESHOLDS.amorphousMaxMm),
    say: (s) => `median long axis ${s.medianLongAxisMm === null ? '?' : fmtMm(s.medianLongAxisMm)} mm < ${SET_THRESHOLDS.amorphousMaxMm} mm`,
  },
  'faint as a set': {
    test: (s) => shown1(s.medianContrastToNoise) < SET_THRESHOLDS.faintContrastToNoiseMax,
    say: (s) => `faint: median contrast-to-noise over their areas ${fmt1(s.medianContrastToNoise)} < ${SET_THRESHOLDS.faintContrastToNoiseMax}`,
  },
  'conspicuous as a set': {
    test: (s) => shown1(s.medianContrastToNoise) >= SET_THRESHOLDS.faintContrastToNoiseMax,
    say: (s) => `conspicuous: median contrast-to-noise over their areas ${fmt1(s.medianContrastToNoise)} ≥ ${SET_THRESHOLDS.faintContrastToNoiseMax}`,
  },
  'fine-linear majority': {
    test: (s) => s.majority === 'fine linear' || s.majority === 'fine-linear branching',
    say: (s) => `majority ${s.majority ?? 'undetermined'}`,
  },
  'a branching calcification': {
    test: (s) => s.branching >= 1,
    say: (s) => `${s.branching} calcification${s.branching === 1 ? '' : 's'} with a branch point`,
  },
  'median long axis < 0.5 mm': {
    test: (s) => (s.medianLongAxisMm === null ? null : shownMm(s.medianLongAxisMm) < SET_THRESHOLDS.fineMaxMm),
    say: (s) => `median long axis ${s.medianLongAxisMm === null ? '?' : fmtMm(s.medianLongAxisMm)} mm < ${SET_THRESHOLDS.fineMaxMm} mm`,
  },
  'no fine-linear majority': {
    test: (s) => s.majority === null || !LINEAR_FORMS.includes(s.majority),
    say: (s) => `majority ${s.majority ?? 'undetermined'}, not linear forms`,
  },
} as const satisfies Record<string, FeaturePredicate<SetFeatures>>;

const SET_SOURCE = 'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications, suspicious morphology';

export const SET_RULES: readonly TermRule<MorphologyTerm, keyof typeof SET_PREDICATES>[] = [
  // Linear casts branch somewhere along the duct, not in every piece: one branching piece names the set.
  {
    term: 'fine-linear branching',
    all: ['fine-linear majority', 'a branching calcification'],
    confidence: 0.75,
    source: `${SET_SOURCE}, d. fine-linear branching: casts of a duct, may branch`,
  },
  {
    term: 'amorphous',
    all: ['median long axis < 1 mm', 'faint as a set', 'no fine-linear majority'],
    confidence: 0.65,
    source: `${SET_SOURCE}, a. amorphous: so small and/or hazy that no more specific shape can be given`,
  },
  {
    term: 'fine pleomorphic',
    all: [
      'at least 3 calcifications',
      'varied sizes or shapes',
      'median long axis < 0.5 mm',
      'conspicuous as a set',
      'no fine-linear majority',
    ],
    confidence: 0.6,
    source: `${SET_SOURCE}, c. fine pleomorphic: varying sizes and shapes, usually < 0.5 mm, more conspicuous than amorphous`,
  },
  // The counterpart of fine pleomorphic: small conspicuous dots of one size and shape. Read on the
  // set's medians, so noise that moves one dot's outline does not decide it.
  {
    term: 'punctate',
    all: [
      'at least 3 calcifications',
      'shapes readable',
      'uniform sizes and shapes',
      'round as a set',
      'median long axis < 0.5 mm',
      'conspicuous as a set',
      'no fine-linear majority',
    ],
    confidence: 0.6,
    source:
      'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications, typically benign, e. round: "when smaller than 0.5 mm, the term punctate should be used"; fine pleomorphic differs by "varying sizes and shapes"',
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
 * The set without its largest calcification when that one is over mergedOutlineMinRatio × the
 * set's median long axis (from outlierFreeMinCount calcifications up) and not convex: an outline
 * merged with a neighbour or with tissue is only ever larger, and notched, and variation in size and shape is a property of
 * the set, which one such outline cannot make.
 */
function withoutMergedOutline(ms: readonly CalcificationMeasurements[]): readonly CalcificationMeasurements[] {
  if (ms.length < SET_THRESHOLDS.outlierFreeMinCount) return ms;
  const mid = median(ms.map((m) => m.longAxis.px));
  let largest = 0;
  ms.forEach((m, i) => {
    if (m.longAxis.px > (ms[largest]?.longAxis.px ?? 0)) largest = i;
  });
  const big = ms[largest]?.longAxis.px ?? 0;
  return big > SET_THRESHOLDS.mergedOutlineMinRatio * mid && (ms[largest]?.solidity ?? 1) < SET_THRESHOLDS.mergedOutlineSolidityMax ? ms.filter((_, i) => i !== largest) : ms;
}

/**
 * A single calcification is its own finding: its description, with the finding's caveats stated
 * once. Like a set, the finding carries each calcification's best term only (the others stay in
 * the evidence as "also consistent with").
 */
function asFinding(d: MorphologyDescription): MorphologyDescription {
  const caveats = d.caveats ?? [];
  return { ...d, terms: d.terms.slice(0, 1), evidence: [...d.evidence, ...caveats], caveats };
}

/** The shape limit applied to the set's median span: stated once for the finding. */
function setResolution(ms: readonly CalcificationMeasurements[]): InseparableTerms[] {
  const spans = {
    longAxisPx: median(ms.map((m) => m.longAxis.px)),
    calibrePx: median(ms.map((m) => m.skeleton.calibre.px)),
    elongation: median(ms.map((m) => m.elongation)),
    pixelSizeMm: ms[0] === undefined ? null : pixelSizeOf(ms[0]),
  };
  return RESOLUTION_LIMITS.filter((l) => l.unresolved !== 'everything' && l.applies(spans)).map((l) => ({
    terms: l.cannotSeparate,
    reason: `${l.say(spans)} (median of ${ms.length} calcifications)`,
    words: l.words(spans),
  }));
}

/**
 * Suggests the morphology of a set of calcifications (one finding): the majority of the single
 * suggestions; "fine pleomorphic" when small conspicuous calcifications vary in size or shape;
 * "amorphous" when small calcifications are too faint as a set to read their shapes; "fine-linear
 * branching" when linear casts hold at least one branching piece. One calcification is described
 * as one (never as a set). Caveats that hold for the whole finding are stated once, at the end of
 * the evidence.
 */
export function describeCalcifications(
  ms: readonly CalcificationMeasurements[],
  ctx: DescribeContext = {},
): MorphologyDescription {
  if (ms.length === 0) {
    const none = { reason: 'no calcifications to describe', words: 'no calcifications' };
    return { terms: [], evidence: [none.reason], sizeThresholdsApplied: false, caveats: [], notCharacterised: none };
  }
  const singles = ms.map((m) => describeCalcification(m, ctx));
  if (singles.length === 1 && singles[0] !== undefined) return asFinding(singles[0]);
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
  const varied = withoutMergedOutline(ms);
  const sizes = spread(varied.map((m) => m.longAxis.px));
  const features: SetFeatures = {
    count: ms.length,
    sizeSpread: sizes.mean > 0 ? sizes.sd / sizes.mean : 0,
    elongationSpread: spread(varied.map((m) => m.elongation)).sd,
    medianLongAxisMm: calibrated ? median(ms.map((m) => m.longAxis.mm ?? 0)) : null,
    medianContrastToNoise: median(ms.map(areaContrastToNoise)),
    medianLongAxisPx: median(ms.map((m) => m.longAxis.px)),
    medianElongation: median(ms.map((m) => m.elongation)),
    branching: ms.filter((m) => m.skeleton.branchPoints >= 1).length,
    majority,
  };
  const setFired = fireRules(SET_RULES, SET_PREDICATES, features);
  const terms: TermWithConfidence<MorphologyTerm>[] = setFired.map((r) => ({ term: r.term, confidence: r.confidence }));
  for (const [term, t] of ranked) {
    if (terms.some((x) => x.term === term)) continue;
    terms.push({ term, confidence: round2((t.votes / ms.length) * (t.confidence / t.votes)) });
  }
  const evidence: string[] = [];
  for (const r of setFired) evidence.push(`${r.term}: ${r.evidence.join('; ')}`);
  let notCharacterised: NotCharacterised | null = null;
  if (majority !== null) {
    const votes = tally.get(majority)?.votes ?? 0;
    evidence.push(`majority ${majority}: ${votes} of ${ms.length} calcifications`);
  } else if (terms.length === 0) {
    // The reason all share (in report words), else the plain one.
    const words = [...new Set(singles.map((d) => d.notCharacterised?.words ?? null))];
    const shared = words.length === 1 ? singles[0]?.notCharacterised ?? null : null;
    notCharacterised = shared ?? { reason: 'no morphology rule matched any calcification', words: 'no lexicon term fits the measurements' };
    evidence.push(shared === null ? notCharacterised.reason : `${shared.reason} (each of the ${ms.length} calcifications)`);
  } else {
    evidence.push('no morphology rule matched any single calcification');
  }
  const best = terms[0];
  if (best !== undefined && best.confidence < MIN_CHOSEN_CONFIDENCE) {
    // The calcifications' terms disagree (or were read at half confidence): no term is chosen.
    const split = ranked.map(([t, v]) => `${t} ${v.votes} of ${ms.length}`).join(', ');
    notCharacterised = {
      reason: `not characterised: the calcifications do not agree on a term (${split}; best confidence ${fmt2(best.confidence)} < ${MIN_CHOSEN_CONFIDENCE})`,
      words: 'the calcifications do not agree on a term',
    };
    evidence.push(notCharacterised.reason);
  }
  const cannotSeparate = setResolution(ms);
  evidence.push(...cannotSeparate.map((c) => c.reason));
  const caveats: string[] = [];
  if (!calibrated) caveats.push(UNCALIBRATED_EVIDENCE);
  if (best !== undefined) caveats.push(...viewLimitsFor(best.term, ctx));
  evidence.push(...caveats);
  return { terms, evidence, sizeThresholdsApplied: calibrated, caveats, notCharacterised, cannotSeparate };
}
