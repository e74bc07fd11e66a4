import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../src/core/assess/index.js';
import { DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, type DistributionTerm, type MorphologyTerm } from '../../../src/core/lexicon.js';
import { event, history, input } from './inputs.js';

/** Every ordering of a list (hand-rolled; lists here are at most 4 long). */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

const same = (a: ReturnType<typeof suggestAssessment>, b: ReturnType<typeof suggestAssessment>): void => {
  expect(b.assessment).toBe(a.assessment);
  expect(b.reasons).toEqual(a.reasons);
  expect(b.ruleIds).toEqual(a.ruleIds);
  expect(b.followUpMonths).toBe(a.followUpMonths);
};

describe('the category depends on the set of terms, never their order', () => {
  it('the reported cases: [punctate, vascular] and [vascular, punctate]; [punctate, dystrophic] after radiation', () => {
    for (const change of [{ kind: 'new' as const }, { kind: 'no-priors' as const }, { kind: 'stable' as const, years: 1 }]) {
      const a = suggestAssessment(input({ morphology: ['punctate', 'vascular'], change }));
      const b = suggestAssessment(input({ morphology: ['vascular', 'punctate'], change }));
      same(a, b);
      const h = history(event('radiation'));
      same(
        suggestAssessment(input({ morphology: ['punctate', 'dystrophic'], change, history: h })),
        suggestAssessment(input({ morphology: ['dystrophic', 'punctate'], change, history: h })),
      );
    }
    // New punctate calcifications are biopsied whatever else is in the group (atlas, punctate).
    expect(suggestAssessment(input({ morphology: ['vascular', 'punctate'], change: { kind: 'new' } })).assessment).toBe('4A');
  });

  it('every pair of morphology terms and every pair of distribution terms, both orders', () => {
    for (const m1 of MORPHOLOGY_TERMS) {
      for (const m2 of MORPHOLOGY_TERMS) {
        if (m1 === m2) continue;
        for (const change of [{ kind: 'new' as const }, { kind: 'stable' as const, years: 1 }]) {
          same(
            suggestAssessment(input({ morphology: [m1, m2], change })),
            suggestAssessment(input({ morphology: [m2, m1], change })),
          );
        }
      }
    }
    for (const d1 of DISTRIBUTION_TERMS) {
      for (const d2 of DISTRIBUTION_TERMS) {
        if (d1 === d2) continue;
        for (const m of MORPHOLOGY_TERMS) {
          same(
            suggestAssessment(input({ morphology: [m], distribution: [d1, d2] })),
            suggestAssessment(input({ morphology: [m], distribution: [d2, d1] })),
          );
        }
      }
    }
  });

  it('property: all permutations of random morphology and distribution lists give one suggestion', () => {
    const arb = fc.record({
      morphology: fc.uniqueArray(fc.constantFrom(...MORPHOLOGY_TERMS), { minLength: 1, maxLength: 4 }),
      distribution: fc.uniqueArray(fc.constantFrom(...DISTRIBUTION_TERMS), { maxLength: 3 }),
      change: fc.constantFrom({ kind: 'new' as const }, { kind: 'no-priors' as const }, { kind: 'increased' as const, newPosition: true }, { kind: 'stable' as const, years: 3 }),
      side: fc.constantFrom('right' as const, 'both' as const),
      radiation: fc.boolean(),
      indication: fc.constantFrom('screening' as const, 'diagnostic' as const, null),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const base = (morphology: MorphologyTerm[], distribution: DistributionTerm[]) =>
          suggestAssessment(
            input({
              morphology,
              distribution,
              change: c.change,
              side: c.side,
              indication: c.indication,
              history: c.radiation ? history(event('radiation')) : history(),
            }),
          );
        const first = base(c.morphology, c.distribution);
        for (const m of permutations(c.morphology)) for (const d of permutations(c.distribution)) same(first, base(m, d));
      }),
      { numRuns: 150 },
    );
  });
});
