import type {
  AssessmentCategory,
  BreastComposition,
  ChangeSincePrior,
  ClinicalHistory,
  DistributionTerm,
  Indication,
  KnownCancerRelation,
  MorphologyTerm,
  Side,
} from '../lexicon.js';

/** What the assessment rules read: terms (suggested or overridden by the radiologist) and context. */
export interface AssessmentInput {
  readonly morphology: readonly MorphologyTerm[];
  readonly distribution: readonly DistributionTerm[];
  readonly change: ChangeSincePrior;
  readonly history: ClinicalHistory;
  readonly composition: BreastComposition | null;
  /** The side of the finding, to match history events (surgery on the same side …). */
  readonly side: Side | null;
  /** How many calcifications the finding holds; 1 = a solitary calcification. Null / missing: not known. */
  readonly count?: number | null;
  /** Why the morphology is not characterised, in report words ("too small for the 0.20 mm pixel size"). */
  readonly notCharacterised?: string | null;
  /** Why the exam is done; null / missing: read as a diagnostic examination. */
  readonly indication?: Indication | null;
  /** The exam date, YYYY-MM-DD; needed to tell how long ago a procedure was. Null / missing: not known. */
  readonly examDate?: string | null;
  /** The finding is the known biopsy-proven cancer, or lies next to it. Null / missing: neither. */
  readonly knownCancer?: KnownCancerRelation | null;
}

/** The suggested assessment: always a suggestion, with the rules that produced it. */
export interface Suggestion {
  readonly assessment: AssessmentCategory;
  /** Management wording from the category table, e.g. "Tissue diagnosis (biopsy) is recommended." */
  readonly management: string;
  /** Why, in the order the rules fired, e.g. "fine-linear branching morphology: high suspicion (atlas ≈ 70 %)". */
  readonly reasons: readonly string[];
  /** Ids of the rules in the rule table that fired. */
  readonly ruleIds: readonly string[];
  /** Other causes to mention (e.g. for dystrophic: injections, dermatomyositis …). */
  readonly differential: readonly string[];
  /** Category 3: months to the next follow-up examination (6, then 12 and 24 months from the first). Otherwise null. */
  readonly followUpMonths: number | null;
  /**
   * At screening, the category the finding would have at diagnostic work-up when that is 3, 4 or 5 (the
   * screening category is then 0, recall). Null otherwise.
   */
  readonly diagnosticAssessment: AssessmentCategory | null;
}
