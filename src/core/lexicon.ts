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

export type ProcedureKind =
  | 'lumpectomy'
  | 'mastectomy'
  | 'reduction'
  | 'biopsy'
  | 'augmentation'
  | 'other-surgery'
  | 'radiation'
  | 'trauma';

/** One event in the clinical history: a procedure or an injury, with side, date and site. */
export interface HistoryEvent {
  readonly kind: ProcedureKind;
  readonly side: Side | null;
  /** ISO date (YYYY-MM-DD or YYYY) or null when unknown. */
  readonly date: string | null;
  /** Free text site, e.g. "upper outer quadrant", "12 o'clock". */
  readonly site: string | null;
}

export type Condition =
  | 'hyperparathyroidism'
  | 'dermatomyositis'
  | 'renal-failure'
  | 'ehlers-danlos'
  | 'known-malignancy';

export interface ClinicalHistory {
  readonly events: readonly HistoryEvent[];
  readonly implants: boolean;
  /** Paraffin or silicone injections. */
  readonly injections: boolean;
  readonly conditions: readonly Condition[];
}

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
