/**
 * The sample exam as the viewer holds it: the draft of annotations.json with its images named by
 * SOP Instance UID (draftIdOf), and the loaded images as far as a save reads them (file name, role, header).
 */
import { readFileSync } from 'node:fs';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { ingestDicom } from '../../src/core/index.js';
import type { LoadedExam } from '../../src/viewer/loading/exam.js';
import { loadSampleExam } from '../core/report/sr/sample-exam-sr.js';

export const SAMPLE_DIR = new URL('../../test-data/sample/', import.meta.url);

export async function sampleExamInViewer(): Promise<{ draft: ExamDraft; exam: LoadedExam; files: { name: string; bytes: Uint8Array }[] }> {
  const sample = await loadSampleExam();
  const desc = JSON.parse(readFileSync(new URL('exam.json', SAMPLE_DIR), 'utf8')) as { studies: { role: 'current' | 'prior'; images: { file: string }[] }[] };
  let text = JSON.stringify(sample.draft);
  const images = [];
  const files = [];
  for (const study of desc.studies) {
    for (const { file } of study.images) {
      const bytes = new Uint8Array(readFileSync(new URL(file, SAMPLE_DIR)));
      const r = await ingestDicom(bytes);
      if (!r.ok) throw new Error(r.error.message);
      const sop = r.value.meta.sopInstanceUid;
      if (sop === null) throw new Error(`${file} has no SOP Instance UID`);
      text = text.split(JSON.stringify(file)).join(JSON.stringify(sop));
      images.push({ imageId: `calcscribe:${images.length}`, fileName: file, role: study.role, summary: { meta: r.value.meta } });
      files.push({ name: file, bytes });
    }
  }
  // Only what a save reads of the loaded images: their file name, role and header.
  return { draft: JSON.parse(text) as ExamDraft, exam: { source: 'test', images, refused: [] } as unknown as LoadedExam, files };
}
