import { describe, expect, it } from 'vitest';
import { applyDraftAction } from '../../../src/core/draft/apply-draft-action.js';
import { record, startHistory, undo } from '../../../src/core/draft/draft-history.js';
import { newExamDraft, parseDraft, serializeDraft } from '../../../src/core/draft/index.js';

describe('the exam indication in a draft', () => {
  it('a new draft starts without one (null, read as diagnostic) and keeps a stated one through save and restore', () => {
    const d = newExamDraft('2.25.1', []);
    expect(d.indication).toBeNull();
    const back = parseDraft(serializeDraft({ ...d, indication: 'screening' }));
    expect(back.ok && back.value.indication).toBe('screening');
  });

  it('a draft saved before the field existed reads with null; an unknown indication is refused', () => {
    const old = JSON.parse(serializeDraft(newExamDraft('2.25.1', []))) as Record<string, unknown>;
    delete old['indication'];
    const back = parseDraft(JSON.stringify(old));
    expect(back.ok && back.value.indication).toBeNull();
    const bad = parseDraft(JSON.stringify({ ...old, indication: 'routine' }));
    expect(bad.ok ? '' : bad.error.message).toMatch(/draft\.indication must be screening, diagnostic, short-interval follow-up or null/);
  });
});

describe('setIndication', () => {
  it('states or clears the indication as one undoable step; an unknown one is refused and changes nothing', () => {
    const d = newExamDraft('2.25.1', []);
    const h = record(startHistory(d), { type: 'setIndication', indication: 'screening' });
    expect(h.ok && h.value.present.indication).toBe('screening');
    expect(h.ok && h.value.present.revision).toBe(d.revision + 1);
    if (!h.ok) return;
    const back = undo(h.value);
    expect(back.ok && back.value.present.indication).toBeNull();
    const cleared = applyDraftAction(h.value.present, { type: 'setIndication', indication: null });
    expect(cleared.ok && cleared.value.indication).toBeNull();
    const bad = applyDraftAction(d, { type: 'setIndication', indication: 'routine' as never });
    expect(bad.ok ? '' : bad.error.message).toBe('indication "routine" must be one of screening, diagnostic, short-interval follow-up');
  });
});

describe('the exam date in a draft (for rules that count years since a procedure)', () => {
  it('comes from the current images\' Study Date: "up to 30 % within 4 years" only for a procedure within 4 years of it', async () => {
    const { loadSampleImage, clickGroup, sampleDraft } = await import('./sample-exam.js');
    const { deriveFinding } = await import('../../../src/core/draft/index.js');
    const { addCalcifications } = await import('../../../src/core/draft/add-calcifications.js');
    const rcc = await loadSampleImage('RCC');
    expect(rcc.draftImage.studyDate).toBe('2026-03-10');
    const reasonsWith = (year: string, images = [rcc.draftImage]): string[] => {
      const base = { ...sampleDraft([rcc]), images, history: { ...sampleDraft([rcc]).history, events: [{ kind: 'lumpectomy' as const, side: 'right' as const, date: year, site: null }] } };
      const added = addCalcifications(base, 'RCC', clickGroup(rcc, 'R1'));
      if (!added.ok) throw new Error(added.error.message);
      const f = added.value.findings[0];
      if (f === undefined) throw new Error('no finding');
      const d = deriveFinding({ ...added.value, findings: [{ ...f, change: { kind: 'new' } }] }, f.id);
      if (!d.ok) throw new Error(d.error.message);
      return [...d.value.finding.suggestion.reasons];
    };
    expect(reasonsWith('2024').join(' ')).toMatch(/up to 30 % of women develop dystrophic calcifications within 4 years/);
    expect(reasonsWith('2015').join(' ')).not.toMatch(/30 %/);
    // Without a Study Date the years since the procedure are not known: the figure is not quoted.
    expect(reasonsWith('2024', [{ ...rcc.draftImage, studyDate: null }]).join(' ')).not.toMatch(/30 %/);
  });
});
