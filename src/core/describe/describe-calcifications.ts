import { DUCT_CAST_MORPHOLOGY, isTypicallyBenign, LINEAR_MORPHOLOGY, type MorphologyTerm } from '../lexicon.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { DescribeContext } from './context.js';
import type { HeldAlone, InseparableTerms, MorphologyDescription, NotCharacterised, TermWithConfidence } from './description.js';
import { uncalibratedEvidence } from './describe-calcification.js';
import { describeMembers } from './on-vessel.js';
import { areaContrastToNoise, pixelSizeOf } from './calcification-features.js';
import { MORPHOLOGY_THRESHOLDS } from './morphology-rules.js';
import { MIN_CHOSEN_CONFIDENCE } from './chosen-terms.js';
import { RESOLUTION_LIMITS, RESOLUTION_THRESHOLDS } from './resolution-limits.js';
import { eitherHolds, eitherSay, fireRules, fmt1, fmt2, round2, shown1, shown2, type EitherPart, type FeaturePredicate, type TermRule } from './rule-table.js';
import { viewLimitsFor } from './view-limits.js';
import { ATLAS_LIKELIHOOD, isSuspiciousTerm, type SuspiciousTerm } from '../assess/suspicious-ppv.js';
import { filmPitchOr, spanSay, spanTest, type FilmPitchRange } from './film-pitch.js';

/** What the set rules read: the spread of sizes and shapes, and the majority single term. */
export interface SetFeatures {
  readonly count: number;
  /** Coefficient of variation of the long axes (unit-free: works uncalibrated). */
  readonly sizeSpread: number;
  /** Standard deviation of elongation (dots, short rods and triangles together spread it). */
  readonly elongationSpread: number;
  /**
   * The elongation spread over the spread the noise alone makes: the SD × the calcifications'
   * root-mean-square Rose's k (rmsContrastToNoise). Unit-free, the same at any pixel size and dose.
   */
  readonly elongationSpreadOverNoise: number;
  readonly medianLongAxisMm: number | null;
  /** Median contrast-to-noise over each calcification's area (Rose's k) of the set. */
  readonly medianContrastToNoise: number;
  /** Median long axis in pixels: whether the set's shapes can be read at this pixel size. */
  readonly medianLongAxisPx: number;
  /** Uncalibrated: the scan pitches the image's pixel may be (the members' filmPitchMm). */
  readonly filmPitchMm: FilmPitchRange;
  /** Median elongation (long / short axis) of the set. */
  readonly medianElongation: number;
  /** Calcifications whose skeleton has at least one branch point. */
  readonly branching: number;
  readonly majority: MorphologyTerm | null;
  /** Calcifications whose own best term is a linear form (fine linear, fine-linear branching, vascular, large rod-like). */
  readonly linearForms: number;
  /** Calcifications whose own best term is a duct cast (fine linear, fine-linear branching). */
  readonly ductCasts: number;
}

export const SET_THRESHOLDS = {
  minCount: 3,
  /** Casts of a duct are a pattern: at least two pieces read as casts on their own. */
  castsMin: 2,
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
   * Variation in shape beyond what the noise makes. The noise moves the outline of a dot by
   * σ / (edge gradient), a fraction of its width that falls as 1 / k (Rose's k, its contrast over
   * the noise of its own area), so the elongation of dots of one shape spreads as c / k. On the
   * phantom settings (0.05–0.1 mm pixels, both noise levels, log and processed; seeds 500000 and
   * 600000) uniform sets measure c = SD × root-mean-square k of 1.5 (median; punctate and amorphous
   * alike), 2.8 at the 90th percentile; fine pleomorphic sets 6 (median). A set whose elongation
   * spread is at least 3 × its noise's varies in shape whatever the dose or pixel size. TUNED on
   * those two seed sets (2.5–4 tried; 2.5–3 best).
   */
  elongationOverNoiseMin: 3,
  /**
   * Faint sets (median k under faintContrastToNoiseMax) whose shapes vary beyond the noise are fine
   * pleomorphic, not amorphous: the atlas defines amorphous by a shape that "cannot be determined",
   * and a spread three times the noise's is a shape determined. Below this median k the rule is not
   * applied: amorphous sets at k 5–7 reach an elongation spread of 0.5–0.8 on noisy outlines, beyond
   * the 1 / k model. TUNED on the phantom settings (5–9 tried on two seed sets; 6–8 alike, 8 kept).
   */
  faintVariedContrastToNoiseMin: 8,
  /**
   * The elongation spread (shape, not size) is read on the calcifications whose own outline shows
   * their shape: a Rose's k of at least this (as long as minCount remain; else on all). Under it the noise moves the outline
   * by a large part of the deposit's width (the elongation of one shape spreads as c / k, c ≈ 1.5–2.8:
   * ± 0.2–0.35 at k 8), so a faint speck beside clear round dots reads as a rod. In the punctate
   * sets read as fine pleomorphic on the phantom settings, the elongated members were the faint
   * ones (k 4–10) and the members at k 15–70 were round; the rods of fine pleomorphic sets are as
   * dense as their dots. The same k as faintVariedContrastToNoiseMin (a set's shapes read above
   * the noise). TUNED on three seed sets of FFDM phantom settings (500000, 600000, 700000; 6–14
   * tried; 7–9 alike, 10 and over lost fine pleomorphic sets to punctate), checked on 800000.
   */
  shapeReadContrastToNoiseMin: 8,
  /**
   * …and faint sets of uniform dots (shapes readable) whose median elongation stays this round are
   * punctate: their shape was determined, round. A digitised disc 5–10 px across measures an
   * elongation ≤ 1.15 and the noise at k 8–11 lifts it; on the phantom settings (seeds 500000 and
   * 600000) amorphous sets at k 8–11 measure a median of 1.31 or more, the punctate sets there that
   * read as amorphous 1.11 and 1.13. TUNED: 1.15–1.3 score alike; 1.25, the single round-shape limit
   * (MORPHOLOGY_THRESHOLDS.roundElongationMax), kept here as its own number.
   */
  faintRoundMedianElongationMax: 1.25,
  /**
   * From 4 calcifications up, the spreads leave out every outline over this many times the median
   * long axis (withoutMergedOutline), as long as 3 remain. Punctate sets on the phantom settings hold such
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

/** An elongation spread of at least elongationSpreadMin that is also elongationOverNoiseMin × the noise's. */
const variedBeyondNoise = (s: SetFeatures): boolean =>
  shown2(s.elongationSpread) >= SET_THRESHOLDS.elongationSpreadMin && shown1(s.elongationSpreadOverNoise) >= SET_THRESHOLDS.elongationOverNoiseMin;
const uniform = (s: SetFeatures): boolean =>
  shown2(s.sizeSpread) < SET_THRESHOLDS.sizeSpreadMin && shown2(s.elongationSpread) < SET_THRESHOLDS.elongationSpreadMin;
const readable = (s: SetFeatures): boolean => shown1(s.medianLongAxisPx) >= RESOLUTION_THRESHOLDS.shapeMinPxAcross;
const roundThoughFaint = (s: SetFeatures): boolean => shown2(s.medianElongation) <= SET_THRESHOLDS.faintRoundMedianElongationMax;
const seenAboveNoise = (s: SetFeatures): boolean => shown1(s.medianContrastToNoise) >= SET_THRESHOLDS.faintVariedContrastToNoiseMin;

/**
 * Whether a faint set's shape was determined after all (amorphous: "a more specific particle shape
 * cannot be determined"): seen above the noise (median k ≥ faintVariedContrastToNoiseMin) and either
 * varied beyond the noise (fine pleomorphic) or uniform, readable, round dots (punctate).
 */
const shapeDetermined = (s: SetFeatures): boolean =>
  seenAboveNoise(s) && (variedBeyondNoise(s) || (uniform(s) && readable(s) && roundThoughFaint(s)));

/** Why no shape was determined, with the measured values against their limits. */
function noShapeWords(s: SetFeatures): string {
  if (!seenAboveNoise(s)) {
    return `median contrast-to-noise over their areas ${fmt1(s.medianContrastToNoise)} < ${SET_THRESHOLDS.faintVariedContrastToNoiseMin}`;
  }
  const spreadWords =
    shown2(s.elongationSpread) < SET_THRESHOLDS.elongationSpreadMin
      ? `elongation spread ${fmt2(s.elongationSpread)} < ${SET_THRESHOLDS.elongationSpreadMin}`
      : `elongation spread ${fmt2(s.elongationSpread)}, ${fmt1(s.elongationSpreadOverNoise)} × the noise's < ${SET_THRESHOLDS.elongationOverNoiseMin}`;
  const notRound =
    shown2(s.sizeSpread) >= SET_THRESHOLDS.sizeSpreadMin
      ? `size spread (CV) ${fmt2(s.sizeSpread)} ≥ ${SET_THRESHOLDS.sizeSpreadMin}`
      : shown2(s.elongationSpread) >= SET_THRESHOLDS.elongationSpreadMin
        ? `elongation spread ${fmt2(s.elongationSpread)} ≥ ${SET_THRESHOLDS.elongationSpreadMin}`
        : !readable(s)
          ? `median long axis ${fmt1(s.medianLongAxisPx)} px < ${RESOLUTION_THRESHOLDS.shapeMinPxAcross} px`
          : `median elongation ${fmt2(s.medianElongation)} > ${SET_THRESHOLDS.faintRoundMedianElongationMax}`;
  return `shapes within the noise (${spreadWords}) and not round dots (${notRound})`;
}

/** Varied: a spread of sizes or of shapes. */
const variedParts = (s: SetFeatures): EitherPart[] => [
  { words: `size spread (CV) ${fmt2(s.sizeSpread)} ≥ ${SET_THRESHOLDS.sizeSpreadMin}`, holds: shown2(s.sizeSpread) >= SET_THRESHOLDS.sizeSpreadMin },
  { words: `elongation spread ${fmt2(s.elongationSpread)} ≥ ${SET_THRESHOLDS.elongationSpreadMin}`, holds: shown2(s.elongationSpread) >= SET_THRESHOLDS.elongationSpreadMin },
];

export const SET_PREDICATES = {
  'at least 3 calcifications': {
    test: (s) => s.count >= SET_THRESHOLDS.minCount,
    say: (s) => `${s.count} calcifications ≥ ${SET_THRESHOLDS.minCount}`,
  },
  'varied sizes or shapes': {
    test: (s) => eitherHolds(variedParts(s)),
    say: (s) => eitherSay('varied', variedParts(s)),
  },
  'shapes varied beyond the noise': {
    test: (s) => variedBeyondNoise(s),
    say: (s) =>
      `shapes varied beyond the noise: elongation spread ${fmt2(s.elongationSpread)} (≥ ${SET_THRESHOLDS.elongationSpreadMin}), ${fmt1(s.elongationSpreadOverNoise)} × the noise's (≥ ${SET_THRESHOLDS.elongationOverNoiseMin})`,
  },
  'round dots, though faint': {
    test: (s) => roundThoughFaint(s),
    say: (s) => `round: median elongation ${fmt2(s.medianElongation)} ≤ ${SET_THRESHOLDS.faintRoundMedianElongationMax}`,
  },
  'no shape determined': {
    test: (s) => !shapeDetermined(s),
    say: (s) => `no shape determined: ${noShapeWords(s)}`,
  },
  'shapes seen above the noise': {
    test: (s) => seenAboveNoise(s),
    say: (s) => `median contrast-to-noise over their areas ${fmt1(s.medianContrastToNoise)} ≥ ${SET_THRESHOLDS.faintVariedContrastToNoiseMin}`,
  },
  'uniform sizes and shapes': {
    test: (s) => uniform(s),
    say: (s) =>
      `uniform: size spread (CV) ${fmt2(s.sizeSpread)} < ${SET_THRESHOLDS.sizeSpreadMin}, elongation spread ${fmt2(s.elongationSpread)} < ${SET_THRESHOLDS.elongationSpreadMin}`,
  },
  'shapes readable': {
    test: (s) => readable(s),
    say: (s) => `median long axis ${fmt1(s.medianLongAxisPx)} px ≥ ${RESOLUTION_THRESHOLDS.shapeMinPxAcross} px (shapes readable)`,
  },
  'round as a set': {
    test: (s) => shown2(s.medianElongation) <= SET_THRESHOLDS.roundMedianElongationMax,
    say: (s) => `round: median elongation ${fmt2(s.medianElongation)} ≤ ${SET_THRESHOLDS.roundMedianElongationMax}`,
  },
  // On uncalibrated film a set's size is decided only where every film scan pitch agrees, as a single
  // calcification's is (film-pitch.ts): four rims 40 px across are over 1 mm at any pitch.
  'median long axis < 1 mm': {
    test: (s) => spanTest(s.medianLongAxisMm, s.medianLongAxisPx, s.filmPitchMm, (mm) => mm < SET_THRESHOLDS.amorphousMaxMm),
    say: (s) => spanSay('median long axis', s.medianLongAxisMm, s.medianLongAxisPx, s.filmPitchMm, '<', `${SET_THRESHOLDS.amorphousMaxMm} mm`),
  },
  'faint as a set': {
    test: (s) => shown1(s.medianContrastToNoise) < SET_THRESHOLDS.faintContrastToNoiseMax,
    say: (s) => `faint: median contrast-to-noise over their areas ${fmt1(s.medianContrastToNoise)} < ${SET_THRESHOLDS.faintContrastToNoiseMax}`,
  },
  'conspicuous as a set': {
    test: (s) => shown1(s.medianContrastToNoise) >= SET_THRESHOLDS.faintContrastToNoiseMax,
    say: (s) => `conspicuous: median contrast-to-noise over their areas ${fmt1(s.medianContrastToNoise)} ≥ ${SET_THRESHOLDS.faintContrastToNoiseMax}`,
  },
  /*
   * The casts are the plurality of the calcifications that got a term, and more than one of them:
   * casts of a duct are a pattern of pieces, not one piece among other forms. A rectangle over a
   * calcified vessel on a digitised film outlined five pieces of its walls, one read fine linear and
   * the others no term or coarse heterogeneous; that one piece was the plurality, a lumpy piece
   * beside it had a branch point, and the set read fine-linear branching, BI-RADS 4C. One such piece
   * is named beside the finding instead (heldAloneWarnings: "1 of 5 calcifications reads fine linear
   * on its own …").
   */
  'casts the plurality': {
    test: (s) => s.majority !== null && DUCT_CAST_MORPHOLOGY.includes(s.majority) && s.ductCasts >= SET_THRESHOLDS.castsMin,
    say: (s) => `majority ${s.majority ?? 'undetermined'}: ${s.ductCasts} of ${s.count} calcifications read fine linear or fine-linear branching alone (at least ${SET_THRESHOLDS.castsMin})`,
  },
  'a branching calcification': {
    test: (s) => s.branching >= 1,
    say: (s) => `${s.branching} calcification${s.branching === 1 ? '' : 's'} with a branch point`,
  },
  'median long axis < 0.5 mm': {
    test: (s) => spanTest(s.medianLongAxisMm, s.medianLongAxisPx, s.filmPitchMm, (mm) => mm < SET_THRESHOLDS.fineMaxMm),
    say: (s) => spanSay('median long axis', s.medianLongAxisMm, s.medianLongAxisPx, s.filmPitchMm, '<', `${SET_THRESHOLDS.fineMaxMm} mm`),
  },
  /*
   * Linear forms are counted against the whole set, not against the calcifications that got a
   * term: in a set of eight small deposits where six fit no single rule, the two short rods read
   * as fine linear are the plurality but not the set (variation in shape is what fine pleomorphic
   * is named for).
   */
  'not mostly linear forms': {
    test: (s) => 2 * s.linearForms < s.count,
    say: (s) => `${s.linearForms} of ${s.count} calcifications linear forms (fewer than half)`,
  },
} as const satisfies Record<string, FeaturePredicate<SetFeatures>>;

const SET_SOURCE = 'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications, suspicious morphology';

export const SET_RULES: readonly TermRule<MorphologyTerm, keyof typeof SET_PREDICATES>[] = [
  // Linear casts branch somewhere along the duct, not in every piece: one branching piece names the set.
  {
    term: 'fine-linear branching',
    all: ['casts the plurality', 'a branching calcification'],
    confidence: 0.75,
    source: `${SET_SOURCE}, d. fine-linear branching: casts of a duct, may branch`,
  },
  {
    term: 'amorphous',
    all: ['median long axis < 1 mm', 'faint as a set', 'no shape determined', 'not mostly linear forms'],
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
      'not mostly linear forms',
    ],
    confidence: 0.6,
    source: `${SET_SOURCE}, c. fine pleomorphic: varying sizes and shapes, usually < 0.5 mm, more conspicuous than amorphous`,
  },
  // Faint, but the shapes vary beyond what the noise makes: a shape was determined, so not amorphous
  // ("so small and/or hazy … that a more specific particle shape cannot be determined").
  {
    term: 'fine pleomorphic',
    all: [
      'at least 3 calcifications',
      'shapes varied beyond the noise',
      'median long axis < 0.5 mm',
      'faint as a set',
      'shapes seen above the noise',
      'not mostly linear forms',
    ],
    confidence: 0.6,
    source: `${SET_SOURCE}, c. fine pleomorphic: varying sizes and shapes; a. amorphous only when no shape can be determined`,
  },
  // Faint, but uniform dots that stay round: a shape was determined (round), so not amorphous.
  {
    term: 'punctate',
    all: [
      'at least 3 calcifications',
      'shapes readable',
      'uniform sizes and shapes',
      'round dots, though faint',
      'median long axis < 0.5 mm',
      'faint as a set',
      'shapes seen above the noise',
      'not mostly linear forms',
    ],
    confidence: 0.6,
    source:
      'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications, typically benign, e. round: "when smaller than 0.5 mm, the term punctate should be used"; a. amorphous only when no shape can be determined',
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
      'not mostly linear forms',
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
 * The root-mean-square of the calcifications' Rose's k (1 / √mean(1 / k²)): the elongation of a
 * dot whose outline the noise moves spreads as 1 / k, so the set's noise spread is the mean of
 * the 1 / k² and its inverse root the k the spread is compared at.
 */
function rmsContrastToNoise(ms: readonly CalcificationMeasurements[]): number {
  const inv = ms.reduce((a, m) => a + 1 / Math.max(1, areaContrastToNoise(m)) ** 2, 0) / Math.max(1, ms.length);
  return inv > 0 ? 1 / Math.sqrt(inv) : 0;
}

/**
 * The set without the calcifications over mergedOutlineMinRatio × the set's median long axis whose
 * outline is not convex (from outlierFreeMinCount calcifications up, as long as minCount remain): an
 * outline merged with a neighbour or with tissue is only ever larger, and notched, and variation in
 * size and shape is a property of the set, which such outlines cannot make. Every such outline is
 * left out, not only the largest: a punctate set on soft, noisy 0.07 mm pixels held two.
 */
function withoutMergedOutline(ms: readonly CalcificationMeasurements[]): readonly CalcificationMeasurements[] {
  if (ms.length < SET_THRESHOLDS.outlierFreeMinCount) return ms;
  const mid = median(ms.map((m) => m.longAxis.px));
  const kept = ms.filter((m) => !(m.longAxis.px > SET_THRESHOLDS.mergedOutlineMinRatio * mid && m.solidity < SET_THRESHOLDS.mergedOutlineSolidityMax));
  return kept.length >= SET_THRESHOLDS.minCount ? kept : ms;
}

/**
 * The calcifications whose shapes the elongation spread reads: those at a Rose's k of at least
 * shapeReadContrastToNoiseMin, as long as minCount remain (else all of them). A faint member's
 * outline is shaped by the noise; variation in shape is read where shapes are seen. Sizes are read
 * on all: the smallest deposits are the faintest (k grows with the area), and leaving them out
 * would hide the variation in size fine pleomorphic calcifications are named for.
 */
function shapesSeen(ms: readonly CalcificationMeasurements[]): readonly CalcificationMeasurements[] {
  const seen = ms.filter((m) => shown1(areaContrastToNoise(m)) >= SET_THRESHOLDS.shapeReadContrastToNoiseMin);
  return seen.length >= SET_THRESHOLDS.minCount ? seen : ms;
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
  const singles = describeMembers(ms, ctx);
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
  const kept = withoutMergedOutline(ms);
  const shapesRead = shapesSeen(kept);
  const sizes = spread(kept.map((m) => m.longAxis.px));
  const elongations = spread(shapesRead.map((m) => m.elongation));
  const filmPitchMm = filmPitchOr(ms.find((m) => m.filmPitchMm !== undefined)?.filmPitchMm);
  const features: SetFeatures = {
    count: ms.length,
    sizeSpread: sizes.mean > 0 ? sizes.sd / sizes.mean : 0,
    elongationSpread: elongations.sd,
    elongationSpreadOverNoise: elongations.sd * rmsContrastToNoise(shapesRead),
    medianLongAxisMm: calibrated ? median(ms.map((m) => m.longAxis.mm ?? 0)) : null,
    medianContrastToNoise: median(ms.map(areaContrastToNoise)),
    medianLongAxisPx: median(ms.map((m) => m.longAxis.px)),
    filmPitchMm,
    medianElongation: median(ms.map((m) => m.elongation)),
    branching: ms.filter((m) => m.skeleton.branchPoints >= 1).length,
    majority,
    linearForms: singles.filter((d) => d.terms[0] !== undefined && LINEAR_MORPHOLOGY.includes(d.terms[0].term)).length,
    ductCasts: singles.filter((d) => d.terms[0] !== undefined && DUCT_CAST_MORPHOLOGY.includes(d.terms[0].term)).length,
  };
  const setFired = fireRules(SET_RULES, SET_PREDICATES, features);
  const terms: TermWithConfidence<MorphologyTerm>[] = setFired.map((r) => ({ term: r.term, confidence: r.confidence }));
  for (const [term, t] of ranked) {
    if (terms.some((x) => x.term === term)) continue;
    terms.push({ term, confidence: round2((t.votes / ms.length) * (t.confidence / t.votes)) });
  }
  const evidence: string[] = [];
  for (const r of setFired) evidence.push(`${r.term}: ${r.evidence.join('; ')}`);
  if (shapesRead.length < kept.length) {
    evidence.push(
      `shapes read on ${shapesRead.length} of ${kept.length} calcifications: the others too faint to show their shape (contrast-to-noise over their areas < ${SET_THRESHOLDS.shapeReadContrastToNoiseMin})`,
    );
  }
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
  if (!calibrated) caveats.push(uncalibratedEvidence(filmPitchMm));
  if (best !== undefined) caveats.push(...viewLimitsFor(best.term, ctx));
  evidence.push(...caveats);
  return { terms, evidence, sizeThresholdsApplied: calibrated, caveats, notCharacterised, cannotSeparate, heldAlone: heldAlone(singles) };
}

/**
 * The least confidence at which a calcification's own suspicious term is named beside a set that
 * does not carry it: its rule met in full (the suspicious single rules grade 0.5–0.8 when every
 * predicate holds; half that when a size could not be applied).
 */
export const HELD_ALONE_MIN_CONFIDENCE = 0.5;

/** The suspicious terms the set's calcifications read on their own at full support (see MorphologyDescription.heldAlone). */
function heldAlone(singles: readonly MorphologyDescription[]): HeldAlone[] {
  const byTerm = new Map<MorphologyTerm, { count: number; confidence: number }>();
  for (const d of singles) {
    const top = d.terms[0];
    if (top === undefined || isTypicallyBenign(top.term) || top.confidence < HELD_ALONE_MIN_CONFIDENCE) continue;
    const t = byTerm.get(top.term) ?? { count: 0, confidence: 0 };
    byTerm.set(top.term, { count: t.count + 1, confidence: Math.max(t.confidence, top.confidence) });
  }
  return [...byTerm.entries()].map(([term, t]) => ({ term, count: t.count, of: singles.length, confidence: t.confidence }));
}

/**
 * A suspicious term some of a finding's calcifications read on their own (heldAlone) that the finding
 * does not carry, in words for the finding's warnings: every such term when the finding carries no
 * suspicious term; when it carries one, those of a higher likelihood of malignancy in the atlas (a
 * fine linear cast in a coarse heterogeneous group). Empty otherwise. The set's vote stands — a piece
 * of a vessel or a noisy outline may read suspicious alone — but a radiologist looks at them before
 * accepting the suggestion.
 */
export function heldAloneWarnings(d: MorphologyDescription, carried: readonly MorphologyTerm[]): string[] {
  const suspicious = carried.filter(isSuspiciousTerm);
  const top = suspicious.reduce<SuspiciousTerm | null>((a, t) => (a === null || ATLAS_LIKELIHOOD[t].percent > ATLAS_LIKELIHOOD[a].percent ? t : a), null);
  const terms = carried.length > 0 ? carried.join(', ') : 'not characterised';
  return (d.heldAlone ?? []).flatMap((h) => {
    const held = isSuspiciousTerm(h.term) ? ATLAS_LIKELIHOOD[h.term] : null;
    if (top !== null && (held === null || held.percent <= ATLAS_LIKELIHOOD[top].percent)) return [];
    const one = h.count === 1;
    const reads = `${h.count} of ${h.of} calcifications ${one ? 'reads' : 'read'} ${h.term} on ${one ? 'its' : 'their'} own (confidence ${fmt2(h.confidence)}${one ? '' : ' at most'})`;
    const look = `look at ${one ? 'it' : 'them'} before accepting the suggestion`;
    if (top === null || held === null) return [`${reads}, a term the finding does not carry (${terms}): ${look}`];
    return [
      `${reads}, a form of higher likelihood of malignancy than the finding carries (${h.term} ${held.words} against ${top} ${ATLAS_LIKELIHOOD[top].words}, ACR BI-RADS Atlas, 5th ed.; the finding: ${terms}): ${look}`,
    ];
  });
}
