/**
 * Why a group was missed: for each clicked calcification of the group, the rule of the truth
 * term that came closest to firing (fewest predicates failing) and the predicates that failed,
 * with the measured value against the threshold in the rule table's own words, as measured.
 */
import { calcificationFeatures } from '../../src/core/describe/calcification-features.js';
import { MORPHOLOGY_PREDICATES, MORPHOLOGY_RULES, type MorphologyPredicateName } from '../../src/core/describe/morphology-rules.js';
import { negated } from '../../src/core/describe/rule-table.js';
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import type { GroupScore } from './score-image.js';

export interface BlockingPredicate {
  readonly predicate: MorphologyPredicateName | 'no rule for this term' | 'none: its own rule fired';
  /** e.g. "margin smooth (sharpness 0.31 < 0.35)": the measured value against the threshold it missed, as measured. */
  readonly said: string;
}

/** The failing predicates of the closest rule for `term`, per clicked calcification. */
export function blockingPredicates(g: GroupScore, term: MorphologyTerm = g.morphology): BlockingPredicate[][] {
  const rules = MORPHOLOGY_RULES.filter((r) => r.term === term);
  return g.measurements.map((m) => {
    if (rules.length === 0) return [{ predicate: 'no rule for this term', said: `${term} has no single-calcification rule` }];
    const f = calcificationFeatures(m, { view: g.view });
    let best: BlockingPredicate[] | null = null;
    for (const rule of rules) {
      const failing = rule.all.filter((p) => MORPHOLOGY_PREDICATES[p].test(f) === false).map((p) => ({ predicate: p, said: negated(MORPHOLOGY_PREDICATES[p].say(f)) }));
      if (best === null || failing.length < best.length) best = failing;
    }
    return best === null || best.length === 0 ? [{ predicate: 'none: its own rule fired', said: 'the set rule chose another term' }] : best;
  });
}

/** Tally of blocking predicates per truth term, with up to `examples` measured values each. */
export class MissTally {
  private readonly groups = new Map<string, number>();
  private readonly counts = new Map<string, Map<string, { n: number; examples: string[] }>>();

  add(g: GroupScore, examples = 3): void {
    const perCalc = blockingPredicates(g);
    this.groups.set(g.morphology, (this.groups.get(g.morphology) ?? 0) + 1);
    const byTerm = this.counts.get(g.morphology) ?? new Map<string, { n: number; examples: string[] }>();
    for (const list of perCalc) {
      for (const b of list) {
        const e = byTerm.get(b.predicate) ?? { n: 0, examples: [] };
        e.n++;
        if (e.examples.length < examples) e.examples.push(b.said);
        byTerm.set(b.predicate, e);
      }
    }
    this.counts.set(g.morphology, byTerm);
  }

  /** Markdown lines: term — predicate failed on n calcifications (examples). */
  lines(noun = 'groups'): string[] {
    const out: string[] = [];
    for (const [term, byPredicate] of this.counts) {
      const parts = [...byPredicate].sort((a, b) => b[1].n - a[1].n).map(([p, e]) => `"${p}" failed on ${e.n} (e.g. ${e.examples.join('; ')})`);
      out.push(`- ${term} (${this.groups.get(term) ?? 0} ${noun} missed): ${parts.join(', ') || 'no clicked calcification (the group gave no analysis)'}`);
    }
    return out;
  }
}
