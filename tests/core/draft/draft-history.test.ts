import { beforeAll, describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo, UNDO_LIMIT, type DraftHistory } from '../../../src/core/draft/index.js';
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
    for (let i = 0; i < UNDO_LIMIT + 5; i++) h = step(h, { type: 'editReportText', text: `v${i}` });
    expect(h.past).toHaveLength(UNDO_LIMIT);
    expect(h.past[0]?.reportText).toBe('v4');
  });
});
