import type { DistributionTerm, MorphologyTerm } from '../lexicon.js';

export interface TermWithConfidence<T extends string> {
  readonly term: T;
  /** 0–1: how strongly the measurements support the term. A suggestion, never a certainty. */
  readonly confidence: number;
}

/** The morphology suggested for one calcification (or a set), with the evidence behind it. */
export interface MorphologyDescription {
  /** Best first. */
  readonly terms: readonly TermWithConfidence<MorphologyTerm>[];
  /** Human-readable evidence, e.g. "long axis 2.4 mm > 1 mm", "lucent-centre index 0.41". */
  readonly evidence: readonly string[];
  /** False when the image is uncalibrated: millimetre thresholds were not applied. */
  readonly sizeThresholdsApplied: boolean;
}

export interface DistributionDescription {
  readonly terms: readonly TermWithConfidence<DistributionTerm>[];
  readonly evidence: readonly string[];
  readonly sizeThresholdsApplied: boolean;
}
