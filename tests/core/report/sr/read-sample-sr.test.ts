/** The sample exam's SR read back: the same draft, the observer, the time and the predecessor. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDraftAction, type DraftAction, type ExamDraft } from '../../../../src/core/draft/index.js';
import { dciodvfy } from '../../../test-data/dicom-tools.js';
import { ACCEPTED_WARNINGS, dsrdump } from './sr-tree.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10 } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';

let sample: SampleExam;
const dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-read-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function applied(draft: ExamDraft, actions: readonly DraftAction[]): ExamDraft {
  return actions.reduce((d, a) => {
    const r = applyDraftAction(d, a);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }, draft);
}

beforeAll(async () => {
  sample = await loadSampleExam();
}, 120_000);

function written(draft = sample.draft, options = fixedOptions()): Uint8Array {
  const sr = buildCalcificationSr(draft, sample.header, options);
  if (!sr.ok) throw new Error(sr.error.message);
  return writeSrPart10(sr.value);
}

describe('readCalcificationSr on the sample exam', () => {
  it('gives back the draft it was written from, with no warning', () => {
    const r = readCalcificationSr(written());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.draft).toEqual({ ...sample.draft, indication: sample.draft.indication ?? null });
  });

  it('says who reported and when, and which SR it amends', () => {
    const predecessor = { sopInstanceUid: '2.25.777', seriesInstanceUid: '2.25.778', studyInstanceUid: sample.header.studyInstanceUid };
    const r = readCalcificationSr(written(sample.draft, fixedOptions({ predecessor })));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.observer).toEqual({ name: 'Dr Ada Reader^', device: 'calcscribe' });
    expect(r.value.contentDateTime).toBe('2026-03-10T11:30:05Z');
    expect(r.value.predecessor).toEqual(predecessor);
    expect(r.value.instance).toEqual({ sopInstanceUid: '2.25.900001', seriesInstanceUid: '2.25.900002', studyInstanceUid: sample.header.studyInstanceUid });
  });

  it('keeps the radiologist\'s text, non-Latin and markup included, as text', () => {
    const text = 'Impression: <b>probably benign</b> &amp; "stable" — 良性, доброкачественный\nSecond line';
    const r0 = applyDraftAction(sample.draft, { type: 'editReportText', text });
    if (!r0.ok) throw new Error(r0.error.message);
    const edited = r0.value;
    const r = readCalcificationSr(written(edited));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.draft.reportText).toBe(text);
    expect(r.value.draft).toEqual({ ...edited, indication: edited.indication ?? null });
  });

  it('carries every private record (change before an override, exact nipple markers, texts ending in spaces) through dciodvfy and dsrdump and back', () => {
    const [f1, f2] = sample.draft.findings;
    const image = sample.draft.images[0];
    if (f1 === undefined || f2 === undefined || image === undefined) throw new Error('the sample has two findings and images');
    const draft = applied(sample.draft, [
      { type: 'overrideTerms', findingId: f1.id, overrides: { change: { kind: 'increased' } } },
      { type: 'setRelation', findingId: f2.id, relation: 'near the scar  ' },
      { type: 'placeNipple', imageId: image.imageId, point: { x: 1234.5678901234, y: 987.654321 } as ExamDraft['nippleMarkers'][string] },
      { type: 'editReportText', text: 'Impression: stable. \\ see prior  ' },
    ]);
    const path = join(dir, 'records.dcm');
    writeFileSync(path, written(draft));
    const report = dciodvfy(path);
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => !ACCEPTED_WARNINGS.some((a) => a.test(w)))).toEqual([]);
    const dump = dsrdump(path);
    expect(dump.problems).toEqual([]);
    const r = readCalcificationSr(written(draft));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.draft).toEqual({ ...draft, indication: draft.indication ?? null });
  });
});

