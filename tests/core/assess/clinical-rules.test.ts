/**
 * One test per rule row, each naming its source. The rows themselves carry the source too
 * (ASSESSMENT_RULES[].source, SUSPICIOUS_PPV[].source); the last test checks none is missing.
 */
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_RULES, SUSPICIOUS_PPV, suggestAssessment } from '../../../src/core/assess/index.js';
import { nextFollowUpMonths } from '../../../src/core/assess/indication-rules.js';
import { EMPTY_HISTORY, type KnownMalignancy } from '../../../src/core/lexicon.js';
import { event, history, input } from './inputs.js';

const cat = (p: Parameters<typeof input>[0]) => suggestAssessment(input(p)).assessment;
const malignancy = (side: KnownMalignancy['side'] = 'left', site = "2 o'clock"): KnownMalignancy => ({ side, site, date: '2026-10-01' });

describe('screening examinations end in 0, 1 or 2 (ACR BI-RADS Atlas, 5th ed., Guidance)', () => {
  it('a finding that would be 4B is recalled (0) and the reason keeps the diagnostic reading', () => {
    const s = suggestAssessment(input({ morphology: ['fine pleomorphic'], distribution: ['grouped'], change: { kind: 'new' }, indication: 'screening' }));
    expect(s.assessment).toBe('0');
    expect(s.diagnosticAssessment).toBe('4B');
    expect(s.management).toBe('Recall for diagnostic mammography with spot magnification views.');
    expect(s.reasons.at(-1)).toContain('grouped fine pleomorphic calcifications: would suggest 4B');
    expect(s.ruleIds).toContain('screening-recall');
  });

  it('3, 4 and 5 are all recalled; 2 stays 2; without an indication the diagnostic answer is kept', () => {
    expect(cat({ change: { kind: 'no-priors' }, indication: 'screening' })).toBe('0');
    expect(cat({ morphology: ['fine linear'], distribution: ['segmental'], indication: 'screening' })).toBe('0');
    expect(cat({ morphology: ['vascular'], indication: 'screening' })).toBe('2');
    expect(suggestAssessment(input({ morphology: ['vascular'], indication: 'screening' })).diagnosticAssessment).toBeNull();
    expect(cat({ morphology: ['fine pleomorphic'] })).toBe('4B');
    expect(cat({ morphology: ['fine pleomorphic'], indication: 'diagnostic' })).toBe('4B');
    expect(cat({ morphology: ['fine pleomorphic'], indication: 'short-interval follow-up' })).toBe('4B');
  });
});

describe('probably benign (3): 6, 12 and 24 months, then 2 (ACR BI-RADS Atlas, 5th ed., Guidance, category 3)', () => {
  it('a group of punctate calcifications without priors: 3, next in 6 months', () => {
    const s = suggestAssessment(input({ change: { kind: 'no-priors' } }));
    expect([s.assessment, s.followUpMonths]).toEqual(['3', 6]);
  });

  it('stable 6 months → 3, next in 6 months (the 12-month exam); stable 1 year → 3, next in 12 months', () => {
    const half = suggestAssessment(input({ change: { kind: 'stable', years: 0.5 } }));
    expect([half.assessment, half.followUpMonths]).toEqual(['3', 6]);
    const one = suggestAssessment(input({ change: { kind: 'stable', years: 1 } }));
    expect([one.assessment, one.followUpMonths]).toEqual(['3', 12]);
    expect(one.reasons.join(' ')).toContain('stable for 1 year: stays 3 until stable through 2 years');
  });

  it('stable 2 years → 2 with no follow-up interval', () => {
    const s = suggestAssessment(input({ change: { kind: 'stable', years: 2 } }));
    expect([s.assessment, s.followUpMonths]).toEqual(['2', null]);
    expect(s.ruleIds).toContain('probably-benign-stable-2-years');
  });

  it('an increase → biopsy (4A)', () => {
    expect(cat({ change: { kind: 'increased' } })).toBe('4A');
  });

  it('the schedule as data', () => {
    expect(nextFollowUpMonths({ kind: 'no-priors' })).toBe(6);
    expect(nextFollowUpMonths({ kind: 'stable', years: 0.5 })).toBe(6);
    expect(nextFollowUpMonths({ kind: 'stable', years: 1 })).toBe(12);
    expect(nextFollowUpMonths({ kind: 'stable', years: 1.5 })).toBe(6);
  });

  it('only category 3 carries a follow-up interval', () => {
    expect(suggestAssessment(input({ morphology: ['fine pleomorphic'] })).followUpMonths).toBeNull();
    expect(suggestAssessment(input({ morphology: ['vascular'] })).followUpMonths).toBeNull();
  });
});

describe('known cancer (ACR BI-RADS Atlas, 5th ed., Guidance, category 6; Calcifications, punctate)', () => {
  const h = { ...EMPTY_HISTORY, malignancies: [malignancy()] };
  it('the finding that is the biopsy-proven malignancy → 6', () => {
    const s = suggestAssessment(input({ morphology: ['fine pleomorphic'], side: 'left', history: h, knownCancer: 'this finding' }));
    expect(s.assessment).toBe('6');
    expect(s.reasons.at(-1)).toContain("left breast, 2 o'clock, biopsy 2026-10-01");
  });

  it('punctate calcifications next to it → 4A at least', () => {
    const s = suggestAssessment(input({ side: 'left', change: { kind: 'stable', years: 1 }, history: h, knownCancer: 'adjacent' }));
    expect(s.assessment).toBe('4A');
    expect(s.ruleIds).toContain('punctate-next-to-known-cancer');
  });

  it('other findings are assessed on their own, with a note', () => {
    const s = suggestAssessment(input({ morphology: ['vascular'], side: 'right', history: h }));
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).toContain('known-malignancy-elsewhere');
  });
});

describe('dystrophic calcifications after any procedure, radiation or trauma (the project source document)', () => {
  it('each event worded for what it is', () => {
    const words = (kind: Parameters<typeof event>[0]) =>
      suggestAssessment(input({ morphology: ['dystrophic'], change: { kind: 'stable', years: 3 }, history: history(event(kind)) })).summary;
    expect(words('lumpectomy')).toBe('expected post-surgical change');
    expect(words('excision')).toBe('expected post-surgical change');
    expect(words('reduction')).toBe('expected post-surgical change');
    expect(words('augmentation')).toBe('expected post-surgical change');
    expect(words('radiation')).toBe('expected post-radiation change');
    expect(words('trauma')).toBe('expected post-traumatic change');
  });

  it('in a new position after a lumpectomy → 3 with the reason; increasing or suspicious → 4A', () => {
    const s = suggestAssessment(input({ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true }, history: history(event('lumpectomy')) }));
    expect(s.assessment).toBe('3');
    expect(s.reasons.join(' ')).toContain('in a new position after lumpectomy (right breast, 2022)');
    for (const kind of ['lumpectomy', 'excision', 'reduction', 'augmentation', 'radiation', 'trauma'] as const) {
      expect(cat({ morphology: ['dystrophic'], change: { kind: 'increased', newPosition: true }, history: history(event(kind)) })).toBe('4A');
    }
    expect(cat({ morphology: ['dystrophic', 'amorphous'], change: { kind: 'new', newPosition: true }, history: history(event('trauma')) })).toBe('4B');
  });

  it('"up to 30 % within 4 years" only when the procedure is within 4 years of the exam date', () => {
    const said = (date: string, examDate: string | null) =>
      suggestAssessment(input({ morphology: ['dystrophic'], change: { kind: 'new' }, history: history(event('lumpectomy', 'right', date)), examDate }))
        .reasons.join(' ')
        .includes('up to 30 %');
    expect(said('2023-05', '2026-01-10')).toBe(true);
    expect(said('2005', '2026-01-10')).toBe(false);
    expect(said('2023-05', null)).toBe(false);
    expect(
      suggestAssessment(input({ morphology: ['dystrophic'], change: { kind: 'new' }, history: history(event('trauma', 'right', '2025')), examDate: '2026-01-10' }))
        .reasons.join(' '),
    ).not.toContain('up to 30 %');
  });

  it('a known systemic cause is named as the likely cause, not listed among other causes; no "(case report)"', () => {
    const s = suggestAssessment(input({ morphology: ['dystrophic'], history: { ...EMPTY_HISTORY, conditions: ['hyperparathyroidism'] } }));
    expect(s.reasons.join(' ')).toContain('known hyperparathyroidism: the likely cause of these dystrophic calcifications');
    expect(s.differential).toEqual([]);
    const none = suggestAssessment(input({ morphology: ['dystrophic'], history: EMPTY_HISTORY }));
    expect(none.differential.join(' ')).not.toContain('case report');
    expect(none.differential).toContain('Ehlers-Danlos syndrome');
  });
});

describe('bilateral benign patterns → 2 (ACR BI-RADS Atlas, 5th ed., Calcifications)', () => {
  it('bilateral diffuse coarse heterogeneous, amorphous, round or punctate → 2', () => {
    for (const m of ['coarse heterogeneous', 'amorphous', 'round', 'punctate'] as const) {
      expect(cat({ morphology: [m], distribution: ['diffuse'], side: 'both', change: { kind: 'no-priors' } })).toBe('2');
      expect(cat({ morphology: [m], distribution: ['grouped'], side: 'both', change: { kind: 'no-priors' } })).toBe('2');
    }
  });

  it('not when unilateral, ductal, or with a more suspicious term', () => {
    expect(cat({ morphology: ['coarse heterogeneous'], distribution: ['diffuse'], side: 'left' })).toBe('4B');
    expect(cat({ morphology: ['amorphous'], distribution: ['diffuse', 'segmental'], side: 'both' })).toBe('4C');
    expect(cat({ morphology: ['coarse heterogeneous', 'fine pleomorphic'], distribution: ['diffuse'], side: 'both' })).toBe('4B');
  });
});

describe('suspicious morphology × distribution follows the likelihood table (suspicious-ppv.ts)', () => {
  it.each(SUSPICIOUS_PPV.map((r) => [r.morphology, r.distribution, r.category, r.source] as const))(
    '%s, %s → %s (%s)',
    (morphology, distribution, category) => {
      const s = suggestAssessment(
        input({ morphology: [morphology], distribution: distribution === 'linear or segmental' ? ['segmental'] : ['grouped'], change: { kind: 'new' } }),
      );
      expect(s.assessment).toBe(category);
      const row = SUSPICIOUS_PPV.find((r) => r.morphology === morphology && r.distribution === distribution);
      expect(s.reasons.join(' ')).toContain(row?.ppv ?? '∅');
    },
  );

  it('every rule row and every likelihood row names its source', () => {
    for (const r of ASSESSMENT_RULES) expect(r.source.length, r.id).toBeGreaterThan(20);
    for (const r of SUSPICIOUS_PPV) expect(r.source).toMatch(/atlas|Liberman|Burnside|Kim/);
  });
});

describe('probably benign groups are named by their own terms, and managed by the interval due (ACR BI-RADS Atlas, 5th ed., category 3)', () => {
  it('a group of round calcifications is not called punctate', () => {
    const s = suggestAssessment(input({ morphology: ['round'], distribution: ['grouped'], change: { kind: 'no-priors' }, count: 6 }));
    expect(s.assessment).toBe('3');
    expect(s.reasons.join(' ')).toMatch(/a single group of round calcifications on a baseline examination/);
    expect(s.reasons.join(' ')).not.toMatch(/punctate/);
    const both = suggestAssessment(input({ morphology: ['round', 'punctate'], distribution: ['grouped'], change: { kind: 'no-priors' }, count: 6 }));
    expect(both.reasons.join(' ')).toMatch(/group of round and punctate calcifications/);
  });

  it('6-month follow-up first, then continued surveillance at the interval due', () => {
    const first = suggestAssessment(input({ morphology: ['punctate'], distribution: ['grouped'], change: { kind: 'no-priors' }, count: 6 }));
    expect([first.followUpMonths, first.management]).toEqual([6, 'Short-interval (6-month) follow-up mammography.']);
    const later = suggestAssessment(input({ morphology: ['punctate'], distribution: ['grouped'], change: { kind: 'stable', years: 1 }, count: 6 }));
    expect([later.followUpMonths, later.management]).toEqual([12, 'Continued surveillance: follow-up mammography in 12 months.']);
  });
});

describe('the summary uses the lexicon words as chosen', () => {
  it('fine-linear branching in a segmental distribution is summarised with those words, not "fine linear … ductal"', () => {
    const s = suggestAssessment(input({ morphology: ['fine-linear branching'], distribution: ['segmental'], change: { kind: 'new' }, count: 12 }));
    expect(s.summary).toBe('fine-linear branching calcifications in a segmental distribution');
  });
});
