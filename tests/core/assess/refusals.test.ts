import { describe, expect, it } from 'vitest';
import { assessmentInputFromJson, parseDistribution, parseMorphology, suggestFromJson } from '../../../src/core/assess/index.js';
import { dateAfter } from '../../../src/core/assess/check-input.js';

const error = (obj: unknown, today: string | null = '2026-12-06'): string => {
  const r = assessmentInputFromJson(obj, today);
  if (r.ok) throw new Error(`expected a refusal for ${JSON.stringify(obj)}`);
  return r.error.message;
};

describe('contradictory or impossible input is refused, naming the field', () => {
  it('a history date after the exam or in the future', () => {
    const h = (date: string) => ({ events: [{ kind: 'lumpectomy', side: 'right', date }] });
    expect(error({ morphology: ['dystrophic'], history: h('2026-05'), examDate: '2026-03-01' })).toBe(
      'history.events[0].date 2026-05 is after the exam date 2026-03-01',
    );
    expect(error({ morphology: ['dystrophic'], history: h('2031') })).toBe('history.events[0].date 2031 is in the future (today is 2026-12-06)');
    expect(error({ morphology: ['dystrophic'], examDate: '2027-01-02' })).toMatch(/^examDate 2027-01-02 is in the future/);
    expect(error({ morphology: ['dystrophic'], examDate: '2026-02-30' })).toMatch(/^examDate "2026-02-30" is not a calendar date/);
    expect(assessmentInputFromJson({ morphology: ['dystrophic'], history: h('2026'), examDate: '2026-03-01' }, '2026-12-06').ok).toBe(true);
  });

  it('"stable" together with "new position"', () => {
    expect(error({ morphology: ['dystrophic'], change: { kind: 'stable', years: 1, newPosition: true } })).toMatch(/^change\.newPosition/);
  });

  it('a short-interval follow-up without priors, a known cancer the history does not hold or on the other side', () => {
    expect(error({ morphology: ['punctate'], indication: 'short-interval follow-up', change: 'no-priors' })).toMatch(/^change: /);
    expect(error({ morphology: ['punctate'], knownCancer: 'this finding' })).toMatch(/^knownCancer "this finding": history\.malignancies/);
    expect(
      error({ morphology: ['punctate'], side: 'right', knownCancer: 'adjacent', history: { malignancies: [{ side: 'left', site: null }] } }),
    ).toMatch(/^knownCancer "adjacent": the finding is in the right breast/);
    expect(error({ morphology: ['punctate'], history: { malignancies: [{ site: '2 o\'clock' }] } })).toBe(
      'history.malignancies[0].side is required (right, left or both)',
    );
    expect(error({ morphology: ['punctate'], indication: 'routine' })).toMatch(/^indication "routine" must be one of screening/);
  });

  it('an unknown term, and a code from another context group named as such', () => {
    expect(error({ morphology: ['sparkly'] })).toMatch(/unknown morphology "sparkly"/);
    const m = parseMorphology('SCT:129764001');
    expect(m.ok ? '' : m.error.message).toMatch(/SCT:129764001 is a distribution code \(CID 6013/);
    const d = parseDistribution('DCM:111344');
    expect(d.ok ? '' : d.error.message).toMatch(/DCM:111344 is a morphology code \(CID 6011/);
  });

  it('dates compare by their stated precision', () => {
    expect(dateAfter('2026', '2026-03-01')).toBe(false);
    expect(dateAfter('2026-04', '2026-03-01')).toBe(true);
    expect(dateAfter('2026-03-02', '2026-03-01')).toBe(true);
  });
});

describe('codes of the right context group are accepted', () => {
  it('SCT:44771000 (Microcalcifications of the breast, CID 6011) reads as calcifications not characterised: 0', () => {
    const r = suggestFromJson({ morphology: ['SCT:44771000'], distribution: ['grouped'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.assessment).toBe('0');
    expect(r.value.reasons.join(' ')).toContain('microcalcifications of the breast (SCT:44771000)');
    expect(r.value.reasons.join(' ')).not.toMatch(/use .* CID 6011 code/);
  });

  it('beside a lexicon term, the lexicon term decides', () => {
    const r = suggestFromJson({ morphology: ['44771000', 'DCM:111344'], distribution: ['grouped'] });
    expect(r.ok && r.value.assessment).toBe('4B');
  });
});

describe('history dates are calendar dates', () => {
  it('accepts YYYY, YYYY-MM and real days; refuses a 13th month, a 45th day and 29 February outside a leap year', async () => {
    const { isHistoryDate, parseHistory } = await import('../../../src/core/assess/parse-terms.js');
    for (const good of ['2019', '2019-12', '2019-02-28', '2020-02-29']) expect(isHistoryDate(good), good).toBe(true);
    for (const bad of ['2019-13', '2019-00', '2019-13-45', '2019-04-31', '2019-02-29', '19-01', '2019-1-1']) expect(isHistoryDate(bad), bad).toBe(false);
    const r = parseHistory({ events: [{ kind: 'lumpectomy', side: 'right', date: '2019-13-45', site: null }] });
    expect(r.ok ? '' : r.error.message).toMatch(/history\.events\[0\]\.date/);
  });
});
