/**
 * The exam draft behind the findings panel: one store per exam, made from what the analysis
 * worker reads of each image, plus the images on the UI thread for the panel's pictures (zoomed
 * view, intensity profile) and outline edits: the core's image over the pixels the worker decoded
 * (no second decode), made in the background after the exam is on screen.
 */
import { createDraftStore, setCurrentDraftStore, type DraftStore } from '../../../extensions/calcification/draft-store.js';
import type { ImageLookup } from '../../../extensions/calcification/panel/index.js';
import type { DraftImage } from '../../core/draft/exam-draft.js';
import { newExamDraft } from '../../core/draft/new-exam-draft.js';
import { withExamContext } from '../../core/draft/with-exam-context.js';
import type { ExamContext } from '../../core/exam-context.js';
import { makeMammoImage, type MammoImage } from '../../core/image.js';
import { comparisonDateOf } from '../../core/report/comparison-date.js';
import { restoreDraft } from '../autosave/index.js';
import { decodedPixels } from '../cornerstone/shared-image-loader.js';
import type { LoadedExam } from '../loading/exam.js';
import type { AnalysisClient } from '../workers/analysis-client.js';
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
  /** The image for a draft image id, read now if it was not yet (null when it cannot be read). */
  readImage(id: string): Promise<MammoImage | null>;
  /** Lets go of the images read on the UI thread (their examination leaves the screen); they are read again when asked. */
  releaseImages(): void;
}

/**
 * Starts the draft of an exam — the one saved in this browser when there is one (the radiologist's
 * context in it wins), else a new draft with the exam's clinical context when one was supplied
 * (withExamContext, as a RIS would) — and makes it the extension's current store.
 */
export async function startExamDraft(client: AnalysisClient, exam: LoadedExam, context: ExamContext | null = null): Promise<ExamDraftSession> {
  const images: DraftImage[] = [];
  for (const i of exam.images) {
    const r = await client.draftImage(i.imageId, draftIdOf(i), i.role);
    if (r.ok) images.push(r.value);
  }
  const examKey = examKeyOf(exam);
  // The comparison date is the loaded prior's own (else the one the RIS context gives) until the radiologist changes it.
  const loadedPriorDate = comparisonDateOf(exam.images.filter((i) => i.role === 'prior').map((i) => i.summary.meta.studyDate));
  const empty = newExamDraft(examKey, images);
  const withContext = context === null ? empty : withExamContext(empty, context);
  const fresh = { ...withContext, priorDate: loadedPriorDate ?? withContext.priorDate };
  const saved = await restoreDraft(fresh);
  const store = createDraftStore(saved.ok ? saved.value.draft : fresh, fresh);
  setCurrentDraftStore(store);
  const read = new Map<string, MammoImage>();
  const asked = new Set<string>();
  const listeners = new Set<() => void>();
  const reading = new Map<string, Promise<MammoImage | null>>();
  const readImage = (id: string): Promise<MammoImage | null> => {
    const started = reading.get(id);
    if (started !== undefined) return started;
    const source = exam.images.find((i) => draftIdOf(i) === id);
    const p =
      source === undefined
        ? Promise.resolve(null)
        : Promise.resolve().then(() => {
            // The same image the worker's ingest made (makeMammoImage), over the same pixels (none while its examination is not shown).
            const pixels = decodedPixels(source.imageId);
            if (pixels === null) {
              reading.delete(id);
              return null;
            }
            const { rows, columns, meta, calibration } = source.summary;
            const image = makeMammoImage({ rows, columns, stored: pixels, calibration, meta });
            read.set(id, image);
            for (const l of [...listeners]) l();
            return image;
          });
    reading.set(id, p);
    return p;
  };
  const lookup: ImageLookup = (id) => {
    const image = read.get(id);
    if (image !== undefined) return image;
    if (!asked.has(id)) {
      asked.add(id);
      setTimeout(() => void readImage(id), 0);
    }
    return null;
  };
  return {
    store,
    examKey,
    restored: saved.ok && saved.value.restored,
    restoreMessage: saved.ok ? null : saved.message,
    lookup,
    readImage,
    releaseImages() {
      read.clear();
      asked.clear();
      reading.clear();
    },
    onImageRead(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
