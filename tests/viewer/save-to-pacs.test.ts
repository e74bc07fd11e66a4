/**
 * Save to PACS and the saved reports of a study in the PACS, against a real Orthanc with its
 * DICOMweb plugin (tests/pacs/orthanc.ts): a report is stored (progress told to the end), found
 * and read back into the same draft; an amendment is listed first, naming the first report; a
 * PACS that is down gives a clear reason and nothing is stored.
 */
import { createServer } from 'node:net';
import XMLHttpRequest from 'xhr2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import type { LoadedExam } from '../../src/viewer/loading/exam.js';
import { newestFirst } from '../../src/core/report/sr/report-chain.js';
import { reportSr, type ReportSr } from '../../src/viewer/report/report-sr.js';
import { pacsSaveText, storeReport } from '../../src/viewer/report/save-to-pacs.js';
import { reportsInPacs } from '../../src/viewer/report/pacs-reports.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { sampleExamInViewer } from './sample-exam-in-viewer.js';

// dicomweb-client speaks through XMLHttpRequest: the browser's in the viewer, xhr2's here.
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= XMLHttpRequest;

let pacs: OrthancServer;
let draft: ExamDraft;
let exam: LoadedExam;
const STUDY = '2.25.196084383509692032933780948866366418617';

beforeAll(async () => {
  const sample = await sampleExamInViewer();
  ({ draft, exam } = sample);
  pacs = await startOrthanc();
  for (const f of sample.files) {
    const r = await fetch(`${pacs.baseUrl}/instances`, { method: 'POST', body: Buffer.from(f.bytes) });
    if (!r.ok) throw new Error(`${f.name} not stored in Orthanc: ${r.status}`);
  }
}, 180_000);

afterAll(async () => {
  await pacs?.stop();
});

let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;

async function sr(d: ExamDraft, reader: string, predecessor: ReportSr['stamp']['instance'] | null, now: Date): Promise<ReportSr> {
  const r = await reportSr({ draft: d, exam, reader, predecessor, now, newUuid: uuid });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('Save to PACS', () => {
  let first: ReportSr;

  it('stores the report, telling the progress to the end; the study then lists it and it reads back into the same draft', async () => {
    first = await sr(draft, 'Dr Ada Reader', null, new Date(Date.UTC(2026, 2, 10, 11, 30, 5)));
    const progress: [number, number][] = [];
    const r = await storeReport({ url: pacs.dicomWebUrl }, first, (a, b) => progress.push([a, b]));
    expect(r).toEqual({ ok: true, value: undefined });
    expect(progress[0]).toEqual([0, first.bytes.length]);
    expect(progress.at(-1)).toEqual([first.bytes.length, first.bytes.length]);
    const found = await reportsInPacs({ url: pacs.dicomWebUrl }, 'the test PACS', STUDY);
    expect(found.problems).toEqual([]);
    expect(found.reports).toHaveLength(1);
    expect(found.reports[0]?.draft).toEqual({ ...draft, indication: draft.indication ?? null });
    expect(found.reports[0]?.instance).toEqual(first.stamp.instance);
    expect(found.reports[0]?.source).toBe('the PACS (the test PACS)');
  });

  it('an amendment is a second report naming the first, listed first (newest)', async () => {
    const edited = { ...draft, reportText: 'Amended by the second reader.' };
    const second = await sr(edited, 'Dr Bo Second', first.stamp.instance, new Date(Date.UTC(2026, 2, 11, 8, 0, 0)));
    expect((await storeReport({ url: pacs.dicomWebUrl }, second, () => undefined)).ok).toBe(true);
    const found = await reportsInPacs({ url: pacs.dicomWebUrl }, 'the test PACS', STUDY);
    const [latest, earlier] = newestFirst(found.reports);
    expect(found.reports).toHaveLength(2);
    expect(latest?.instance).toEqual(second.stamp.instance);
    expect(latest?.predecessor).toEqual(first.stamp.instance);
    expect(latest?.observerName).toBe('Dr Bo Second^');
    expect(latest?.draft.reportText).toBe('Amended by the second reader.');
    expect(earlier?.instance).toEqual(first.stamp.instance);
  });

  it('a PACS that is down: not stored, with the reason; listing says it could not list', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
      });
    });
    const down = { url: `http://127.0.0.1:${port}/dicom-web`, timeoutMs: 5000 };
    const again = await sr(draft, 'Dr Ada Reader', null, new Date());
    const r = await storeReport(down, again, () => undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.length).toBeGreaterThan(10);
      expect(pacsSaveText({ kind: 'failed', reason: r.error.message }, 'the PACS')).toMatch(/^NOT stored in the PACS: .+Your draft is kept: save again to retry\.$/);
    }
    const listed = await reportsInPacs(down, 'the PACS', STUDY);
    expect(listed.reports).toEqual([]);
    expect(listed.problems).toEqual([expect.stringMatching(/^The saved reports of this study could not be listed: /)]);
  });
});

describe('what the button says', () => {
  it('shows the progress, then stored', () => {
    expect(pacsSaveText({ kind: 'saving', sentBytes: 50, totalBytes: 200 }, 'Orthanc')).toBe('Saving to Orthanc… 25 %');
    expect(pacsSaveText({ kind: 'stored', sopInstanceUid: '2.25.1' }, 'Orthanc')).toBe('Stored in Orthanc');
    expect(pacsSaveText({ kind: 'idle' }, 'Orthanc')).toBe('');
  });
});
