/**
 * The BI-RADS 5th-edition calcification vocabulary as types. Terms are the lexicon words in
 * lower case, exactly as the command line and the JSON contract use them. Codes for each term
 * live in codes.ts, nowhere else.
 */

export const TYPICALLY_BENIGN_MORPHOLOGY = [
  'skin',
  'vascular',
  'coarse',
  'large rod-like',
  'round',
  'punctate',
  'rim',
  'dystrophic',
  'milk of calcium',
  'suture',
] as const;

export const SUSPICIOUS_MORPHOLOGY = [
  'amorphous',
  'coarse heterogeneous',
  'fine pleomorphic',
  'fine linear',
  'fine-linear branching',
] as const;

export const MORPHOLOGY_TERMS = [...TYPICALLY_BENIGN_MORPHOLOGY, ...SUSPICIOUS_MORPHOLOGY] as const;
export type MorphologyTerm = (typeof MORPHOLOGY_TERMS)[number];

/** Casts of a duct: the atlas's one descriptor "fine linear or fine-linear branching" (ACR BI-RADS Atlas, 5th ed.). */
export const DUCT_CAST_MORPHOLOGY: readonly MorphologyTerm[] = ['fine linear', 'fine-linear branching'];
/** Calcifications shaped as lines: duct casts, the walls of vessels and large rods. */
export const LINEAR_MORPHOLOGY: readonly MorphologyTerm[] = [...DUCT_CAST_MORPHOLOGY, 'vascular', 'large rod-like'];

export const DISTRIBUTION_TERMS = ['diffuse', 'regional', 'grouped', 'linear', 'segmental'] as const;
export type DistributionTerm = (typeof DISTRIBUTION_TERMS)[number];

export const ASSESSMENT_CATEGORIES = ['0', '1', '2', '3', '4A', '4B', '4C', '5', '6'] as const;
export type AssessmentCategory = (typeof ASSESSMENT_CATEGORIES)[number];

export const BREAST_COMPOSITIONS = ['a', 'b', 'c', 'd'] as const;
export type BreastComposition = (typeof BREAST_COMPOSITIONS)[number];

export type Side = 'right' | 'left' | 'both';

export const CHANGE_KINDS = ['new', 'stable', 'increased', 'decreased', 'no-priors'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Change since prior. `years` is how long stable (for 'stable'). `newPosition` marks calcifications in a position where none were before. */
export interface ChangeSincePrior {
  readonly kind: ChangeKind;
  readonly years?: number;
  readonly newPosition?: boolean;
}

/** Procedures and injuries a history event can be (every one the rules read). */
export const PROCEDURE_KINDS = [
  'lumpectomy',
  'excision',
  'mastectomy',
  'reduction',
  'biopsy',
  'augmentation',
  'other-surgery',
  'radiation',
  'trauma',
] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** One event in the clinical history: a procedure or an injury, with side, date and site. */
export interface HistoryEvent {
  readonly kind: ProcedureKind;
  readonly side: Side | null;
  /** ISO date (YYYY-MM-DD or YYYY) or null when unknown. */
  readonly date: string | null;
  /** Free text site, e.g. "upper outer quadrant", "12 o'clock". */
  readonly site: string | null;
}

/**
 * Systemic causes of calcification, and 'known-malignancy': the older, sideless way of stating a
 * known cancer (still read; `ClinicalHistory.malignancies` gives it with side and site).
 */
export const CONDITIONS = ['hyperparathyroidism', 'dermatomyositis', 'renal-failure', 'ehlers-danlos', 'known-malignancy'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** A biopsy-proven malignancy not yet treated (BI-RADS 6 applies to the finding that is this cancer). */
export interface KnownMalignancy {
  readonly side: Side;
  /** Free text site, e.g. "2 o'clock", "upper outer quadrant"; null when not stated. */
  readonly site: string | null;
  /** Date of the biopsy, YYYY, YYYY-MM or YYYY-MM-DD; null when not stated. */
  readonly date: string | null;
}

export interface ClinicalHistory {
  readonly events: readonly HistoryEvent[];
  /** Biopsy-proven malignancies, with side and site. Missing: none. */
  readonly malignancies?: readonly KnownMalignancy[];
  readonly implants: boolean;
  /** Paraffin or silicone injections. */
  readonly injections: boolean;
  readonly conditions: readonly Condition[];
}

/** Why the examination is done (ACR BI-RADS Atlas, 5th ed.: screening ends in 0, 1 or 2). */
export const INDICATIONS = ['screening', 'diagnostic', 'short-interval follow-up'] as const;
export type Indication = (typeof INDICATIONS)[number];

/** How a finding stands to a known biopsy-proven malignancy: it is the cancer, or it lies next to it. */
export const KNOWN_CANCER_RELATIONS = ['this finding', 'adjacent'] as const;
export type KnownCancerRelation = (typeof KNOWN_CANCER_RELATIONS)[number];

export const EMPTY_HISTORY: ClinicalHistory = {
  events: [],
  implants: false,
  injections: false,
  conditions: [],
};

export function isMorphologyTerm(s: string): s is MorphologyTerm {
  return (MORPHOLOGY_TERMS as readonly string[]).includes(s);
}
export function isDistributionTerm(s: string): s is DistributionTerm {
  return (DISTRIBUTION_TERMS as readonly string[]).includes(s);
}
export function isTypicallyBenign(t: MorphologyTerm): boolean {
  return (TYPICALLY_BENIGN_MORPHOLOGY as readonly string[]).includes(t);
}
