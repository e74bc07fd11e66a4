import type { AssessmentCategory, Condition } from '../lexicon.js';
import { ASSESSMENT_PREDICATES, ASSESSMENT_RULES, baseOf, type AssessmentRule } from './assessment-rules.js';
import { CATEGORY_TABLE, lowerOneStep, suspicionRank } from './categories.js';
import { assessmentFacts, changeWord, eventInWords, MORPHOLOGY_BASE, yearsBefore, type AssessmentFacts } from './facts.js';
import { nextFollowUpMonths, SCREENING_RECALL } from './indication-rules.js';
import { distributionClass, isSuspiciousTerm, ppvReason, ppvRow, type PpvRow } from './suspicious-ppv.js';
import type { AssessmentInput, Suggestion } from './suggestion.js';

/** A suggestion plus the short phrase of the rule that decided its category, for the report. */
export interface DetailedSuggestion extends Suggestion {
  /** e.g. "expected post-surgical change"; null when the morphology alone decided. */
  readonly summary: string | null;
}

const CONDITION_WORDS: Readonly<Record<Condition, string>> = {
  hyperparathyroidism: 'hyperparathyroidism',
  dermatomyositis: 'dermatomyositis',
  'renal-failure': 'renal failure',
  'ehlers-danlos': 'Ehlers-Danlos syndrome',
  'known-malignancy': 'known malignancy',
};

function yearsInWords(years: number | undefined): string {
  if (years === undefined) return 'an unstated time';
  return `${years} year${years === 1 ? '' : 's'}`;
}

function malignancyInWords(f: AssessmentFacts): string {
  const m = f.input.history.malignancies ?? [];
  if (m.length === 0) return 'side and site not stated';
  return m
    .map((x) => [x.side === 'both' ? 'both breasts' : `${x.side} breast`, x.site, x.date === null ? null : `biopsy ${x.date}`].filter((p) => p !== null).join(', '))
    .join('; ');
}

/** "grouped fine pleomorphic calcifications" — the finding in words for reasons. */
export function findingInWords(f: AssessmentFacts): string {
  const d = f.distributionsInOrder.join(', ');
  const m = f.worst ?? 'uncharacterised';
  return `${d === '' ? '' : `${d} `}${m} calcifications`;
}

function likelihoodRow(f: AssessmentFacts): PpvRow | null {
  return f.worst !== null && isSuspiciousTerm(f.worst) ? ppvRow(f.worst, distributionClass(f.distributions)) : null;
}

/**
 * Each placeholder of the rule texts and how it is worked out from the facts; a text is filled
 * only with the placeholders it holds (most hold none), each worked out once.
 */
const PLACEHOLDERS: Readonly<Record<string, (f: AssessmentFacts, from: AssessmentCategory, to: AssessmentCategory) => string>> = {
  why: (f) => f.input.notCharacterised ?? 'no lexicon term fits the measurements',
  terms: (f) => f.termsInOrder.join(' / '),
  punctateOrRound: (f) => f.termsInOrder.filter((t) => t === 'punctate' || t === 'round').join(' and ') || 'punctate',
  years: (f) => yearsInWords(f.input.change.years),
  events: (f) => (f.sameSideTreatments.length === 0 ? 'treatment' : f.sameSideTreatments.map(eventInWords).join(' and ')),
  change: (f) => [...new Set(f.sameSideTreatments.map((e) => changeWord(e.kind)))].join(' and '),
  sinceEvent: (f) => {
    const examDate = f.input.examDate ?? null;
    const recent = f.sameSideTreatments.find((e) => e.kind !== 'trauma' && (yearsBefore(e.date, examDate) ?? 99) <= 4);
    return recent === undefined ? '' : `${eventInWords(recent)}, ${Math.floor(yearsBefore(recent.date, examDate) ?? 0)} years before this examination`;
  },
  conditions: (f) => f.input.history.conditions.filter((c) => c !== 'known-malignancy').map((c) => CONDITION_WORDS[c]).join(' and '),
  malignancy: (f) => malignancyInWords(f),
  worst: (f) => f.worst ?? '',
  newOrNextToCancer: (f) =>
    [f.input.change.kind === 'new' ? 'new' : null, f.input.knownCancer === 'adjacent' ? `next to the known malignancy (${malignancyInWords(f)})` : null]
      .filter((x) => x !== null)
      .join(' and '),
  ductal: (f) => f.distributionsInOrder.filter((d) => d === 'linear' || d === 'segmental').join(' and ') || 'linear or segmental',
  likelihood: (f) => {
    const row = likelihoodRow(f);
    return row === null ? '' : ppvReason(row, findingInWords(f), CATEGORY_TABLE[row.category].name);
  },
  from: (_f, from) => from,
  to: (_f, _from, to) => to,
};

function fill(text: string, f: AssessmentFacts, from: AssessmentCategory, to: AssessmentCategory): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = PLACEHOLDERS[name];
    return value === undefined ? whole : value(f, from, to);
  });
}

function targetOf(rule: AssessmentRule, f: AssessmentFacts): AssessmentCategory | null {
  if (rule.fromLikelihoodTable === true) return likelihoodRow(f)?.category ?? null;
  return rule.category;
}

function applyEffect(rule: AssessmentRule, target: AssessmentCategory | null, current: AssessmentCategory): AssessmentCategory {
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

/** Known causes named as the likely cause are not listed again among the other causes. */
function withoutKnownCauses(differential: readonly string[], f: AssessmentFacts): string[] {
  const known = f.input.history.conditions.map((c) => CONDITION_WORDS[c].toLowerCase());
  return differential.filter((d) => !known.some((k) => d.toLowerCase().includes(k)) && !(f.input.history.injections && d.includes('injections')));
}

/**
 * Suggests a BI-RADS assessment for one finding from the rule table: the most suspicious
 * morphology sets the base category, then distribution, change since prior and clinical history
 * raise or lower it; at screening a finding needing work-up is recalled (0). Always a suggestion,
 * with the rules that fired and their reasons. The result depends on the set of terms, never their order.
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
  // Each rule's conditions are read once.
  const fired = ASSESSMENT_RULES.filter((rule) => rule.when.every((p) => ASSESSMENT_PREDICATES[p](f)));
  // Said once: a rule that restates the morphology's reason replaces it.
  const restated = fired.some((r) => r.restatesMorphology === true);
  if (f.worst !== null) {
    if (!restated) reasons.push(MORPHOLOGY_BASE[f.worst].reason);
    ruleIds.push(`morphology:${f.worst}`);
    const others = f.termsInOrder.filter((t) => t !== f.worst);
    if (others.length > 0) reasons.push(`also present: ${others.join(', ')} (the most suspicious morphology decides)`);
  }
  for (const rule of fired) {
    const target = targetOf(rule, f);
    const next = applyEffect(rule, target, category);
    reasons.push(fill(rule.reason, f, category, next));
    ruleIds.push(rule.id);
    for (const d of withoutKnownCauses(rule.differential ?? [], f)) if (!differential.includes(d)) differential.push(d);
    if (rule.effect !== 'note' && (next !== category || rule.effect === 'set' || rule.effect === 'lower-one-step')) {
      summary = rule.summary === undefined ? summary : fill(rule.summary, f, category, next);
      management = rule.management ?? null;
    }
    category = next;
  }
  const followUpMonths = category === '3' ? nextFollowUpMonths(input.change) : null;
  if (followUpMonths !== null) reasons.push(`probably benign: next follow-up mammography in ${followUpMonths} months`);
  if (input.indication === 'screening' && SCREENING_RECALL.recalled.includes(category)) {
    reasons.push(
      SCREENING_RECALL.reason.replace('{finding}', findingInWords(f)).replace('{diagnostic}', category),
    );
    ruleIds.push(SCREENING_RECALL.id);
    return {
      assessment: SCREENING_RECALL.category,
      management: SCREENING_RECALL.management,
      reasons,
      ruleIds,
      differential,
      summary: SCREENING_RECALL.summary,
      followUpMonths: null,
      diagnosticAssessment: category,
    };
  }
  return {
    assessment: category,
    management: management ?? probablyBenignManagement(followUpMonths) ?? CATEGORY_TABLE[category].management,
    reasons,
    ruleIds,
    differential,
    summary,
    followUpMonths,
    diagnosticAssessment: null,
  };
}

/**
 * Management of a probably benign finding after its first follow-up: ACR BI-RADS Atlas, 5th ed.,
 * category 3: "short-interval (6-month) follow-up or continued surveillance mammographic
 * monitoring" — the 6-month examination first, then continued surveillance at 12 and 24 months.
 * Null for the first (6-month) interval, which the category table words.
 */
function probablyBenignManagement(followUpMonths: number | null): string | null {
  if (followUpMonths === null || followUpMonths === 6) return null;
  return `Continued surveillance: follow-up mammography in ${followUpMonths} months.`;
}
