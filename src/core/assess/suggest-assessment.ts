import type { AssessmentCategory } from '../lexicon.js';
import { ASSESSMENT_PREDICATES, ASSESSMENT_RULES, baseOf, type AssessmentRule } from './assessment-rules.js';
import { CATEGORY_TABLE, lowerOneStep, suspicionRank } from './categories.js';
import { assessmentFacts, eventInWords, MORPHOLOGY_BASE, type AssessmentFacts } from './facts.js';
import type { AssessmentInput, Suggestion } from './suggestion.js';

/** A suggestion plus the short phrase of the rule that decided its category, for the report. */
export interface DetailedSuggestion extends Suggestion {
  /** e.g. "expected post-treatment change"; null when the morphology alone decided. */
  readonly summary: string | null;
}

function fill(text: string, f: AssessmentFacts, from: AssessmentCategory, to: AssessmentCategory): string {
  const event = f.sameSideTreatments[0];
  const why = f.input.notCharacterised ?? 'no lexicon term fits the measurements';
  return text
    .replace('{why}', why)
    .replace('{terms}', [...f.terms].join(' / '))
    .replace('{years}', String(f.input.change.years ?? 0))
    .replace('{event}', event === undefined ? 'treatment' : eventInWords(event))
    .replace('{from}', from)
    .replace('{to}', to);
}

function applyEffect(rule: AssessmentRule, current: AssessmentCategory): AssessmentCategory {
  const target = rule.category;
  if (target === null) return current;
  switch (rule.effect) {
    case 'set':
      return target;
    case 'raise-to':
      return suspicionRank(target) > suspicionRank(current) ? target : current;
    case 'lower-one-step':
      return lowerOneStep(current, target);
    case 'note':
      return current;
  }
}

/**
 * Suggests a BI-RADS assessment for one finding from the rule table: the most suspicious
 * morphology sets the base category, then distribution, change since prior and clinical history
 * raise or lower it. Always a suggestion, with the rules that fired and their reasons.
 *
 * @example suggestAssessment({ morphology: ['fine pleomorphic'], distribution: ['segmental'], … }).assessment // '4C'
 */
export function suggestAssessment(input: AssessmentInput): DetailedSuggestion {
  const f = assessmentFacts(input);
  let category = baseOf(f);
  let summary: string | null = null;
  let management: string | null = null;
  const reasons: string[] = [];
  const ruleIds: string[] = [];
  const differential: string[] = [];
  const fires = (rule: AssessmentRule): boolean => rule.when.every((p) => ASSESSMENT_PREDICATES[p](f));
  // Said once: a rule that restates the morphology's reason replaces it.
  const restated = ASSESSMENT_RULES.some((r) => r.restatesMorphology === true && fires(r));
  if (f.worst !== null) {
    if (!restated) reasons.push(MORPHOLOGY_BASE[f.worst].reason);
    ruleIds.push(`morphology:${f.worst}`);
    const others = input.morphology.filter((t) => t !== f.worst);
    if (others.length > 0) reasons.push(`also present: ${others.join(', ')} (the most suspicious morphology decides)`);
  }
  for (const rule of ASSESSMENT_RULES) {
    if (!fires(rule)) continue;
    const next = applyEffect(rule, category);
    reasons.push(fill(rule.reason, f, category, next));
    ruleIds.push(rule.id);
    for (const d of rule.differential ?? []) if (!differential.includes(d)) differential.push(d);
    if (rule.effect !== 'note' && (next !== category || rule.effect === 'set' || rule.effect === 'lower-one-step')) {
      summary = rule.summary ?? summary;
      management = rule.management ?? null;
    }
    category = next;
  }
  return {
    assessment: category,
    management: management ?? CATEGORY_TABLE[category].management,
    reasons,
    ruleIds,
    differential,
    summary,
  };
}
