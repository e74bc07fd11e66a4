import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { loadDraft, type StorageResult } from './draft-database.js';

/**
 * The draft to open an exam with: the saved one when there is one (a reload or a crash brings the
 * work back), else the fresh draft. A saved draft that cannot be read is reported, not dropped.
 */
export async function restoreDraft(
  fresh: ExamDraft,
  factory?: IDBFactory,
): Promise<StorageResult<{ readonly draft: ExamDraft; readonly restored: boolean }>> {
  const saved = await loadDraft(fresh.examKey, factory);
  if (!saved.ok) return saved;
  if (saved.value === null) return { ok: true, value: { draft: fresh, restored: false } };
  return { ok: true, value: { draft: saved.value, restored: true } };
}
