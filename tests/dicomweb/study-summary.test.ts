/**
 * QIDO-RS study answers → StudySummary: what a real server sends, and what a broken or hostile
 * one might (garbage entries, missing tags, wrong VRs, huge strings, markup, control characters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirst, parseStudies, studyQueryParams, type StudySummary } from '../../src/dicomweb/index.js';

/** Study attributes as Orthanc 1.12 answers them (keys in upper-case hex, IS as numbers). */
const ORTHANC_STUDY = {
  '00080005': { vr: 'CS', Value: ['ISO_IR 100'] },
  '00080020': { vr: 'DA', Value: ['20260310'] },
  '00080030': { vr: 'TM', Value: ['091500'] },
  '00080050': { vr: 'SH', Value: ['SCR2026C'] },
  '00080061': { vr: 'CS', Value: ['MG', 'SR'] },
  '00080090': { vr: 'PN' },
  '00081030': { vr: 'LO', Value: ['MAMMO SCREENING BILATERAL'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'PHANTOM^SCREENING^A' }] },
  '00100020': { vr: 'LO', Value: ['PH-SCR-2026'] },
  '0020000D': { vr: 'UI', Value: ['2.25.196084383509692032933780948866366418617'] },
  '00201208': { vr: 'IS', Value: [4] },
};

describe('study search answer → StudySummary', () => {
  it('reads every field of a real answer', () => {
    const r = parseStudies([ORTHANC_STUDY]);
    expect(r).toEqual({
      ok: true,
      value: [
        {
          studyInstanceUid: '2.25.196084383509692032933780948866366418617',
          patientId: 'PH-SCR-2026',
          patientName: 'PHANTOM^SCREENING^A',
          accessionNumber: 'SCR2026C',
          studyDate: '20260310',
          studyTime: '091500',
          studyDescription: 'MAMMO SCREENING BILATERAL',
          modalities: ['MG', 'SR'],
          numberOfInstances: 4,
        },
      ],
    });
  });

  it('reads lower-case tags and IS given as a string', () => {
    const lower = Object.fromEntries(Object.entries(ORTHANC_STUDY).map(([k, v]) => [k.toLowerCase(), v]));
    const r = parseStudies([{ ...lower, '00201208': { vr: 'IS', Value: ['12'] } }]);
    expect(r.ok && r.value[0]).toMatchObject({ studyInstanceUid: '2.25.196084383509692032933780948866366418617', numberOfInstances: 12 });
  });

  it('an empty answer is no studies', () => {
    expect(parseStudies([])).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['not JSON (null)', null, /not JSON/],
    ['an object', { '0020000D': {} }, /expected a JSON array, got an object/],
    ['a string', 'Internal error', /got a string/],
    ['an array with a number', [ORTHANC_STUDY, 42], /entry 2 of 2 is a number/],
    ['an array with null', [null], /entry 1 of 1 is an answer that is not JSON/],
    ['an array of arrays', [[ORTHANC_STUDY]], /entry 1 of 1 is an array of 1/],
  ])('refuses an answer that is %s as malformed', (_name, json, message) => {
    const r = parseStudies(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('malformed');
      expect(r.error.message).toMatch(message);
    }
  });

  it('missing tags and wrong VRs give empty values, not a failure', () => {
    const r = parseStudies([
      {},
      {
        '00100010': { vr: 'PN', Value: ['DOE^JANE'] }, // a PN given as a plain string: read as text
        '00100020': { vr: 'LO', Value: [12345] }, // a number where text belongs
        '00080020': { vr: 'DA', Value: ['2026-03-10'] }, // not DA format
        '00080030': { vr: 'TM', Value: ['noon'] },
        '00080061': { vr: 'CS', Value: 'MG' }, // Value not an array
        '00201208': { vr: 'IS', Value: [-3] },
        '0020000D': { vr: 'UI', Value: [{ Alphabetic: 'x' }] },
      },
      { '00080020': { vr: 'DA', Value: ['20250231'] }, '00201208': { vr: 'IS', Value: ['1e3'] } }, // 31 February; IS not an integer
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const empty: StudySummary = {
      studyInstanceUid: '',
      patientId: '',
      patientName: '',
      accessionNumber: '',
      studyDate: '',
      studyTime: '',
      studyDescription: '',
      modalities: [],
      numberOfInstances: null,
    };
    expect(r.value[0]).toEqual(empty);
    expect(r.value[1]).toEqual({ ...empty, patientName: 'DOE^JANE' });
    expect(r.value[2]).toEqual(empty);
  });

  it('keeps hostile text as data: control characters removed, markup kept literally, huge values clipped', () => {
    const huge = 'A'.repeat(5_000_000);
    const r = parseStudies([
      {
        '00100010': { vr: 'PN', Value: [{ Alphabetic: '<img src=x onerror=alert(1)>\u001b[31mRED\u0007' }] },
        '00081030': { vr: 'LO', Value: [huge] },
        '0020000D': { vr: 'UI', Value: [`../../${'9'.repeat(1000)}`] },
        '00080061': { vr: 'CS', Value: Array.from({ length: 100_000 }, () => 'MG') },
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value[0]!;
    expect(s.patientName).toBe('<img src=x onerror=alert(1)>[31mRED');
    expect(s.studyDescription.length).toBe(256);
    expect(s.studyDescription.endsWith('…')).toBe(true);
    expect(s.studyInstanceUid.length).toBeLessThanOrEqual(128);
    expect(s.studyInstanceUid.startsWith('../../')).toBe(true); // kept as data; listInstances refuses it
    expect(s.modalities.length).toBe(32);
  });

  it('never throws and never returns values of the wrong type, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.dictionary(fc.constantFrom('0020000D', '00100010', '00080020', '00080061', '00201208', '00080030'), fc.jsonValue())), (anything, datasets) => {
        for (const input of [anything, datasets, datasets.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, { vr: 'XX', Value: [v] }])))]) {
          const r = parseStudies(input);
          if (!r.ok) {
            expect(r.error.kind).toBe('malformed');
            continue;
          }
          for (const s of r.value) {
            for (const key of ['studyInstanceUid', 'patientId', 'patientName', 'accessionNumber', 'studyTime', 'studyDescription'] as const) expect(typeof s[key]).toBe('string');
            expect(s.studyDate).toMatch(/^(\d{8})?$/);
            expect(s.numberOfInstances === null || Number.isSafeInteger(s.numberOfInstances)).toBe(true);
            expect(s.modalities.every((m) => typeof m === 'string')).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('study query → QIDO-RS parameters', () => {
  it('maps every field, a date range, and asks for the description, modalities and instance count', () => {
    const r = studyQueryParams({ patientId: 'PH-1', patientName: 'DOE^J*', accessionNumber: 'A1', studyDateFrom: '20240101', studyDateTo: '20261231', modality: 'MG', limit: 50 });
    expect(r).toEqual({
      ok: true,
      value: {
        '00100020': 'PH-1',
        '00100010': 'DOE^J*',
        '00080050': 'A1',
        '00080061': 'MG',
        '00080020': '20240101-20261231',
        limit: '50',
        includefield: '00081030,00080061,00201208',
      },
    });
  });

  it('an open-ended range and a single day', () => {
    expect(studyQueryParams({ studyDateTo: '20260310' }).ok && (studyQueryParams({ studyDateTo: '20260310' }) as { value: Record<string, string> }).value['00080020']).toBe('-20260310');
    expect((studyQueryParams({ studyDateFrom: '20260310' }) as { value: Record<string, string> }).value['00080020']).toBe('20260310-');
    expect((studyQueryParams({ studyDateFrom: '20260310', studyDateTo: '20260310' }) as { value: Record<string, string> }).value['00080020']).toBe('20260310');
  });

  it.each([
    [{ studyDateFrom: '2026-03-10' }, /not a date YYYYMMDD/],
    [{ studyDateFrom: '20260230' }, /not a date YYYYMMDD/],
    [{ studyDateFrom: '20260310', studyDateTo: '20250101' }, /is after/],
    [{ patientId: 'A\u0000B' }, /control character/],
    [{ patientName: 'X'.repeat(65) }, /longer than 64/],
    [{ limit: 0 }, /limit/],
  ])('refuses %j before sending anything', (query, message) => {
    const r = studyQueryParams(query);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-request');
      expect(r.error.message).toMatch(message);
    }
  });
});

describe('newest first', () => {
  it('orders by date then time, undated last', () => {
    const s = (studyInstanceUid: string, studyDate: string, studyTime: string): StudySummary => ({
      studyInstanceUid,
      patientId: '',
      patientName: '',
      accessionNumber: '',
      studyDate,
      studyTime,
      studyDescription: '',
      modalities: [],
      numberOfInstances: null,
    });
    const sorted = [s('a', '20240312', '0915'), s('b', '', ''), s('c', '20260310', '091500'), s('d', '20260310', '14'), s('e', '20220101', '')].sort(newestFirst);
    expect(sorted.map((x) => x.studyInstanceUid)).toEqual(['d', 'c', 'a', 'e', 'b']);
  });
});
