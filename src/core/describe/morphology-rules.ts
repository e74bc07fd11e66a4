/**
 * Morphology rules as data: named predicates on one calcification's measurements, and the
 * lexicon term each combination suggests. Size cues follow the BI-RADS atlas (see
 * docs: punctate < 0.5 mm, round < 1 mm, dystrophic > 1 mm, coarse > 2–3 mm, fine linear calibre
 * < 0.5 mm, large rod-like ≥ 0.5 mm thick and > 1 mm long, coarse heterogeneous 0.5–1 mm).
 * Millimetre predicates answer null on an uncalibrated image: they are not applied.
 */
import type { MorphologyTerm } from '../lexicon.js';
import type { CalcificationFeatures as F } from './calcification-features.js';
import { fmt2, fmtMm, type FeaturePredicate, type TermRule } from './rule-table.js';

/** Every threshold in one place, named in the reader's words. */
export const MORPHOLOGY_THRESHOLDS = {
  punctateMaxMm: 0.5,
  roundMaxMm: 1,
  dystrophicMinMm: 1,
  coarseMinMm: 2,
  fineCalibreMaxMm: 0.5,
  rodCalibreMinMm: 0.5,
  rodLengthMinMm: 1,
  vascularLengthMinMm: 5,
  /** Round: a disc 5–10 px across measures circularity ≥ 0.95 and elongation ≤ 1.15 after pixelation; 0.9 / 1.25 leave room for noise. */
  roundCircularityMin: 0.9,
  roundElongationMax: 1.25,
  ovalElongationMax: 2,
  elongatedMin: 3,
  veryElongatedMin: 6,
  /** Irregular is the complement of round (circularity < 0.9 or elongation > 1.25), or a concave outline. */
  irregularCircularityMax: 0.9,
  irregularElongationMin: 1.25,
  irregularSolidityMax: 0.85,
  /** Lobulated (popcorn): notches lower the solidity, or lobes lengthen the perimeter (circularity < 0.85). */
  lobulatedSolidityMax: 0.9,
  lobulatedCircularityMax: 0.85,
  /** A meniscus (the lower part of a sphere) is convex: solidity ≥ 0.97, where pixelation alone keeps solid outlines. */
  convexSolidityMin: 0.97,
  crescentElongationMin: 2,
  /**
   * Margin sharpness is about 1 / (2.5 σ) for an edge blurred by σ px; detector blur (σ ≈ 0.6–1 px)
   * bounds a sharp edge near 0.4–0.65, so a well-defined margin starts at 0.35 and smooth is the same.
   */
  smoothMarginMin: 0.35,
  hazyMarginMax: 0.35,
  denseContrastToNoiseMin: 8,
  /** Rose criterion: below a contrast-to-noise of about 5 a shape cannot be read reliably. */
  faintContrastToNoiseMax: 5,
  /**
   * Solid deposits measure a centre dip ≤ 0.05 (noise); a dense projected shell saturates so even a
   * clear lucent centre dips only 0.1–0.3 below its rim: 0.1 separates them.
   */
  lucentCentreMin: 0.1,
  thinShellMin: 0.1,
  heterogeneityMin: 0.25,
} as const;

const T = MORPHOLOGY_THRESHOLDS;

/** Applies a millimetre threshold, or answers null when the image is uncalibrated. */
const mmTest = (v: number | null, ok: (mm: number) => boolean): boolean | null => (v === null ? null : ok(v));
const mmSay = (label: string, v: number | null, rel: string, limit: number): string =>
  `${label} ${v === null ? '?' : fmtMm(v)} mm ${rel} ${limit} mm`;

export const MORPHOLOGY_PREDICATES = {
  'long axis < 0.5 mm': {
    test: (f) => mmTest(f.longAxisMm, (v) => v < T.punctateMaxMm),
    say: (f) => mmSay('long axis', f.longAxisMm, '<', T.punctateMaxMm),
  },
  'long axis < 1 mm': {
    test: (f) => mmTest(f.longAxisMm, (v) => v < T.roundMaxMm),
    say: (f) => mmSay('long axis', f.longAxisMm, '<', T.roundMaxMm),
  },
  'long axis 0.5–1 mm': {
    test: (f) => mmTest(f.longAxisMm, (v) => v >= T.punctateMaxMm && v < T.roundMaxMm),
    say: (f) => `long axis ${f.longAxisMm === null ? '?' : fmtMm(f.longAxisMm)} mm within 0.5–1 mm`,
  },
  'long axis > 1 mm': {
    test: (f) => mmTest(f.longAxisMm, (v) => v > T.dystrophicMinMm),
    say: (f) => mmSay('long axis', f.longAxisMm, '>', T.dystrophicMinMm),
  },
  'long axis > 2 mm': {
    test: (f) => mmTest(f.longAxisMm, (v) => v > T.coarseMinMm),
    say: (f) => mmSay('long axis', f.longAxisMm, '>', T.coarseMinMm),
  },
  'calibre < 0.5 mm': {
    test: (f) => mmTest(f.calibreMm, (v) => v < T.fineCalibreMaxMm),
    say: (f) => mmSay('calibre', f.calibreMm, '<', T.fineCalibreMaxMm),
  },
  'calibre ≥ 0.5 mm': {
    test: (f) => mmTest(f.calibreMm, (v) => v >= T.rodCalibreMinMm),
    say: (f) => mmSay('calibre', f.calibreMm, '≥', T.rodCalibreMinMm),
  },
  'length > 1 mm': {
    test: (f) => mmTest(f.skeletonLengthMm, (v) => v > T.rodLengthMinMm),
    say: (f) => mmSay('length', f.skeletonLengthMm, '>', T.rodLengthMinMm),
  },
  'length ≥ 5 mm': {
    test: (f) => mmTest(f.skeletonLengthMm, (v) => v >= T.vascularLengthMinMm),
    say: (f) => mmSay('length', f.skeletonLengthMm, '≥', T.vascularLengthMinMm),
  },
  'round shape': {
    test: (f) => f.circularity >= T.roundCircularityMin && f.elongation <= T.roundElongationMax,
    say: (f) => `circularity ${fmt2(f.circularity)} ≥ ${T.roundCircularityMin}, elongation ${fmt2(f.elongation)} ≤ ${T.roundElongationMax}`,
  },
  'round or oval': {
    test: (f) => f.elongation <= T.ovalElongationMax,
    say: (f) => `elongation ${fmt2(f.elongation)} ≤ ${T.ovalElongationMax} (round or oval)`,
  },
  'irregular shape': {
    test: (f) =>
      f.circularity < T.irregularCircularityMax || f.elongation > T.irregularElongationMin || f.solidity < T.irregularSolidityMax,
    say: (f) =>
      `irregular: circularity ${fmt2(f.circularity)} (< ${T.irregularCircularityMax}), elongation ${fmt2(f.elongation)} (> ${T.irregularElongationMin}) or solidity ${fmt2(f.solidity)} (< ${T.irregularSolidityMax})`,
  },
  lobulated: {
    test: (f) => f.solidity < T.lobulatedSolidityMax || f.circularity < T.lobulatedCircularityMax,
    say: (f) =>
      `lobulated: solidity ${fmt2(f.solidity)} (< ${T.lobulatedSolidityMax}) or circularity ${fmt2(f.circularity)} (< ${T.lobulatedCircularityMax})`,
  },
  'not elongated': {
    test: (f) => f.elongation < T.elongatedMin,
    say: (f) => `elongation ${fmt2(f.elongation)} < ${T.elongatedMin}`,
  },
  'convex crescent': {
    test: (f) => f.solidity >= T.convexSolidityMin && f.elongation >= T.crescentElongationMin,
    say: (f) =>
      `convex crescent: solidity ${fmt2(f.solidity)} ≥ ${T.convexSolidityMin}, elongation ${fmt2(f.elongation)} ≥ ${T.crescentElongationMin}`,
  },
  elongated: {
    test: (f) => f.elongation >= T.elongatedMin,
    say: (f) => `elongation ${fmt2(f.elongation)} ≥ ${T.elongatedMin}`,
  },
  'very elongated': {
    test: (f) => f.elongation >= T.veryElongatedMin,
    say: (f) => `elongation ${fmt2(f.elongation)} ≥ ${T.veryElongatedMin}`,
  },
  branching: {
    test: (f) => f.branchPoints >= 1,
    say: (f) => `${f.branchPoints} branch point${f.branchPoints === 1 ? '' : 's'}`,
  },
  unbranched: {
    test: (f) => f.branchPoints === 0,
    say: () => 'no branch points',
  },
  'smooth margin': {
    test: (f) => f.marginSharpness >= T.smoothMarginMin,
    say: (f) => `margin smooth (sharpness ${fmt2(f.marginSharpness)} ≥ ${T.smoothMarginMin})`,
  },
  'hazy margin': {
    test: (f) => f.marginSharpness < T.hazyMarginMax,
    say: (f) => `margin hazy (sharpness ${fmt2(f.marginSharpness)} < ${T.hazyMarginMax})`,
  },
  'defined margin': {
    test: (f) => f.marginSharpness >= T.hazyMarginMax,
    say: (f) => `margin defined (sharpness ${fmt2(f.marginSharpness)} ≥ ${T.hazyMarginMax})`,
  },
  dense: {
    test: (f) => f.contrastToNoise >= T.denseContrastToNoiseMin,
    say: (f) => `dense (contrast-to-noise ${f.contrastToNoise.toFixed(1)} ≥ ${T.denseContrastToNoiseMin})`,
  },
  faint: {
    test: (f) => f.contrastToNoise < T.faintContrastToNoiseMax,
    say: (f) => `faint (contrast-to-noise ${f.contrastToNoise.toFixed(1)} < ${T.faintContrastToNoiseMax})`,
  },
  conspicuous: {
    test: (f) => f.contrastToNoise >= T.faintContrastToNoiseMax,
    say: (f) => `conspicuous (contrast-to-noise ${f.contrastToNoise.toFixed(1)} ≥ ${T.faintContrastToNoiseMax})`,
  },
  'lucent centre': {
    test: (f) => f.lucentCentreIndex >= T.lucentCentreMin,
    say: (f) => `lucent-centre index ${fmt2(f.lucentCentreIndex)} ≥ ${T.lucentCentreMin}`,
  },
  'thin shell': {
    test: (f) => f.lucentCentreIndex >= T.thinShellMin,
    say: (f) => `thin shell: lucent-centre index ${fmt2(f.lucentCentreIndex)} ≥ ${T.thinShellMin}`,
  },
  'solid centre': {
    test: (f) => f.lucentCentreIndex < T.lucentCentreMin,
    say: (f) => `solid centre (lucent-centre index ${fmt2(f.lucentCentreIndex)} < ${T.lucentCentreMin})`,
  },
  'heterogeneous density': {
    test: (f) => f.heterogeneity >= T.heterogeneityMin,
    say: (f) => `heterogeneous density (variation ${fmt2(f.heterogeneity)} ≥ ${T.heterogeneityMin})`,
  },
  'true lateral view': {
    test: (f) => f.view === 'ML' || f.view === 'LM',
    say: (f) => `true lateral view (${f.view ?? '?'})`,
  },
} as const satisfies Record<string, FeaturePredicate<F>>;

export type MorphologyPredicateName = keyof typeof MORPHOLOGY_PREDICATES;

/**
 * The rule table. Skin and suture cannot be told from one calcification's pixels (they need a
 * tangential view or a knot); they are chosen by the radiologist (see VIEW_LIMITS).
 */
export const MORPHOLOGY_RULES: readonly TermRule<MorphologyTerm, MorphologyPredicateName>[] = [
  { term: 'fine-linear branching', all: ['elongated', 'calibre < 0.5 mm', 'branching'], confidence: 0.75 },
  { term: 'fine linear', all: ['elongated', 'calibre < 0.5 mm', 'unbranched'], confidence: 0.65 },
  { term: 'vascular', all: ['very elongated', 'length ≥ 5 mm', 'lucent centre'], confidence: 0.7 },
  // One wall of a tram-track: a thin line longer than any duct-cast piece.
  { term: 'vascular', all: ['very elongated', 'length ≥ 5 mm', 'calibre < 0.5 mm'], confidence: 0.7 },
  {
    term: 'large rod-like',
    all: ['elongated', 'calibre ≥ 0.5 mm', 'length > 1 mm', 'smooth margin', 'dense'],
    confidence: 0.7,
  },
  // The meniscus of a layering cyst on a true lateral: a convex crescent, solid, unbranched.
  {
    term: 'milk of calcium',
    all: ['true lateral view', 'convex crescent', 'unbranched', 'smooth margin', 'solid centre'],
    confidence: 0.7,
  },
  // A lucent centre is only readable on a shell several pixels across: rim needs > 1 mm.
  { term: 'rim', all: ['long axis > 1 mm', 'thin shell', 'round or oval', 'smooth margin'], confidence: 0.7 },
  {
    term: 'dystrophic',
    all: ['long axis > 1 mm', 'irregular shape', 'not elongated', 'lucent centre', 'dense', 'smooth margin'],
    confidence: 0.75,
  },
  { term: 'coarse', all: ['long axis > 2 mm', 'lobulated', 'not elongated', 'dense', 'solid centre'], confidence: 0.7 },
  // Dystrophic without a visible lucent centre ("often", not always, in the atlas): lower confidence.
  {
    term: 'dystrophic',
    all: ['long axis > 1 mm', 'irregular shape', 'not elongated', 'dense', 'defined margin'],
    confidence: 0.6,
  },
  {
    term: 'coarse heterogeneous',
    // Internal density variation is not used: on a deposit 5–10 px across the blurred edge, not the
    // calcium, sets it (round and punctate measure as high as coarse heterogeneous).
    all: ['long axis 0.5–1 mm', 'irregular shape', 'conspicuous'],
    confidence: 0.55,
  },
  { term: 'amorphous', all: ['long axis < 1 mm', 'faint'], confidence: 0.5 },
  { term: 'punctate', all: ['long axis < 0.5 mm', 'round shape', 'defined margin', 'conspicuous'], confidence: 0.6 },
  { term: 'round', all: ['long axis 0.5–1 mm', 'round shape', 'defined margin', 'conspicuous'], confidence: 0.6 },
];
