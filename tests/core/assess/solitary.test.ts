import { describe, expect, it } from 'vitest';
import { ASSESSMENT_RULES, suggestAssessment } from '../../../src/core/assess/index.js';
import type { MorphologyTerm } from '../../../src/core/lexicon.js';
import { input } from './inputs.js';

const single = (term: MorphologyTerm, p: Parameters<typeof input>[0] = {}) =>
  suggestAssessment(input({ morphology: [term], distribution: [], count: 1, change: { kind: 'no-priors' }, ...p }));

describe('a solitary calcification is assessed as one', () => {
  it('a single round, coarse, rim or dystrophic calcification is benign (2)', () => {
    for (const t of ['round', 'coarse', 'rim', 'dystrophic'] as const) {
      const s = single(t);
      expect(s.assessment, t).toBe('2');
      expect(s.ruleIds, t).toContain('solitary-typically-benign');
      expect(s.reasons, t).toContain(`a single ${t} calcification: typically benign; one calcification is not a group`);
      expect(s.summary, t).toBe('a single typically benign calcification');
    }
  });

  it('says "typically benign" once: the single-calcification reason replaces the per-term one', () => {
    const s = single('round');
    expect(s.reasons).not.toContain('round calcifications: typically benign');
    expect(s.reasons.filter((r) => r.includes('typically benign'))).toHaveLength(1);
    expect(s.ruleIds).toContain('morphology:round');
    // A group keeps the per-term reason.
    const group = suggestAssessment(input({ morphology: ['round'], distribution: ['grouped'], count: 6, change: { kind: 'stable', years: 3 } }));
    expect(group.reasons).toContain('round calcifications: typically benign');
  });

  it('a single punctate calcification is 2: the atlas keeps 3 for a group of punctate calcifications without priors', () => {
    expect(single('punctate').assessment).toBe('2');
    // Even when a distribution of "grouped" is given, one calcification is not a group.
    const s = single('punctate', { distribution: ['grouped'] });
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).not.toContain('punctate-single-group-baseline');
    // A group of punctate calcifications on a baseline exam stays 3.
    expect(suggestAssessment(input({ distribution: ['grouped'], count: 6, change: { kind: 'no-priors' } })).assessment).toBe('3');
  });

  it('history still speaks: a single dystrophic calcification in a new position after radiation is raised to 3', () => {
    const s = single('dystrophic', {
      change: { kind: 'new', newPosition: true },
      history: { ...input().history, events: [{ kind: 'radiation', side: 'right', date: '2022', site: null }] },
    });
    expect(s.assessment).toBe('3');
  });

  it('a single suspicious calcification keeps the category of its morphology', () => {
    expect(single('fine linear').assessment).toBe('4C');
    expect(single('fine linear').ruleIds).not.toContain('solitary-typically-benign');
  });

  it('states the source of the rule', () => {
    expect(ASSESSMENT_RULES.find((r) => r.id === 'solitary-typically-benign')?.source).toMatch(/BI-RADS Atlas, 5th ed/);
  });
});

describe('not characterised: the reason is carried into the assessment', () => {
  it('names why no term was given', () => {
    const s = suggestAssessment(input({ morphology: [], notCharacterised: 'too small for the 0.20 mm pixel size' }));
    expect(s.assessment).toBe('0');
    expect(s.reasons[0]).toBe(
      'no morphology term: the calcifications are not characterised (too small for the 0.20 mm pixel size); additional imaging (spot magnification views) suggested',
    );
  });
});
