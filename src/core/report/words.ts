/** The report's words for each lexicon term, as data. */
import type { BreastComposition, DistributionTerm, MorphologyTerm, Side } from '../lexicon.js';

export const MORPHOLOGY_WORDS: Readonly<Record<MorphologyTerm, string>> = {
  skin: 'skin',
  vascular: 'vascular',
  coarse: 'coarse (popcorn-like)',
  'large rod-like': 'large rod-like',
  round: 'round',
  punctate: 'punctate',
  rim: 'rim',
  dystrophic: 'dystrophic',
  'milk of calcium': 'milk of calcium',
  suture: 'suture',
  amorphous: 'amorphous',
  'coarse heterogeneous': 'coarse heterogeneous',
  'fine pleomorphic': 'fine pleomorphic',
  'fine linear': 'fine linear',
  'fine-linear branching': 'fine-linear branching',
};

/** "… calcifications in a segmental distribution"; grouped ones are "N grouped … calcifications" instead. */
export const DISTRIBUTION_WORDS: Readonly<Record<DistributionTerm, string>> = {
  diffuse: 'a diffuse distribution',
  regional: 'a regional distribution',
  grouped: 'a group',
  linear: 'a linear distribution',
  segmental: 'a segmental distribution',
};

export const SIDE_WORDS: Readonly<Record<Side, string>> = {
  right: 'Right breast',
  left: 'Left breast',
  both: 'Both breasts',
};

export const COMPOSITION_WORDS: Readonly<Record<BreastComposition, string>> = {
  a: 'The breasts are almost entirely fatty (a).',
  b: 'There are scattered areas of fibroglandular density (b).',
  c: 'The breasts are heterogeneously dense, which may obscure small masses (c).',
  d: 'The breasts are extremely dense, which lowers the sensitivity of mammography (d).',
};

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** A number of cm or years: whole numbers without decimals, others with one. */
export function fmtNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Millimetres: two decimals below 1 mm, one above. */
export function fmtMmWords(n: number): string {
  return n < 1 ? n.toFixed(2) : n.toFixed(1);
}
