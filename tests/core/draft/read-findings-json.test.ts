/**
 * The report JSON (`exam --json`) carries its draft, and the draft read back from it gives the
 * same report, byte for byte; a JSON changed by hand or broken is refused naming what is wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { examReportJson, readFindingsJson, type ExamDraft } from '../../../src/core/draft/index.js';
import { srHeaderFromDraft } from '../../../src/core/report/sr/index.js';
import { loadSampleExam } from '../report/sr/sample-exam-sr.js';

let draft: ExamDraft;
let json: string;

beforeAll(async () => {
  draft = (await loadSampleExam()).draft;
  json = examReportJson(draft);
}, 120_000);

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const edited = (change: (doc: Doc) => void): string => {
  const doc = JSON.parse(json) as Doc;
  change(doc);
  return JSON.stringify(doc);
};
const refusal = (text: string): string => {
  const r = readFindingsJson(text);
  if (r.ok) throw new Error('read, but should have been refused');
  return r.error.message;
};

describe('the draft in the report JSON', () => {
  it('gives back a draft whose report is the same bytes, every calcification with its outline', () => {
    const r = readFindingsJson(json);
    if (!r.ok) throw new Error(r.error.message);
    expect(examReportJson(r.value)).toBe(json);
    expect(r.value.calcifications.length).toBe(draft.calcifications.length);
    expect(r.value.calcifications.map((c) => c.measurements.longAxis.mm).sort()).toEqual(draft.calcifications.map((c) => c.measurements.longAxis.mm).sort());
    expect(r.value.findings.map((f) => f.id)).toEqual(r.value.findings.map((_, i) => `f${i + 1}`));
  });

  it('names each image by its SOP Instance UID and keeps its header, so the SR header needs nothing else', () => {
    const r = readFindingsJson(json);
    if (!r.ok) throw new Error(r.error.message);
    for (const image of r.value.images) expect(image.imageId).toBe(image.dicom?.sopInstanceUid);
    const header = srHeaderFromDraft(r.value);
    if (!header.ok) throw new Error(header.error.message);
    // The sample's own header (dcmdump test-data/sample/RCC.dcm).
    expect(header.value).toMatchObject({ patientName: 'PHANTOM^SCREENING^A', patientId: 'PH-SCR-2026', patientSex: 'F', studyDate: '20260310', studyTime: '091500', accessionNumber: 'SCR2026C', studyId: 'SCR2026C', referringPhysicianName: null });
    expect(Object.keys(header.value.images).sort()).toEqual(r.value.images.map((i) => i.imageId).sort());
  });

  it('refuses a size, a count or a category changed by hand, naming the field', () => {
    expect(refusal(edited((d) => (d.findings[0].size.max = 0.2)))).toMatch(/changed by hand\?\): findings\[0\]\.size\.max is 0\.2 where the draft gives/);
    expect(refusal(edited((d) => (d.findings[1].count = 40)))).toMatch(/findings\[1\]\.count is 40/);
    expect(refusal(edited((d) => (d.findings[0].suggestion.assessment = '5')))).toMatch(/findings\[0\]\.suggestion\.assessment/);
    // Measurements changed in the draft no longer give the report beside it.
    const grown = edited((d) => {
      for (const c of d.draft.calcifications) c.measurements.longAxis.mm = 9.5;
    });
    expect(refusal(grown)).toMatch(/does not match its draft \(changed by hand\?\): findings\[\d\]\.size\.m(in|ax)/);
  });

  it('refuses broken or foreign JSON with one clear reason', () => {
    expect(refusal('{"findings": [')).toMatch(/^not valid JSON/);
    expect(refusal('[1, 2]')).toMatch(/not an object/);
    expect(refusal(edited((d) => delete d.draft))).toMatch(/no "draft" \(write it with `calcscribe exam --json` or `analyze --json` of this version\)/);
    expect(refusal(edited((d) => (d.draft.calcifications[0].contour = 'none')))).toMatch(/the report's draft: calcifications\[0\]\.contour is not a list of points/);
    expect(refusal(edited((d) => (d.draft.findings[0].calcificationIds = ['c999'])))).toMatch(/names calcification c999, which is not in the draft/);
    expect(refusal(edited((d) => (d.draft.images[0].dicom.sopInstanceUid = 7)))).toMatch(/images\[0\]\.dicom\.sopInstanceUid is not text or null/);
    expect(refusal(edited((d) => (d.draft.schema = 'calcscribe-exam-draft/9')))).toMatch(/saved as calcscribe-exam-draft\/9/);
  });
});
