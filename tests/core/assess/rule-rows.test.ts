/** One case per row of the rule table: the row fires on it and gives its category. The test name carries the row's source. */
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_RULES, suggestAssessment } from '../../../src/core/assess/index.js';
import type { AssessmentInput } from '../../../src/core/assess/suggestion.js';
import { EMPTY_HISTORY, type AssessmentCategory } from '../../../src/core/lexicon.js';
import { event, history, input } from './inputs.js';

const malignancies = [{ side: 'right' as const, site: "10 o'clock", date: '2026-09-01' }];

const CASES: Readonly<Record<string, readonly [Partial<AssessmentInput>, AssessmentCategory]>> = {
  'no-morphology': [{ morphology: [] }, '0'],
  'solitary-typically-benign': [{ morphology: ['round'], count: 1 }, '2'],
  'bilateral-benign-pattern': [{ morphology: ['coarse heterogeneous'], distribution: ['diffuse'], side: 'both' }, '2'],
  'dystrophic-expected-after-event': [{ morphology: ['dystrophic'], history: history(event('trauma')) }, '2'],
  'dystrophic-within-4-years': [{ morphology: ['dystrophic'], change: { kind: 'new' }, history: history(event('excision', 'right', '2024-02')), examDate: '2026-01-15' }, '2'],
  'dystrophic-systemic-cause': [{ morphology: ['dystrophic'], history: { ...EMPTY_HISTORY, conditions: ['dermatomyositis'] } }, '2'],
  'dystrophic-injections': [{ morphology: ['dystrophic'], history: { ...EMPTY_HISTORY, injections: true } }, '2'],
  'dystrophic-implants': [{ morphology: ['dystrophic'], history: { ...EMPTY_HISTORY, implants: true } }, '2'],
  'vascular-renal-failure': [{ morphology: ['vascular'], distribution: [], history: { ...EMPTY_HISTORY, conditions: ['renal-failure'] } }, '2'],
  'diffuse-benign-renal-failure': [{ morphology: ['round', 'punctate'], distribution: ['diffuse'], side: 'both', history: { ...EMPTY_HISTORY, conditions: ['renal-failure'] } }, '2'],
  'suspicious-despite-renal-failure': [{ morphology: ['amorphous'], change: { kind: 'new' }, history: { ...EMPTY_HISTORY, conditions: ['renal-failure'] } }, '4B'],
  'dystrophic-no-history': [{ morphology: ['dystrophic'] }, '2'],
  'dystrophic-new-position-no-event': [{ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true } }, '2'],
  'punctate-single-group-baseline': [{ change: { kind: 'no-priors' } }, '3'],
  'probably-benign-surveillance': [{ change: { kind: 'stable', years: 0.5 } }, '3'],
  'probably-benign-stable-2-years': [{ change: { kind: 'stable', years: 2 } }, '2'],
  'punctate-new-or-increasing': [{ change: { kind: 'increased' } }, '4A'],
  'round-group-increasing': [{ morphology: ['round'], change: { kind: 'increased' }, count: 7 }, '4A'],
  'punctate-ductal': [{ distribution: ['segmental'], change: { kind: 'stable', years: 3 } }, '4A'],
  'punctate-next-to-known-cancer': [{ history: { ...EMPTY_HISTORY, malignancies }, knownCancer: 'adjacent' }, '4A'],
  'round-new-or-next-to-cancer': [{ morphology: ['round'], change: { kind: 'new' }, count: 7 }, '2'],
  'dystrophic-new-position-after-event': [{ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true }, history: history(event('augmentation')) }, '3'],
  'dystrophic-new-position-increasing': [{ morphology: ['dystrophic'], change: { kind: 'increased', newPosition: true }, history: history(event('lumpectomy')) }, '4A'],
  'dystrophic-new-position-suspicious': [{ morphology: ['dystrophic', 'coarse heterogeneous'], change: { kind: 'new', newPosition: true }, history: history(event('radiation')) }, '4B'],
  'suspicious-ductal': [{ morphology: ['fine pleomorphic'], distribution: ['linear'], change: { kind: 'new' } }, '4C'],
  'stable-suspicious': [{ morphology: ['amorphous'], change: { kind: 'stable', years: 4 } }, '4A'],
  'known-malignancy-elsewhere': [{ morphology: ['vascular'], history: { ...EMPTY_HISTORY, malignancies } }, '2'],
  'known-cancer': [{ morphology: ['fine linear'], history: { ...EMPTY_HISTORY, malignancies }, knownCancer: 'this finding' }, '6'],
};

describe('every rule row fires on its case', () => {
  it('every row has a case', () => {
    expect(Object.keys(CASES).sort()).toEqual(ASSESSMENT_RULES.map((r) => r.id).sort());
  });

  it.each(ASSESSMENT_RULES.map((r) => [r.id, r.source] as const))('%s (%s)', (id) => {
    const [p, expected] = CASES[id] ?? [{}, '1'];
    const s = suggestAssessment(input(p));
    expect(s.ruleIds).toContain(id);
    expect(s.assessment).toBe(expected);
  });
});
