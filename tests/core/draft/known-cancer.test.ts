/**
 * A finding marked as the known biopsy-proven cancer (or next to it) needs that cancer in the
 * history on its side. The viewer's draft refuses the contradiction with the message the command
 * line's `suggest` and the exam file give (checkKnownCancer), never keeping it and leaving the
 * finding out of the report.
 */
import { describe, expect, it } from 'vitest';
import { checkAssessmentInput, checkKnownCancer } from '../../../src/core/assess/index.js';
import { applyDraftAction, EXAM_DRAFT_SCHEMA, type DraftFinding, type ExamDraft } from '../../../src/core/draft/index.js';
import { EMPTY_HISTORY, type KnownMalignancy } from '../../../src/core/lexicon.js';

const finding = (id: string, side: DraftFinding['side']): DraftFinding => ({
  id,
  side,
  calcificationIds: [],
  change: { kind: 'new' },
  overrides: {},
  relation: null,
  knownCancer: null,
});

const rightCancer: KnownMalignancy = { side: 'right', site: "10 o'clock", date: '2026-02' };

const draft: ExamDraft = {
  schema: EXAM_DRAFT_SCHEMA,
  examKey: 'known-cancer-test',
  images: [],
  calcifications: [],
  findings: [finding('f1', 'right'), finding('f2', 'left')],
  composition: 'b',
  history: { ...EMPTY_HISTORY, malignancies: [rightCancer] },
  priorDate: null,
  nippleMarkers: {},
  reportText: null,
  revision: 0,
};

describe('the draft refuses a finding marked as the known cancer where the history holds none', () => {
  it('marks the right finding (the cancer is in the right breast)', () => {
    const r = applyDraftAction(draft, { type: 'setKnownCancer', findingId: 'f1', relation: 'this finding' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.findings[0]?.knownCancer).toBe('this finding');
  });

  it('refuses to mark the left finding, naming the finding and the field, and changes nothing', () => {
    for (const relation of ['this finding', 'adjacent'] as const) {
      const r = applyDraftAction(draft, { type: 'setKnownCancer', findingId: 'f2', relation });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toBe(
          `finding f2: knownCancer "${relation}": the finding is in the left breast, history.malignancies lists a malignancy in the right breast only`,
        );
      }
    }
    expect(draft.findings[1]?.knownCancer).toBeNull();
  });

  it('the same words as suggest and the exam file give for the same finding (one check)', () => {
    const direct = checkKnownCancer('this finding', 'left', [rightCancer]);
    const viaInput = checkAssessmentInput(
      { morphology: ['fine pleomorphic'], distribution: ['grouped'], change: { kind: 'new' }, history: draft.history, composition: 'b', side: 'left', knownCancer: 'this finding' },
      null,
    );
    const viaDraft = applyDraftAction(draft, { type: 'setKnownCancer', findingId: 'f2', relation: 'this finding' });
    expect(direct.ok || viaInput.ok || viaDraft.ok).toBe(false);
    if (!direct.ok && !viaInput.ok && !viaDraft.ok) {
      expect(viaInput.error.message).toBe(direct.error.message);
      expect(viaDraft.error.message).toBe(`finding f2: ${direct.error.message}`);
    }
  });

  it('a malignancy on both sides, or a finding of both breasts, is accepted', () => {
    const both = { ...draft, history: { ...draft.history, malignancies: [{ ...rightCancer, side: 'both' as const }] } };
    expect(applyDraftAction(both, { type: 'setKnownCancer', findingId: 'f2', relation: 'adjacent' }).ok).toBe(true);
    const bilateral = { ...draft, findings: [finding('f3', 'both')] };
    expect(applyDraftAction(bilateral, { type: 'setKnownCancer', findingId: 'f3', relation: 'this finding' }).ok).toBe(true);
  });

  it('with no malignancy in the history at all the message asks for one', () => {
    const none = { ...draft, history: EMPTY_HISTORY };
    const r = applyDraftAction(none, { type: 'setKnownCancer', findingId: 'f1', relation: 'this finding' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^finding f1: knownCancer "this finding": history\.malignancies holds no biopsy-proven malignancy/);
  });

  it('unmarking is always accepted', () => {
    const marked = { ...draft, history: EMPTY_HISTORY, findings: [{ ...finding('f1', 'right'), knownCancer: 'this finding' as const }] };
    const r = applyDraftAction(marked, { type: 'setKnownCancer', findingId: 'f1', relation: null });
    expect(r.ok && r.value.findings[0]?.knownCancer).toBeNull();
  });

  it('a history change that would take away the cancer a marked finding relates to is refused; other history changes pass', () => {
    const marked = applyDraftAction(draft, { type: 'setKnownCancer', findingId: 'f1', relation: 'this finding' });
    if (!marked.ok) throw new Error(marked.error.message);
    const removed = applyDraftAction(marked.value, { type: 'setHistory', history: { ...draft.history, malignancies: [] } });
    expect(removed.ok).toBe(false);
    if (!removed.ok) expect(removed.error.message).toMatch(/^finding f1: knownCancer "this finding": history\.malignancies holds no .*; unmark the finding's relation to the known cancer first$/);
    const moved = applyDraftAction(marked.value, { type: 'setHistory', history: { ...draft.history, malignancies: [{ ...rightCancer, side: 'left' }] } });
    expect(moved.ok).toBe(false);
    const other = applyDraftAction(marked.value, { type: 'setHistory', history: { ...draft.history, conditions: ['renal-failure'] } });
    expect(other.ok).toBe(true);
  });
});
