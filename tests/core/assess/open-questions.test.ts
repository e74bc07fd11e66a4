/**
 * The clinical questions a breast radiologist's review left open, each answered from its source
 * (docs/assessment-rules.md, "Open questions"), or left to the morphology with a note saying no
 * category is sourced.
 */
import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../src/core/assess/index.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';
import { event, history, input } from './inputs.js';

const said = (s: { reasons: readonly string[] }): string => s.reasons.join(' / ');
const renal = { ...EMPTY_HISTORY, conditions: ['renal-failure' as const] };
const rightCancer = [{ side: 'right' as const, site: "10 o'clock", date: '2026-02' }];

describe('punctate calcifications: new, increasing or without priors (ACR BI-RADS Atlas 5th ed., Calcifications, punctate)', () => {
  it('an isolated group without priors is probably benign (3, 6 months); new or increasing → 4A, the lowest biopsy category', () => {
    expect(suggestAssessment(input({ change: { kind: 'no-priors' }, count: 7 })).assessment).toBe('3');
    for (const kind of ['new', 'increased'] as const) {
      const s = suggestAssessment(input({ change: { kind }, count: 7 }));
      expect(s.assessment).toBe('4A');
      expect(s.ruleIds).toContain('punctate-new-or-increasing');
    }
  });

  it('at screening a new group is recalled (0) and would be 4A at diagnostic work-up', () => {
    const s = suggestAssessment(input({ change: { kind: 'new' }, count: 7, indication: 'screening' }));
    expect([s.assessment, s.diagnosticAssessment]).toEqual(['0', '4A']);
  });

  it('new diffuse punctate calcifications stay benign (2): diffuse round and punctate are benign, in one breast or both', () => {
    for (const side of ['right', 'both'] as const) {
      const s = suggestAssessment(input({ distribution: ['diffuse'], change: { kind: 'new' }, side }));
      expect(s.assessment).toBe('2');
      expect(s.ruleIds).not.toContain('punctate-new-or-increasing');
    }
  });

  it('a linear or segmental distribution still asks for biopsy, diffuse or not', () => {
    expect(suggestAssessment(input({ distribution: ['diffuse', 'linear'], change: { kind: 'new' } })).assessment).toBe('4A');
  });
});

describe('round (0.5 mm or larger) is not punctate (under 0.5 mm): every punctate row checked', () => {
  it('a single group of round calcifications without priors is probably benign (3), as punctate', () => {
    const s = suggestAssessment(input({ morphology: ['round'], change: { kind: 'no-priors' }, count: 7 }));
    expect(s.assessment).toBe('3');
  });

  it('new round calcifications are not raised by the punctate text: the morphology (2) stands, and the reason says why', () => {
    const s = suggestAssessment(input({ morphology: ['round'], change: { kind: 'new' }, count: 7 }));
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).toEqual(['morphology:round', 'round-new-or-next-to-cancer']);
    expect(said(s)).toContain('round calcifications (0.5 mm or larger) new: the atlas advises biopsy for punctate calcifications (under 0.5 mm)');
  });

  it('round calcifications next to the known cancer: the note, not 4A; punctate ones next to it: 4A', () => {
    const stable = { kind: 'stable' as const, years: 3 };
    const round = suggestAssessment(input({ morphology: ['round'], change: stable, count: 7, knownCancer: 'adjacent', history: { ...EMPTY_HISTORY, malignancies: rightCancer } }));
    expect(round.assessment).toBe('2');
    expect(said(round)).toContain("round calcifications (0.5 mm or larger) next to the known malignancy (right breast, 10 o'clock, biopsy 2026-02)");
    const punctate = suggestAssessment(input({ change: stable, count: 7, knownCancer: 'adjacent', history: { ...EMPTY_HISTORY, malignancies: rightCancer } }));
    expect(punctate.assessment).toBe('4A');
  });

  it('a group of round calcifications that increases → 4A (atlas Guidance, category 3: an increase → biopsy)', () => {
    const s = suggestAssessment(input({ morphology: ['round'], change: { kind: 'increased' }, count: 7 }));
    expect(s.assessment).toBe('4A');
    expect(s.ruleIds).toContain('round-group-increasing');
  });

  it('round in a linear or segmental distribution → 4A (atlas, distribution); round with punctate, new → 4A (the punctate decide)', () => {
    expect(suggestAssessment(input({ morphology: ['round'], distribution: ['segmental'], change: { kind: 'no-priors' } })).assessment).toBe('4A');
    const mixed = suggestAssessment(input({ morphology: ['round', 'punctate'], change: { kind: 'new' }, count: 7 }));
    expect(mixed.assessment).toBe('4A');
    expect(mixed.ruleIds).not.toContain('round-new-or-next-to-cancer');
  });
});

describe('renal failure and dialysis (PMID 18275790; Manzoor 2018; Castellanos 2006)', () => {
  it('vascular calcifications: a note that they are more frequent and progress faster with kidney disease; still 2, never "the likely cause"', () => {
    const s = suggestAssessment(input({ morphology: ['vascular'], distribution: [], history: renal }));
    expect(s.assessment).toBe('2');
    expect(said(s)).toContain('known renal failure: vascular (breast arterial) calcifications are more frequent and progress faster in chronic kidney disease and on dialysis');
    expect(said(s)).not.toContain('likely cause');
  });

  it('diffuse benign-appearing calcifications: renal failure named as a recognised cause', () => {
    const s = suggestAssessment(input({ morphology: ['round', 'punctate'], distribution: ['diffuse'], side: 'both', history: renal }));
    expect(s.assessment).toBe('2');
    expect(said(s)).toContain('a recognised cause of these diffuse round / punctate calcifications');
  });

  it('other diffuse benign morphologies (skin, milk of calcium) get no kidney note: the sources do not say which morphologies', () => {
    for (const m of ['skin', 'milk of calcium'] as const) {
      const s = suggestAssessment(input({ morphology: [m], distribution: ['diffuse'], history: renal }));
      expect(s.ruleIds).not.toContain('diffuse-benign-renal-failure');
    }
  });

  it('suspicious morphology: the same category as without the history, and a note that renal failure does not explain it', () => {
    const without = suggestAssessment(input({ morphology: ['amorphous'], change: { kind: 'new' } }));
    const withRenal = suggestAssessment(input({ morphology: ['amorphous'], change: { kind: 'new' }, history: renal }));
    expect(withRenal.assessment).toBe(without.assessment);
    expect(said(withRenal)).toContain('known renal failure does not explain amorphous calcifications');
  });

  it('hyperparathyroidism without renal failure gets no kidney note (primary hyperparathyroidism is not what the sources studied)', () => {
    const s = suggestAssessment(input({ morphology: ['vascular'], distribution: [], history: { ...EMPTY_HISTORY, conditions: ['hyperparathyroidism'] } }));
    expect(s.ruleIds).not.toContain('vascular-renal-failure');
  });
});

describe('dystrophic calcifications in a new position with no recorded procedure or injury', () => {
  it('no category is sourced: the morphology (2) stands, the reason says so, asks to confirm history and morphology, and lists the other causes', () => {
    const s = suggestAssessment(input({ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true }, count: 4 }));
    expect(s.assessment).toBe('2');
    expect(s.ruleIds).toContain('dystrophic-new-position-no-event');
    expect(s.ruleIds).not.toContain('dystrophic-no-history');
    expect(said(s)).toMatch(/no category is sourced for this case, so the morphology's stands: confirm the history/);
    expect(said(s)).not.toMatch(/: benign; other causes/);
    expect(s.differential.length).toBeGreaterThan(0);
  });

  it('after a recorded procedure the source document\'s 3 still applies', () => {
    const s = suggestAssessment(input({ morphology: ['dystrophic'], change: { kind: 'new', newPosition: true }, history: history(event('reduction')) }));
    expect(s.assessment).toBe('3');
    expect(s.ruleIds).not.toContain('dystrophic-new-position-no-event');
  });
});
