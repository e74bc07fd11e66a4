import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { loadDraft, type StorageResult } from './draft-database.js';

/**
 * The saved work with the images opened now: each image opened now as it was read now (its role
 * included), and saved images not opened this time kept, since the saved calcifications may name
 * them. An exam first opened with some of its files and later with all of them can be measured on
 * every image.
 */
export function withImagesOpenedNow(saved: ExamDraft, fresh: ExamDraft): ExamDraft {
  const openedNow = new Set(fresh.images.map((i) => i.imageId));
  return { ...saved, images: [...fresh.images, ...saved.images.filter((i) => !openedNow.has(i.imageId))] };
}

/**
 * The draft to open an exam with: the saved one when there is one (a reload or a crash brings the
 * work back), with the images opened now; else the fresh draft. A saved draft that cannot be read
 * is reported, not dropped.
 */
export async function restoreDraft(
  fresh: ExamDraft,
  factory?: IDBFactory,
): Promise<StorageResult<{ readonly draft: ExamDraft; readonly restored: boolean }>> {
  const saved = await loadDraft(fresh.examKey, factory);
  if (!saved.ok) return saved;
  if (saved.value === null) return { ok: true, value: { draft: fresh, restored: false } };
  return { ok: true, value: { draft: withImagesOpenedNow(saved.value, fresh), restored: true } };
}
