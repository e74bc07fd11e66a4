// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import type { MammoImage } from '../../src/core/image.js';
import { calcificationSize } from '../../src/core/calibration-words.js';
import { fmtMmWords } from '../../src/core/report/words.js';
import { draftFromPipeline, PanelHost, syntheticImage, testStore } from './panel-fixture.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

let image: MammoImage;
let draft: ExamDraft;
beforeAll(() => {
  // jsdom has no 2-D canvas: the zoomed view draws nothing here (it is checked in the browser).
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  image = syntheticImage();
  draft = draftFromPipeline(image);
});
afterEach(() => cleanup());

function finding(): HTMLElement {
  return screen.getByTestId('finding');
}

describe('CalcificationPanel: a finding measured by the core', () => {
  it('shows count, size range with calibration kind, morphology with confidence and evidence, per breast', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    const panel = screen.getByTestId('findings-panel');
    expect(within(panel).getAllByTestId('finding')).toHaveLength(1);
    expect(within(screen.getByTestId('side-right')).getByTestId('finding')).toBeTruthy();
    expect(screen.queryByTestId('side-left')).toBeNull();
    const f = finding();
    expect(within(f).getByTestId('finding-count').textContent).toBe('4 calcifications');
    const lengths = draft.calcifications.map((c) => c.measurements.longAxis.mm as number);
    // In the report's digits (two decimals below 1 mm, one above): the largest reads as the wording's "up to".
    const range = `${fmtMmWords(Math.min(...lengths))}–${fmtMmWords(Math.max(...lengths))} mm, detector spacing, not magnification-corrected`;
    expect(within(f).getByTestId('finding-size').textContent).toBe(range);
    expect(range).toMatch(/^0\.[3-4]\d–1\.[1-3] mm/);
    expect(within(f).getByTestId('wording').textContent).toContain(`up to ${fmtMmWords(Math.max(...lengths))} mm`);
    const morph = within(f).getByTestId('finding-morphology');
    expect(morph.textContent).toContain('fine pleomorphic');
    expect(morph.textContent).toContain('(suggested)');
    expect(within(morph).getByRole('list', { name: /with confidence/ }).textContent).toMatch(/fine pleomorphic: \d+ %/);
    expect(within(f).getByTestId('finding-distribution').textContent).toContain('(suggested)');
    expect((within(f).getByLabelText('Distribution') as HTMLSelectElement).value).toBe('grouped');
  });

  it('shows the suggested category labelled as a suggestion, with its reasons and the wording', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    const f = finding();
    expect(within(f).getByTestId('assessment').textContent).toBe('BI-RADS 4B');
    expect(within(f).getByText('suggested')).toBeTruthy();
    expect(within(f).getByTestId('reasons').textContent).toContain('fine pleomorphic morphology: moderate suspicion');
    expect(within(f).getByTestId('wording').textContent).toMatch(
      // A suspicious group: placed on the clock face or saying why not (this synthetic image has no breast outline), sized by its extent.
      /^Right breast, clock face not given \([^)]+\): 4 grouped fine pleomorphic calcifications spanning \d+\.\d mm \(individually up to 1\.\d mm\)/,
    );
    expect(within(f).getByTestId('wording').textContent).toContain('BI-RADS 4B');
  });

  it('overriding morphology recomputes category and wording at once and marks the term overridden', () => {
    const store = testStore(draft);
    const seen = store.revisions;
    render(<PanelHost image={image} store={store} />);
    const f = finding();
    const picker = within(f).getByRole('group', { name: /Morphology of Finding 1/ });
    fireEvent.click(within(picker).getByLabelText(/^fine-linear branching — SCT:129762002$/));
    fireEvent.click(within(picker).getByLabelText(/^fine pleomorphic — DCM:111344$/));
    expect(seen.at(-1)?.findings[0]?.overrides.morphology).toEqual(['fine-linear branching']);
    expect(within(f).getByTestId('assessment').textContent).toBe('BI-RADS 4C');
    expect(within(f).getByTestId('wording').textContent).toContain('4 grouped fine-linear branching calcifications');
    expect(within(f).getByTestId('wording').textContent).toContain('BI-RADS 4C');
    const mark = within(within(f).getByTestId('finding-morphology')).getByTestId('overridden');
    expect(mark.textContent).toContain('overridden — suggested: fine pleomorphic');
    expect((screen.getByTestId('report-text') as HTMLTextAreaElement).value).toContain('fine-linear branching');

    fireEvent.click(within(f).getByRole('button', { name: /Revert morphology/ }));
    expect(within(f).getByTestId('assessment').textContent).toBe('BI-RADS 4B');
    expect(within(f).queryByTestId('overridden')).toBeNull();
    expect(seen.at(-1)?.findings[0]?.overrides).toEqual({});
  });

  it('a benign morphology override lowers the category; distribution and change are overridable too', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    const f = finding();
    const picker = within(f).getByRole('group', { name: /Morphology of Finding 1/ });
    fireEvent.click(within(picker).getByLabelText(/^fine pleomorphic/));
    fireEvent.click(within(picker).getByLabelText(/^round — SCT:129756007$/));
    expect(within(f).getByTestId('assessment').textContent).toBe('BI-RADS 3');
    fireEvent.change(within(f).getByLabelText(/^Change since prior of Finding 1/), { target: { value: 'stable' } });
    expect(within(f).getByTestId('wording').textContent).toMatch(/stable/);
    fireEvent.change(within(f).getByLabelText('Distribution'), { target: { value: 'segmental' } });
    expect(within(within(f).getByTestId('finding-distribution')).getByTestId('overridden').textContent).toContain('suggested: grouped');
    expect(within(f).getByTestId('wording').textContent).toContain('segmental');
  });

  it('commits the relation to a treated site when the field is left, and the wording carries it', () => {
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} />);
    const f = finding();
    const field = within(f).getByLabelText(/^Relation of Finding 1/) as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'at the lumpectomy site ' } });
    expect(store.revisions).toHaveLength(0);
    fireEvent.blur(field);
    expect(store.getState().findings[0]?.relation).toBe('at the lumpectomy site');
    expect(within(f).getByTestId('wording').textContent).toContain('at the lumpectomy site');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(store.getState().findings[0]?.relation).toBeNull();
    expect(store.revisions).toHaveLength(2);
  });

  it('an assessment set by the radiologist is shown as such, next to the rules\u2019 category', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    const f = finding();
    fireEvent.change(within(f).getByLabelText('Assessment'), { target: { value: '4C' } });
    expect(within(f).getByTestId('assessment').textContent).toBe('BI-RADS 4C');
    expect(within(f).getByText('set by radiologist')).toBeTruthy();
    expect(f.textContent).toContain('(rules suggested BI-RADS 4B)');
    fireEvent.change(within(f).getByLabelText('Assessment'), { target: { value: '' } });
    expect(within(f).getByTestId('assessment').textContent).toBe('BI-RADS 4B');
  });

  it('says the image is uncalibrated instead of giving millimetres', () => {
    const raw = syntheticImage({ uncalibrated: true });
    render(<PanelHost image={raw} store={testStore(draftFromPipeline(raw))} />);
    expect(within(finding()).getByTestId('finding-size').textContent).toMatch(/^\d+–\d+ px, uncalibrated$/);
  });
});

describe('CalcificationPanel: the report preview', () => {
  it('shows the suggested report and marks where the radiologist\u2019s text differs', () => {
    const store = testStore(draft);
    const seen = store.revisions;
    render(<PanelHost image={image} store={store} />);
    const box = screen.getByTestId('report-text') as HTMLTextAreaElement;
    expect(box.value).toContain('Findings:');
    expect(box.value).toContain('Impression:');
    expect(box.value).toContain('Recommendation:');
    expect(screen.queryByTestId('report-differs')).toBeNull();
    const edited = box.value.replace(/Recommendation: .*/, 'Recommendation: Stereotactic biopsy, discussed with the patient.');
    fireEvent.change(box, { target: { value: edited } });
    expect(screen.getByTestId('report-differs').textContent).toContain('differs from the suggested report');
    expect(screen.getAllByTestId('changed-line').map((l) => l.textContent)).toEqual(['added: Recommendation: Stereotactic biopsy, discussed with the patient.']);
    expect(screen.getAllByTestId('removed-line')).toHaveLength(1);
    expect(screen.getByTestId('removed-line').textContent).toMatch(/^removed from the suggestion: Recommendation: /);
    expect(seen.at(-1)?.reportText).toBe(edited);

    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to suggestion' }));
    expect(confirm).toHaveBeenCalledOnce();
    expect(screen.getByTestId('report-differs')).toBeTruthy();
    expect(seen.at(-1)?.reportText).toBe(edited);
    confirm.mockRestore();
  });

  it('resets to the suggestion after confirmation', () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<PanelHost image={image} store={testStore({ ...draft, reportText: 'My own report.' })} />);
    expect(screen.getByTestId('report-differs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to suggestion' }));
    expect(confirm).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('report-differs')).toBeNull();
    expect((screen.getByTestId('report-text') as HTMLTextAreaElement).value).toMatch(/^Breast composition:/);
    confirm.mockRestore();
  });

  it('copies the text to the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<PanelHost image={image} store={testStore({ ...draft, reportText: 'Copied text.' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    expect(await screen.findByText('Report copied to the clipboard.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('Copied text.');
  });

  it('exports text and JSON as downloads', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(<PanelHost image={image} store={testStore(draft)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(clicked).toEqual(['calcscribe-2.25.42.txt', 'calcscribe-2.25.42.json']);
    expect(await blobs[0]?.text()).toBe((screen.getByTestId('report-text') as HTMLTextAreaElement).value);
    const json = JSON.parse((await blobs[1]?.text()) ?? '') as { findings: unknown[] };
    expect(json.findings).toHaveLength(1);
    expect(blobs[1]?.type).toBe('application/json');
    click.mockRestore();
  });
});

describe('CalcificationPanel: exam fields, pictures, discard', () => {
  it('edits composition, comparison date and clinical history events', () => {
    const store = testStore(draft);
    const seen = store.revisions;
    render(<PanelHost image={image} store={store} />);
    fireEvent.change(screen.getByLabelText('Breast composition'), { target: { value: 'c' } });
    expect(seen.at(-1)?.composition).toBe('c');
    expect((screen.getByTestId('report-text') as HTMLTextAreaElement).value).toMatch(/heterogeneously dense/i);
    fireEvent.change(screen.getByLabelText('Comparison exam date'), { target: { value: '2024-03-12' } });
    expect(seen.at(-1)?.priorDate).toBe('2024-03-12');
    fireEvent.click(screen.getByRole('button', { name: 'Add event' }));
    fireEvent.change(screen.getByLabelText('Event 1'), { target: { value: 'radiation' } });
    fireEvent.change(screen.getByLabelText('Side of event 1'), { target: { value: 'right' } });
    fireEvent.change(screen.getByLabelText('Date of event 1'), { target: { value: '2019' } });
    fireEvent.change(screen.getByLabelText('Site of event 1'), { target: { value: 'whole breast' } });
    fireEvent.click(screen.getByLabelText('Implants'));
    fireEvent.click(screen.getByLabelText('dermatomyositis'));
    expect(seen.at(-1)?.history).toEqual({
      events: [{ kind: 'radiation', side: 'right', date: '2019', site: 'whole breast' }],
      implants: true,
      injections: false,
      conditions: ['dermatomyositis'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove event 1' }));
    expect(seen.at(-1)?.history.events).toEqual([]);
  });

  it('shows the selected calcification as a zoomed view and a density profile', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    expect(screen.queryByTestId('selected-calcification')).toBeNull();
    fireEvent.click(within(finding()).getByRole('button', { name: /^Calcification 2 of Finding 1/ }));
    const sel = screen.getByTestId('selected-calcification');
    expect(within(sel).getByTestId('zoom-view')).toBeTruthy();
    const plot = within(sel).getByTestId('intensity-profile');
    const points = plot.querySelector('polyline')?.getAttribute('points')?.split(' ') ?? [];
    expect(points).toHaveLength(64);
    // The size reads as the label beside the outline (the core's calcificationSize), in mm at the detector.
    const second = draft.calcifications[1];
    if (second === undefined) throw new Error('the fixture has fewer than two calcifications');
    expect(calcificationSize(second.measurements).label).toMatch(/^0\.\d\d × 0\.\d\d mm \(detector\)$/);
    expect(sel.textContent).toContain(calcificationSize(second.measurements).label);
  });

  it('discards the draft only after confirmation, then tells the host', () => {
    const discard = vi.fn();
    const store = testStore(draft);
    render(<PanelHost image={image} store={store} onDiscard={discard} />);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the draft' }));
    expect(discard).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('finding')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, discard the draft' }));
    expect(discard).toHaveBeenCalledOnce();
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(store.getState().findings).toEqual([]);
    expect(store.getState().revision).toBe(draft.revision + 1);
  });

  it('labels every control', () => {
    render(<PanelHost image={image} store={testStore({ ...draft, history: { events: [{ kind: 'lumpectomy', side: 'right', date: null, site: null }], implants: false, injections: false, conditions: [] } })} />);
    const controls = screen.getByTestId('findings-panel').querySelectorAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(20);
    for (const c of controls) {
      const labelled = (c as HTMLInputElement).labels?.length ?? 0;
      expect(labelled > 0 || c.hasAttribute('aria-label'), c.outerHTML).toBe(true);
    }
  });
});

describe('CalcificationPanel: hostile text', () => {
  it('renders markup from the draft literally and creates no element from it', () => {
    const onerror = vi.fn();
    (window as unknown as { alert: () => void }).alert = onerror;
    const hostile: ExamDraft = {
      ...draft,
      reportText: `Findings: ${HOSTILE}`,
      history: { events: [{ kind: 'lumpectomy', side: 'right', date: null, site: HOSTILE }], implants: false, injections: false, conditions: [] },
      findings: draft.findings.map((f) => ({ ...f, relation: HOSTILE })),
    };
    const { container } = render(<PanelHost image={image} store={testStore(hostile)} />);
    expect(container.querySelector('img')).toBeNull();
    expect((screen.getByTestId('report-text') as HTMLTextAreaElement).value).toBe(`Findings: ${HOSTILE}`);
    expect(screen.getByTestId('changed-line').textContent).toBe(`added: Findings: ${HOSTILE}`);
    expect((screen.getByLabelText('Site of event 1') as HTMLInputElement).value).toBe(HOSTILE);
    expect(within(finding()).getByTestId('wording').textContent).toContain(HOSTILE);
    expect(onerror).not.toHaveBeenCalled();
  });
});

describe('CalcificationPanel: a refused change', () => {
  it('says why the store refused an action and leaves the draft as it was', () => {
    const inner = testStore(draft);
    const refusing = { getState: inner.getState, subscribe: inner.subscribe, dispatch: () => ({ ok: false, error: { kind: 'bad-argument', message: 'the exam is signed' } }) };
    render(<PanelHost image={image} store={refusing} />);
    fireEvent.change(screen.getByLabelText('Breast composition'), { target: { value: 'd' } });
    expect(screen.getByRole('alert').textContent).toBe('Not changed: the exam is signed');
    expect((screen.getByLabelText('Breast composition') as HTMLSelectElement).value).toBe('');
  });
});

describe('CalcificationPanel: what was read about the image', () => {
  const NOTES = 'Notes on the images the findings are measured on';
  const note = 'lossy compressed image (JPEG): fine detail — the faintest calcifications, margins, the smallest sizes — may differ from the original';
  const notedImage = () => ({ ...image, meta: { ...image.meta, warnings: [note] } });
  const notesIn = (el: HTMLElement, name: RegExp | string): string[] => {
    const list = within(el).queryByRole('list', { name });
    return list === null ? [] : within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
  };

  it('states the image\'s notes above the findings, naming the image (the OHIF extension has no viewport notes of its own); the card keeps its own', () => {
    render(<PanelHost image={image} store={testStore(draft)} />);
    const own = notesIn(finding(), /^Notes on Finding 1/);
    expect(screen.queryByRole('list', { name: NOTES })).toBeNull();
    cleanup();
    const noted = notedImage();
    render(<PanelHost image={noted} store={testStore(draftFromPipeline(noted))} />);
    expect(notesIn(screen.getByTestId('findings-panel'), NOTES)).toEqual([`RCC: ${note}`]);
    expect(notesIn(finding(), /^Notes on Finding 1/)).toEqual(own);
  });

  it('states them once however many findings are measured on the image', () => {
    const noted = notedImage();
    const one = draftFromPipeline(noted);
    const first = one.findings[0]!;
    const ids = first.calcificationIds;
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const two = { ...one, findings: [{ ...first, calcificationIds: ids.slice(0, 2) }, { ...first, id: 'finding-2', calcificationIds: ids.slice(2) }] };
    render(<PanelHost image={noted} store={testStore(two)} />);
    const cards = screen.getAllByTestId('finding');
    expect(cards).toHaveLength(2);
    expect(notesIn(screen.getByTestId('findings-panel'), NOTES)).toEqual([`RCC: ${note}`]);
    for (const [i, card] of cards.entries()) expect(notesIn(card, new RegExp(`^Notes on Finding ${i + 1}`)).some((w) => w.includes(note))).toBe(false);
  });
});
