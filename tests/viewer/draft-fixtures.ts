/** Exam drafts and a draft store stand-in shared by the autosave tests. */
import { EXAM_DRAFT_SCHEMA, type ExamDraft } from '../../src/core/draft/exam-draft.js';
import { EMPTY_HISTORY } from '../../src/core/lexicon.js';
import type { EditableDraft } from '../../src/viewer/autosave/index.js';

/** An empty draft of exam `examKey` at `revision`, with fields from `over`. */
export function emptyDraft(examKey: string, revision: number, over: Partial<ExamDraft> = {}): ExamDraft {
  return {
    schema: EXAM_DRAFT_SCHEMA,
    examKey,
    images: [],
    calcifications: [],
    findings: [],
    composition: null,
    history: EMPTY_HISTORY,
    priorDate: null,
    indication: null,
    nippleMarkers: {},
    reportText: null,
    revision,
    ...over,
  };
}

/** A store like the draft store: getState / subscribe / load, changed by `set` (`load` does the same). */
export function fakeStore(initial: ExamDraft): EditableDraft & { set(d: ExamDraft): void } {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set: (d) => {
      state = d;
      for (const l of listeners) l();
    },
    load: (d) => {
      state = d;
      for (const l of listeners) l();
    },
  };
}
