/**
 * The exam draft behind the findings panel: one store per exam, made from what the analysis
 * worker reads of each image, plus the images on the UI thread for the panel's pictures (zoomed
 * view, intensity profile), read in the background after the exam is on screen.
 */
import { createDraftStore, setCurrentDraftStore, type DraftStore } from '../../../extensions/calcification/draft-store.js';
import type { ImageLookup } from '../../../extensions/calcification/panel/index.js';
import type { DraftImage } from '../../core/draft/exam-draft.js';
import { newExamDraft } from '../../core/draft/new-exam-draft.js';
import type { MammoImage } from '../../core/image.js';
import { ingestDicom } from '../../core/ingest/index.js';
import { restoreDraft } from '../autosave/index.js';
import type { LoadedExam } from '../loading/exam.js';
import type { AnalysisClient } from '../workers/analysis-client.js';
import { BROWSER_DECODERS } from '../workers/browser-decoders.js';
import { draftIdOf, examKeyOf } from './draft-ids.js';

export interface ExamDraftSession {
  readonly store: DraftStore;
  readonly examKey: string;
  /** Whether the draft came back from the browser's saved copy; a message when it could not be read. */
  readonly restored: boolean;
  readonly restoreMessage: string | null;
  /**
   * The image for a draft image id once read on the UI thread; the first ask starts the reading
   * (in the background) and answers null, and `onImageRead` tells when it is there.
   */
  readonly lookup: ImageLookup;
  /** Calls the listener whenever another image has been read; returns the unsubscribe function. */
  onImageRead(listener: () => void): () => void;
}

/**
 * Starts the draft of an exam — the one saved in this browser when there is one, else a new, empty
 * draft — and makes it the extension's current store.
 */
export async function startExamDraft(client: AnalysisClient, exam: LoadedExam): Promise<ExamDraftSession> {
  const images: DraftImage[] = [];
  for (const i of exam.images) {
    const r = await client.draftImage(i.imageId, draftIdOf(i), i.role);
    if (r.ok) images.push(r.value);
  }
  const examKey = examKeyOf(exam);
  const fresh = newExamDraft(examKey, images);
  const saved = await restoreDraft(fresh);
  const store = createDraftStore(saved.ok ? saved.value.draft : fresh);
  setCurrentDraftStore(store);
  const read = new Map<string, MammoImage>();
  const asked = new Set<string>();
  const listeners = new Set<() => void>();
  const lookup: ImageLookup = (id) => {
    const image = read.get(id);
    if (image !== undefined) return image;
    const source = exam.images.find((i) => draftIdOf(i) === id);
    if (source !== undefined && !asked.has(id)) {
      asked.add(id);
      setTimeout(() => {
        void ingestDicom(new Uint8Array(source.bytes), { decoders: BROWSER_DECODERS }).then((r) => {
          if (!r.ok) return;
          read.set(id, r.value);
          for (const l of [...listeners]) l();
        });
      }, 0);
    }
    return null;
  };
  return {
    store,
    examKey,
    restored: saved.ok && saved.value.restored,
    restoreMessage: saved.ok ? null : saved.message,
    lookup,
    onImageRead(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
