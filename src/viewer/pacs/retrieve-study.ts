/**
 * A study's mammograms retrieved from the PACS with WADO-RS, as files the viewer loads exactly as
 * it loads local files (loadFiles: the worker's ingest checks, decodes and hangs each). Only MG
 * instances are asked for (a structured report or another modality's images in the same study are
 * left on the server); progress is told as each image arrives, and an image that could not be
 * retrieved is named with the server's reason while the others load.
 */
import type { FileToLoad } from '../loading/exam.js';
import type { Result } from '../../core/result.js';
import type { InstanceRef, PacsConnection, PacsError, StudySummary } from './pacs-connection.js';

/** Why a study's images could not be retrieved: the PACS's failure, or a study with no mammogram in it. */
export type RetrievalError = PacsError | { readonly kind: 'no-mammograms'; readonly message: string };

/** Images asked for at once: a few in flight keep the link busy without flooding a small PACS. */
export const PARALLEL_RETRIEVALS = 3;

export interface RetrievedStudy {
  readonly files: readonly FileToLoad[];
  /** Images listed but not retrieved, each with the reason. */
  readonly failed: readonly { readonly name: string; readonly message: string }[];
  /** How many instances of the study are not mammograms (left on the server). */
  readonly skipped: number;
}

/** The name an image retrieved from the PACS goes by in the viewer's messages: its study (accession or date) and SOP Instance UID. */
export function instanceName(study: StudySummary, instance: InstanceRef): string {
  const where = study.accessionNumber !== '' ? study.accessionNumber : study.studyDate !== '' ? study.studyDate : study.studyInstanceUid;
  return `PACS ${where}/${instance.sopInstanceUid}`;
}

/** A mammogram as the study's instance list says (an instance listed without its modality may be one: the ingest decides). */
const isMammogram = (i: InstanceRef): boolean => i.modality === 'MG' || i.modality === '';

/**
 * Lists the study's instances, retrieves its mammograms (n of m told to `progress`) and gives them
 * as files; a study whose list cannot be read, or that holds no mammogram, is a failure.
 */
export async function retrieveMammograms(pacs: PacsConnection, study: StudySummary, progress: (done: number, total: number) => void): Promise<Result<RetrievedStudy, RetrievalError>> {
  const listed = await pacs.listInstances(study.studyInstanceUid);
  if (!listed.ok) return listed;
  const wanted = listed.value.filter(isMammogram);
  const skipped = listed.value.length - wanted.length;
  if (wanted.length === 0) {
    const others = listed.value.length === 0 ? 'no instance' : `only ${[...new Set(listed.value.map((i) => i.modality))].join(', ')}`;
    return { ok: false, error: { kind: 'no-mammograms', message: `the study holds no mammogram (${others})` } };
  }
  const files: FileToLoad[] = [];
  const failed: { name: string; message: string }[] = [];
  let done = 0;
  progress(0, wanted.length);
  const queue = [...wanted];
  const retrieveNext = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const instance = next;
      const name = instanceName(study, instance);
      const r = await pacs.retrieveInstance(study.studyInstanceUid, instance);
      if (r.ok) {
        // Read again from the PACS when its examination is shown again after being let go.
        const reread = async (): Promise<ArrayBuffer> => {
          const again = await pacs.retrieveInstance(study.studyInstanceUid, instance);
          if (!again.ok) throw new Error(again.error.message);
          return again.value;
        };
        files.push({ name, bytes: r.value, reread });
      } else failed.push({ name, message: r.error.message });
      done++;
      progress(done, wanted.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_RETRIEVALS, wanted.length) }, retrieveNext));
  return { ok: true, value: { files, failed, skipped } };
}
