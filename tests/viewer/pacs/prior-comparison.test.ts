import { describe, expect, it } from 'vitest';
import { createDraftStore } from '../../../extensions/calcification/draft-store.js';
import { newExamDraft } from '../../../src/core/draft/new-exam-draft.js';
import type { LoadedImage } from '../../../src/viewer/loading/exam.js';
import { comparisonFromPrior } from '../../../src/viewer/pacs/prior-comparison.js';

/** A prior image as far as the comparison reads it: its study date. */
const priorImage = (studyDate: string | null): LoadedImage => ({ summary: { meta: { studyDate } } }) as unknown as LoadedImage;

describe('a prior chosen from the PACS as the comparison', () => {
  it('fills an empty comparison date with the prior\'s study date, as one undoable step', () => {
    const store = createDraftStore(newExamDraft('2.25.1', []));
    const r = comparisonFromPrior(store, [priorImage('20240312'), priorImage('20240312')]);
    expect(r?.ok).toBe(true);
    expect(store.getState().priorDate).toBe('2024-03-12');
    store.undo();
    expect(store.getState().priorDate).toBeNull();
  });

  it('leaves a comparison date the radiologist set as it is', () => {
    const store = createDraftStore({ ...newExamDraft('2.25.1', []), priorDate: '2023-01-05' });
    expect(comparisonFromPrior(store, [priorImage('20240312')])).toBeNull();
    expect(store.getState().priorDate).toBe('2023-01-05');
  });

  it('does nothing when the prior carries no study date', () => {
    const store = createDraftStore(newExamDraft('2.25.1', []));
    expect(comparisonFromPrior(store, [priorImage(null)])).toBeNull();
    expect(store.getState().priorDate).toBeNull();
  });
});
