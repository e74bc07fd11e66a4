import type { DistributionTerm, MorphologyTerm } from '../lexicon.js';

export interface TermWithConfidence<T extends string> {
  readonly term: T;
  /** 0–1: how strongly the measurements support the term. A suggestion, never a certainty. */
  readonly confidence: number;
}

/** Terms the pixel size cannot tell apart, and why ("… at the 0.20 mm pixel size: 2.4 px < 3 px"). */
export interface InseparableTerms {
  readonly terms: readonly MorphologyTerm[];
  /** The full reason with the measured span, for the evidence. */
  readonly reason: string;
  /** The reason in report words: "cannot be separated at the 0.20 mm pixel size". */
  readonly words: string;
}

/** Why no term is given. */
export interface NotCharacterised {
  /** The full reason with the measured numbers, for the evidence. */
  readonly reason: string;
  /** The reason in report words: "too small for the 0.20 mm pixel size". */
  readonly words: string;
}

/** The morphology suggested for one calcification (or a set), with the evidence behind it. */
export interface MorphologyDescription {
  /** Best first. */
  readonly terms: readonly TermWithConfidence<MorphologyTerm>[];
  /**
   * Human-readable evidence, e.g. "long axis 2.4 mm > 1 mm", "lucent-centre index 0.41", and what
   * speaks against the best term. For a set (a finding) the caveats follow, once.
   */
  readonly evidence: readonly string[];
  /** False when the image is uncalibrated: millimetre thresholds were not applied. */
  readonly sizeThresholdsApplied: boolean;
  /**
   * Caveats that hold for every calcification of the finding (the image is uncalibrated, one view
   * cannot exclude skin or milk of calcium): stated once per finding, never per calcification.
   */
  readonly caveats?: readonly string[];
  /** Why no term is given ("not characterised: too small for the 0.20 mm pixel size …"); null when a term is. */
  readonly notCharacterised?: NotCharacterised | null;
  /** Terms the pixel size cannot separate; the most suspicious of them is carried to the assessment. */
  readonly cannotSeparate?: readonly InseparableTerms[];
  /**
   * A set's suspicious terms that some of its calcifications read on their own at full support
   * (confidence ≥ HELD_ALONE_MIN_CONFIDENCE), with how many and the best confidence: what the set's
   * vote may outweigh (the finding says so when it carries no suspicious term). Absent for one calcification.
   */
  readonly heldAlone?: readonly HeldAlone[];
}

/** A suspicious term some calcifications of a set read on their own. */
export interface HeldAlone {
  readonly term: MorphologyTerm;
  readonly count: number;
  readonly of: number;
  readonly confidence: number;
}

export interface DistributionDescription {
  readonly terms: readonly TermWithConfidence<DistributionTerm>[];
  readonly evidence: readonly string[];
  readonly sizeThresholdsApplied: boolean;
}
