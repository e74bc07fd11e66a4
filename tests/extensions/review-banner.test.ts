/** The words of the saved-report banner, and the reader's name setting. */
import { describe, expect, it } from 'vitest';
import type { SavedReportStamp } from '../../src/core/report/sr/report-chain.js';
import { reportTimeText, reviewChainLines } from '../../extensions/calcification/panel/review-banner.js';
import { READER_NAME_KEY, readerName, setReaderName } from '../../extensions/calcification/panel/reader-name.js';

const stamp = (sop: string, predecessor: string | null, observerName: string | null, contentDateTime: string | null): SavedReportStamp => ({
  instance: { sopInstanceUid: sop, seriesInstanceUid: '2.25.9', studyInstanceUid: '2.25.1' },
  predecessor: predecessor === null ? null : { sopInstanceUid: predecessor, seriesInstanceUid: '2.25.9', studyInstanceUid: '2.25.1' },
  observerName,
  contentDateTime,
});

describe('the saved-report banner', () => {
  it('says who reported and when, then each amendment, oldest first', () => {
    const a = stamp('2.25.10', null, 'Dr Ada Reader^', '2026-03-10T11:30:05Z');
    const b = stamp('2.25.11', '2.25.10', 'Dr Bo Second^', '2026-03-11T08:00:00Z');
    expect(reviewChainLines(b, [a, b])).toEqual(['Reported by Dr Ada Reader at 2026-03-10 11:30:05 UTC', 'Amended by Dr Bo Second at 2026-03-11 08:00:00 UTC']);
  });

  it('says when the report amends one not opened here, and when the reader or the time is unknown', () => {
    const b = stamp('2.25.11', '2.25.10', null, null);
    expect(reviewChainLines(b, [b])).toEqual(['Amends an earlier report not opened here (SOP Instance UID 2.25.10)', 'Amended by an unnamed reader at an unknown time']);
  });

  it('writes times as the SR gives them: UTC, an offset, or a date alone', () => {
    expect(reportTimeText('2026-03-10T11:30:05Z')).toBe('2026-03-10 11:30:05 UTC');
    expect(reportTimeText('2026-03-10T12:30:05+01:00')).toBe('2026-03-10 12:30:05 (UTC+01:00)');
    expect(reportTimeText('2026-03-10T11:30:05')).toBe('2026-03-10 11:30:05');
    expect(reportTimeText('2026-03-10')).toBe('2026-03-10');
  });
});

describe("the reader's name", () => {
  it('is kept in the browser, trimmed, and empty when none is set or the storage refuses', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(readerName(storage)).toBe('');
    expect(setReaderName('  Dr Ada Reader ', storage)).toBe(true);
    expect(m.get(READER_NAME_KEY)).toBe('Dr Ada Reader');
    expect(readerName(storage)).toBe('Dr Ada Reader');
    const refusing = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: (): void => {
        throw new Error('quota');
      },
    };
    expect(readerName(refusing)).toBe('');
    expect(setReaderName('x', refusing)).toBe(false);
  });
});
