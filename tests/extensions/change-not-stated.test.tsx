// @vitest-environment jsdom
/**
 * The panel asks for the change since prior while it is not stated (the exam has a comparison
 * date): no "no priors" on offer, the field marked as needing an answer, and the wording and
 * report saying the change is not stated until the radiologist picks one.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_NOT_STATED } from '../../src/core/draft/comparison.js';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import type { MammoImage } from '../../src/core/image.js';
import { draftFromPipeline, PanelHost, syntheticImage, testStore } from './panel-fixture.js';

let image: MammoImage;
let draft: ExamDraft;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  image = syntheticImage();
  const base = draftFromPipeline(image);
  draft = { ...base, priorDate: '2024-03-10', findings: base.findings.map((f) => ({ ...f, change: null })) };
});
afterEach(() => cleanup());

describe('change since prior not stated', () => {
  it('asks for it, offers no "no priors", and the wording says it is not stated', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    const f = screen.getByTestId('finding');
    const select = within(f).getByLabelText(/^Change since prior of Finding 1/) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(within(f).getByTestId('change-not-stated').textContent).toMatch(/state the change/);
    expect([...select.options].map((o) => o.value)).not.toContain('no-priors');
    expect(within(f).getByTestId('wording').textContent).toContain(CHANGE_NOT_STATED);
    expect(within(f).getByTestId('wording').textContent).not.toMatch(/no prior/i);
    expect((screen.getByTestId('report-text') as HTMLTextAreaElement).value).not.toMatch(/no prior/i);

    fireEvent.change(select, { target: { value: 'new' } });
    expect(store.getState().findings[0]?.change).toEqual({ kind: 'new' });
    expect(within(f).queryByTestId('change-not-stated')).toBeNull();
    expect(within(f).getByTestId('wording').textContent).toContain('new since 2024-03-10');
  });

  it('without a comparison exam, "no priors" is the value and there is no empty choice', () => {
    const base = draftFromPipeline(image);
    render(<PanelHost image={image} store={testStore(base)} />);
    const select = within(screen.getByTestId('finding')).getByLabelText(/^Change since prior of Finding 1/) as HTMLSelectElement;
    expect(select.value).toBe('no-priors');
    expect([...select.options].map((o) => o.value)).not.toContain('');
  });
});
