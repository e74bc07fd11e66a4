import { describe, expect, it } from 'vitest';
import { DYSTROPHIC_DIFFERENTIAL, suggestAssessment } from '../../../src/core/assess/index.js';
import { lowerOneStep } from '../../../src/core/assess/categories.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';
import { event, history, input } from './inputs.js';

const cat = (p: Parameters<typeof input>[0]) => suggestAssessment(input(p)).assessment;

describe('suggestAssessment: morphology sets the base category', () => {
  it('suspicious terms follow the atlas', () => {
    expect(cat({ morphology: ['amorphous'] })).toBe('4B');
    expect(cat({ morphology: ['coarse heterogeneous'] })).toBe('4B');
    expect(cat({ morphology: ['fine pleomorphic'] })).toBe('4B');
    expect(cat({ morphology: ['fine linear'] })).toBe('4C');
    expect(cat({ morphology: ['fine-linear branching'] })).toBe('4C');
  });

  it('typically benign terms are 2', () => {
    for (const t of ['vascular', 'coarse', 'rim', 'large rod-like', 'milk of calcium', 'skin', 'suture'] as const) {
      expect(cat({ morphology: [t] })).toBe('2');
    }
  });

  it('the most suspicious term wins and the reasons say so', () => {
    const s = suggestAssessment(input({ morphology: ['punctate', 'fine linear', 'amorphous'] }));
    expect(s.assessment).toBe('4C');
    expect(s.reasons[0]).toBe('fine linear morphology: high suspicion for malignancy (published likelihood 70–81 %)');
    expect(s.reasons[1]).toBe('also present: punctate, amorphous (the most suspicious morphology decides)');
  });

  it('without any morphology term the finding is incomplete (0)', () => {
    const s = suggestAssessment(input({ morphology: [] }));
    expect(s.assessment).toBe('0');
    expect(s.ruleIds).toEqual(['no-morphology']);
    expect(s.management).toContain('spot magnification');
  });
});

describe('suggestAssessment: distribution', () => {
  it('fine pleomorphic 4B → 4C when linear or segmental', () => {
    expect(cat({ morphology: ['fine pleomorphic'], distribution: ['segmental'] })).toBe('4C');
    expect(cat({ morphology: ['fine pleomorphic'], distribution: ['linear'] })).toBe('4C');
    expect(cat({ morphology: ['fine pleomorphic'], distribution: ['regional'] })).toBe('4B');
  });

  it('fine linear 4C → 5 when linear or segmental', () => {
    expect(cat({ morphology: ['fine-linear branching'], distribution: ['segmental'] })).toBe('5');
    expect(cat({ morphology: ['fine linear'], distribution: ['grouped'] })).toBe('4C');
  });

  it('amorphous / coarse heterogeneous one step up when linear or segmental', () => {
    expect(cat({ morphology: ['amorphous'], distribution: ['linear'] })).toBe('4C');
    expect(cat({ morphology: ['coarse heterogeneous'], distribution: ['grouped'] })).toBe('4B');
  });

  it('bilateral diffuse round / punctate / amorphous → 2', () => {
    const s = suggestAssessment(input({ morphology: ['amorphous', 'punctate'], distribution: ['diffuse'], side: 'both' }));
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).toContain('bilateral-benign-pattern');
    expect(cat({ morphology: ['amorphous'], distribution: ['diffuse'], side: 'left' })).toBe('4B');
    expect(cat({ morphology: ['amorphous', 'fine pleomorphic'], distribution: ['diffuse'], side: 'both' })).toBe('4B');
  });
});

describe('suggestAssessment: punctate and change since prior', () => {
  it('a single group of punctate calcifications on a baseline exam → 3', () => {
    const s = suggestAssessment(input({ change: { kind: 'no-priors' } }));
    expect(s.assessment).toBe('3');
    expect(s.management).toBe('Short-interval (6-month) follow-up mammography.');
    expect(s.followUpMonths).toBe(6);
    // Probably benign surveillance runs 6, 12 and 24 months before a group is called benign (atlas Guidance, category 3).
    expect(cat({ change: { kind: 'stable', years: 1 } })).toBe('3');
    expect(cat({ change: { kind: 'no-priors' }, distribution: ['regional'] })).toBe('2');
  });

  it('new or increasing punctate calcifications → 4A', () => {
    expect(cat({ change: { kind: 'new' } })).toBe('4A');
    expect(cat({ change: { kind: 'increased' } })).toBe('4A');
    expect(cat({ change: { kind: 'decreased' } })).toBe('2');
  });

  it('punctate in a linear or segmental distribution → 4A', () => {
    expect(cat({ distribution: ['linear'] })).toBe('4A');
  });

  it('stability of 2 years lowers suspicious calcifications one step, not below 4A, and says how', () => {
    const s = suggestAssessment(input({ morphology: ['fine pleomorphic'], change: { kind: 'stable', years: 2 } }));
    expect(s.assessment).toBe('4A');
    expect(s.reasons.at(-1)).toBe(
      'stable for 2 years: suspicion lowered one step (4B → 4A) but not erased; stability does not exclude malignancy, so tissue diagnosis is still suggested',
    );
    expect(cat({ morphology: ['fine linear'], distribution: ['segmental'], change: { kind: 'stable', years: 3 } })).toBe('4C');
    expect(cat({ morphology: ['fine pleomorphic'], change: { kind: 'stable', years: 1.9 } })).toBe('4B');
    expect(lowerOneStep('4A', '4A')).toBe('4A');
    expect(lowerOneStep('5', '4A')).toBe('4C');
  });
});

describe('suggestAssessment: dystrophic calcifications (seed document)', () => {
  it('stable after radiation on the same side → 2, expected post-radiation change', () => {
    const s = suggestAssessment(
      input({ morphology: ['dystrophic'], change: { kind: 'stable', years: 3 }, history: history(event('radiation')) }),
    );
    expect(s.assessment).toBe('2');
    expect(s.summary).toBe('expected post-radiation change');
    expect(s.reasons[1]).toBe(
      'dystrophic calcifications on the side of prior radiation (right breast, 2022), not in a new position: expected post-radiation change',
    );
    expect(s.differential).toEqual([]);
  });

  it('new at the site of a lumpectomy 2 years before the exam → 2, with the 30 % / 4 years reason', () => {
    const s = suggestAssessment(
      input({ morphology: ['dystrophic'], change: { kind: 'new' }, history: history(event('lumpectomy')), examDate: '2024-06-01' }),
    );
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).toEqual(expect.arrayContaining(['dystrophic-expected-after-event', 'dystrophic-within-4-years']));
    expect(s.reasons.join(' ')).toContain('up to 30 % of women develop dystrophic calcifications within 4 years');
  });

  it('treatment on the other side does not explain them: differential instead', () => {
    const s = suggestAssessment(input({ morphology: ['dystrophic'], history: history(event('radiation', 'left')) }));
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).toContain('dystrophic-no-history');
    expect(s.summary).toBeNull();
  });

  it('no history → 2 with the differential: injections, dermatomyositis, hyperparathyroidism, Ehlers-Danlos', () => {
    const s = suggestAssessment(input({ morphology: ['dystrophic'], history: EMPTY_HISTORY }));
    expect(s.assessment).toBe('2');
    expect(s.differential).toEqual(DYSTROPHIC_DIFFERENTIAL);
    expect(s.differential).toHaveLength(4);
  });

  it('in a new position after radiation or reduction surgery → 3', () => {
    for (const kind of ['radiation', 'reduction'] as const) {
      const s = suggestAssessment(
        input({ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true }, history: history(event(kind)) }),
      );
      expect(s.assessment).toBe('3');
      expect(s.followUpMonths).toBe(6);
      expect(s.reasons.join(' ')).toContain('in a new position after');
    }
  });

  // Clinically corrected: the source document's concern about a new position applies after any breast procedure.
  it('in a new position after a biopsy: raised to 3 as after any procedure', () => {
    expect(
      cat({ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true }, history: history(event('biopsy')) }),
    ).toBe('3');
  });

  it('in a new position after radiation and increasing → 4A', () => {
    const s = suggestAssessment(
      input({ morphology: ['dystrophic'], change: { kind: 'increased', newPosition: true }, history: history(event('radiation')) }),
    );
    expect(s.assessment).toBe('4A');
    expect(s.management).toBe('Tissue diagnosis (biopsy).');
  });

  it('names known causes from the history', () => {
    const s = suggestAssessment(
      input({ morphology: ['dystrophic'], history: { ...EMPTY_HISTORY, injections: true, conditions: ['dermatomyositis'] } }),
    );
    expect(s.ruleIds).toEqual(expect.arrayContaining(['dystrophic-injections', 'dystrophic-systemic-cause']));
    expect(s.ruleIds).not.toContain('dystrophic-implants');
    const withImplants = suggestAssessment(input({ morphology: ['dystrophic'], history: { ...EMPTY_HISTORY, implants: true } }));
    expect(withImplants.ruleIds).toContain('dystrophic-implants');
    expect(withImplants.assessment).toBe('2');
  });

  it('treatment does not lower a suspicious morphology found beside dystrophic ones', () => {
    expect(
      cat({ morphology: ['dystrophic', 'fine pleomorphic'], change: { kind: 'stable', years: 1 }, history: history(event('radiation')) }),
    ).toBe('4B');
  });
});
