/**
 * The shape shared by the describe rule tables: named predicates on measured features, and rules
 * that name the predicates they need. A predicate answers true, false, or null when it cannot be
 * applied (a millimetre threshold on an uncalibrated image).
 */

export interface FeaturePredicate<F> {
  /** true / false, or null when the threshold cannot be applied to these features. */
  readonly test: (f: F) => boolean | null;
  /** The evidence in words with the measured number, e.g. "long axis 2.4 mm > 1 mm". */
  readonly say: (f: F) => string;
}

export interface TermRule<T extends string, P extends string> {
  readonly term: T;
  /** Every predicate must hold (or be unapplicable) for the rule to fire. */
  readonly all: readonly P[];
  /** 0–1 when every predicate held; lowered when some could not be applied. */
  readonly confidence: number;
}

export interface RuleFiring<T extends string> {
  readonly term: T;
  readonly confidence: number;
  readonly evidence: readonly string[];
  /** Predicates that could not be applied (uncalibrated). */
  readonly unapplied: number;
}

/** Confidence factor applied when a rule fired with some of its thresholds not applied. */
export const UNAPPLIED_CONFIDENCE_FACTOR = 0.5;

/** Runs a rule table; returns the rules that fired, most confident first (one per term). */
export function fireRules<F, T extends string, P extends string>(
  rules: readonly TermRule<T, P>[],
  predicates: Readonly<Record<P, FeaturePredicate<F>>>,
  features: F,
): RuleFiring<T>[] {
  const cache = new Map<P, boolean | null>();
  const held = (p: P): boolean | null => {
    if (!cache.has(p)) cache.set(p, predicates[p].test(features));
    return cache.get(p) ?? null;
  };
  const firings: RuleFiring<T>[] = [];
  for (const rule of rules) {
    let unapplied = 0;
    let applied = 0;
    let fails = false;
    for (const p of rule.all) {
      const h = held(p);
      if (h === false) {
        fails = true;
        break;
      }
      if (h === null) unapplied++;
      else applied++;
    }
    if (fails || applied === 0) continue;
    const evidence = rule.all.filter((p) => held(p) === true).map((p) => predicates[p].say(features));
    const confidence = rule.confidence * (unapplied > 0 ? UNAPPLIED_CONFIDENCE_FACTOR : 1);
    firings.push({ term: rule.term, confidence: round2(confidence), evidence, unapplied });
  }
  firings.sort((a, b) => b.confidence - a.confidence);
  const seen = new Set<T>();
  return firings.filter((f) => (seen.has(f.term) ? false : (seen.add(f.term), true)));
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Millimetres in words: two decimals below 1 mm, one above. */
export function fmtMm(n: number): string {
  return n < 1 ? n.toFixed(2) : n.toFixed(1);
}

/** A plain number in words with two decimals. */
export function fmt2(n: number): string {
  return n.toFixed(2);
}
