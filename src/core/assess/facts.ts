import type { AssessmentCategory, DistributionTerm, HistoryEvent, MorphologyTerm, ProcedureKind } from '../lexicon.js';
import { DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, PROCEDURE_KINDS, isTypicallyBenign } from '../lexicon.js';
import { CATEGORY_TABLE } from './categories.js';
import { ppvRow, type SuspiciousTerm } from './suspicious-ppv.js';
import type { AssessmentInput } from './suggestion.js';

/** The base category of each typically benign morphology term, and why. */
const BENIGN_BASE = (term: string): { readonly category: AssessmentCategory; readonly reason: string } => ({
  category: '2',
  reason: `${term}: typically benign`,
});

/**
 * The base category of each morphology term, and why: typically benign terms are 2 (ACR BI-RADS
 * Atlas, 5th ed.); suspicious terms take their grouped-distribution row of the likelihood table
 * (suspicious-ppv.ts), whose published range the reason quotes.
 */
export const MORPHOLOGY_BASE: Readonly<Record<MorphologyTerm, { readonly category: AssessmentCategory; readonly reason: string }>> = {
  skin: BENIGN_BASE('skin calcifications'),
  vascular: BENIGN_BASE('vascular calcifications'),
  coarse: BENIGN_BASE('coarse (popcorn-like) calcifications'),
  'large rod-like': BENIGN_BASE('large rod-like calcifications'),
  round: BENIGN_BASE('round calcifications'),
  punctate: BENIGN_BASE('punctate calcifications'),
  rim: BENIGN_BASE('rim calcifications'),
  dystrophic: BENIGN_BASE('dystrophic calcifications'),
  'milk of calcium': BENIGN_BASE('milk of calcium'),
  suture: BENIGN_BASE('suture calcifications'),
  amorphous: suspiciousBase('amorphous'),
  'coarse heterogeneous': suspiciousBase('coarse heterogeneous'),
  'fine pleomorphic': suspiciousBase('fine pleomorphic'),
  'fine linear': suspiciousBase('fine linear'),
  'fine-linear branching': suspiciousBase('fine-linear branching'),
};

function suspiciousBase(t: SuspiciousTerm): { readonly category: AssessmentCategory; readonly reason: string } {
  const row = ppvRow(t, 'not ductal');
  return { category: row.category, reason: `${t} morphology: ${CATEGORY_TABLE[row.category].name} (published likelihood ${row.ppv})` };
}

/**
 * Terms from least to most suspicious; the last one present decides. Suspicious terms follow their
 * published likelihood (coarse heterogeneous < amorphous < fine pleomorphic < fine linear); among
 * the typically benign ones punctate and round come last, as the only ones the atlas follows or
 * biopsies (a group of punctate calcifications: 3; new, increasing, linear or segmental: biopsy).
 * The category therefore depends on the set of terms, never on their order.
 */
export const SUSPICION_ORDER_OF_TERMS: readonly MorphologyTerm[] = [
  'skin',
  'vascular',
  'suture',
  'milk of calcium',
  'rim',
  'large rod-like',
  'coarse',
  'dystrophic',
  'round',
  'punctate',
  'coarse heterogeneous',
  'amorphous',
  'fine pleomorphic',
  'fine linear',
  'fine-linear branching',
];

const MOST_SUSPICIOUS_FIRST: readonly MorphologyTerm[] = [...SUSPICION_ORDER_OF_TERMS].reverse();

/** Terms in lexicon order (the order reasons list them), whatever order they were given in. */
export function inLexiconOrder<T extends string>(terms: Iterable<T>, order: readonly T[]): T[] {
  const set = new Set(terms);
  return order.filter((t) => set.has(t));
}

/** Procedures and injuries after which dystrophic calcifications are expected: every kind a history event can be. */
export const TREATMENTS: readonly ProcedureKind[] = PROCEDURE_KINDS;

/** What the assessment predicates read, worked out once per input. */
export interface AssessmentFacts {
  readonly input: AssessmentInput;
  readonly terms: ReadonlySet<MorphologyTerm>;
  /** The most suspicious morphology term (null when none). */
  readonly worst: MorphologyTerm | null;
  readonly allTypicallyBenign: boolean;
  readonly distributions: ReadonlySet<DistributionTerm>;
  /** History events on the finding's side (or with a side not stated). */
  readonly sameSideTreatments: readonly HistoryEvent[];
  /** The morphology terms in lexicon order. */
  readonly termsInOrder: readonly MorphologyTerm[];
  readonly distributionsInOrder: readonly DistributionTerm[];
}

const sameSide = (e: HistoryEvent, side: AssessmentInput['side']): boolean =>
  e.side === null || side === null || e.side === side || e.side === 'both' || side === 'both';

/** Works out the facts the rules read. */
export function assessmentFacts(input: AssessmentInput): AssessmentFacts {
  const worst = MOST_SUSPICIOUS_FIRST.find((t) => input.morphology.includes(t)) ?? null;
  return {
    input,
    termsInOrder: inLexiconOrder(input.morphology, MORPHOLOGY_TERMS),
    distributionsInOrder: inLexiconOrder(input.distribution, DISTRIBUTION_TERMS),
    terms: new Set(input.morphology),
    worst,
    allTypicallyBenign: input.morphology.length > 0 && input.morphology.every(isTypicallyBenign),
    distributions: new Set(input.distribution),
    sameSideTreatments: input.history.events.filter((e) => TREATMENTS.includes(e.kind) && sameSide(e, input.side)),
  };
}

/** "radiation (left breast, 2022)" — an event in words for reasons. */
export function eventInWords(e: HistoryEvent): string {
  const name = e.kind === 'other-surgery' ? 'surgery' : e.kind;
  const parts = [e.side === null ? null : e.side === 'both' ? 'both breasts' : `${e.side} breast`, e.site, e.date].filter(
    (x): x is string => x !== null && x !== '',
  );
  return parts.length > 0 ? `${name} (${parts.join(', ')})` : name;
}

/** What kind of change an event leaves, in report words. */
export function changeWord(kind: ProcedureKind): 'post-radiation' | 'post-traumatic' | 'post-surgical' {
  return kind === 'radiation' ? 'post-radiation' : kind === 'trauma' ? 'post-traumatic' : 'post-surgical';
}

/** Whole years from an event date (YYYY, YYYY-MM or YYYY-MM-DD) to the exam date; null when either is missing. */
export function yearsBefore(date: string | null, examDate: string | null): number | null {
  if (date === null || examDate === null) return null;
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [ey = 0, em = 1, ed = 1] = examDate.split('-').map(Number);
  return (Date.UTC(ey, em - 1, ed) - Date.UTC(y, m - 1, d)) / (365.25 * 24 * 3600 * 1000);
}
