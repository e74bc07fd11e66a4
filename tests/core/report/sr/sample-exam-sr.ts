/**
 * The sample exam as the SR tests use it: its draft as the command line builds it from
 * annotations.json (examDraftFromAnnotations, images named by file), the SR header from the
 * images as ingest read them, and fixed UIDs and clock.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { examDraftFromAnnotations, parseExamAnnotations } from '../../../../src/core/exam.js';
import { ingestDicom, type MammoImage } from '../../../../src/core/index.js';
import type { ExamDraft } from '../../../../src/core/draft/index.js';
import { srHeaderFromImages, type SrExamHeader, type SrWriteOptions } from '../../../../src/core/report/sr/index.js';

const sample = fileURLToPath(new URL('../../../../test-data/sample/', import.meta.url));

export interface SampleExam {
  readonly draft: ExamDraft;
  readonly header: SrExamHeader;
}

export async function loadSampleExam(): Promise<SampleExam> {
  const desc = JSON.parse(readFileSync(`${sample}exam.json`, 'utf8')) as { studies: { role: 'current' | 'prior'; images: { file: string }[] }[] };
  const images = new Map<string, MammoImage>();
  const withRole = new Map<string, { meta: MammoImage['meta']; role: 'current' | 'prior' }>();
  for (const study of desc.studies) {
    for (const { file } of study.images) {
      const r = await ingestDicom(new Uint8Array(readFileSync(`${sample}${file}`)));
      if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
      images.set(file, r.value);
      withRole.set(file, { meta: r.value.meta, role: study.role });
    }
  }
  const annotations = parseExamAnnotations(JSON.parse(readFileSync(`${sample}annotations.json`, 'utf8')) as unknown);
  if (!annotations.ok) throw new Error(annotations.error.message);
  const built = examDraftFromAnnotations(images, annotations.value);
  if (!built.ok) throw new Error(built.error.message);
  const header = srHeaderFromImages(withRole, { patientSex: 'F', studyTime: '101500', accessionNumber: 'ACC-2026-0042', referringPhysicianName: 'Referrer^Rita', studyId: 'S42' });
  if (!header.ok) throw new Error(header.error.message);
  return { draft: built.value.draft, header: header.value };
}

/** Deterministic UIDs (2.25 + a counter) and a fixed clock. */
export function fixedOptions(overrides: Partial<SrWriteOptions> = {}): SrWriteOptions {
  let n = 1000;
  return {
    uids: { sopInstanceUid: '2.25.900001', seriesInstanceUid: '2.25.900002', next: () => `2.25.${++n}` },
    now: new Date(Date.UTC(2026, 2, 10, 11, 30, 5)),
    observer: { name: 'Dr Ada Reader' },
    device: { name: 'calcscribe', version: '0.1.0', uid: '2.25.900003' },
    predecessor: null,
    ...overrides,
  };
}
