// @vitest-environment jsdom
/**
 * The saved-report banner as the radiologist sees it: who reported and amended when, what of the
 * report could not be read (as text, markup included), the question before a report replaces a
 * draft with work, and the exam's reports in the PACS with an Open button each.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { ReviewBanner } from '../../extensions/calcification/panel/ReviewBanner.js';
import type { SavedReport } from '../../src/core/draft/saved-report.js';

afterEach(() => cleanup());

const report = (sop: string, predecessor: string | null, observerName: string, at: string, warnings: string[] = []): SavedReport => ({
  instance: { sopInstanceUid: sop, seriesInstanceUid: '2.25.9', studyInstanceUid: '2.25.1' },
  predecessor: predecessor === null ? null : { sopInstanceUid: predecessor, seriesInstanceUid: '2.25.9', studyInstanceUid: '2.25.1' },
  observerName,
  contentDateTime: at,
  draft: {} as ExamDraft,
  warnings,
  source: 'report.dcm',
});

const first = report('2.25.10', null, 'Dr Ada Reader^', '2026-03-10T11:30:05Z');
const amended = report('2.25.11', '2.25.10', 'Dr Bo Second^', '2026-03-11T08:00:00Z', ['a member UID names no calcification group: <b>2.25.77</b>']);

describe('the saved-report banner', () => {
  it('shows the report under review, its chain, and what could not be read, as text', () => {
    render(<ReviewBanner review={{ reports: [first, amended], latest: amended, opened: amended }} question={null} onAnswer={() => undefined} />);
    const banner = screen.getByTestId('review-banner');
    expect(banner.textContent).toContain('Saved report under review (opened from report.dcm)');
    expect(within(screen.getByTestId('report-chain')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Reported by Dr Ada Reader at 2026-03-10 11:30:05 UTC',
      'Amended by Dr Bo Second at 2026-03-11 08:00:00 UTC',
    ]);
    const warnings = screen.getByTestId('report-warnings');
    expect(warnings.textContent).toContain('1 part of the report could not be read');
    expect(warnings.textContent).toContain('<b>2.25.77</b>');
    expect(warnings.querySelector('b')).toBeNull();
  });

  it('says "Saved report" (not under review) for a report saved here, and nothing before any report', () => {
    const { rerender } = render(<ReviewBanner review={{ reports: [], latest: null, opened: null }} question={null} onAnswer={() => undefined} />);
    expect(screen.queryByTestId('review-banner')).toBeNull();
    rerender(<ReviewBanner review={{ reports: [first], latest: first, opened: null }} question={null} onAnswer={() => undefined} />);
    expect(screen.getByTestId('review-banner').textContent).toMatch(/^Saved report/);
    expect(screen.getByTestId('review-banner').textContent).not.toContain('under review');
  });

  it('asks before replacing a draft with work, and tells the answer', () => {
    const onAnswer = vi.fn();
    render(<ReviewBanner review={{ reports: [], latest: null, opened: null }} question={{ report: first, examKey: '2.25.1' }} onAnswer={onAnswer} />);
    expect(screen.getByTestId('replace-question').textContent).toContain('Open the saved report of Dr Ada Reader (2026-03-10 11:30:05 UTC) instead?');
    fireEvent.click(screen.getByTestId('keep-draft'));
    fireEvent.click(screen.getByTestId('replace-draft'));
    expect(onAnswer.mock.calls).toEqual([[false], [true]]);
  });

  it('lists the exam\'s reports in the PACS, newest first as given, each with Open', () => {
    const onOpen = vi.fn();
    render(<ReviewBanner review={{ reports: [], latest: null, opened: null }} question={null} onAnswer={() => undefined} inPacs={[amended, first]} onOpen={onOpen} />);
    const items = within(screen.getByTestId('reports-in-pacs')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Dr Bo Second, 2026-03-11 08:00:00 UTC (amendment) Open', 'Dr Ada Reader, 2026-03-10 11:30:05 UTC Open']);
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Open' }));
    expect(onOpen).toHaveBeenCalledWith(first);
  });
});
