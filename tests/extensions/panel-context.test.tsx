// @vitest-environment jsdom
/**
 * The panel's exam context form carries everything the assessment rules read: the indication,
 * every procedure kind, the biopsy-proven malignancies with side, site and date, and dates checked
 * as the rules check them. Each edit is one undoable draft change and changes the suggestion.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHistoryDate } from '../../extensions/calcification/panel/HistoryDate.js';
import { parseDraft, serializeDraft } from '../../src/core/draft/serialize-draft.js';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import type { MammoImage } from '../../src/core/image.js';
import { INDICATIONS, PROCEDURE_KINDS } from '../../src/core/lexicon.js';
import { draftFromPipeline, PanelHost, syntheticImage, testStore } from './panel-fixture.js';

let image: MammoImage;
let draft: ExamDraft;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  image = syntheticImage();
  // The current images' Study Date: history dates after it are refused.
  const base = draftFromPipeline(image);
  draft = { ...base, images: base.images.map((i) => ({ ...i, studyDate: '2026-03-10' })) };
});
afterEach(() => cleanup());

const assessment = (): string => within(screen.getByTestId('finding')).getByTestId('assessment').textContent ?? '';
const reasons = (): string => within(screen.getByTestId('finding')).getByTestId('reasons').textContent ?? '';

describe('indication', () => {
  it('offers not stated and every indication; screening turns the fine pleomorphic group\'s 4B into 0, diagnostic back to 4B', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    const select = screen.getByLabelText('Indication') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', ...INDICATIONS]);
    expect(select.value).toBe('');
    expect(assessment()).toBe('BI-RADS 4B');
    fireEvent.change(select, { target: { value: 'screening' } });
    expect(store.getState().indication).toBe('screening');
    expect(assessment()).toBe('BI-RADS 0');
    expect(reasons()).toMatch(/screening/i);
    expect((screen.getByTestId('report-text') as HTMLTextAreaElement).value).toMatch(/BI-RADS 0/);
    fireEvent.change(select, { target: { value: 'diagnostic' } });
    expect(store.getState().indication).toBe('diagnostic');
    expect(assessment()).toBe('BI-RADS 4B');
    fireEvent.change(select, { target: { value: '' } });
    expect(store.getState().indication).toBeNull();
  });

  it('is one undoable step, restored by undo and redo, and kept through the autosaved form', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    fireEvent.change(screen.getByLabelText('Indication'), { target: { value: 'screening' } });
    expect(assessment()).toBe('BI-RADS 0');
    act(() => {
      expect(store.undo().ok).toBe(true);
    });
    expect(store.getState().indication ?? null).toBeNull();
    expect((screen.getByLabelText('Indication') as HTMLSelectElement).value).toBe('');
    expect(assessment()).toBe('BI-RADS 4B');
    act(() => {
      expect(store.redo().ok).toBe(true);
    });
    expect((screen.getByLabelText('Indication') as HTMLSelectElement).value).toBe('screening');
    expect(assessment()).toBe('BI-RADS 0');
    const saved = parseDraft(serializeDraft(store.getState()));
    expect(saved.ok && saved.value.indication).toBe('screening');
  });
});

describe('history events', () => {
  it('offers every procedure kind the rules read, excision included', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add event' }));
    const kinds = [...(screen.getByLabelText('Event 1') as HTMLSelectElement).options].map((o) => o.value);
    expect(kinds).toEqual([...PROCEDURE_KINDS]);
    expect(kinds).toContain('excision');
  });

  it('an excision on the finding\'s side is recorded with its date and site', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add event' }));
    fireEvent.change(screen.getByLabelText('Event 1'), { target: { value: 'excision' } });
    fireEvent.change(screen.getByLabelText('Side of event 1'), { target: { value: 'right' } });
    fireEvent.change(screen.getByLabelText('Date of event 1'), { target: { value: '2023-05' } });
    fireEvent.change(screen.getByLabelText('Site of event 1'), { target: { value: 'upper outer quadrant' } });
    expect(store.getState().history.events).toEqual([{ kind: 'excision', side: 'right', date: '2023-05', site: 'upper outer quadrant' }]);
  });
});

describe('history dates', () => {
  it('reads dates as the rules do', () => {
    expect(readHistoryDate('', 'Date', '2026-03-10', '2026-12-06')).toEqual({ ok: true, value: null });
    expect(readHistoryDate(' 2019 ', 'Date', '2026-03-10', '2026-12-06')).toEqual({ ok: true, value: '2019' });
    expect(readHistoryDate('2019-06', 'Date', '2026-03-10', '2026-12-06')).toEqual({ ok: true, value: '2019-06' });
    expect(readHistoryDate('2026-03-10', 'Date', '2026-03-10', '2026-12-06').ok).toBe(true);
    const bad = readHistoryDate('06/2019', 'Date', null, '2026-12-06');
    expect(!bad.ok && bad.error.message).toBe('Date "06/2019" must be YYYY, YYYY-MM or YYYY-MM-DD');
    const afterExam = readHistoryDate('2026-04', 'Date', '2026-03-10', '2026-12-06');
    expect(!afterExam.ok && afterExam.error.message).toBe('Date 2026-04 is after the exam date 2026-03-10');
    const future = readHistoryDate('2027', 'Date', null, '2026-12-06');
    expect(!future.ok && future.error.message).toBe('Date 2027 is in the future (today is 2026-12-06)');
  });

  it('an invalid or future date shows the error beside the field, keeps the typed text and is not applied', () => {
    const store = testStore({ ...draft, history: { ...draft.history, events: [{ kind: 'radiation', side: 'right', date: '2019', site: null }] } });
    render(<PanelHost image={image} store={store} />);
    const field = screen.getByLabelText('Date of event 1') as HTMLInputElement;
    const revision = store.getState().revision;
    fireEvent.change(field, { target: { value: '2019-0' } });
    expect(field.value).toBe('2019-0');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = field.parentElement?.querySelector('[role="alert"]');
    expect(error?.textContent).toBe('Date of event 1 "2019-0" must be YYYY, YYYY-MM or YYYY-MM-DD: not applied');
    expect(field.getAttribute('aria-describedby')).toBe(error?.id);
    expect(store.getState().revision).toBe(revision);
    expect(store.getState().history.events[0]?.date).toBe('2019');
    fireEvent.change(field, { target: { value: '2999' } });
    expect(field.value).toBe('2999');
    expect(field.parentElement?.querySelector('[role="alert"]')?.textContent).toMatch(/^Date of event 1 2999 is after the exam date 2026-03-10/);
    expect(store.getState().history.events[0]?.date).toBe('2019');
    fireEvent.change(field, { target: { value: '2019-06' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(field.parentElement?.querySelector('[role="alert"]')).toBeNull();
    expect(store.getState().history.events[0]?.date).toBe('2019-06');
    expect(store.getState().revision).toBe(revision + 1);
  });

  it('a date in the future is refused even when the exam date is unknown', () => {
    const noDate = { ...draft, images: draft.images.map((i) => ({ ...i, studyDate: null })), history: { ...draft.history, events: [{ kind: 'biopsy' as const, side: 'right' as const, date: null, site: null }] } };
    const store = testStore(noDate);
    render(<PanelHost image={image} store={store} />);
    const field = screen.getByLabelText('Date of event 1') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '2999-01-01' } });
    expect(field.parentElement?.querySelector('[role="alert"]')?.textContent).toMatch(/^Date of event 1 2999-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\)/);
    expect(store.getState().history.events[0]?.date).toBeNull();
  });

  it('removing a row with a refused date leaves the next row showing its own date', () => {
    const events = [
      { kind: 'radiation' as const, side: 'right' as const, date: null, site: null },
      { kind: 'biopsy' as const, side: 'left' as const, date: null, site: null },
    ];
    const store = testStore({ ...draft, history: { ...draft.history, events } });
    render(<PanelHost image={image} store={store} />);
    fireEvent.change(screen.getByLabelText('Date of event 1'), { target: { value: '19x' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Date of event 1 "19x"/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove event 1' }));
    expect(store.getState().history.events).toEqual([events[1]]);
    expect((screen.getByLabelText('Date of event 1') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('undo puts the draft\'s date back in the field', () => {
    const store = testStore({ ...draft, history: { ...draft.history, events: [{ kind: 'radiation', side: 'right', date: '2019', site: null }] } });
    render(<PanelHost image={image} store={store} />);
    fireEvent.change(screen.getByLabelText('Date of event 1'), { target: { value: '2020' } });
    expect(store.getState().history.events[0]?.date).toBe('2020');
    act(() => {
      store.undo();
    });
    expect((screen.getByLabelText('Date of event 1') as HTMLInputElement).value).toBe('2019');
  });
});

describe('known biopsy-proven malignancies', () => {
  it('are added by choosing their side, edited with site and date, removed; the suggestion names them', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    expect(reasons()).not.toMatch(/known biopsy-proven malignancy/);
    const add = screen.getByLabelText('Add a malignancy in the') as HTMLSelectElement;
    expect([...add.options].map((o) => o.value)).toEqual(['', 'right', 'left', 'both']);
    fireEvent.change(add, { target: { value: 'left' } });
    expect(store.getState().history.malignancies).toEqual([{ side: 'left', site: null, date: null }]);
    expect(add.value).toBe('');
    fireEvent.change(screen.getByLabelText('Site of malignancy 1'), { target: { value: "2 o'clock" } });
    fireEvent.change(screen.getByLabelText('Biopsy date of malignancy 1'), { target: { value: '2026-02' } });
    expect(store.getState().history.malignancies).toEqual([{ side: 'left', site: "2 o'clock", date: '2026-02' }]);
    expect(reasons()).toMatch(/known biopsy-proven malignancy \(left breast, 2 o'clock, biopsy 2026-02\): this finding is assessed on its own/);
    fireEvent.change(screen.getByLabelText('Side of malignancy 1'), { target: { value: 'right' } });
    expect(store.getState().history.malignancies?.[0]?.side).toBe('right');
    fireEvent.click(screen.getByRole('button', { name: 'Remove malignancy 1' }));
    expect(store.getState().history.malignancies).toEqual([]);
    expect(reasons()).not.toMatch(/known biopsy-proven malignancy/);
  });

  it('removing a malignancy with a refused date leaves the next one showing its own date and site (the rows of events and malignancies are drawn alike)', () => {
    const malignancies = [
      { side: 'right' as const, site: null, date: null },
      { side: 'left' as const, site: "2 o'clock", date: null },
    ];
    const store = testStore({ ...draft, history: { ...draft.history, malignancies } });
    render(<PanelHost image={image} store={store} />);
    fireEvent.change(screen.getByLabelText('Biopsy date of malignancy 1'), { target: { value: '20x' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Biopsy date of malignancy 1 "20x"/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove malignancy 1' }));
    expect(store.getState().history.malignancies).toEqual([malignancies[1]]);
    expect((screen.getByLabelText('Biopsy date of malignancy 1') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Site of malignancy 1') as HTMLInputElement).value).toBe("2 o'clock");
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a malignancy biopsied after the exam is not applied', () => {
    const store = testStore({ ...draft, history: { ...draft.history, malignancies: [{ side: 'right', site: null, date: null }] } });
    render(<PanelHost image={image} store={store} />);
    const field = screen.getByLabelText('Biopsy date of malignancy 1') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '2026-05-01' } });
    expect(field.value).toBe('2026-05-01');
    expect(field.parentElement?.querySelector('[role="alert"]')?.textContent).toMatch(/after the exam date 2026-03-10/);
    expect(store.getState().history.malignancies?.[0]?.date).toBeNull();
  });

  it('no sideless known-malignancy checkbox; an older draft\'s sideless statement is still read, shown, kept when other conditions change, and can be removed', () => {
    const old = { ...draft, history: { ...draft.history, conditions: ['known-malignancy' as const] } };
    const parsed = parseDraft(serializeDraft(old));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const store = testStore(parsed.value);
    render(<PanelHost image={image} store={store} />);
    expect(screen.queryByLabelText('known-malignancy')).toBeNull();
    expect(screen.getByTestId('sideless-malignancy').textContent).toMatch(/without its side/);
    expect(reasons()).toMatch(/known biopsy-proven malignancy/);
    fireEvent.click(screen.getByLabelText('renal-failure'));
    expect(store.getState().history.conditions).toEqual(['renal-failure', 'known-malignancy']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the statement without a side' }));
    expect(store.getState().history.conditions).toEqual(['renal-failure']);
    expect(screen.queryByTestId('sideless-malignancy')).toBeNull();
  });
});

describe('a finding related to the known cancer', () => {
  it('is asked only once the history lists a malignancy; "this finding" gives 6, "next to it" at least 4A, and both go back with undo', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    expect(screen.queryByLabelText(/to the known cancer/)).toBeNull();
    const side = store.getState().findings[0]?.side ?? 'left';
    fireEvent.change(screen.getByLabelText('Add a malignancy in the'), { target: { value: side } });
    const select = screen.getByLabelText(/Relation of .* to the known cancer/) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'this finding', 'adjacent']);
    fireEvent.change(select, { target: { value: 'this finding' } });
    expect(store.getState().findings[0]?.knownCancer).toBe('this finding');
    expect(assessment()).toBe('BI-RADS 6');
    fireEvent.change(select, { target: { value: 'adjacent' } });
    expect(['BI-RADS 4A', 'BI-RADS 4B', 'BI-RADS 4C', 'BI-RADS 5']).toContain(assessment());
    act(() => {
      store.undo();
    });
    expect(store.getState().findings[0]?.knownCancer).toBe('this finding');
    fireEvent.change(select, { target: { value: '' } });
    expect(store.getState().findings[0]?.knownCancer).toBeNull();
    expect(assessment()).toBe('BI-RADS 4B');
    // Kept through save and restore.
    const back = parseDraft(serializeDraft({ ...store.getState(), findings: store.getState().findings.map((f) => ({ ...f, knownCancer: 'adjacent' as const })) }));
    expect(back.ok && back.value.findings[0]?.knownCancer).toBe('adjacent');
  });
});
