import type {
  AssessmentCategory,
  BreastComposition,
  ChangeSincePrior,
  ClinicalHistory,
  DistributionTerm,
  MorphologyTerm,
  Side,
} from '../lexicon.js';
import { CATEGORY_TABLE } from './categories.js';
import { nextFollowUpMonths } from './indication-rules.js';
import { suggestAssessment, type DetailedSuggestion } from './suggest-assessment.js';
import type { AssessmentInput } from './suggestion.js';

/** What the radiologist may replace. Any term left out keeps the suggested value. */
export interface Overrides {
  readonly morphology?: readonly MorphologyTerm[];
  readonly distribution?: readonly DistributionTerm[];
  readonly change?: ChangeSincePrior;
  readonly history?: ClinicalHistory;
  readonly composition?: BreastComposition | null;
  readonly side?: Side | null;
  /** The final category, when the radiologist disagrees with the rules' result. */
  readonly assessment?: AssessmentCategory;
}

export type OverriddenTerm = keyof Overrides;

/** A suggestion with the input it was computed from and the terms the radiologist replaced. */
export interface Assessed {
  readonly input: AssessmentInput;
  readonly suggestion: DetailedSuggestion;
  readonly overridden: readonly OverriddenTerm[];
}

/** Runs the rules on an input and keeps the input beside the result. */
export function assess(input: AssessmentInput): Assessed {
  return { input, suggestion: suggestAssessment(input), overridden: [] };
}

const INPUT_KEYS = ['morphology', 'distribution', 'change', 'history', 'composition', 'side'] as const;

/**
 * Replaces any term of a suggestion's input and recomputes the suggestion from the overridden
 * terms. An overridden assessment replaces the rules' category last, and the reasons say so.
 * `overridden` lists every term the radiologist replaced (earlier overrides included).
 */
export function applyOverrides(suggested: Assessed, overrides: Overrides): Assessed {
  const input: AssessmentInput = {
    morphology: overrides.morphology ?? suggested.input.morphology,
    distribution: overrides.distribution ?? suggested.input.distribution,
    change: overrides.change ?? suggested.input.change,
    history: overrides.history ?? suggested.input.history,
    composition: overrides.composition !== undefined ? overrides.composition : suggested.input.composition,
    side: overrides.side !== undefined ? overrides.side : suggested.input.side,
    count: suggested.input.count ?? null,
    // A morphology the radiologist gave replaces the reason none was suggested.
    notCharacterised: overrides.morphology !== undefined ? null : (suggested.input.notCharacterised ?? null),
    indication: suggested.input.indication ?? null,
    examDate: suggested.input.examDate ?? null,
    knownCancer: suggested.input.knownCancer ?? null,
  };
  const overridden = new Set<OverriddenTerm>(suggested.overridden.filter((k) => k !== 'assessment'));
  for (const k of INPUT_KEYS) if (overrides[k] !== undefined) overridden.add(k);
  const computed = suggestAssessment(input);
  const finalCategory = overrides.assessment;
  if (finalCategory === undefined) {
    return { input, suggestion: computed, overridden: INPUT_KEYS.filter((k) => overridden.has(k)) };
  }
  const suggestion: DetailedSuggestion = {
    ...computed,
    assessment: finalCategory,
    management: CATEGORY_TABLE[finalCategory].management,
    followUpMonths: finalCategory === '3' ? (computed.followUpMonths ?? nextFollowUpMonths(input.change)) : null,
    diagnosticAssessment: null,
    reasons: [...computed.reasons, `assessment set by the radiologist: BI-RADS ${finalCategory} (rules suggested ${computed.assessment})`],
    ruleIds: [...computed.ruleIds, 'radiologist-assessment'],
    summary: 'assessment set by the radiologist',
  };
  return { input, suggestion, overridden: [...INPUT_KEYS.filter((k) => overridden.has(k)), 'assessment'] };
}
