import type { AssessmentCategory, DistributionTerm, HistoryEvent, MorphologyTerm, ProcedureKind } from '../lexicon.js';
import { isTypicallyBenign } from '../lexicon.js';
import { suspicionRank } from './categories.js';
import type { AssessmentInput } from './suggestion.js';

/** The base category of each morphology term, and why (atlas likelihoods quoted). */
export const MORPHOLOGY_BASE: Readonly<Record<MorphologyTerm, { readonly category: AssessmentCategory; readonly reason: string }>> = {
  skin: { category: '2', reason: 'skin calcifications: typically benign' },
  vascular: { category: '2', reason: 'vascular calcifications: typically benign' },
  coarse: { category: '2', reason: 'coarse (popcorn-like) calcifications: typically benign' },
  'large rod-like': { category: '2', reason: 'large rod-like calcifications: typically benign' },
  round: { category: '2', reason: 'round calcifications: typically benign' },
  punctate: { category: '2', reason: 'punctate calcifications: typically benign' },
  rim: { category: '2', reason: 'rim calcifications: typically benign' },
  dystrophic: { category: '2', reason: 'dystrophic calcifications: typically benign' },
  'milk of calcium': { category: '2', reason: 'milk of calcium: typically benign' },
  suture: { category: '2', reason: 'suture calcifications: typically benign' },
  amorphous: { category: '4B', reason: 'amorphous morphology: moderate suspicion (atlas about 20 %)' },
  'coarse heterogeneous': {
    category: '4B',
    reason: 'coarse heterogeneous morphology: moderate suspicion (atlas a little under 15 %)',
  },
  'fine pleomorphic': { category: '4B', reason: 'fine pleomorphic morphology: moderate suspicion (atlas about 29 %)' },
  'fine linear': { category: '4C', reason: 'fine linear morphology: high suspicion (atlas about 70 %)' },
  'fine-linear branching': {
    category: '4C',
    reason: 'fine-linear branching morphology: high suspicion (atlas about 70 %)',
  },
};

/** Procedures and injuries after which dystrophic calcifications are expected. */
export const TREATMENTS: readonly ProcedureKind[] = [
  'lumpectomy',
  'mastectomy',
  'reduction',
  'biopsy',
  'augmentation',
  'other-surgery',
  'radiation',
  'trauma',
];

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
}

const sameSide = (e: HistoryEvent, side: AssessmentInput['side']): boolean =>
  e.side === null || side === null || e.side === side || e.side === 'both' || side === 'both';

/** Works out the facts the rules read. */
export function assessmentFacts(input: AssessmentInput): AssessmentFacts {
  let worst: MorphologyTerm | null = null;
  let worstRank = -1;
  for (const t of input.morphology) {
    const r = suspicionRank(MORPHOLOGY_BASE[t].category);
    if (r > worstRank) {
      worst = t;
      worstRank = r;
    }
  }
  return {
    input,
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
