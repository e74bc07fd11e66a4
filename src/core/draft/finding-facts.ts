/**
 * What a finding's card states, in words, worked out once here: the panel prints these strings
 * and formats no number or term list of its own. The size range is the finding's `sizeRange.words`
 * (size-range.ts); the sentence is its `wording`.
 */
import type { AssessmentCategory } from '../lexicon.js';
import type { TermWithConfidence } from '../describe/description.js';
import type { Finding, FindingLocation } from '../report/finding.js';
import { wordLocation } from '../report/word-location.js';

export interface FindingFacts {
  /** "1 calcification", "6 calcifications": counted on the view holding most of them. */
  readonly count: string;
  /** The location as the report sentence leads with it ("Right breast, upper outer quadrant, …"), or "not stated". */
  readonly location: string;
  /** The morphology terms in force (suggested or overridden), or "not characterised". */
  readonly morphology: string;
  /** The terms the rules chose before any override, for "(suggested: …)". */
  readonly suggestedMorphology: string;
  readonly suggestedDistribution: string;
  /** Each suggested morphology term with its confidence, e.g. "fine pleomorphic: 73 %". */
  readonly morphologyConfidence: readonly string[];
  /** "BI-RADS 4B": the category in force (the radiologist's when set). */
  readonly assessment: string;
  /** "BI-RADS 4A": what the rules gave before a category the radiologist set. */
  readonly rulesAssessment: string;
}

const NOT_CHARACTERISED = 'not characterised';
const LOCATION_NOT_STATED = 'not stated';

const listOrNone = (terms: readonly string[]): string => (terms.length > 0 ? terms.join(', ') : NOT_CHARACTERISED);
const percent = (c: number): string => `${Math.round(c * 100)} %`;
const category = (c: AssessmentCategory): string => `BI-RADS ${c}`;

export function findingFacts(input: {
  readonly finding: Finding;
  readonly count: number;
  readonly location: FindingLocation | null;
  readonly suggested: { readonly morphology: readonly string[]; readonly distribution: readonly string[] };
  readonly morphologyTerms: readonly TermWithConfidence<string>[];
  readonly rulesAssessment: AssessmentCategory;
}): FindingFacts {
  const { finding: f, count } = input;
  return {
    count: `${count} calcification${count === 1 ? '' : 's'}`,
    location: input.location === null ? LOCATION_NOT_STATED : wordLocation(f.side, input.location),
    morphology: listOrNone(f.morphology),
    suggestedMorphology: listOrNone(input.suggested.morphology),
    suggestedDistribution: listOrNone(input.suggested.distribution),
    morphologyConfidence: input.morphologyTerms.map((t) => `${t.term}: ${percent(t.confidence)}`),
    assessment: category(f.suggestion.assessment),
    rulesAssessment: category(input.rulesAssessment),
  };
}
