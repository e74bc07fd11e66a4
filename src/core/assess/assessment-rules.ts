/**
 * The assessment rule table. The morphology sets the base category (the most suspicious term
 * wins, MORPHOLOGY_BASE); then each rule below, in order, may set, raise or lower it. A reader can
 * review the clinical logic here without reading control flow.
 */
import type { AssessmentCategory, MorphologyTerm } from '../lexicon.js';
import { suspicionRank } from './categories.js';
import { MORPHOLOGY_BASE, type AssessmentFacts } from './facts.js';

const has = (f: AssessmentFacts, ...ts: MorphologyTerm[]): boolean => ts.some((t) => f.terms.has(t));
const only = (f: AssessmentFacts, ...ts: MorphologyTerm[]): boolean =>
  f.terms.size > 0 && [...f.terms].every((t) => ts.includes(t));
const ductal = (f: AssessmentFacts): boolean => f.distributions.has('linear') || f.distributions.has('segmental');
const treatedBy = (f: AssessmentFacts, ...kinds: string[]): boolean => f.sameSideTreatments.some((e) => kinds.includes(e.kind));

/** Named predicates on the facts. */
export const ASSESSMENT_PREDICATES = {
  'no morphology': (f: AssessmentFacts) => f.terms.size === 0,
  'only round / punctate / amorphous': (f: AssessmentFacts) => only(f, 'round', 'punctate', 'amorphous'),
  'only punctate / round': (f: AssessmentFacts) => only(f, 'punctate', 'round'),
  'most suspicious is punctate': (f: AssessmentFacts) => f.worst === 'punctate' || only(f, 'punctate', 'round'),
  'most suspicious is fine pleomorphic': (f: AssessmentFacts) => f.worst === 'fine pleomorphic',
  'most suspicious is fine linear': (f: AssessmentFacts) =>
    f.worst === 'fine linear' || f.worst === 'fine-linear branching',
  'most suspicious is amorphous / coarse heterogeneous': (f: AssessmentFacts) =>
    f.worst === 'amorphous' || f.worst === 'coarse heterogeneous',
  'dystrophic, all typically benign': (f: AssessmentFacts) => has(f, 'dystrophic') && f.allTypicallyBenign,
  'dystrophic present': (f: AssessmentFacts) => has(f, 'dystrophic'),
  'diffuse distribution': (f: AssessmentFacts) => f.distributions.has('diffuse'),
  'grouped distribution': (f: AssessmentFacts) => f.distributions.has('grouped'),
  'linear or segmental distribution': ductal,
  'both breasts': (f: AssessmentFacts) => f.input.side === 'both',
  'no priors': (f: AssessmentFacts) => f.input.change.kind === 'no-priors',
  'new or increased': (f: AssessmentFacts) => f.input.change.kind === 'new' || f.input.change.kind === 'increased',
  'new or no priors': (f: AssessmentFacts) => f.input.change.kind === 'new' || f.input.change.kind === 'no-priors',
  increased: (f: AssessmentFacts) => f.input.change.kind === 'increased',
  'stable or decreased': (f: AssessmentFacts) => f.input.change.kind === 'stable' || f.input.change.kind === 'decreased',
  'stable 2 years or more': (f: AssessmentFacts) => f.input.change.kind === 'stable' && (f.input.change.years ?? 0) >= 2,
  'in a new position': (f: AssessmentFacts) => f.input.change.newPosition === true,
  'not in a new position': (f: AssessmentFacts) => f.input.change.newPosition !== true,
  'treated on this side': (f: AssessmentFacts) => f.sameSideTreatments.length > 0,
  'radiation or reduction on this side': (f: AssessmentFacts) => treatedBy(f, 'radiation', 'reduction'),
  'no procedure on this side': (f: AssessmentFacts) => f.sameSideTreatments.length === 0,
  'paraffin or silicone injections': (f: AssessmentFacts) => f.input.history.injections,
  'breast implants': (f: AssessmentFacts) => f.input.history.implants,
  'systemic cause known': (f: AssessmentFacts) =>
    f.input.history.conditions.some((c) => c === 'dermatomyositis' || c === 'hyperparathyroidism' || c === 'ehlers-danlos' || c === 'renal-failure'),
  'a single calcification': (f: AssessmentFacts) => f.input.count === 1,
  'more than one calcification': (f: AssessmentFacts) => f.input.count !== 1,
  'only typically benign': (f: AssessmentFacts) => f.allTypicallyBenign,
  'suspicious category': (f: AssessmentFacts) => f.worst !== null && suspicionRank('4A') <= suspicionRank(baseOf(f)),
} as const;

export type AssessmentPredicateName = keyof typeof ASSESSMENT_PREDICATES;

/** set: replace the category; raise-to: at least this; lower-one-step: one step down, not below; note: reason only. */
export type RuleEffect = 'set' | 'raise-to' | 'lower-one-step' | 'note';

export interface AssessmentRule {
  readonly id: string;
  readonly when: readonly AssessmentPredicateName[];
  readonly effect: RuleEffect;
  /** The category set / raised to, or the floor for lower-one-step. */
  readonly category: AssessmentCategory | null;
  /** Why, in words; {years}, {event}, {from}, {to} are filled from the input. */
  readonly reason: string;
  /** The short phrase the report uses after the category ("expected post-treatment change"). */
  readonly summary?: string;
  /** Management wording when it differs from the category table's. */
  readonly management?: string;
  readonly differential?: readonly string[];
  /** Where the rule comes from (atlas section, paper). */
  readonly source?: string;
  /**
   * The reason already says what the morphology's base reason says ("a single round calcification:
   * typically benign" beside "round calcifications: typically benign"): the base reason is left out.
   */
  readonly restatesMorphology?: true;
}

export const DYSTROPHIC_DIFFERENTIAL: readonly string[] = [
  'paraffin or silicone injections (augmentation)',
  'dermatomyositis',
  'secondary hyperparathyroidism',
  'Ehlers-Danlos syndrome (case report)',
];

export const ASSESSMENT_RULES: readonly AssessmentRule[] = [
  {
    id: 'no-morphology',
    when: ['no morphology'],
    effect: 'set',
    category: '0',
    reason: 'no morphology term: the calcifications are not characterised ({why}); additional imaging (spot magnification views) suggested',
    summary: 'calcifications not characterised',
    source: 'ACR BI-RADS Atlas, 5th ed., Guidance: calcifications needing further evaluation are recalled for spot magnification views (category 0)',
  },
  {
    id: 'solitary-typically-benign',
    when: ['a single calcification', 'only typically benign'],
    effect: 'set',
    category: '2',
    reason: 'a single {terms} calcification: typically benign; one calcification is not a group',
    summary: 'a single typically benign calcification',
    restatesMorphology: true,
    source:
      'ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications: typically benign morphologies are category 2; "grouped" needs several calcifications in a small volume (about 5 within 1 cm)',
  },
  {
    id: 'diffuse-bilateral-benign',
    when: ['only round / punctate / amorphous', 'diffuse distribution', 'both breasts'],
    effect: 'set',
    category: '2',
    reason: 'bilateral diffuse round / punctate / amorphous calcifications: benign pattern',
    summary: 'bilateral diffuse pattern',
  },
  {
    id: 'dystrophic-post-treatment-stable',
    when: ['dystrophic, all typically benign', 'treated on this side', 'not in a new position', 'stable or decreased'],
    effect: 'set',
    category: '2',
    reason: 'dystrophic calcifications on the side of prior {event}, not in a new position: expected post-treatment change',
    summary: 'expected post-treatment change',
  },
  {
    id: 'dystrophic-post-treatment-new',
    when: ['dystrophic, all typically benign', 'treated on this side', 'not in a new position', 'new or no priors'],
    effect: 'set',
    category: '2',
    reason:
      'dystrophic calcifications at the site of prior {event}: up to 30 % of women develop them within 4 years of a breast procedure; expected post-treatment change',
    summary: 'expected post-treatment change',
  },
  {
    id: 'dystrophic-no-history',
    when: ['dystrophic present', 'no procedure on this side'],
    effect: 'note',
    category: null,
    reason: 'dystrophic calcifications without known surgery, radiation or trauma on this side: benign; other causes to consider',
    differential: DYSTROPHIC_DIFFERENTIAL,
  },
  {
    id: 'dystrophic-injections',
    when: ['dystrophic present', 'paraffin or silicone injections'],
    effect: 'note',
    category: null,
    reason: 'history of paraffin or silicone injections: a recognised cause of dystrophic calcifications',
  },
  {
    id: 'dystrophic-implants',
    when: ['dystrophic present', 'breast implants'],
    effect: 'note',
    category: null,
    reason: 'breast implants: augmentation is a recognised cause of dystrophic calcifications (implant capsule)',
  },
  {
    id: 'dystrophic-systemic-cause',
    when: ['dystrophic present', 'systemic cause known'],
    effect: 'note',
    category: null,
    reason: 'known systemic condition (dermatomyositis, hyperparathyroidism, renal failure or Ehlers-Danlos): a recognised cause of dystrophic calcifications',
  },
  {
    id: 'punctate-single-group-baseline',
    when: ['only punctate / round', 'most suspicious is punctate', 'grouped distribution', 'no priors', 'more than one calcification'],
    effect: 'raise-to',
    category: '3',
    reason: 'a single group of punctate calcifications on a baseline examination (no priors): probably benign',
    summary: 'single group of punctate calcifications without priors',
  },
  {
    id: 'punctate-new-or-increasing',
    when: ['most suspicious is punctate', 'new or increased'],
    effect: 'raise-to',
    category: '4A',
    reason: 'new or increasing punctate calcifications: tissue diagnosis suggested',
    summary: 'new or increasing punctate calcifications',
  },
  {
    id: 'punctate-ductal',
    when: ['most suspicious is punctate', 'linear or segmental distribution'],
    effect: 'raise-to',
    category: '4A',
    reason: 'punctate calcifications in a linear or segmental distribution: tissue diagnosis suggested',
    summary: 'punctate calcifications in a ductal distribution',
  },
  {
    id: 'dystrophic-new-position-after-treatment',
    when: ['dystrophic present', 'radiation or reduction on this side', 'in a new position'],
    effect: 'raise-to',
    category: '3',
    reason: 'dystrophic calcifications in a new position after {event}: concern rises (the category may be raised to 3 or 4)',
    summary: 'dystrophic calcifications in a new position after treatment',
  },
  {
    id: 'dystrophic-new-position-increasing',
    when: ['dystrophic present', 'radiation or reduction on this side', 'in a new position', 'increased'],
    effect: 'raise-to',
    category: '4A',
    reason: 'dystrophic calcifications in a new position after {event} and increasing: low suspicion, tissue diagnosis suggested',
    summary: 'new and increasing dystrophic calcifications after treatment',
  },
  {
    id: 'fine-pleomorphic-ductal',
    when: ['most suspicious is fine pleomorphic', 'linear or segmental distribution'],
    effect: 'raise-to',
    category: '4C',
    reason: 'fine pleomorphic calcifications in a linear or segmental distribution: high suspicion',
    summary: 'fine pleomorphic calcifications in a ductal distribution',
  },
  {
    id: 'fine-linear-ductal',
    when: ['most suspicious is fine linear', 'linear or segmental distribution'],
    effect: 'raise-to',
    category: '5',
    reason: 'fine linear calcifications in a linear or segmental distribution: highly suggestive of malignancy',
    summary: 'fine linear calcifications in a ductal distribution',
  },
  {
    id: 'amorphous-heterogeneous-ductal',
    when: ['most suspicious is amorphous / coarse heterogeneous', 'linear or segmental distribution'],
    effect: 'raise-to',
    category: '4C',
    reason: 'a linear or segmental distribution raises the suspicion of amorphous / coarse heterogeneous calcifications one step',
    summary: 'suspicious calcifications in a ductal distribution',
  },
  {
    id: 'stable-suspicious',
    when: ['suspicious category', 'stable 2 years or more'],
    effect: 'lower-one-step',
    category: '4A',
    reason:
      'stable for {years} years: suspicion lowered one step ({from} → {to}) but not erased; stability does not exclude malignancy, so tissue diagnosis is still suggested',
    summary: 'stable, suspicion lowered but not erased',
  },
];

/** The base category from the most suspicious morphology (2 when there is none). */
export function baseOf(f: AssessmentFacts): AssessmentCategory {
  return f.worst === null ? '2' : MORPHOLOGY_BASE_LOOKUP[f.worst];
}

const MORPHOLOGY_BASE_LOOKUP = Object.fromEntries(
  Object.entries(MORPHOLOGY_BASE).map(([t, b]) => [t, b.category]),
) as Readonly<Record<MorphologyTerm, AssessmentCategory>>;
