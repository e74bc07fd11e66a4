import { beforeAll, describe, expect, it } from 'vitest';
import { endTyping, record, redo, startHistory, typingFieldOf, undo, UNDO_LIMIT, type DraftHistory } from '../../../src/core/draft/index.js';
import { EMPTY_HISTORY, type ClinicalHistory } from '../../../src/core/lexicon.js';
import type { DraftAction } from '../../../src/core/draft/index.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from './sample-exam.js';

let lcc: SampleImage;
beforeAll(async () => {
  lcc = await loadSampleImage('LCC');
});

function step(h: DraftHistory, a: DraftAction): DraftHistory {
  const r = record(h, a);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function must(r: ReturnType<typeof undo>): DraftHistory {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('undo and redo', () => {
  it('undoes an added finding and an override, and redoes them in order', () => {
    let h = startHistory(sampleDraft([lcc]));
    h = step(h, { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') });
    const id = h.present.findings[0]?.id as string;
    h = step(h, { type: 'overrideTerms', findingId: id, overrides: { morphology: ['amorphous'] } });
    expect(h.present.findings[0]?.overrides).toEqual({ morphology: ['amorphous'] });

    h = must(undo(h));
    expect(h.present.findings[0]?.overrides).toEqual({});
    h = must(undo(h));
    expect(h.present.findings).toEqual([]);
    expect(undo(h)).toMatchObject({ ok: false });

    h = must(redo(h));
    expect(h.present.findings).toHaveLength(1);
    h = must(redo(h));
    expect(h.present.findings[0]?.overrides).toEqual({ morphology: ['amorphous'] });
    expect(redo(h).ok).toBe(false);
  });

  it('gives every undo and redo a higher revision, so autosave never sees an older number', () => {
    let h = startHistory(sampleDraft([lcc]));
    h = step(h, { type: 'setComposition', composition: 'b' });
    h = step(h, { type: 'setComposition', composition: 'c' });
    const seen = [h.present.revision];
    h = must(undo(h));
    seen.push(h.present.revision);
    h = must(redo(h));
    seen.push(h.present.revision);
    expect(seen).toEqual([2, 3, 4]);
    expect(h.present.composition).toBe('c');
  });

  it('clears the redo steps when a new action is recorded, and keeps a refused action out of the history', () => {
    let h = startHistory(sampleDraft([lcc]));
    h = step(h, { type: 'setComposition', composition: 'b' });
    h = must(undo(h));
    h = step(h, { type: 'setComposition', composition: 'd' });
    expect(h.future).toEqual([]);
    expect(record(h, { type: 'setPriorDate', date: 'yesterday' }).ok).toBe(false);
    expect(h.past).toHaveLength(1);
  });

  it(`keeps at most ${UNDO_LIMIT} steps`, () => {
    let h = startHistory(sampleDraft([lcc]));
    // Each a separate edit of the text (typing in one go would be one step).
    for (let i = 0; i < UNDO_LIMIT + 5; i++) h = endTyping(step(h, { type: 'editReportText', text: `v${i}` }));
    expect(h.past).toHaveLength(UNDO_LIMIT);
    expect(h.past[0]?.reportText).toBe('v4');
  });
});

describe('typing in a free-text field is one undo step', () => {
  const withSite = (site: string | null, date: string | null = '2020'): ClinicalHistory => ({
    ...EMPTY_HISTORY,
    events: [{ kind: 'lumpectomy', side: 'left', date, site }],
  });
  /** Types `text` into the site of the history's one event, a keystroke at a time. */
  function typeSite(h: DraftHistory, text: string, from = ''): DraftHistory {
    for (let i = 1; i <= text.length; i++) h = step(h, { type: 'setHistory', history: withSite(from + text.slice(0, i)) });
    return h;
  }

  it('one undo takes back a word typed into the site of an event, one redo brings it back whole; no letter is lost', () => {
    let h = startHistory(sampleDraft([lcc]));
    h = step(h, { type: 'setHistory', history: withSite(null) });
    h = typeSite(h, 'upper outer');
    expect(h.present.history.events[0]?.site).toBe('upper outer');
    expect(h.past).toHaveLength(2);
    const typedRevision = h.present.revision;
    h = must(undo(h));
    expect(h.present.history.events[0]?.site).toBeNull();
    expect(h.present.history.events).toHaveLength(1);
    expect(h.present.revision).toBeGreaterThan(typedRevision);
    h = must(redo(h));
    expect(h.present.history.events[0]?.site).toBe('upper outer');
  });

  it('the report text typed in one go is one step; typing after the field was left (or a pause) is another', () => {
    let h = startHistory(sampleDraft([lcc]));
    for (const t of ['F', 'Fi', 'Fin', 'Fine']) h = step(h, { type: 'editReportText', text: t });
    h = endTyping(h);
    for (const t of ['Fine ', 'Fine p', 'Fine pl']) h = step(h, { type: 'editReportText', text: t });
    expect(h.past).toHaveLength(2);
    h = must(undo(h));
    expect(h.present.reportText).toBe('Fine');
    h = must(undo(h));
    expect(h.present.reportText).toBeNull();
  });

  it('another action, another field or an undo ends the typing step', () => {
    let h = startHistory(sampleDraft([lcc]));
    h = step(h, { type: 'setHistory', history: withSite(null) });
    h = typeSite(h, 'UOQ');
    h = step(h, { type: 'setComposition', composition: 'b' });
    h = typeSite(h, ' 2', 'UOQ');
    // Typed, composition, typed again: three steps after the event was added.
    expect(h.past).toHaveLength(4);
    h = must(undo(h));
    expect(h.present.history.events[0]?.site).toBe('UOQ');
    expect(h.present.composition).toBe('b');
    // After an undo the next keystroke starts a step of its own (the redo stack goes, as for any edit).
    h = step(h, { type: 'setHistory', history: withSite('UOQ!') });
    h = must(undo(h));
    expect(h.present.history.events[0]?.site).toBe('UOQ');
    h = step(h, { type: 'editReportText', text: 'a' });
    h = step(h, { type: 'setHistory', history: withSite('UOQ x') });
    h = must(undo(h));
    expect(h.present.history.events[0]?.site).toBe('UOQ');
    expect(h.present.reportText).toBe('a');
  });

  it('only free text types: a date, a choice, an added event or two fields changed at once are steps of their own', () => {
    const d = { ...sampleDraft([lcc]), history: withSite('UOQ') };
    expect(typingFieldOf(d, { type: 'setHistory', history: withSite('UOQ ') })).toBe('history.events.0.site');
    expect(typingFieldOf(d, { type: 'setHistory', history: withSite(null) })).toBe('history.events.0.site');
    expect(typingFieldOf(d, { type: 'setHistory', history: withSite('UOQ', '2021') })).toBeNull();
    expect(typingFieldOf(d, { type: 'setHistory', history: withSite('UOQ!', '2021') })).toBeNull();
    expect(typingFieldOf(d, { type: 'setHistory', history: { ...withSite('UOQ'), implants: true } })).toBeNull();
    expect(typingFieldOf(d, { type: 'setHistory', history: { ...withSite('UOQ'), events: [...withSite('UOQ').events, ...withSite(null).events] } })).toBeNull();
    expect(typingFieldOf(d, { type: 'setComposition', composition: 'a' })).toBeNull();
    expect(typingFieldOf(d, { type: 'editReportText', text: 'x' })).toBe('report-text');
  });
});
