/**
 * Morphology rules as data: named predicates on one calcification's measurements, and the
 * lexicon term each combination suggests, with its source beside it. Size cues follow the
 * BI-RADS atlas (ACR BI-RADS Atlas, 5th ed., 2013, Mammography, Findings, Calcifications; see
 * docs/describe-rules.md): punctate < 0.5 mm, round typically < 1 mm but round at any size,
 * dystrophic > 1 mm, coarse > 2–3 mm, fine linear calibre < 0.5 mm, large rod-like ≥ 0.5 mm
 * thick and > 1 mm long, coarse heterogeneous 0.5–1 mm.
 * Millimetre predicates answer null on an uncalibrated image, and shape or calibre predicates
 * answer null below the pixel size (RESOLUTION_LIMITS): they are not applied.
 * Every number is compared at the precision the evidence shows it (shownMm, shown2, shown1).
 */
import type { MorphologyTerm } from '../lexicon.js';
import { contrastToNoiseBasis, EDGE_WIDTH_PER_INVERSE_SHARPNESS, type CalcificationFeatures as F } from './calcification-features.js';
import { eitherHolds, eitherSay, fmt1, fmt2, fmtMm, shown1, shown2, type EitherPart, type FeaturePredicate, type TermRule } from './rule-table.js';
import { VASCULAR_PREDICATES } from './vascular-rules.js';
import { BRANCH_READING } from '../measure/skeleton.js';
import { spanSay, spanTest } from './film-pitch.js';

/** Every threshold in one place, named in the reader's words. */
export const MORPHOLOGY_THRESHOLDS = {
  punctateMaxMm: 0.5,
  /** Round "when small (under 1 mm)": typical, not a limit — larger round ones are still round. */
  roundTypicalMaxMm: 1,
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
  /**
   * A meniscus (the lower part of a sphere) is convex. Pixelation alone keeps a solid outline at
   * ≥ 0.97 on low-noise images; at real systems' noise the outline of a crescent 10–30 px long
   * wavers and a meniscus measures 0.92–0.99 (0.95–0.96 typical on 0.05–0.07 mm pixels), where
   * branching or beaded casts stay lower. TUNED on phantom settings (0.05–0.1 mm, two seed sets).
   */
  convexSolidityMin: 0.95,
  crescentElongationMin: 2,
  /**
   * Margin sharpness is about 1 / (2.5 σ) for an edge blurred by σ px; detector blur (σ ≈ 0.6–1 px)
   * bounds a sharp edge near 0.4–0.65, so a well-defined margin starts at 0.35 and smooth is the same.
   */
  smoothMarginMin: 0.35,
  hazyMarginMax: 0.35,
  /**
   * The same limit as an edge width, for calibrated images: 0.35 per pixel is a 10–90 % rise of
   * 1.02 × pixel / 0.35, 0.27 mm on the 0.093 mm phantom pixels it was set on and 0.29 mm on a
   * 0.1 mm pixel (0.29 scored as well or better on the phantom settings). Detector blur is a width
   * in millimetres (a-Se σ 0.01–0.03 mm, CsI 0.05–0.07 mm), so the limit is kept in millimetres: on
   * 0.05 mm pixels a smooth meniscus measures 0.11–0.19 mm (0.25–0.43 per pixel), where the
   * per-pixel limit called it hazy.
   */
  definedEdgeWidthMaxMm: 0.29,
  /**
   * A projected solid sphere's density follows its chord, 2√(r² − x²): at half its peak (where the
   * outline is drawn) the edge falls by √3 / r of the peak per pixel for a radius of r pixels. A
   * large smooth deposit is therefore "sharp" at a lower per-pixel gradient than a small one: its
   * margin is defined when it keeps this fraction of the sphere's slope (blur costs the rest).
   */
  sphereEdgeFraction: 0.6,
  /**
   * A round calcification is a sphere: its edge falls like the chord, not like the step of a flat
   * plate. Calcium absorbs strongly (about 3 /mm at mammographic energies), so through the centre of
   * a sphere over about 1 mm nearly every photon is absorbed: the absorbed fraction 1 − e^(−μt)
   * flattens the top and steepens the edge beyond the chord's √3 / r. Phantom spheres over 1 mm
   * measure up to 2.5 × at real systems' blur and noise (0.55–1.15 × on the old low-noise
   * phantoms); dystrophic lumps 1.9–4 ×, most of them kept out by their shape or lucent centre.
   * TUNED on phantom settings (1.5–3 tried on three seed sets; 2.5 best, 3 lost main-set groups).
   */
  sphereEdgeMaxRatio: 2.5,
  /** Contrast-to-noise per 0.1 mm pixel (REFERENCE_PIXEL_MM). */
  denseContrastToNoiseMin: 8,
  /**
   * Rose criterion: a deposit whose contrast-to-noise over its own area (Rose's k) is under about 5
   * cannot be told from noise (Rose 1948; Burgess 1999): "too faint to characterise". The same k
   * as faint / conspicuous below, one definition.
   */
  roseAreaContrastToNoiseMin: 5,
  /**
   * Faint (amorphous) against conspicuous, on Rose's k (contrast-to-noise over the deposit's area):
   * k ≈ 5 is the least a deposit needs to be seen at all (Rose 1948); to read its shape it needs
   * more. TUNED: phantoms over real systems' ranges (0.05–0.1 mm pixels, low and high noise, log and
   * processed) measure amorphous deposits at k 5–25 (median 8–10 at every pixel size), punctate and
   * fine pleomorphic 6–47 (median 14–28); the old low-noise phantoms amorphous 8, punctate 28.
   * 11 was the best of 8–16 on two seed sets of settings and on the main phantom set.
   */
  faintAreaContrastToNoiseMax: 11,
  /**
   * The centre and the rim are means round rings that follow the outline, and a dip within 3 × the
   * noise of that difference reads 0 (measure/intensity.ts): a solid deposit reads 0, its centre
   * being its densest part. A dense projected shell saturates, so even a clear lucent centre dips
   * only 0.05–0.35 below its rim. TUNED on phantom settings (0.05–0.1 mm, two seed sets), deposits
   * over 1 mm: at 0.05, 96 % of rims read a lucent centre (80 % at 0.1, the limit for the
   * single-pixel read), 56 % of dystrophic deposits (37 %), 3 % of round and 5 % of coarse ones, no
   * milk of calcium.
   */
  lucentCentreMin: 0.05,
  thinShellMin: 0.05,
  heterogeneityMin: 0.25,
} as const;

const T = MORPHOLOGY_THRESHOLDS;

/** Irregular: any of a low circularity, an elongation or a low solidity. */
const irregularParts = (f: F): EitherPart[] => [
  { words: `circularity ${fmt2(f.circularity)} < ${T.irregularCircularityMax}`, holds: shown2(f.circularity) < T.irregularCircularityMax },
  { words: `elongation ${fmt2(f.elongation)} > ${T.irregularElongationMin}`, holds: shown2(f.elongation) > T.irregularElongationMin },
  { words: `solidity ${fmt2(f.solidity)} < ${T.irregularSolidityMax}`, holds: shown2(f.solidity) < T.irregularSolidityMax },
];
/** Lobulated: a low solidity or a low circularity. */
const lobulatedParts = (f: F): EitherPart[] => [
  { words: `solidity ${fmt2(f.solidity)} < ${T.lobulatedSolidityMax}`, holds: shown2(f.solidity) < T.lobulatedSolidityMax },
  { words: `circularity ${fmt2(f.circularity)} < ${T.lobulatedCircularityMax}`, holds: shown2(f.circularity) < T.lobulatedCircularityMax },
];
/** A shape predicate: null when the calcification spans too few pixels to show its shape. */
const shapeTest = (f: F, ok: () => boolean): boolean | null => (f.unresolved.has('shape') ? null : ok());
/** A calibre predicate: null when the calibre is below the pixel size and the 0.5 mm boundary undecided. */
const calibreTest = (f: F, ok: (mm: number) => boolean): boolean | null =>
  f.unresolved.has('calibre') ? null : spanTest(f.calibreMm, f.calibrePx, f.filmPitchMm, ok);
const longTest = (f: F, ok: (mm: number) => boolean): boolean | null => spanTest(f.longAxisMm, f.longAxisPx, f.filmPitchMm, ok);
const longSay = (f: F, rel: string, limit: string): string => spanSay('long axis', f.longAxisMm, f.longAxisPx, f.filmPitchMm, rel, limit);

/**
 * The widest 10–90 % edge read as defined / smooth for this deposit, mm: definedEdgeWidthMaxMm, or
 * for a large sphere the width of sphereEdgeFraction of its chord's slope (the same rule as
 * definedMarginMin, in millimetres). null when uncalibrated.
 */
export function definedEdgeWidthMax(f: F): number | null {
  if (f.pixelSizeMm === null) return null;
  const radiusMm = (f.shortAxisPx / 2) * f.pixelSizeMm;
  // A sampled edge cannot measure narrower than the pixels allow: below 1 / smoothMarginMin pixels
  // the limit is the per-pixel one (digitised film, pixels above 0.1 mm).
  const samplingMm = (EDGE_WIDTH_PER_INVERSE_SHARPNESS * f.pixelSizeMm) / T.smoothMarginMin;
  return shown2(Math.max(T.definedEdgeWidthMaxMm, samplingMm, (EDGE_WIDTH_PER_INVERSE_SHARPNESS * radiusMm) / (T.sphereEdgeFraction * Math.sqrt(3))));
}

/** The least margin sharpness (per pixel) read as defined / smooth for this deposit's width (see sphereEdgeFraction): uncalibrated images. */
export function definedMarginMin(f: F): number {
  return shown2(Math.min(T.smoothMarginMin, T.sphereEdgeFraction * sphereEdgeSlope(f)));
}

/** The edge slope (fraction of the peak per pixel) of a solid sphere as wide as this deposit: √3 / r. */
export function sphereEdgeSlope(f: F): number {
  const radiusPx = f.shortAxisPx / 2;
  return radiusPx > 0 ? Math.sqrt(3) / radiusPx : Infinity;
}
const marginDefined = (f: F): boolean | null =>
  shapeTest(f, () => {
    const maxMm = definedEdgeWidthMax(f);
    return f.edgeWidthMm === null || maxMm === null ? shown2(f.marginSharpness) >= definedMarginMin(f) : shown2(f.edgeWidthMm) <= maxMm;
  });
/** The margin against its limit in words: as an edge width in mm when calibrated, else per pixel. */
const marginWords = (f: F, defined: boolean): string => {
  const maxMm = definedEdgeWidthMax(f);
  if (f.edgeWidthMm !== null && maxMm !== null) {
    const p = f.pixelSizeMm ?? 0;
    const limit =
      maxMm <= T.definedEdgeWidthMaxMm
        ? `${T.definedEdgeWidthMaxMm} mm`
        : maxMm <= shown2((EDGE_WIDTH_PER_INVERSE_SHARPNESS * p) / T.smoothMarginMin)
          ? `${fmt2(maxMm)} mm at the ${fmt2(p)} mm pixel size`
          : `${fmt2(maxMm)} mm for a deposit ${fmtMm(f.shortAxisPx * p)} mm wide`;
    return `edge width ${fmt2(f.edgeWidthMm)} mm ${defined ? '≤' : '>'} ${limit}`;
  }
  const min = definedMarginMin(f);
  const limit = min < T.smoothMarginMin ? `${fmt2(min)} for a deposit ${fmt1(f.shortAxisPx)} px wide` : `${T.smoothMarginMin}`;
  return `sharpness ${fmt2(f.marginSharpness)} ${defined ? '≥' : '<'} ${limit}`;
};
export const MORPHOLOGY_PREDICATES = {
  'long axis < 0.5 mm': {
    test: (f) => longTest(f, (v) => v < T.punctateMaxMm),
    say: (f) => longSay(f, '<', `${T.punctateMaxMm} mm`),
  },
  'long axis < 1 mm': {
    test: (f) => longTest(f, (v) => v < T.roundTypicalMaxMm),
    say: (f) => longSay(f, '<', `${T.roundTypicalMaxMm} mm`),
  },
  'long axis 0.5–1 mm': {
    test: (f) => longTest(f, (v) => v >= T.punctateMaxMm && v < T.roundTypicalMaxMm),
    say: (f) => longSay(f, 'within', `${T.punctateMaxMm} to under ${T.roundTypicalMaxMm} mm`),
  },
  'long axis ≥ 1 mm': {
    test: (f) => longTest(f, (v) => v >= T.roundTypicalMaxMm),
    say: (f) => `${longSay(f, '≥', `${T.roundTypicalMaxMm} mm`)} (larger than the typical round, still round)`,
  },
  'long axis > 1 mm': {
    test: (f) => longTest(f, (v) => v > T.dystrophicMinMm),
    say: (f) => longSay(f, '>', `${T.dystrophicMinMm} mm`),
  },
  'long axis > 2 mm': {
    test: (f) => longTest(f, (v) => v > T.coarseMinMm),
    say: (f) => longSay(f, '>', `${T.coarseMinMm} mm`),
  },
  'calibre < 0.5 mm': {
    test: (f) => calibreTest(f, (v) => v < T.fineCalibreMaxMm),
    say: (f) => spanSay('calibre', f.calibreMm, f.calibrePx, f.filmPitchMm, '<', `${T.fineCalibreMaxMm} mm`),
  },
  'calibre ≥ 0.5 mm': {
    test: (f) => calibreTest(f, (v) => v >= T.rodCalibreMinMm),
    say: (f) => spanSay('calibre', f.calibreMm, f.calibrePx, f.filmPitchMm, '≥', `${T.rodCalibreMinMm} mm`),
  },
  'length > 1 mm': {
    test: (f) => spanTest(f.skeletonLengthMm, f.skeletonLengthPx, f.filmPitchMm, (v) => v > T.rodLengthMinMm),
    say: (f) => spanSay('length', f.skeletonLengthMm, f.skeletonLengthPx, f.filmPitchMm, '>', `${T.rodLengthMinMm} mm`),
  },
  'length ≥ 5 mm': {
    test: (f) => spanTest(f.skeletonLengthMm, f.skeletonLengthPx, f.filmPitchMm, (v) => v >= T.vascularLengthMinMm),
    say: (f) => spanSay('length', f.skeletonLengthMm, f.skeletonLengthPx, f.filmPitchMm, '≥', `${T.vascularLengthMinMm} mm`),
  },
  'round shape': {
    test: (f) => shapeTest(f, () => shown2(f.circularity) >= T.roundCircularityMin && shown2(f.elongation) <= T.roundElongationMax),
    say: (f) => `circularity ${fmt2(f.circularity)} ≥ ${T.roundCircularityMin}, elongation ${fmt2(f.elongation)} ≤ ${T.roundElongationMax}`,
  },
  // A sphere's shell seen in projection is a disc: its outline is convex. A curved band (an arc of a
  // calcified vessel, a bent cast) may be as short for its width but has a bay inside its curve.
  'round or oval': {
    test: (f) => shapeTest(f, () => shown2(f.elongation) <= T.ovalElongationMax && shown2(f.solidity) >= T.irregularSolidityMax),
    say: (f) => `elongation ${fmt2(f.elongation)} ≤ ${T.ovalElongationMax} and solidity ${fmt2(f.solidity)} ≥ ${T.irregularSolidityMax} (round or oval)`,
  },
  'irregular shape': {
    test: (f) => shapeTest(f, () => eitherHolds(irregularParts(f))),
    say: (f) => eitherSay('irregular', irregularParts(f)),
  },
  lobulated: {
    test: (f) => shapeTest(f, () => eitherHolds(lobulatedParts(f))),
    say: (f) => eitherSay('lobulated', lobulatedParts(f)),
  },
  'not elongated': {
    test: (f) => shown2(f.elongation) < T.elongatedMin,
    say: (f) => `elongation ${fmt2(f.elongation)} < ${T.elongatedMin}`,
  },
  'convex crescent': {
    test: (f) => shapeTest(f, () => shown2(f.solidity) >= T.convexSolidityMin && shown2(f.elongation) >= T.crescentElongationMin),
    say: (f) =>
      `convex crescent: solidity ${fmt2(f.solidity)} ≥ ${T.convexSolidityMin}, elongation ${fmt2(f.elongation)} ≥ ${T.crescentElongationMin}`,
  },
  elongated: {
    test: (f) => shown2(f.elongation) >= T.elongatedMin,
    say: (f) => `elongation ${fmt2(f.elongation)} ≥ ${T.elongatedMin}`,
  },
  'very elongated': {
    test: (f) => shown2(f.elongation) >= T.veryElongatedMin,
    say: (f) => `elongation ${fmt2(f.elongation)} ≥ ${T.veryElongatedMin}`,
  },
  branching: {
    test: (f) => f.branchPoints >= 1,
    say: (f) => `${f.branchPoints} branch point${f.branchPoints === 1 ? '' : 's'}`,
  },
  unbranched: {
    test: (f) => f.branchPoints === 0,
    say: (f) =>
      f.branchPointsInNoise > 0
        ? `no branch points read (${f.branchPointsInNoise} within the outline's noise: its uncertainty is over ${BRANCH_READING.maxUncertaintyOfCalibre} × the calibre)`
        : 'no branch points',
  },
  'smooth margin': {
    test: marginDefined,
    say: (f) => `margin smooth (${marginWords(f, true)})`,
  },
  'sphere-like edge': {
    test: (f) => shapeTest(f, () => shown2(f.marginSharpness) <= shown2(T.sphereEdgeMaxRatio * sphereEdgeSlope(f))),
    say: (f) =>
      `edge falls like a sphere's (sharpness ${fmt2(f.marginSharpness)} ≤ ${fmt2(T.sphereEdgeMaxRatio * sphereEdgeSlope(f))} = ${T.sphereEdgeMaxRatio} × √3 / r, r = ${fmt1(f.shortAxisPx / 2)} px)`,
  },
  'edge steeper than a sphere\'s': {
    test: (f) => shapeTest(f, () => shown2(f.marginSharpness) > shown2(T.sphereEdgeMaxRatio * sphereEdgeSlope(f))),
    say: (f) =>
      `edge steeper than a sphere's (sharpness ${fmt2(f.marginSharpness)} > ${fmt2(T.sphereEdgeMaxRatio * sphereEdgeSlope(f))} = ${T.sphereEdgeMaxRatio} × √3 / r, r = ${fmt1(f.shortAxisPx / 2)} px): a flat lump (dystrophic) or a sphere sharpened by the image processing, benign either way`,
  },
  'hazy margin': {
    test: (f) => {
      const defined = marginDefined(f);
      return defined === null ? null : !defined;
    },
    say: (f) => `margin hazy (${marginWords(f, false)})`,
  },
  'defined margin': {
    test: marginDefined,
    say: (f) => `margin defined (${marginWords(f, true)})`,
  },
  dense: {
    test: (f) => shown1(f.contrastToNoise) >= T.denseContrastToNoiseMin,
    say: (f) => `dense (contrast-to-noise ${contrastToNoiseBasis(f.pixelSizeMm)} ${fmt1(f.contrastToNoise)} ≥ ${T.denseContrastToNoiseMin})`,
  },
  faint: {
    test: (f) => shown1(f.areaContrastToNoise) < T.faintAreaContrastToNoiseMax,
    say: (f) => `faint (contrast-to-noise over its area ${fmt1(f.areaContrastToNoise)} < ${T.faintAreaContrastToNoiseMax})`,
  },
  conspicuous: {
    test: (f) => shown1(f.areaContrastToNoise) >= T.faintAreaContrastToNoiseMax,
    say: (f) => `conspicuous (contrast-to-noise over its area ${fmt1(f.areaContrastToNoise)} ≥ ${T.faintAreaContrastToNoiseMax})`,
  },
  'lucent centre': {
    test: (f) => shapeTest(f, () => shown2(f.lucentCentreIndex) >= T.lucentCentreMin),
    say: (f) => `lucent-centre index ${fmt2(f.lucentCentreIndex)} ≥ ${T.lucentCentreMin}`,
  },
  'thin shell': {
    test: (f) => shapeTest(f, () => shown2(f.lucentCentreIndex) >= T.thinShellMin),
    say: (f) => `thin shell: lucent-centre index ${fmt2(f.lucentCentreIndex)} ≥ ${T.thinShellMin}`,
  },
  'solid centre': {
    test: (f) => shapeTest(f, () => shown2(f.lucentCentreIndex) < T.lucentCentreMin),
    say: (f) => `solid centre (lucent-centre index ${fmt2(f.lucentCentreIndex)} < ${T.lucentCentreMin})`,
  },
  'heterogeneous density': {
    test: (f) => shown2(f.heterogeneity) >= T.heterogeneityMin,
    say: (f) => `heterogeneous density (variation ${fmt2(f.heterogeneity)} ≥ ${T.heterogeneityMin})`,
  },
  'true lateral view': {
    test: (f) => f.view === 'ML' || f.view === 'LM',
    say: (f) => `true lateral view (${f.view ?? '?'})`,
  },
  ...VASCULAR_PREDICATES,
} as const satisfies Record<string, FeaturePredicate<F>>;

export type MorphologyPredicateName = keyof typeof MORPHOLOGY_PREDICATES;

const ATLAS = 'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications';
const BENIGN = `${ATLAS}, typically benign`;
const SUSPICIOUS = `${ATLAS}, suspicious morphology`;

/**
 * The rule table. Skin and suture cannot be told from one calcification's pixels (they need a
 * tangential view or a knot); they are chosen by the radiologist (see VIEW_LIMITS).
 */
export const MORPHOLOGY_RULES: readonly TermRule<MorphologyTerm, MorphologyPredicateName>[] = [
  {
    term: 'fine-linear branching',
    all: ['elongated', 'calibre < 0.5 mm', 'branching'],
    confidence: 0.75,
    source: `${SUSPICIOUS}, d. fine linear or fine-linear branching: thin (< 0.5 mm), linear, may branch`,
  },
  {
    term: 'fine linear',
    all: ['elongated', 'calibre < 0.5 mm', 'unbranched'],
    confidence: 0.65,
    source: `${SUSPICIOUS}, d. fine linear: thin (< 0.5 mm), linear, irregular, often discontinuous`,
  },
  // Tram tracks: the clicked wall (or a bead of it, followed along its course) with a second wall a
  // vessel's calibre away, side by side along the track (measure/vessel-evidence.ts,
  // describe/vascular-rules.ts). Unit-free on film.
  // The wall itself is thin: rods ≥ 0.5 mm thick lying side by side are large rod-like, not a vessel.
  {
    term: 'vascular',
    all: ['a parallel wall 1–4 mm away', 'walls side by side over 4 × their distance', 'calibre < 0.5 mm'],
    confidence: 0.8,
    source: `${BENIGN}, b. vascular: "parallel tracks" — two thin calcified walls a breast artery's calibre (1–4 mm) apart`,
  },
  // A small calcified artery seen as one tube: both walls inside the outline, the lumen a lucent line
  // down its middle (measure/lumen.ts). Unit-free, so it stands on uncalibrated film too. Large rods
  // calcified around their duct may show a lucent centre too (atlas d.): benign either way.
  {
    term: 'vascular',
    all: ['elongated', 'a lumen along the track'],
    confidence: 0.8,
    source: `${BENIGN}, b. vascular: "linear tubular calcifications that are clearly associated with blood vessels" — a tube with its lumen`,
  },
  // A tube with its lumen: as wide as a vessel (≥ 1 mm). Large rods may have lucent centres too
  // (periductal calcium, atlas d. large rod-like) and are 0.5–1 mm thick.
  {
    term: 'vascular',
    all: ['very elongated', 'length ≥ 5 mm', 'lucent centre', 'calibre of a vessel'],
    confidence: 0.7,
    source: `${BENIGN}, b. vascular: parallel tracks or linear tubular calcifications along a vessel; a breast artery is 1–4 mm wide`,
  },
  // One wall of a tram-track: a thin line longer than any duct-cast piece.
  {
    term: 'vascular',
    all: ['very elongated', 'length ≥ 5 mm', 'calibre < 0.5 mm'],
    confidence: 0.7,
    source: `${BENIGN}, b. vascular: one wall of the tram-track, longer than a duct-cast piece`,
  },
  {
    term: 'large rod-like',
    all: ['elongated', 'calibre ≥ 0.5 mm', 'length > 1 mm', 'smooth margin', 'dense'],
    confidence: 0.7,
    source: `${BENIGN}, d. large rod-like: solid or discontinuous smooth rods, usually ≥ 0.5 mm in diameter, > 1 mm long`,
  },
  // The meniscus of a layering cyst on a true lateral: a convex crescent, solid, unbranched.
  {
    term: 'milk of calcium',
    all: ['true lateral view', 'convex crescent', 'unbranched', 'smooth margin', 'solid centre'],
    confidence: 0.7,
    source: `${BENIGN}, h. milk of calcium: crescent or "teacup" meniscus on the true lateral (90°) view`,
  },
  // A lucent centre is only readable on a shell several pixels across: rim needs > 1 mm.
  {
    term: 'rim',
    all: ['long axis > 1 mm', 'thin shell', 'round or oval', 'smooth margin'],
    confidence: 0.7,
    source: `${BENIGN}, f. rim: thin calcium deposited on the surface of a sphere (fat necrosis, oil cyst), wall usually < 1 mm`,
  },
  {
    term: 'dystrophic',
    all: ['long axis > 1 mm', 'irregular shape', 'not elongated', 'lucent centre', 'dense', 'smooth margin'],
    confidence: 0.75,
    source: `${BENIGN}, g. dystrophic: irregular, usually > 1 mm, often lucent centres, after surgery, radiation or trauma`,
  },
  // Popcorn is a solid lump of lobes: its centre, read as the mean round rings that follow the
  // outline, is solid (phantom popcorn over real systems' noise: lucent-centre index 0 up to the
  // 90th percentile, at most 0.14). A lucent centre in a coarse irregular deposit is the fat of a
  // necrosis: dystrophic. The lobulated outline over 2 mm names popcorn before dystrophic without
  // a lucent centre (higher confidence) when both fit. TUNED on phantom settings (two seed sets).
  {
    term: 'coarse',
    all: ['long axis > 2 mm', 'lobulated', 'not elongated', 'dense', 'solid centre'],
    confidence: 0.8,
    source: `${BENIGN}, c. coarse or "popcorn-like": large (> 2–3 mm), dense, involuting fibroadenoma`,
  },
  // Dystrophic without a visible lucent centre ("often", not always, in the atlas): lower confidence.
  {
    term: 'dystrophic',
    all: ['long axis > 1 mm', 'irregular shape', 'not elongated', 'dense', 'defined margin'],
    confidence: 0.6,
    source: `${BENIGN}, g. dystrophic: lucent centres are "often", not always, present`,
  },
  {
    term: 'coarse heterogeneous',
    // Internal density variation is not used: on a deposit 5–10 px across the blurred edge, not the
    // calcium, sets it (round and punctate measure as high as coarse heterogeneous).
    all: ['long axis 0.5–1 mm', 'irregular shape', 'conspicuous'],
    confidence: 0.55,
    source: `${SUSPICIOUS}, b. coarse heterogeneous: irregular, conspicuous, generally 0.5–1 mm`,
  },
  {
    term: 'amorphous',
    all: ['long axis < 1 mm', 'faint'],
    confidence: 0.5,
    source: `${SUSPICIOUS}, a. amorphous: so small and/or hazy that no more specific shape can be given`,
  },
  {
    term: 'punctate',
    all: ['long axis < 0.5 mm', 'round shape', 'defined margin', 'conspicuous'],
    confidence: 0.6,
    source: `${BENIGN}, e. round: "when smaller than 0.5 mm, the term punctate should be used"`,
  },
  {
    term: 'round',
    all: ['long axis 0.5–1 mm', 'round shape', 'defined margin', 'conspicuous'],
    confidence: 0.6,
    source: `${BENIGN}, e. round: "when small (under 1 mm), frequently formed in the acini of lobules"`,
  },
  // The atlas gives round no upper size: a round, solid, dense, smooth calcification of any size is
  // round (benign). Above the typical 1 mm it must be dense and solid, so that a smudgy deposit or a
  // shell (rim) is not taken for it, and its edge must fall like a sphere's, not like the step of a
  // flat irregular lump (dystrophic) that happens to have a round outline.
  {
    term: 'round',
    all: ['long axis ≥ 1 mm', 'round shape', 'smooth margin', 'sphere-like edge', 'dense', 'solid centre'],
    confidence: 0.6,
    source: `${BENIGN}, e. round: round or oval, smooth; "under 1 mm" is typical, not a limit`,
  },
  // The atlas names round by its outline. A round, smooth, dense, solid calcification over 1 mm
  // whose edge is steeper than a sphere's is still round by that outline, at lower confidence, with
  // the steep edge said: a flat lump (dystrophic) and a sphere whose edge the processing sharpened
  // (unsharp masking) look alike there, and both are typically benign. Not characterised, it would
  // go to BI-RADS 0 for a calcification every reading calls benign.
  {
    term: 'round',
    all: ['long axis ≥ 1 mm', 'round shape', 'smooth margin', "edge steeper than a sphere's", 'dense', 'solid centre'],
    confidence: 0.45,
    source: `${BENIGN}, e. round: round or oval, smooth; "under 1 mm" is typical, not a limit; g. dystrophic: typically benign too`,
  },
];
