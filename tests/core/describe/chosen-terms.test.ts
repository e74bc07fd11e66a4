import { describe, expect, it } from 'vitest';
import { chosenTerms } from '../../../src/core/describe/index.js';
import type { MorphologyTerm } from '../../../src/core/lexicon.js';

const d = (...terms: [MorphologyTerm, number][]) => ({ terms: terms.map(([term, confidence]) => ({ term, confidence })) });

describe('chosenTerms', () => {
  it('takes the best term and near ties only', () => {
    expect(chosenTerms(d(['punctate', 0.6], ['amorphous', 0.55], ['round', 0.54]))).toEqual(['punctate', 'amorphous']);
  });

  it('chooses nothing below the minimum confidence', () => {
    expect(chosenTerms(d(['punctate', 0.19]))).toEqual([]);
    expect(chosenTerms(d(['punctate', 0.2]))).toEqual(['punctate']);
    expect(chosenTerms(d())).toEqual([]);
  });
});
