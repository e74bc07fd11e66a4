/**
 * A saved report in the viewer: the draft on screen written as an SR the way every save makes it
 * (reportSr), read back (readSavedReport) into the same draft with who reported and when, checked
 * against the exam on screen, and put in place as the next revision.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import type { LoadedExam } from '../../src/viewer/loading/exam.js';
import { reportSr } from '../../src/viewer/report/report-sr.js';
import { isReportFile } from '../../src/viewer/report/report-files.js';
import { draftFromReport, draftHasWork, draftIsReport, readSavedReport, reportFitsExam, savedReportsAmong, type ListedInstance } from '../../src/core/draft/saved-report.js';
import { err, ok } from '../../src/core/result.js';
import { sampleExamInViewer, SAMPLE_DIR } from './sample-exam-in-viewer.js';

const sampleDir = SAMPLE_DIR;
let draft: ExamDraft;
let exam: LoadedExam;

beforeAll(async () => {
  ({ draft, exam } = await sampleExamInViewer());
}, 120_000);

let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
const at = new Date(Date.UTC(2026, 2, 10, 11, 30, 5));

async function saved(d: ExamDraft, reader: string, predecessor: Parameters<typeof reportSr>[0]['predecessor'] = null, now = at) {
  const r = await reportSr({ draft: d, exam, reader, predecessor, now, newUuid: uuid });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a report saved from the viewer and opened again', () => {
  it('gives back the draft on screen, who reported and when', async () => {
    expect(draft.calcifications.length).toBeGreaterThan(0);
    const sr = await saved(draft, '  Dr Ada Reader ');
    expect(isReportFile(sr.bytes)).toBe(true);
    const r = await readSavedReport(sr.bytes, 'report.dcm');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.draft).toEqual({ ...draft, indication: draft.indication ?? null });
    expect(r.value.observerName).toBe('Dr Ada Reader^');
    expect(r.value.contentDateTime).toBe('2026-03-10T11:30:05Z');
    expect(r.value.predecessor).toBeNull();
    // What the save says of itself is what the file says.
    expect(r.value.instance).toEqual(sr.stamp.instance);
    expect(sr.stamp).toMatchObject({ observerName: 'Dr Ada Reader', contentDateTime: '2026-03-10T11:30:05Z', predecessor: null });
  });

  it('a draft restored from an older autosave, without its images\' headers, saves the same report (headers from the loaded images)', async () => {
    const bare: ExamDraft = { ...draft, images: draft.images.map(({ dicom: _kept, ...image }) => image) };
    expect(bare.images.every((i) => i.dicom === undefined)).toBe(true);
    const withKept = await readSavedReport((await saved(draft, 'Dr Ada Reader')).bytes, 'kept.dcm');
    const fromLoaded = await readSavedReport((await saved(bare, 'Dr Ada Reader')).bytes, 'loaded.dcm');
    if (!withKept.ok || !fromLoaded.ok) throw new Error('a saved report could not be read back');
    expect(fromLoaded.value.draft).toEqual(withKept.value.draft);
    expect(fromLoaded.value.instance.studyInstanceUid).toBe(withKept.value.instance.studyInstanceUid);
  });

  it('an amendment is a new instance naming the report it amends, by the second reader', async () => {
    const first = await saved(draft, 'Dr Ada Reader');
    const edited = { ...draft, reportText: 'Amended: grouped amorphous calcifications, BI-RADS 4B.' };
    const second = await saved(edited, 'Dr Bo Second', first.stamp.instance, new Date(Date.UTC(2026, 2, 11, 8, 0, 0)));
    expect(second.stamp.instance.sopInstanceUid).not.toBe(first.stamp.instance.sopInstanceUid);
    const r = await readSavedReport(second.bytes, 'amended.dcm');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.predecessor).toEqual(first.stamp.instance);
    expect(r.value.observerName).toBe('Dr Bo Second^');
    expect(r.value.draft.reportText).toBe(edited.reportText);
  });

  it('is not saved without the reader\'s name', async () => {
    const r = await reportSr({ draft, exam, reader: '   ', predecessor: null, now: at, newUuid: uuid });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/reader's name/);
  });
});

describe('a report checked against the exam on screen', () => {
  it('fits its own exam, and is put in place as a revision after the one on screen', async () => {
    const r = await readSavedReport((await saved(draft, 'Dr Ada Reader')).bytes, 'report.dcm');
    if (!r.ok) throw new Error(r.error.message);
    const onScreen = { ...draft, calcifications: [], findings: [], reportText: null, revision: draft.revision + 40 };
    expect(reportFitsExam(r.value, onScreen)).toEqual({ ok: true, value: undefined });
    const placed = draftFromReport(r.value, onScreen);
    expect(placed.revision).toBe(draft.revision + 41);
    expect({ ...placed, revision: 0 }).toEqual({ ...r.value.draft, revision: 0 });
  });

  it('refuses a report of another exam, and one outlining images that are not open', async () => {
    const r = await readSavedReport((await saved(draft, 'Dr Ada Reader')).bytes, 'report.dcm');
    if (!r.ok) throw new Error(r.error.message);
    const other = reportFitsExam(r.value, { ...draft, examKey: '2.25.999' });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toMatch(/report\.dcm reports another examination/);
    const withoutImage = reportFitsExam(r.value, { ...draft, images: draft.images.filter((i) => i.imageId !== draft.calcifications[0]?.imageId) });
    expect(withoutImage.ok).toBe(false);
    if (!withoutImage.ok) expect(withoutImage.error.message).toMatch(/not open here/);
  });

  it('asks before replacing a draft with work only: the exam context alone is not work', () => {
    const blank = { ...draft, calcifications: [], findings: [], reportText: null, nippleMarkers: {} };
    expect(draftHasWork(blank)).toBe(false);
    expect(draftHasWork({ ...blank, composition: 'c' as const })).toBe(false);
    expect(draftHasWork(draft)).toBe(true);
    expect(draftHasWork({ ...blank, reportText: 'typed' })).toBe(true);
  });
});

describe('files that are not calcscribe reports', () => {
  it('a mammogram is not a report file, and a broken or foreign SR is refused with the reason and the file name', async () => {
    const mammogram = new Uint8Array(readFileSync(new URL('RCC.dcm', sampleDir)));
    expect(isReportFile(mammogram)).toBe(false);
    expect(isReportFile(new TextEncoder().encode('not DICOM at all'))).toBe(false);
    const bytes = (await saved(draft, 'Dr Ada Reader')).bytes;
    const cut = bytes.slice(0, Math.floor(bytes.length / 3));
    expect(isReportFile(cut)).toBe(true);
    const r = await readSavedReport(cut, 'cut.dcm');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^cut\.dcm is not a report calcscribe can open: /);
    const m = await readSavedReport(mammogram, 'RCC.dcm');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error.message).toMatch(/RCC\.dcm is not a report calcscribe can open: not a Comprehensive SR/);
  });
});

describe('a report already on screen', () => {
  it('is recognised whatever the order of its fields and its revision, and any change makes it another draft', async () => {
    const r = await readSavedReport((await saved(draft, 'Dr Ada Reader')).bytes, 'report.dcm');
    if (!r.ok) throw new Error(r.error.message);
    const reordered = Object.fromEntries(Object.entries(draftFromReport(r.value, draft)).reverse()) as unknown as ExamDraft;
    expect(draftIsReport(reordered, r.value)).toBe(true);
    expect(draftIsReport({ ...reordered, reportText: 'changed' }, r.value)).toBe(false);
    expect(draftIsReport({ ...reordered, calcifications: reordered.calcifications.slice(1) }, r.value)).toBe(false);
  });
});

describe('the reports among a study\'s instances (savedReportsAmong: the viewer\'s and the OHIF panel\'s look-up in the PACS)', () => {
  it('retrieves and reads each Comprehensive SR only; one that cannot be retrieved or is not a calcscribe report is said, not opened', async () => {
    const sr = await saved(draft, 'Dr Ada Reader');
    const SR = '1.2.840.10008.5.1.4.1.1.88.33';
    const listed: ListedInstance[] = [
      { seriesInstanceUid: '1.2.3', sopInstanceUid: '1.2.3.1', sopClassUid: '1.2.840.10008.5.1.4.1.1.1.2' },
      { seriesInstanceUid: '1.2.4', sopInstanceUid: '1.2.4.1', sopClassUid: SR },
      { seriesInstanceUid: '1.2.4', sopInstanceUid: '1.2.4.2', sopClassUid: SR },
      { seriesInstanceUid: '1.2.4', sopInstanceUid: '1.2.4.3', sopClassUid: SR },
    ];
    const asked: string[] = [];
    const found = await savedReportsAmong(
      listed,
      async (i) => {
        asked.push(i.sopInstanceUid);
        if (i.sopInstanceUid === '1.2.4.1') return ok(sr.bytes);
        if (i.sopInstanceUid === '1.2.4.2') return err('not-stored', 'the server answered HTTP 503 Service Unavailable');
        return ok(new TextEncoder().encode('<html>not a report</html>'));
      },
      'the PACS (test)',
    );
    expect(asked).toEqual(['1.2.4.1', '1.2.4.2', '1.2.4.3']);
    expect(found.reports.map((r) => [r.source, r.observerName])).toEqual([['the PACS (test)', 'Dr Ada Reader^']]);
    expect(found.problems).toEqual([
      'Report 1.2.4.2 could not be retrieved from the PACS (test): the server answered HTTP 503 Service Unavailable.',
      expect.stringMatching(/^Report 1\.2\.4\.3: the PACS \(test\) is not a report calcscribe can open: .+\.$/),
    ]);
  });
});
