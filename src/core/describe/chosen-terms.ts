import type { InseparableTerms, TermWithConfidence } from './description.js';

/** How close to the best term another term must be to be carried along (a near tie). */
export const NEAR_TIE = 0.05;

/** The least confidence a term needs to be chosen. */
export const MIN_CHOSEN_CONFIDENCE = 0.2;

/**
 * The terms to hand to the assessment: the best one, plus any within NEAR_TIE of it (so that a
 * near tie between, say, punctate and amorphous lets the more suspicious decide), plus the terms
 * the pixel size cannot separate from the best one (the same reasoning: what cannot be told
 * apart is assessed as the most suspicious of them). Terms below `minConfidence` are never
 * chosen; an empty list means "not characterised".
 */
export function chosenTerms<T extends string>(
  description: { readonly terms: readonly TermWithConfidence<T>[]; readonly cannotSeparate?: readonly InseparableTerms[] },
  minConfidence = MIN_CHOSEN_CONFIDENCE,
): T[] {
  const best = description.terms[0];
  if (best === undefined || best.confidence < minConfidence) return [];
  const chosen = description.terms
    .filter((t) => t.confidence >= minConfidence && t.confidence >= best.confidence - NEAR_TIE)
    .map((t) => t.term);
  for (const limit of description.cannotSeparate ?? []) {
    const terms = limit.terms as readonly string[];
    if (!terms.includes(best.term)) continue;
    for (const t of terms) if (!chosen.includes(t as T)) chosen.push(t as T);
  }
  return chosen;
}
