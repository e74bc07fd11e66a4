import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestAssessment, suggestFromJson } from '../../../src/core/assess/index.js';
import { SUSPICION_ORDER } from '../../../src/core/assess/categories.js';
import type { AssessmentInput } from '../../../src/core/assess/suggestion.js';
import { CHANGE_KINDS, DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, type ProcedureKind } from '../../../src/core/lexicon.js';

const PROCEDURES: ProcedureKind[] = ['lumpectomy', 'mastectomy', 'reduction', 'biopsy', 'augmentation', 'other-surgery', 'radiation', 'trauma'];
const side = fc.constantFrom('right' as const, 'left' as const, 'both' as const);

const inputArb: fc.Arbitrary<AssessmentInput> = fc.record({
  morphology: fc.uniqueArray(fc.constantFrom(...MORPHOLOGY_TERMS), { minLength: 1, maxLength: 3 }),
  distribution: fc.uniqueArray(fc.constantFrom(...DISTRIBUTION_TERMS), { maxLength: 2 }),
  // Only "stable" takes years, and stable calcifications are never in a new position (both refused as contradictions).
  change: fc.oneof(
    fc.record({ kind: fc.constant('stable' as const), years: fc.integer({ min: 0, max: 10 }) }),
    fc.record({ kind: fc.constantFrom(...CHANGE_KINDS.filter((k) => k !== 'stable')), newPosition: fc.boolean() }),
  ),
  history: fc.record({
    events: fc.array(
      fc.record({ kind: fc.constantFrom(...PROCEDURES), side: fc.option(side, { nil: null }), date: fc.constant('2020'), site: fc.constant(null) }),
      { maxLength: 2 },
    ),
    implants: fc.boolean(),
    injections: fc.boolean(),
    conditions: fc.constant([]),
  }),
  composition: fc.constantFrom('a' as const, 'b' as const, 'c' as const, 'd' as const, null),
  side: fc.option(side, { nil: null }),
});

const rank = (c: string): number => SUSPICION_ORDER.indexOf(c as (typeof SUSPICION_ORDER)[number]);

describe('assessment rules: properties over random inputs', () => {
  it('always give a category, a management sentence and a reason per rule', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const s = suggestAssessment(input);
        expect(rank(s.assessment)).toBeGreaterThanOrEqual(0);
        expect(s.management).toMatch(/\.$/);
        expect(s.reasons.length).toBeGreaterThanOrEqual(s.ruleIds.length - 1);
      }),
    );
  });

  it('a linear distribution never lowers suspicion', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const without = suggestAssessment(input).assessment;
        const withLinear = suggestAssessment({ ...input, distribution: [...new Set([...input.distribution, 'linear' as const])] }).assessment;
        expect(rank(withLinear)).toBeGreaterThanOrEqual(rank(without));
      }),
    );
  });

  it('stability never leaves a suspicious finding below 4A', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = suggestAssessment({ ...input, change: { kind: 'new' } }).assessment;
        const stable = suggestAssessment({ ...input, change: { kind: 'stable', years: 5 } }).assessment;
        if (rank(before) >= rank('4B')) expect(rank(stable)).toBeGreaterThanOrEqual(rank('4A'));
      }),
    );
  });

  it('suggestFromJson agrees with suggestAssessment on the same terms', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const line = JSON.parse(JSON.stringify(input)) as unknown;
        const r = suggestFromJson(line);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.assessment).toBe(suggestAssessment(input).assessment);
      }),
    );
  });
});
