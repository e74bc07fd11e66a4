// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import type { MammoImage } from '../../src/core/image.js';
import { draftFromPipeline, PanelHost, syntheticImage } from './panel-fixture.js';

let image: MammoImage;
let draft: ExamDraft;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  image = syntheticImage();
  draft = draftFromPipeline(image);
});
afterEach(() => cleanup());

describe('Leaving a free-text field ends its undo step', () => {
  it('report text typed, left, typed again: two undo steps, every letter kept', () => {
    // A clock that never moves: only leaving the field can end the step.
    const store = createDraftStore(draft, undefined, { now: () => 0 });
    render(<PanelHost image={image} store={store} />);
    const box = screen.getByTestId('report-text') as HTMLTextAreaElement;
    const start = box.value;
    for (const add of ['N', 'No', 'Note']) fireEvent.change(box, { target: { value: `${start}${add}` } });
    fireEvent.blur(box);
    for (const add of ['Note.', 'Note. A', 'Note. Ab']) fireEvent.change(box, { target: { value: `${start}${add}` } });
    expect(store.getState().reportText).toBe(`${start}Note. Ab`);
    expect(store.undo()).toMatchObject({ ok: true, value: { reportText: `${start}Note` } });
    expect(store.undo()).toMatchObject({ ok: true, value: { reportText: null } });
  });

  it('without leaving the field, the same typing is one undo step', () => {
    const store = createDraftStore(draft, undefined, { now: () => 0 });
    render(<PanelHost image={image} store={store} />);
    const box = screen.getByTestId('report-text') as HTMLTextAreaElement;
    const start = box.value;
    for (const add of ['N', 'No', 'Note', 'Note.', 'Note. A']) fireEvent.change(box, { target: { value: `${start}${add}` } });
    expect(store.undo()).toMatchObject({ ok: true, value: { reportText: null } });
  });
});
