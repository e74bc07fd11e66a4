import { describe, expect, it } from 'vitest';
import { applyOverrides, assess, overallAssessment, overallAssessmentBySide, parseMorphology } from '../../../src/core/assess/index.js';
import { input } from './inputs.js';

describe('applyOverrides', () => {
  it('recomputes the suggestion from the overridden terms and lists them', () => {
    const suggested = assess(input({ morphology: ['fine pleomorphic'] }));
    expect(suggested.suggestion.assessment).toBe('4B');
    const changed = applyOverrides(suggested, { distribution: ['segmental'] });
    expect(changed.suggestion.assessment).toBe('4C');
    expect(changed.overridden).toEqual(['distribution']);
    expect(changed.input.morphology).toEqual(['fine pleomorphic']);
  });

  it('accepts a morphology given as a code', () => {
    const term = parseMorphology('SCT:129761009');
    if (!term.ok) throw new Error(term.error.message);
    const changed = applyOverrides(assess(input()), { morphology: [term.value], distribution: ['linear'] });
    expect(changed.suggestion.assessment).toBe('5');
    expect(changed.overridden).toEqual(['morphology', 'distribution']);
  });

  it('keeps earlier overrides in the list', () => {
    const once = applyOverrides(assess(input()), { change: { kind: 'new' } });
    const twice = applyOverrides(once, { side: 'left' });
    expect(twice.overridden).toEqual(['change', 'side']);
    expect(twice.suggestion.assessment).toBe('4A');
  });

  it('lets the radiologist set the category last, and the reasons say so', () => {
    const r = applyOverrides(assess(input({ morphology: ['amorphous'] })), { assessment: '3' });
    expect(r.suggestion.assessment).toBe('3');
    expect(r.suggestion.management).toBe('Short-interval (6-month) follow-up mammography.');
    expect(r.suggestion.reasons.at(-1)).toBe('assessment set by the radiologist: BI-RADS 3 (rules suggested 4B)');
    expect(r.overridden).toEqual(['assessment']);
  });
});

describe('overallAssessment', () => {
  const of = (...cs: Parameters<typeof overallAssessment>[0][number]['assessment'][]) =>
    overallAssessment(cs.map((assessment) => ({ assessment })));

  it('an exam without findings is negative', () => {
    expect(of()).toEqual({ assessment: '1', management: 'Routine screening mammography.', decidedBy: null });
  });

  it('takes the most urgent finding', () => {
    expect(of('2', '4B', '3').assessment).toBe('4B');
    expect(of('2', '4B', '3').decidedBy).toBe(1);
    expect(of('4C', '5').assessment).toBe('5');
  });

  it('ranks 0 above 1–3 and 6, below 4 and 5', () => {
    expect(of('3', '0').assessment).toBe('0');
    expect(of('0', '4A').assessment).toBe('4A');
    expect(of('6', '0').assessment).toBe('0');
    expect(of('6', '3').assessment).toBe('6');
    expect(of('6', '4A').assessment).toBe('4A');
  });

  it('gives ties to the first finding', () => {
    expect(of('2', '2').decidedBy).toBe(0);
  });
});

describe('overallAssessmentBySide', () => {
  it('gives each breast its own most urgent finding, counting bilateral findings for both', () => {
    const r = overallAssessmentBySide([
      { side: 'right', assessment: '2' },
      { side: 'left', assessment: '4B' },
      { side: 'both', assessment: '3' },
    ]);
    expect(r.right).toEqual({ assessment: '3', management: 'Short-interval (6-month) follow-up mammography.', decidedBy: 2 });
    expect(r.left.assessment).toBe('4B');
    expect(r.left.decidedBy).toBe(1);
  });

  it('calls a breast without findings negative', () => {
    expect(overallAssessmentBySide([{ side: 'left', assessment: '2' }]).right).toEqual({
      assessment: '1',
      management: 'Routine screening mammography.',
      decidedBy: null,
    });
  });
});
