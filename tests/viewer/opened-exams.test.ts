/** Files of several patients or examinations opened together: sorted into examinations, nothing dropped silently. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMammoImage, type ImageMetadata } from '../../src/core/image.js';
import { slotFor } from '../../src/viewer/hanging/hanging.js';
import type { LoadedExam, LoadedImage } from '../../src/viewer/loading/exam.js';
import { examLabel, notHung, openedExams, openedSummary, patientKeyOf } from '../../src/viewer/loading/opened-exams.js';
import { ingestDicom } from '../../src/core/index.js';
import { patientIdentityOf } from '../../src/viewer/loading/patient-identity.js';

function image(fileName: string, who: { id: string | null; name: string | null }, meta: Partial<ImageMetadata>): LoadedImage {
  const m = makeMammoImage({ rows: 1, columns: 1, stored: new Uint16Array(1), calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: '' }, meta: { ...meta, patientName: who.name } }).meta;
  return {
    imageId: `dicomfile:${fileName}`,
    fileName,
    role: 'current',
    slot: slotFor(m.laterality, m.view),
    flips: { flipHorizontal: false, flipVertical: false },
    summary: { key: fileName, rows: 1, columns: 1, meta: m, calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: '' } },
    patient: { id: who.id, name: who.name, birthDate: null },
    reread: () => Promise.reject(new Error('the file is not read again in this test')),
  };
}

const DOE = { id: 'P-1', name: 'DOE^JANE' };
const ROE = { id: 'P-2', name: 'ROE^ANN' };
const fourViews = (prefix: string, who: { id: string | null; name: string | null }, studyDate: string, studyInstanceUid: string): LoadedImage[] =>
  (['CC', 'MLO'] as const).flatMap((view) => (['R', 'L'] as const).map((laterality) => image(`${prefix}-${laterality}${view}.dcm`, who, { laterality, view, studyDate, studyInstanceUid })));

function loaded(images: LoadedImage[]): LoadedExam {
  return { source: 'local files', images: [...images].sort((a, b) => a.fileName.localeCompare(b.fileName)), refused: [{ fileName: 'notes.txt', message: 'not DICOM' }] };
}

describe('openedExams', () => {
  it('two patients, one of them with two examinations: the first patient newest first with her prior, then the other patient', () => {
    const exams = openedExams(loaded([...fourViews('a-2026', DOE, '20260310', '1.1'), ...fourViews('a-2024', DOE, '20240312', '1.0'), ...fourViews('b-2025', ROE, '20250101', '2.1')]));
    expect(exams.map(examLabel)).toEqual(['DOE JANE, 2026-03-10 (4 images), prior 2024-03-12', 'DOE JANE, 2024-03-12 (4 images)', 'ROE ANN, 2025-01-01 (4 images)']);
    const [newest, older, other] = exams;
    expect(newest?.exam.images.filter((i) => i.role === 'current').map((i) => i.fileName)).toEqual(['a-2026-LCC.dcm', 'a-2026-LMLO.dcm', 'a-2026-RCC.dcm', 'a-2026-RMLO.dcm']);
    expect(newest?.exam.images.filter((i) => i.role === 'prior').map((i) => i.fileName)).toEqual(['a-2024-LCC.dcm', 'a-2024-LMLO.dcm', 'a-2024-RCC.dcm', 'a-2024-RMLO.dcm']);
    expect(older?.exam.images.every((i) => i.role === 'current')).toBe(true);
    expect(other?.exam.images.map((i) => i.fileName)).toEqual(['b-2025-LCC.dcm', 'b-2025-LMLO.dcm', 'b-2025-RCC.dcm', 'b-2025-RMLO.dcm']);
    // No other patient's image in an examination; every image in one examination as its own; the refused files kept.
    for (const e of exams) expect(new Set(e.exam.images.map(patientKeyOf)).size).toBe(1);
    expect(exams.flatMap((e) => e.exam.images.filter((i) => i.role === 'current').map((i) => i.fileName)).sort()).toHaveLength(12);
    expect(exams.every((e) => e.exam.refused.length === 1)).toBe(true);
    expect(openedSummary(exams, newest!)).toBe(
      'Opened files of 2 patients (3 examinations): showing DOE JANE, 2026-03-10 with 2024-03-12 as its prior; switch in the list of opened examinations',
    );
  });

  it('an image that keeps its role keeps its identity (a viewport showing it is not reloaded)', () => {
    const images = fourViews('a', DOE, '20260310', '1.1');
    const [e] = openedExams(loaded(images));
    for (const i of e!.exam.images) expect(images).toContain(i);
  });

  it('studies of one patient on one day hang together (a bilateral study split in two); a different name under the same ID is another patient', () => {
    const right = fourViews('s', DOE, '20260310', '1.1').filter((i) => i.summary.meta.laterality === 'R');
    const left = fourViews('t', DOE, '20260310', '1.2').filter((i) => i.summary.meta.laterality === 'L');
    const other = image('u-RCC.dcm', { id: 'P-1', name: 'DOE^JOHN' }, { laterality: 'R', view: 'CC', studyDate: '20260310' });
    const exams = openedExams(loaded([...right, ...left, other]));
    expect(exams.map(examLabel)).toEqual(['DOE JANE, 2026-03-10 (4 images)', 'DOE JOHN, 2026-03-10 (1 image)']);
    expect(openedSummary(exams, exams[0]!)).toMatch(/^Opened files of 2 patients \(2 examinations\)/);
  });

  it('one examination: no summary; names differing only in trailing carets and case are one patient', () => {
    const a = image('a.dcm', { id: 'P-1', name: 'DOE^JANE^^' }, { laterality: 'R', view: 'CC', studyDate: '20260310' });
    const b = image('b.dcm', { id: 'p-1', name: 'doe^jane' }, { laterality: 'L', view: 'CC', studyDate: '20260310' });
    const exams = openedExams(loaded([a, b]));
    expect(exams).toHaveLength(1);
    expect(openedSummary(exams, exams[0]!)).toBeNull();
  });

  it('undated examinations come last, without a prior; an unidentified file is its own patient', () => {
    const dated = image('a.dcm', DOE, { laterality: 'R', view: 'CC', studyDate: '20260310', studyInstanceUid: '1.1' });
    const undated = image('b.dcm', DOE, { laterality: 'R', view: 'CC', studyInstanceUid: '1.0' });
    const nobody = image('c.dcm', { id: null, name: null }, { laterality: 'L', view: 'CC', studyInstanceUid: '9.9' });
    const exams = openedExams(loaded([undated, dated, nobody]));
    expect(exams.map(examLabel)).toEqual(['DOE JANE, 2026-03-10 (1 image)', 'DOE JANE, date unknown (1 image)', 'unnamed patient, date unknown (1 image)']);
    expect(exams[0]?.priorDate).toBeNull();
    expect(openedSummary(exams, exams[0]!)).toBe('Opened files of 2 patients (3 examinations): showing DOE JANE, 2026-03-10; switch in the list of opened examinations');
  });
});

describe('notHung', () => {
  it('names a second image for a position and an image with no hanging position, with the reason', () => {
    const images = [
      image('a-RCC.dcm', DOE, { laterality: 'R', view: 'CC', studyDate: '20260310' }),
      image('b-RCC.dcm', DOE, { laterality: 'R', view: 'CC', studyDate: '20260310' }),
      image('c-spot.dcm', DOE, { laterality: 'R', view: null, studyDate: '20260310' }),
      image('d-LMLO.dcm', DOE, { laterality: 'L', view: 'MLO', studyDate: '20260310' }),
    ];
    expect(notHung(loaded(images))).toEqual([
      { fileName: 'b-RCC.dcm', reason: 'a-RCC.dcm is shown as the RCC' },
      { fileName: 'c-spot.dcm', reason: 'no hanging position for laterality R, view unknown' },
    ]);
  });

  it('a complete screening exam with its prior: everything hung', () => {
    const [e] = openedExams(loaded([...fourViews('a', DOE, '20260310', '1.1'), ...fourViews('b', DOE, '20240312', '1.0')]));
    expect(notHung(e!.exam)).toEqual([]);
  });
});

describe('patientIdentityOf', () => {
  it('takes Patient ID, name and birth date as ingest read them from the sample exam and the GE file', async () => {
    const sample = await ingestDicom(new Uint8Array(await readFile(join(process.cwd(), 'test-data/sample/RCC.dcm'))));
    if (!sample.ok) throw new Error(sample.error.message);
    expect(patientIdentityOf(sample.value.meta)).toEqual({ id: 'PH-SCR-2026', name: 'PHANTOM^SCREENING^A', birthDate: '19651104' });
    const ge = await ingestDicom(new Uint8Array(await readFile(join(process.cwd(), 'test-data/real-mg/ge-senographe-essential-rmlo.dcm'))));
    if (!ge.ok) throw new Error(ge.error.message);
    expect(patientIdentityOf(ge.value.meta)).toMatchObject({ id: '0000000000', name: 'ANON-1234' });
  });
});
