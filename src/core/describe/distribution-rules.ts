/**
 * Distribution rules as data (BI-RADS: grouped ≤ 2 cm, regional > 2 cm not ductal, linear,
 * segmental = a wedge toward the nipple, diffuse = scattered through the breast).
 */
import type { DistributionTerm } from '../lexicon.js';
import { atEveryFilmPitch, filmSpanWords, type FilmPitchRange } from './film-pitch.js';
import { fmt2, shown2, type FeaturePredicate, type TermRule } from './rule-table.js';

export interface GroupFeatures {
  readonly count: number;
  /** Greatest extent, mm; null when uncalibrated. */
  readonly extentMm: number | null;
  readonly linearity: number;
  readonly orientationToNippleDeg: number | null;
  readonly wedgeTowardNipple: boolean | null;
  /** Hull area / breast area; null when the breast size is unknown. */
  readonly breastFraction: number | null;
  /** The largest step between neighbouring calcifications (GroupMeasurements.largestNeighbourStep), mm; null when uncalibrated. */
  readonly largestStepMm: number | null;
  /** The same step in pixels (read over the film scan pitches when uncalibrated). */
  readonly largestStepPx: number;
  /** Uncalibrated: the scan pitches the image's pixel may be. */
  readonly filmPitchMm: FilmPitchRange;
}

export const DISTRIBUTION_THRESHOLDS = {
  groupedMaxMm: 20,
  linearityLinearMin: 0.8,
  linearityDuctalMin: 0.6,
  towardNippleMaxDeg: 30,
  diffuseBreastFractionMin: 0.25,
  /**
   * A line of calcifications is read as deposits in a duct only when each lies within 1 cm of the
   * next: the atlas's own distance for calcifications that form one pattern ("5 calcifications
   * grouped within 1 cm of each other", grouped). Three round calcifications 2.5 cm apart fit a
   * line as any three points nearly do; they are scattered, not a duct.
   */
  ductalStepMaxMm: 10,
} as const;

const D = DISTRIBUTION_THRESHOLDS;
const cm = (mm: number | null): string => (mm === null ? '?' : (mm / 10).toFixed(1));
/** The extent compared at the precision it is shown (cm, one decimal), in mm. */
const shownExtentMm = (mm: number): number => Number((mm / 10).toFixed(1)) * 10;

/** Whether every calcification is within the ductal step of the next: cm at one decimal; on film, at every scan pitch (else null). */
function stepTest(g: GroupFeatures): boolean | null {
  const ok = (mmValue: number): boolean => shownExtentMm(mmValue) <= DISTRIBUTION_THRESHOLDS.ductalStepMaxMm;
  return g.largestStepMm !== null ? ok(g.largestStepMm) : atEveryFilmPitch(g.largestStepPx, g.filmPitchMm, ok);
}

function stepWords(g: GroupFeatures): string {
  if (g.largestStepMm !== null) return `${cm(g.largestStepMm)} cm`;
  return filmSpanWords(g.largestStepPx, g.filmPitchMm);
}

export const DISTRIBUTION_PREDICATES = {
  'at least 2 calcifications': { test: (g) => g.count >= 2, say: (g) => `${g.count} calcifications` },
  'at least 3 calcifications': { test: (g) => g.count >= 3, say: (g) => `${g.count} calcifications` },
  'extent ≤ 2 cm': {
    test: (g) => (g.extentMm === null ? null : shownExtentMm(g.extentMm) <= D.groupedMaxMm),
    say: (g) => `extent ${cm(g.extentMm)} cm ≤ 2 cm`,
  },
  'extent > 2 cm': {
    test: (g) => (g.extentMm === null ? null : shownExtentMm(g.extentMm) > D.groupedMaxMm),
    say: (g) => `extent ${cm(g.extentMm)} cm > 2 cm`,
  },
  'arranged in a line': {
    test: (g) => shown2(g.linearity) >= D.linearityLinearMin,
    say: (g) => `linearity ${fmt2(g.linearity)} ≥ ${D.linearityLinearMin}`,
  },
  'roughly linear': {
    test: (g) => shown2(g.linearity) >= D.linearityDuctalMin,
    say: (g) => `linearity ${fmt2(g.linearity)} ≥ ${D.linearityDuctalMin}`,
  },
  'neighbours within 1 cm': {
    test: (g) => stepTest(g),
    say: (g) => `largest step between neighbouring calcifications ${stepWords(g)} ≤ ${D.ductalStepMaxMm / 10} cm`,
  },
  // Not ductal: no line (or a line whose calcifications lie centimetres apart) and no wedge.
  'not ductal': {
    test: (g) => (shown2(g.linearity) < D.linearityDuctalMin || stepTest(g) === false) && g.wedgeTowardNipple !== true,
    say: (g) =>
      shown2(g.linearity) < D.linearityDuctalMin
        ? `not ductal: linearity ${fmt2(g.linearity)} < ${D.linearityDuctalMin}, no wedge toward the nipple`
        : `not ductal: largest step between neighbouring calcifications ${stepWords(g)} > ${D.ductalStepMaxMm / 10} cm, no wedge toward the nipple`,
  },
  'wedge toward the nipple': {
    test: (g) => g.wedgeTowardNipple === true,
    say: (g) =>
      g.wedgeTowardNipple === true
        ? 'fans out from the nipple toward the chest wall (wedge)'
        : 'does not fan out from the nipple toward the chest wall (no wedge)',
  },
  'axis toward the nipple': {
    test: (g) => g.orientationToNippleDeg !== null && Math.round(g.orientationToNippleDeg) <= D.towardNippleMaxDeg,
    say: (g) => `main axis ${g.orientationToNippleDeg?.toFixed(0) ?? '?'}° from the nipple direction (≤ ${D.towardNippleMaxDeg}°)`,
  },
  'scattered through the breast': {
    test: (g) => g.breastFraction !== null && Math.round(g.breastFraction * 100) >= D.diffuseBreastFractionMin * 100,
    say: (g) => `spread over ${Math.round((g.breastFraction ?? 0) * 100)} % of the breast (≥ ${D.diffuseBreastFractionMin * 100} %)`,
  },
} as const satisfies Record<string, FeaturePredicate<GroupFeatures>>;

export type DistributionPredicateName = keyof typeof DISTRIBUTION_PREDICATES;

const ATLAS = 'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications, distribution';

export const DISTRIBUTION_RULES: readonly TermRule<DistributionTerm, DistributionPredicateName>[] = [
  {
    term: 'diffuse',
    all: ['at least 2 calcifications', 'scattered through the breast'],
    confidence: 0.75,
    source: `${ATLAS}, a. diffuse: distributed randomly throughout the breast`,
  },
  {
    term: 'segmental',
    all: ['at least 3 calcifications', 'wedge toward the nipple', 'extent > 2 cm'],
    confidence: 0.7,
    source: `${ATLAS}, e. segmental: deposits in a duct and its branches, a cone toward the nipple`,
  },
  {
    term: 'linear',
    all: ['at least 3 calcifications', 'arranged in a line', 'neighbours within 1 cm'],
    confidence: 0.7,
    source: `${ATLAS}, d. linear: arranged in a line, deposits within a duct; each within 1 cm of the next, the atlas's distance for calcifications forming one pattern (c. grouped)`,
  },
  // A ductal line pointing at the nipple without a wedge is a duct, not a segment.
  {
    term: 'linear',
    all: ['at least 3 calcifications', 'roughly linear', 'axis toward the nipple', 'neighbours within 1 cm'],
    confidence: 0.65,
    source: `${ATLAS}, d. linear: a duct runs toward the nipple; each within 1 cm of the next (c. grouped)`,
  },
  {
    term: 'grouped',
    all: ['at least 2 calcifications', 'extent ≤ 2 cm'],
    confidence: 0.7,
    source: `${ATLAS}, c. grouped: a few calcifications in a small volume, upper bound 2 cm`,
  },
  {
    term: 'regional',
    all: ['at least 2 calcifications', 'extent > 2 cm', 'not ductal'],
    confidence: 0.6,
    source: `${ATLAS}, b. regional: a large volume (> 2 cm), not conforming to a duct`,
  },
];
