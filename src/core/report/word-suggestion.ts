import { categoryLabel } from '../assess/categories.js';
import type { Suggestion } from '../assess/suggestion.js';
import { listInWords } from './words.js';

/**
 * The suggested assessment in one sentence, never as a certainty:
 * "Suggested assessment: BI-RADS 2 — benign; expected post-treatment change."
 */
export function wordSuggestion(s: Suggestion & { readonly summary?: string | null }): string {
  const why = s.summary ?? null;
  return `Suggested assessment: ${categoryLabel(s.assessment)}${why === null ? '' : `; ${why}`}.`;
}

/** "Differential: a, b and c." or '' when there is none. */
export function wordDifferential(s: Suggestion): string {
  if (s.differential.length === 0) return '';
  return `Other causes to consider: ${listInWords(s.differential)}.`;
}
