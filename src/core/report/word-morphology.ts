/**
 * The morphology of a finding in report words: the terms, or the terms the pixel size cannot
 * separate ("punctate, amorphous or fine pleomorphic … (cannot be separated at the 0.20 mm pixel
 * size)"), or "not characterised" with the reason.
 */
import type { Finding } from './finding.js';
import { listInWords, MORPHOLOGY_WORDS } from './words.js';

/** "a, b or c". */
export function listOrWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

export interface MorphologyWords {
  /** The adjective(s) before "calcification(s)"; null when not characterised. */
  readonly terms: string | null;
  /** What follows: "(cannot be separated at the 0.20 mm pixel size)" or "not characterised (too small …)"; '' when nothing. */
  readonly remark: string;
}

/** The morphology words of a finding. */
export function wordMorphology(f: Finding): MorphologyWords {
  const description = f.descriptions?.morphology;
  if (f.morphology.length === 0) {
    const why = description?.notCharacterised?.words ?? null;
    return { terms: null, remark: why === null ? 'not characterised' : `not characterised (${why})` };
  }
  const words = f.morphology.map((t) => MORPHOLOGY_WORDS[t]);
  const limit = (description?.cannotSeparate ?? []).find((l) => l.terms.length > 1 && l.terms.every((t) => f.morphology.includes(t)));
  if (limit === undefined) return { terms: listInWords(words), remark: '' };
  return { terms: listOrWords(words), remark: `(${listInWords(limit.terms.map((t) => MORPHOLOGY_WORDS[t]))} ${limit.words})` };
}
