/**
 * The input of the wording: one finding (a group of calcifications in one breast) with where it
 * is, what was measured, the terms (suggested or overridden) and the suggested assessment.
 */
import type { DistributionDescription, MorphologyDescription } from '../describe/description.js';
import type { CalibrationKind } from '../image.js';
import type { BreastComposition, ChangeSincePrior, DistributionTerm, MorphologyTerm, Side } from '../lexicon.js';
import type { BreastHalf, ClockHour, Depth, Quadrant, SpecialLocation } from '../locate/location.js';
import type { Suggestion } from '../assess/suggestion.js';
import type { Length } from '../units.js';

/**
 * Where a finding lies, in report order. Field names match locate's `LocatedFinding`, so its
 * output can be passed as is; every field may be missing or null when not known.
 */
export interface FindingLocation {
  readonly clockFace?: ClockHour | null;
  readonly quadrant?: Quadrant | null;
  /** When only one view tells it: outer / inner / upper / lower half. */
  readonly half?: BreastHalf | null;
  readonly special?: SpecialLocation | null;
  readonly depth?: Depth | null;
  readonly distanceFromNippleCm?: number | null;
  /** What limits the location, once per view, e.g. the nipple not seen in profile: stated after the findings sentence. */
  readonly caveats?: readonly string[];
  /** Why there is no clock face (e.g. "seen on the CC only: …"): a finding that needs action states it. */
  readonly noClockFace?: string | null;
}

/** The measured numbers the wording states. */
export interface FindingMeasurements {
  readonly count: number | null;
  /** The largest calcification's long axis; its mm is null on an uncalibrated image. */
  readonly largest: Length | null;
  /**
   * The group's extent (greatest distance between centres plus the calcifications' size, from
   * measureGroup); its mm is null on an uncalibrated image. Missing or null: not measured.
   */
  readonly extent?: Length | null;
  readonly calibration: CalibrationKind;
}

export interface FindingComparison {
  /**
   * The change since the prior examination. While it is not stated (`stated: false`) this is only
   * what the assessment read it as, and the wording and JSON do not use it.
   */
  readonly change: ChangeSincePrior;
  /** Date of the prior examination compared with, YYYY-MM-DD. */
  readonly priorDate?: string | null;
  /**
   * False when the exam has a comparison exam but the radiologist has not yet said how the
   * finding changed: the wording says "change since the prior examination not stated". Missing
   * or true: `change` was stated.
   */
  readonly stated?: boolean;
}

export interface Finding {
  readonly side: Side;
  readonly location: FindingLocation;
  readonly measurements: FindingMeasurements;
  readonly morphology: readonly MorphologyTerm[];
  readonly distribution: readonly DistributionTerm[];
  /** Read from the measurements, e.g. "with lucent centres". */
  readonly qualifiers?: readonly string[];
  /** Relation to a treated site, e.g. "at the lumpectomy site". */
  readonly relation?: string | null;
  readonly comparison: FindingComparison;
  readonly suggestion: Suggestion & { readonly summary?: string | null };
  /** The descriptions with their evidence, carried into the JSON output. */
  readonly descriptions?: {
    readonly morphology?: MorphologyDescription;
    readonly distribution?: DistributionDescription;
  };
}

/** One examination to report. */
export interface Exam {
  readonly composition: BreastComposition | null;
  readonly findings: readonly Finding[];
  /** The prior examination compared with, if any. */
  readonly priorDate?: string | null;
}
