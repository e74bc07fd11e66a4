/**
 * The assessment rule table. The morphology sets the base category (the most suspicious term
 * wins, MORPHOLOGY_BASE; suspicious terms from the likelihood table, suspicious-ppv.ts); then each
 * rule below, in order, may set, raise or lower it. Every rule names its source. A reader can
 * review the clinical logic here without reading control flow.
 */
import type { AssessmentCategory, Condition, MorphologyTerm } from '../lexicon.js';
import { suspicionRank } from './categories.js';
import { MORPHOLOGY_BASE, yearsBefore, type AssessmentFacts } from './facts.js';

const has = (f: AssessmentFacts, ...ts: MorphologyTerm[]): boolean => ts.some((t) => f.terms.has(t));
const only = (f: AssessmentFacts, ...ts: MorphologyTerm[]): boolean =>
  f.terms.size > 0 && [...f.terms].every((t) => ts.includes(t));
const ductal = (f: AssessmentFacts): boolean => f.distributions.has('linear') || f.distributions.has('segmental');
const changeIs = (f: AssessmentFacts, ...kinds: string[]): boolean => kinds.includes(f.input.change.kind);
const SYSTEMIC: readonly Condition[] = ['dermatomyositis', 'hyperparathyroidism', 'ehlers-danlos', 'renal-failure'];
const systemicCause = (f: AssessmentFacts): boolean => f.input.history.conditions.some((c) => SYSTEMIC.includes(c));
const renalFailure = (f: AssessmentFacts): boolean => f.input.history.conditions.includes('renal-failure');
/** A procedure (surgery or radiation, not an injury) on this side within 4 years before the exam. */
const procedureWithin4Years = (f: AssessmentFacts): boolean =>
  f.sameSideTreatments.some((e) => {
    const y = yearsBefore(e.date, f.input.examDate ?? null);
    return e.kind !== 'trauma' && y !== null && y >= 0 && y <= 4;
  });
const probablyBenignPunctate = (f: AssessmentFacts): boolean =>
  only(f, 'punctate', 'round') && f.distributions.has('grouped') && !ductal(f) && f.input.count !== 1 && f.input.side !== 'both';

/** Named predicates on the facts. */
export const ASSESSMENT_PREDICATES = {
  'no morphology': (f: AssessmentFacts) => f.terms.size === 0,
  'only round / punctate / amorphous / coarse heterogeneous': (f: AssessmentFacts) =>
    only(f, 'round', 'punctate', 'amorphous', 'coarse heterogeneous'),
  // Punctate ranks above round: "most suspicious is punctate" holds whenever punctate is present
  // without a suspicious term; round alone (0.5 mm or larger) is not punctate (atlas, round).
  'most suspicious is punctate': (f: AssessmentFacts) => f.worst === 'punctate',
  'most suspicious is round or punctate': (f: AssessmentFacts) => f.worst === 'punctate' || f.worst === 'round',
  'most suspicious is round': (f: AssessmentFacts) => f.worst === 'round',
  'not diffuse': (f: AssessmentFacts) => !f.distributions.has('diffuse'),
  'diffuse distribution': (f: AssessmentFacts) => f.distributions.has('diffuse'),
  'vascular present': (f: AssessmentFacts) => has(f, 'vascular'),
  'only round / punctate': (f: AssessmentFacts) => only(f, 'round', 'punctate'),
  'renal failure known': renalFailure,
  'dystrophic, all typically benign': (f: AssessmentFacts) => has(f, 'dystrophic') && f.allTypicallyBenign,
  'dystrophic present': (f: AssessmentFacts) => has(f, 'dystrophic'),
  'a suspicious morphology present': (f: AssessmentFacts) => !f.allTypicallyBenign && f.terms.size > 0,
  'diffuse or grouped distribution': (f: AssessmentFacts) => f.distributions.has('diffuse') || f.distributions.has('grouped'),
  'not linear or segmental': (f: AssessmentFacts) => !ductal(f),
  'linear or segmental distribution': ductal,
  'both breasts': (f: AssessmentFacts) => f.input.side === 'both',
  'no priors': (f: AssessmentFacts) => changeIs(f, 'no-priors'),
  'new or increased': (f: AssessmentFacts) => changeIs(f, 'new', 'increased'),
  'not increased': (f: AssessmentFacts) => !changeIs(f, 'increased'),
  increased: (f: AssessmentFacts) => changeIs(f, 'increased'),
  'new or no priors': (f: AssessmentFacts) => changeIs(f, 'new', 'no-priors'),
  'new or next to the known cancer': (f: AssessmentFacts) => changeIs(f, 'new') || f.input.knownCancer === 'adjacent',
  'stable less than 2 years': (f: AssessmentFacts) => changeIs(f, 'stable') && (f.input.change.years ?? 0) < 2,
  'stable 2 years or more': (f: AssessmentFacts) => changeIs(f, 'stable') && (f.input.change.years ?? 0) >= 2,
  'in a new position': (f: AssessmentFacts) => f.input.change.newPosition === true,
  'not in a new position': (f: AssessmentFacts) => f.input.change.newPosition !== true,
  'treated or injured on this side': (f: AssessmentFacts) => f.sameSideTreatments.length > 0,
  'a procedure within 4 years of the exam': procedureWithin4Years,
  'no procedure on this side': (f: AssessmentFacts) => f.sameSideTreatments.length === 0,
  'no known cause': (f: AssessmentFacts) =>
    !systemicCause(f) && !f.input.history.injections && !f.input.history.implants,
  'paraffin or silicone injections': (f: AssessmentFacts) => f.input.history.injections,
  'breast implants': (f: AssessmentFacts) => f.input.history.implants,
  'systemic cause known': systemicCause,
  'a single calcification': (f: AssessmentFacts) => f.input.count === 1,
  'several calcifications': (f: AssessmentFacts) => f.input.count !== 1,
  'only typically benign': (f: AssessmentFacts) => f.allTypicallyBenign,
  'a group of round or punctate calcifications': probablyBenignPunctate,
  'suspicious category': (f: AssessmentFacts) => f.worst !== null && suspicionRank('4A') <= suspicionRank(baseOf(f)),
  'is the known cancer': (f: AssessmentFacts) => f.input.knownCancer === 'this finding',
  'next to the known cancer': (f: AssessmentFacts) => f.input.knownCancer === 'adjacent',
  'known malignancy elsewhere': (f: AssessmentFacts) =>
    (f.input.knownCancer ?? null) === null &&
    ((f.input.history.malignancies ?? []).length > 0 || f.input.history.conditions.includes('known-malignancy')),
} as const;

export type AssessmentPredicateName = keyof typeof ASSESSMENT_PREDICATES;

/** set: replace the category; raise-to: at least this; lower-one-step: one step down, not below; note: reason only. */
export type RuleEffect = 'set' | 'raise-to' | 'lower-one-step' | 'note';

export interface AssessmentRule {
  readonly id: string;
  readonly when: readonly AssessmentPredicateName[];
  readonly effect: RuleEffect;
  /** The category set / raised to, or the floor for lower-one-step (null: see fromLikelihoodTable). */
  readonly category: AssessmentCategory | null;
  /** The category comes from the likelihood table's row for the most suspicious morphology and the distribution. */
  readonly fromLikelihoodTable?: true;
  /**
   * Why, in words; {years}, {events}, {change}, {from}, {to}, {terms}, {conditions}, {malignancy}, {worst},
   * {sinceEvent}, {punctateOrRound} (the finding's punctate and round terms), {ductal} (its linear or
   * segmental distribution), {newOrNextToCancer} are filled from the input.
   */
  readonly reason: string;
  /** The short phrase the report uses after the category ("expected post-surgical change"). */
  readonly summary?: string;
  /** Management wording when it differs from the category table's. */
  readonly management?: string;
  readonly differential?: readonly string[];
  /** Where the rule comes from (atlas section, paper, the project's source document). */
  readonly source: string;
  /**
   * The reason already says what the morphology's base reason says ("a single round calcification:
   * typically benign" beside "round calcifications: typically benign"): the base reason is left out.
   */
  readonly restatesMorphology?: true;
}

const ATLAS = 'ACR BI-RADS Atlas, 5th ed. (2013), Mammography';
const SEED = 'the project\'s dystrophic-calcification source document (after Sickles 1986; Jackson 2004; Yi et al., Korean J Radiol 2009)';
/** Radiopaedia, "Round breast calcification" (rev. 2019), summarising the atlas's round and punctate descriptors. */
const ROUND_SUMMARY = 'Radiopaedia, "Round breast calcification" (after the ACR atlas, 5th ed.)';
/** Breast calcifications in chronic kidney disease and on dialysis. */
const KIDNEY =
  'Castellanos M et al., Am J Kidney Dis 2006 (doi 10.1053/j.ajkd.2006.05.001; 45 women on haemodialysis against 86 controls: more breast calcifications, mostly of benign-appearing morphology, and slightly more calcifications associated with malignancy); review, Nat Clin Pract Nephrol (doi 10.1038/ncpneph0804): women with chronic kidney disease or end-stage renal disease develop metastatic soft-tissue calcification in the breast, secondary to hyperparathyroidism';

/** Other causes of dystrophic calcifications, from the source document (no case-report qualifiers in report text). */
export const DYSTROPHIC_DIFFERENTIAL: readonly string[] = [
  'paraffin or silicone injections (augmentation)',
  'dermatomyositis',
  'secondary hyperparathyroidism',
  'Ehlers-Danlos syndrome',
];

export const ASSESSMENT_RULES: readonly AssessmentRule[] = [
  {
    id: 'no-morphology',
    when: ['no morphology'],
    effect: 'set',
    category: '0',
    reason: 'no morphology term: the calcifications are not characterised ({why}); additional imaging (spot magnification views) suggested',
    summary: 'calcifications not characterised',
    source: `${ATLAS}, Guidance: calcifications needing further evaluation are recalled for spot magnification views (category 0)`,
  },
  {
    id: 'solitary-typically-benign',
    when: ['a single calcification', 'only typically benign'],
    effect: 'set',
    category: '2',
    reason: 'a single {terms} calcification: typically benign; one calcification is not a group',
    summary: 'a single typically benign calcification',
    restatesMorphology: true,
    source: `${ATLAS}, Calcifications: typically benign morphologies are category 2; "grouped" needs several calcifications in a small volume (about 5 within 1 cm)`,
  },
  {
    id: 'bilateral-benign-pattern',
    when: ['only round / punctate / amorphous / coarse heterogeneous', 'diffuse or grouped distribution', 'not linear or segmental', 'both breasts'],
    effect: 'set',
    category: '2',
    reason: 'multiple bilateral similar groups or diffuse calcifications of {terms} morphology: usually benign (2)',
    summary: 'bilateral benign pattern',
    source: `${ATLAS}, Calcifications: diffuse and multiple similar bilateral groups of round, punctate, amorphous or coarse heterogeneous calcifications are usually benign`,
  },
  {
    id: 'dystrophic-expected-after-event',
    when: ['dystrophic, all typically benign', 'treated or injured on this side', 'not in a new position', 'not increased'],
    effect: 'set',
    category: '2',
    reason: 'dystrophic calcifications on the side of prior {events}, not in a new position: expected {change} change',
    summary: 'expected {change} change',
    source: `${SEED}: dystrophic calcifications are benign (2) and expected after radiation, surgery and trauma`,
  },
  {
    id: 'dystrophic-within-4-years',
    when: ['dystrophic present', 'a procedure within 4 years of the exam', 'new or no priors', 'not in a new position'],
    effect: 'note',
    category: null,
    reason: 'up to 30 % of women develop dystrophic calcifications within 4 years of a breast procedure ({sinceEvent})',
    source: `${SEED}: after a breast procedure up to 30 % of women develop them, for up to 4 years`,
  },
  {
    id: 'dystrophic-systemic-cause',
    when: ['dystrophic present', 'systemic cause known'],
    effect: 'note',
    category: null,
    reason: 'known {conditions}: the likely cause of these dystrophic calcifications',
    source: `${SEED}: dermatomyositis and secondary hyperparathyroidism cause dystrophic calcifications; Ehlers-Danlos syndrome (Meier-Meitinger et al., Radiologe 2009); renal failure as the cause of secondary hyperparathyroidism and breast calcification: ${KIDNEY}`,
  },
  {
    id: 'dystrophic-injections',
    when: ['dystrophic present', 'paraffin or silicone injections'],
    effect: 'note',
    category: null,
    reason: 'history of paraffin or silicone injections: the likely cause of these dystrophic calcifications',
    source: `${SEED}: paraffin or silicone injections (augmentation)`,
  },
  {
    id: 'dystrophic-implants',
    when: ['dystrophic present', 'breast implants'],
    effect: 'note',
    category: null,
    reason: 'breast implants: augmentation is a recognised cause of dystrophic calcifications (implant capsule)',
    source: `${SEED}: augmentation procedures`,
  },
  {
    id: 'vascular-renal-failure',
    when: ['vascular present', 'renal failure known'],
    effect: 'note',
    category: null,
    reason:
      'known renal failure: vascular (breast arterial) calcifications are more frequent and progress faster in chronic kidney disease and on dialysis; benign, a marker of cardiovascular risk',
    source:
      'PMID 18275790 (61 women with chronic renal failure: vascular calcifications at mammography in 55.7 %, in 60 % of those on dialysis and 30 % of those not yet on it); Manzoor S et al., Kidney Int Rep 2018;3:1328–1335 (breast arterial calcification grows 8.1 mm per breast a year at eGFR < 40, 20 mm in end-stage renal disease, 3.9 mm in controls); Ronzani FAT et al., Radiol Bras 2017;50:82–89 (associated with chronic kidney disease)',
  },
  {
    id: 'diffuse-benign-renal-failure',
    // Only the diffuse round / punctate pattern: the abstract does not say which benign-appearing morphologies were more frequent.
    when: ['renal failure known', 'only round / punctate', 'diffuse distribution'],
    effect: 'note',
    category: null,
    reason:
      'known renal failure: benign-appearing breast calcifications are more frequent in chronic kidney disease and on dialysis (soft-tissue calcification from secondary hyperparathyroidism), a recognised cause of these diffuse {terms} calcifications',
    source: KIDNEY,
  },
  {
    id: 'suspicious-despite-renal-failure',
    when: ['renal failure known', 'a suspicious morphology present'],
    effect: 'note',
    category: null,
    reason:
      'known renal failure does not explain {worst} calcifications: calcifications associated with malignancy were slightly more frequent in women on dialysis; assessed by morphology and distribution',
    source: KIDNEY,
  },
  {
    id: 'dystrophic-no-history',
    when: ['dystrophic present', 'no procedure on this side', 'no known cause', 'not in a new position'],
    effect: 'note',
    category: null,
    reason: 'dystrophic calcifications without known surgery, radiation or trauma on this side: benign; other causes to consider',
    differential: DYSTROPHIC_DIFFERENTIAL,
    source: `${SEED}: other causes of dystrophic calcifications`,
  },
  {
    id: 'dystrophic-new-position-no-event',
    when: ['dystrophic present', 'no procedure on this side', 'in a new position'],
    effect: 'note',
    category: null,
    reason:
      'dystrophic calcifications in a new position with no surgery, radiation or trauma recorded on this side: the term presumes such an event, and the sources raise the category (3 or 4) only after one; no category is sourced for this case, so the morphology\'s stands: confirm the history, and the morphology on magnification views (coarse heterogeneous calcifications, 0.5–1 mm and tending to coalesce, are smaller than dystrophic and suspicious)',
    differential: DYSTROPHIC_DIFFERENTIAL,
    source: `${SEED}: new position after reduction surgery or radiation → 3 or 4, nothing for no recorded event; ${ATLAS}, Calcifications: dystrophic usually after trauma, surgery or radiation; coarse heterogeneous 0.5–1 mm, smaller than dystrophic`,
  },
  {
    id: 'punctate-single-group-baseline',
    when: ['a group of round or punctate calcifications', 'no priors'],
    effect: 'raise-to',
    category: '3',
    reason: 'a single group of {punctateOrRound} calcifications on a baseline examination (no priors): probably benign',
    summary: 'single group of {punctateOrRound} calcifications without priors',
    source: `${ATLAS}, Calcifications, punctate: an isolated group of punctate calcifications may merit a probably benign assessment and short-interval follow-up; round (0.5 mm or larger) in the same group: ${ROUND_SUMMARY}: a single group of round (including punctate) calcifications on a baseline examination may be probably benign (3)`,
  },
  {
    id: 'probably-benign-surveillance',
    when: ['a group of round or punctate calcifications', 'stable less than 2 years'],
    effect: 'raise-to',
    category: '3',
    reason:
      'a probably benign group of {punctateOrRound} calcifications stable for {years}: stays 3 until stable through 2 years of follow-up (6, 12 and 24 months)',
    summary: 'probably benign, under surveillance',
    source: `${ATLAS}, Guidance, category 3: follow-up at 6 months (unilateral), then 12 and 24 months; stable through that period → 2`,
  },
  {
    id: 'probably-benign-stable-2-years',
    when: ['a group of round or punctate calcifications', 'stable 2 years or more'],
    effect: 'set',
    category: '2',
    reason: 'a group of {punctateOrRound} calcifications stable for {years}: surveillance of a probably benign finding complete, benign',
    summary: 'stable through 2 years of follow-up',
    source: `${ATLAS}, Guidance, category 3: stable through 2 years (optionally 3) of follow-up → 2; this tool takes 2 years`,
  },
  {
    id: 'punctate-new-or-increasing',
    when: ['most suspicious is punctate', 'not diffuse', 'new or increased'],
    effect: 'raise-to',
    category: '4A',
    reason: 'new or increasing {punctateOrRound} calcifications: tissue diagnosis suggested',
    summary: 'new or increasing {punctateOrRound} calcifications',
    source: `${ATLAS}, Calcifications, punctate: if new, increasing, linear or segmental, biopsy may be warranted (4; 4A, the lowest likelihood of the biopsy categories); Guidance, category 3: an increase during surveillance → biopsy. Not for a diffuse distribution: ${ROUND_SUMMARY}: diffuse round and punctate calcifications are benign (2)`,
  },
  {
    id: 'round-group-increasing',
    when: ['most suspicious is round', 'a group of round or punctate calcifications', 'increased'],
    effect: 'raise-to',
    category: '4A',
    reason: 'a group of round calcifications that has increased: a probably benign pattern that increases, tissue diagnosis suggested',
    summary: 'increasing group of round calcifications',
    source: `${ATLAS}, Guidance, category 3: an increase of a probably benign finding during surveillance → biopsy (the group of round calcifications is probably benign at baseline: ${ROUND_SUMMARY})`,
  },
  {
    id: 'punctate-ductal',
    when: ['most suspicious is round or punctate', 'linear or segmental distribution'],
    effect: 'raise-to',
    category: '4A',
    reason: '{punctateOrRound} calcifications in a linear or segmental distribution: tissue diagnosis suggested',
    summary: '{punctateOrRound} calcifications in a {ductal} distribution',
    source: `${ATLAS}, Calcifications, punctate: if new, increasing, linear or segmental, biopsy may be warranted; round (0.5 mm or larger), which that text does not name: ${ATLAS}, Distribution: linear and segmental distributions suggest deposits in a duct and raise suspicion, and a probably benign assessment is for a single group, not a ductal distribution`,
  },
  {
    id: 'punctate-next-to-known-cancer',
    when: ['most suspicious is punctate', 'next to the known cancer'],
    effect: 'raise-to',
    category: '4A',
    reason: '{punctateOrRound} calcifications next to the known malignancy ({malignancy}): tissue diagnosis suggested (extent of disease)',
    summary: '{punctateOrRound} calcifications next to a known cancer',
    source: `${ATLAS}, Calcifications, punctate: adjacent to a known cancer, biopsy may be warranted`,
  },
  {
    id: 'round-new-or-next-to-cancer',
    when: ['most suspicious is round', 'not linear or segmental', 'several calcifications', 'new or next to the known cancer'],
    effect: 'note',
    category: null,
    reason:
      'round calcifications (0.5 mm or larger) {newOrNextToCancer}: the atlas advises biopsy for punctate calcifications (under 0.5 mm) that are new or next to a known cancer, not for round ones; no category is sourced for round, so the morphology\'s stands: confirm the size on magnification views',
    source: `${ATLAS}, Calcifications, round and punctate (the biopsy advice names punctate only); ${ROUND_SUMMARY}`,
  },
  {
    id: 'dystrophic-new-position-after-event',
    when: ['dystrophic present', 'treated or injured on this side', 'in a new position'],
    effect: 'raise-to',
    category: '3',
    reason: 'dystrophic calcifications in a new position after {events}: concern rises, probably benign (3) with short-interval follow-up',
    summary: 'dystrophic calcifications in a new position after {events}',
    source: `${SEED}: in a new position after a procedure or radiation the category may be raised to 3 or 4`,
  },
  {
    id: 'dystrophic-new-position-increasing',
    when: ['dystrophic present', 'treated or injured on this side', 'in a new position', 'increased'],
    effect: 'raise-to',
    category: '4A',
    reason: 'dystrophic calcifications in a new position after {events} and increasing: low suspicion, tissue diagnosis suggested',
    summary: 'new and increasing dystrophic calcifications after {events}',
    source: `${SEED}: in a new position the category may be raised to 4; ${ATLAS}, Guidance: an increase → biopsy`,
  },
  {
    id: 'dystrophic-new-position-suspicious',
    when: ['dystrophic present', 'treated or injured on this side', 'in a new position', 'a suspicious morphology present'],
    effect: 'raise-to',
    category: '4A',
    reason: 'calcifications in a new position after {events} with a suspicious morphology ({terms}): tissue diagnosis suggested',
    summary: 'new calcifications with suspicious features after {events}',
    source: `${SEED}: in a new position the category may be raised to 4`,
  },
  {
    id: 'suspicious-ductal',
    when: ['a suspicious morphology present', 'linear or segmental distribution'],
    effect: 'raise-to',
    category: null,
    fromLikelihoodTable: true,
    reason: '{likelihood}',
    summary: '{worst} calcifications in a {ductal} distribution',
    source: 'suspicious-ppv.ts, linear or segmental rows (Liberman et al., AJR 1998; ACR atlas)',
  },
  {
    id: 'stable-suspicious',
    when: ['suspicious category', 'stable 2 years or more'],
    effect: 'lower-one-step',
    category: '4A',
    reason:
      'stable for {years}: suspicion lowered one step ({from} → {to}) but not erased; stability does not exclude malignancy, so tissue diagnosis is still suggested',
    summary: 'stable, suspicion lowered but not erased',
    source: `${ATLAS}, Guidance: stability of suspicious calcifications lowers but does not remove the need for tissue diagnosis`,
  },
  {
    id: 'known-malignancy-elsewhere',
    when: ['known malignancy elsewhere'],
    effect: 'note',
    category: null,
    reason: 'known biopsy-proven malignancy ({malignancy}): this finding is assessed on its own',
    source: `${ATLAS}, Guidance, category 6: other findings in the same examination get their own category`,
  },
  {
    id: 'known-cancer',
    when: ['is the known cancer'],
    effect: 'set',
    category: '6',
    reason: 'the known biopsy-proven malignancy ({malignancy}): BI-RADS 6',
    summary: 'known biopsy-proven malignancy',
    source: `${ATLAS}, Guidance, category 6: a known biopsy-proven malignancy before definitive therapy`,
  },
];

/** The base category from the most suspicious morphology (2 when there is none). */
export function baseOf(f: AssessmentFacts): AssessmentCategory {
  return f.worst === null ? '2' : MORPHOLOGY_BASE_LOOKUP[f.worst];
}

const MORPHOLOGY_BASE_LOOKUP = Object.fromEntries(
  Object.entries(MORPHOLOGY_BASE).map(([t, b]) => [t, b.category]),
) as Readonly<Record<MorphologyTerm, AssessmentCategory>>;
