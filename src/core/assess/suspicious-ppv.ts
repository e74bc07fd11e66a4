/**
 * Categories for each suspicious morphology by distribution, from published positive predictive
 * values (likelihood of malignancy at biopsy). Each row keeps the numbers with their sources; where
 * the sources disagree the row says so and takes what breast radiologists assign in practice (the
 * ACR atlas's own likelihoods and categories).
 *
 * Sources, as used here:
 * - ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications: amorphous about 20 %, coarse
 *   heterogeneous a little under 15 %, fine pleomorphic about 29 %, fine linear / fine-linear
 *   branching about 70 %; linear and segmental distributions raise suspicion.
 * - Liberman L et al., AJR 1998;171:35–40 (492 lesions, surgical biopsy): linear calcification
 *   morphology 81 %, segmental distribution 74 %, linear distribution 68 %; these features
 *   "warrant designation of a lesion as category 5".
 * - Burnside ES et al., RSNA 2005 abstract SSE01-01 (112 biopsies; published in Radiology 2007):
 *   coarse heterogeneous 7.1 % (1/14), amorphous 13.3 % (4/26).
 * - Kim J et al., Acta Radiol 2018 ("Category 4A microcalcifications", 305 lesions assessed 4A):
 *   amorphous 7.2 %, coarse heterogeneous 12.8 %.
 * - Kim D et al., Eur J Radiol 2023 (367 amorphous): 5.2 % overall; only amorphous 23.3 % ("suitable
 *   for 4B"), mixed with punctate 1.0–5.6 %; linear / segmental 11.1 %.
 */
import type { AssessmentCategory, DistributionTerm, MorphologyTerm } from '../lexicon.js';

export type SuspiciousTerm = 'amorphous' | 'coarse heterogeneous' | 'fine pleomorphic' | 'fine linear' | 'fine-linear branching';

/** Grouped, regional or diffuse (or not stated) against linear or segmental. */
export type DistributionClass = 'not ductal' | 'linear or segmental';

export interface PpvRow {
  readonly morphology: SuspiciousTerm;
  readonly distribution: DistributionClass;
  readonly category: AssessmentCategory;
  /** The published range quoted in the reason, e.g. "7–23 %". */
  readonly ppv: string;
  /** The numbers and where each comes from. */
  readonly source: string;
  /** Where sources disagree with the category chosen, and why the category stands. */
  readonly disagreement?: string;
}

/**
 * The likelihood of malignancy the ACR BI-RADS Atlas, 5th ed. (2013), Mammography, Calcifications
 * gives each suspicious morphology, whatever the distribution: what orders them when one
 * calcification of a finding reads a more suspicious form than the finding carries. `percent`
 * orders; `words` is the atlas's figure as stated.
 */
export const ATLAS_LIKELIHOOD: Readonly<Record<SuspiciousTerm, { readonly percent: number; readonly words: string }>> = {
  'coarse heterogeneous': { percent: 15, words: 'a little under 15 %' },
  amorphous: { percent: 20, words: 'about 20 %' },
  'fine pleomorphic': { percent: 29, words: 'about 29 %' },
  'fine linear': { percent: 70, words: 'about 70 %' },
  'fine-linear branching': { percent: 70, words: 'about 70 %' },
};

export const SUSPICIOUS_PPV: readonly PpvRow[] = [
  {
    morphology: 'amorphous',
    distribution: 'not ductal',
    category: '4B',
    ppv: '5–23 %',
    source: `ACR atlas ${ATLAS_LIKELIHOOD.amorphous.words}; Burnside 2005 13.3 %; Kim J 2018 7.2 % (lesions read 4A); Kim D 2023 5.2 % overall, 23.3 % when only amorphous`,
    disagreement: 'series with amorphous mixed with punctate calcifications report 1–7 % (4A); the atlas and common practice assign 4B',
  },
  {
    morphology: 'amorphous',
    distribution: 'linear or segmental',
    category: '4C',
    ppv: '11–74 %',
    source: 'Kim D 2023 11.1 % (amorphous, linear / segmental); Liberman 1998 segmental 74 %, linear 68 % (all morphologies)',
    disagreement: 'amorphous-only series are lower (11 %); the atlas raises suspicion for a ductal distribution, so one step above grouped',
  },
  {
    morphology: 'coarse heterogeneous',
    distribution: 'not ductal',
    category: '4B',
    ppv: '7–15 %',
    source: `ACR atlas ${ATLAS_LIKELIHOOD['coarse heterogeneous'].words}; Kim J 2018 12.8 %; Burnside 2005 7.1 % (1/14)`,
    disagreement: 'Burnside 2005 (7.1 %) falls in 4A; the atlas and Kim J 2018 are above 10 %, so 4B',
  },
  {
    morphology: 'coarse heterogeneous',
    distribution: 'linear or segmental',
    category: '4C',
    ppv: '68–74 %',
    source: 'Liberman 1998 segmental 74 %, linear 68 % (all morphologies); ACR atlas: a ductal distribution raises suspicion',
  },
  {
    morphology: 'fine pleomorphic',
    distribution: 'not ductal',
    category: '4B',
    ppv: 'about 29 %',
    source: `ACR atlas ${ATLAS_LIKELIHOOD['fine pleomorphic'].words}`,
  },
  {
    morphology: 'fine pleomorphic',
    distribution: 'linear or segmental',
    category: '4C',
    ppv: '68–74 %',
    source: 'Liberman 1998 segmental 74 %, linear 68 %; ACR atlas: a ductal distribution raises suspicion',
  },
  {
    morphology: 'fine linear',
    distribution: 'not ductal',
    category: '4C',
    ppv: '70–81 %',
    source: `ACR atlas ${ATLAS_LIKELIHOOD['fine linear'].words}; Liberman 1998 linear morphology 81 %`,
  },
  {
    morphology: 'fine linear',
    distribution: 'linear or segmental',
    category: '5',
    ppv: '≥ 95 % expected',
    source: 'Liberman 1998: linear morphology (81 %) with segmental (74 %) or linear (68 %) distribution warrants category 5',
  },
  {
    morphology: 'fine-linear branching',
    distribution: 'not ductal',
    category: '4C',
    ppv: '70–81 %',
    source: `ACR atlas ${ATLAS_LIKELIHOOD['fine-linear branching'].words}; Liberman 1998 linear morphology 81 %`,
  },
  {
    morphology: 'fine-linear branching',
    distribution: 'linear or segmental',
    category: '5',
    ppv: '≥ 95 % expected',
    source: 'Liberman 1998: linear morphology (81 %) with segmental (74 %) or linear (68 %) distribution warrants category 5',
  },
];

export function isSuspiciousTerm(t: MorphologyTerm): t is SuspiciousTerm {
  return SUSPICIOUS_PPV.some((r) => r.morphology === t);
}

export function distributionClass(ds: ReadonlySet<DistributionTerm>): DistributionClass {
  return ds.has('linear') || ds.has('segmental') ? 'linear or segmental' : 'not ductal';
}

/** The row for a suspicious morphology in a distribution. */
export function ppvRow(t: SuspiciousTerm, d: DistributionClass): PpvRow {
  const row = SUSPICIOUS_PPV.find((r) => r.morphology === t && r.distribution === d);
  if (row === undefined) throw new Error(`suspicious-ppv: no row for ${t} / ${d}`);
  return row;
}

/** "fine pleomorphic calcifications, grouped: moderate suspicion, published likelihood about 29 % (…)". */
export function ppvReason(row: PpvRow, words: string, categoryName: string): string {
  return `${words}: ${categoryName}, BI-RADS ${row.category}; published likelihood of malignancy ${row.ppv} (${row.source})`;
}
