/**
 * The shape shared by the describe rule tables: named predicates on measured features, and rules
 * that name the predicates they need. A predicate answers true, false, or null when it cannot be
 * applied (a millimetre threshold on an uncalibrated image, a shape below the pixel size).
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
  /** Where the rule comes from (atlas section, paper, or the measurement physics behind it). */
  readonly source: string;
}

export interface RuleFiring<T extends string> {
  readonly term: T;
  readonly confidence: number;
  /** The predicates that held, in words: the evidence for the term. */
  readonly evidence: readonly string[];
  /** What speaks against the term: the predicate that failed (a near fit). */
  readonly against: readonly string[];
  /** Predicates that could not be applied (uncalibrated, below the pixel size). */
  readonly unapplied: number;
  /** True when every applicable predicate held; false for a near fit (all but one held). */
  readonly full: boolean;
}

/** Confidence factor applied when a rule fired with some of its thresholds not applied. */
export const UNAPPLIED_CONFIDENCE_FACTOR = 0.5;

/**
 * Confidence factor of a near fit: a rule with all its predicates but one holding (and at least
 * two holding) names the best-fitting term when no rule fits fully; the failed predicate is
 * stated as the evidence against it.
 */
export const NEAR_FIT_CONFIDENCE_FACTOR = 0.5;

interface Graded<T extends string> extends RuleFiring<T> {
  readonly failed: number;
}

function grade<T extends string, P extends string>(
  rule: TermRule<T, P>,
  held: (p: P) => boolean | null,
  say: (p: P) => string,
): Graded<T> | null {
  let unapplied = 0;
  let applied = 0;
  let failed = 0;
  for (const p of rule.all) {
    const h = held(p);
    if (h === null) unapplied++;
    else if (h) applied++;
    else failed++;
  }
  const full = failed === 0 && applied > 0;
  // Only full fits and near fits (one failed, at least two held) are kept: the others need no words.
  if (!full && !(failed === 1 && applied >= 2)) return null;
  const evidence: string[] = [];
  const against: string[] = [];
  for (const p of rule.all) {
    const h = held(p);
    if (h === true) evidence.push(asMeasured(say(p)));
    else if (h === false) against.push(`not ${p}: ${negated(say(p))}`);
  }
  const factor = (unapplied > 0 ? UNAPPLIED_CONFIDENCE_FACTOR : 1) * (full ? 1 : NEAR_FIT_CONFIDENCE_FACTOR);
  return { term: rule.term, confidence: round2(rule.confidence * factor), evidence, against, unapplied, full, failed };
}

function bestPerTerm<T extends string>(firings: readonly RuleFiring<T>[]): RuleFiring<T>[] {
  const sorted = [...firings].sort((a, b) => b.confidence - a.confidence);
  const seen = new Set<T>();
  return sorted.filter((f) => (seen.has(f.term) ? false : (seen.add(f.term), true)));
}

/** A near fit in words, for any rule table: what holds for it and the one condition that does not. */
export function nearestFitWords<T extends string>(r: RuleFiring<T>): string {
  return `nearest term ${r.term}, not given: ${r.against.join('; ')} (for it: ${r.evidence.join('; ')})`;
}

/** Runs a rule table; returns the rules that fired fully, most confident first (one per term). */
export function fireRules<F, T extends string, P extends string>(
  rules: readonly TermRule<T, P>[],
  predicates: Readonly<Record<P, FeaturePredicate<F>>>,
  features: F,
): RuleFiring<T>[] {
  return [...gradeRules(rules, predicates, features).fired];
}

export interface GradedRules<T extends string> {
  /** Rules whose every applicable predicate held, most confident first (one per term). */
  readonly fired: readonly RuleFiring<T>[];
  /**
   * Near fits: every predicate but one held (at least two held), at reduced confidence, each with
   * the predicate that failed as the evidence against it; most confident first, one per term.
   */
  readonly near: readonly RuleFiring<T>[];
}

/** Runs a rule table and grades every rule: full fits and near fits. */
export function gradeRules<F, T extends string, P extends string>(
  rules: readonly TermRule<T, P>[],
  predicates: Readonly<Record<P, FeaturePredicate<F>>>,
  features: F,
): GradedRules<T> {
  const cache = new Map<P, boolean | null>();
  const held = (p: P): boolean | null => {
    let h = cache.get(p);
    if (h === undefined) {
      h = predicates[p].test(features);
      cache.set(p, h);
    }
    return h;
  };
  const words = new Map<P, string>();
  const say = (p: P): string => {
    let w = words.get(p);
    if (w === undefined) {
      w = predicates[p].say(features);
      words.set(p, w);
    }
    return w;
  };
  const graded: Graded<T>[] = [];
  for (const r of rules) {
    const g = grade(r, held, say);
    if (g !== null) graded.push(g);
  }
  return {
    fired: bestPerTerm(graded.filter((g) => g.full).map(strip)),
    // Nearest first: the largest share of conditions held, then the rule's confidence.
    near: bestPerTerm(graded.filter((g) => g.failed === 1 && g.evidence.length >= 2).map(strip)).sort(
      (a, b) => heldShare(b) - heldShare(a) || b.confidence - a.confidence,
    ),
  };
}

const heldShare = (r: RuleFiring<string>): number => r.evidence.length / Math.max(1, r.evidence.length + r.against.length);

const NEGATED: Readonly<Record<string, string>> = { '≥': '<', '<': '≥', '>': '≤', '≤': '>' };

/**
 * A measured number and its comparison with a limit, as the predicates word them: "0.44 mm < 0.5 mm",
 * "circularity 0.87 (< 0.9)" (a limit in brackets). Groups: the number with its unit and separator,
 * the number, the relation, the limit with its space, the limit.
 */
const COMPARISON = /(?<![\d.–-])((\d+(?:\.\d+)?)(?: ?(?:mm|px|%|°))?(?: \(| ))(≥|<|>|≤)( (\d+(?:\.\d+)?))/g;

function relationHolds(a: number, rel: string, b: number): boolean {
  if (rel === '≥') return a >= b;
  if (rel === '>') return a > b;
  if (rel === '<') return a < b;
  return a <= b;
}

/**
 * The words with each comparison of two shown numbers written as it holds between them: a compound
 * condition ("circularity 0.97 ≥ 0.9, elongation 1.35 ≤ 1.25") states each part as measured
 * ("… elongation 1.35 > 1.25"), so no line ever states a comparison its own numbers contradict.
 * The numbers are compared as shown, which is how the predicates compare them (shownMm, shown2).
 */
export function asMeasured(words: string): string {
  return words.replace(COMPARISON, (_m, left: string, a: string, rel: string, right: string, b: string) =>
    `${left}${relationHolds(Number(a), rel, Number(b)) ? rel : (NEGATED[rel] ?? rel)}${right}`,
  );
}

/** One part of an either-or condition: its words (the comparison as the condition asks it) and whether it holds. */
export interface EitherPart {
  readonly words: string;
  readonly holds: boolean;
}

/** Whether any part of an either-or condition holds. */
export const eitherHolds = (parts: readonly EitherPart[]): boolean => parts.some((p) => p.holds);

/**
 * An either-or condition in words: the parts that hold ("irregular: circularity 0.87 < 0.9"), or,
 * when none does, every part (turned round when the condition is said not to hold).
 */
export function eitherSay(label: string, parts: readonly EitherPart[]): string {
  const held = parts.filter((p) => p.holds);
  return held.length > 0 ? `${label}: ${held.map((p) => p.words).join(' and ')}` : `${label}: ${parts.map((p) => p.words).join(', ')}`;
}

/**
 * A predicate's words when it did not hold: each comparison turned round (those of two shown
 * numbers written as they hold: in a compound condition only the parts that failed turn), and a
 * value "within" a range said "outside" it.
 */
export function negated(words: string): string {
  const turned = words
    .replace(/( |\()(≥|<|>|≤) /g, (_m, before: string, rel: string) => `${before}${NEGATED[rel] ?? rel} `)
    .replace(/ within (\d+(?:\.\d+)?(?:–| to under )\d)/g, ' outside $1');
  return asMeasured(turned);
}

function strip<T extends string>(g: Graded<T>): RuleFiring<T> {
  const { failed: _failed, ...firing } = g;
  return firing;
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

/** A plain number in words with one decimal (contrast-to-noise, pixels). */
export function fmt1(n: number): string {
  return n.toFixed(1);
}

/**
 * The value a threshold is compared with is the value the evidence shows: a long axis of
 * 0.497 mm is shown as 0.50 mm and compared as 0.50 mm, so "0.50 mm < 0.5 mm" cannot be written.
 * The rounding (at most 0.005 mm below 1 mm, 0.05 mm above) stays below the pixel size (0.07–0.1 mm
 * on digital detectors), so no decision moves by more than the measurement can tell.
 */
export const shownMm = (n: number): number => Number(fmtMm(n));
export const shown2 = (n: number): number => Number(fmt2(n));
export const shown1 = (n: number): number => Number(fmt1(n));
