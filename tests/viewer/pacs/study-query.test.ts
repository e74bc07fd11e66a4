import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, studyQueryOf } from '../../../src/viewer/pacs/study-query.js';

describe('the PACS search form as a study query', () => {
  it('passes the criteria given, trimmed, and leaves out the empty ones', () => {
    const r = studyQueryOf({ ...EMPTY_SEARCH, patientId: ' PH-SCR-2026 ', patientName: 'PHANTOM^*' });
    expect(r).toEqual({ ok: true, value: { patientId: 'PH-SCR-2026', patientName: 'PHANTOM^*' } });
  });

  it('turns the date inputs into a DICOM date range, open at either end', () => {
    expect(studyQueryOf({ ...EMPTY_SEARCH, dateFrom: '2024-03-01', dateTo: '2026-03-31' })).toEqual({ ok: true, value: { studyDateFrom: '20240301', studyDateTo: '20260331' } });
    expect(studyQueryOf({ ...EMPTY_SEARCH, dateFrom: '2024-03-01' })).toEqual({ ok: true, value: { studyDateFrom: '20240301' } });
    expect(studyQueryOf({ ...EMPTY_SEARCH, accessionNumber: 'SCR2026C', dateTo: '2026-03-10' })).toEqual({ ok: true, value: { accessionNumber: 'SCR2026C', studyDateTo: '20260310' } });
  });

  it('refuses an empty search (it would list every study on the PACS)', () => {
    const r = studyQueryOf({ ...EMPTY_SEARCH, patientId: '   ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/patient ID, a patient name, an accession number or a study date/);
  });

  it('refuses a date that is not a calendar date, and a range that ends before it starts', () => {
    const bad = studyQueryOf({ ...EMPTY_SEARCH, dateFrom: '2026-02-30' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('the first study date 2026-02-30 is not a date');
    const reversed = studyQueryOf({ ...EMPTY_SEARCH, dateFrom: '2026-03-10', dateTo: '2024-03-12' });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.message).toBe('the first study date is after the last');
  });

  it('refuses a backslash, which DICOM reads as a second value', () => {
    const r = studyQueryOf({ ...EMPTY_SEARCH, patientId: 'A\\B' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Patient ID cannot contain a backslash');
  });
});
