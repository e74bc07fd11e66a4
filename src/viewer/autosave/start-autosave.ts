/**
 * Keeps the browser's copy of the draft up to date: every revision is saved shortly after it is
 * made (debounced), at once when the page is hidden or left, and saves never overtake each other.
 * Given the revision the draft was made from (`baseRevision`), each save replaces only that stored
 * revision, so a save never goes over another tab's; while paused (a read-only tab) nothing is saved.
 */
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { discardDraft, saveDraft, type SaveOutcome, type StorageResult } from './draft-database.js';

/** What autosave reads from the draft store. */
export interface DraftSource {
  getState(): ExamDraft;
  subscribe(listener: () => void): () => void;
}

export interface AutosaveOptions {
  /** Quiet time after a change before saving, ms. Default 300. */
  readonly delayMs?: number;
  readonly factory?: IDBFactory;
  /** Where `visibilitychange` is heard (default: document, when there is one). */
  readonly documentTarget?: EventTarget | null;
  /** Where `pagehide` is heard (default: window, when there is one). */
  readonly windowTarget?: EventTarget | null;
  /**
   * The revision stored when the draft was opened (null: none was stored). Given, each save is a
   * compare-and-set on it (and then on the revision last saved); not given, a save keeps only the
   * rule that an older revision never replaces a newer one.
   */
  readonly baseRevision?: number | null;
  /** Told after each save attempt, for the "saved" / "not saved" indicator. */
  readonly onResult?: (result: StorageResult<SaveOutcome>, draft: ExamDraft) => void;
}

export interface Autosave {
  /** Saves the latest revision now (if not yet saved) and resolves when every save is done. */
  flush(): Promise<void>;
  /** Stops listening; a pending change is saved first. */
  stop(): Promise<void>;
  /** The last revision written to the database, or null before the first save. */
  savedRevision(): number | null;
  /** The stored revision the next save must replace (undefined: saves are not compare-and-set). */
  baseRevision(): number | null | undefined;
  /** Saves nothing until `resume` (this tab is read-only); a save under way finishes. */
  pause(): void;
  resume(): void;
  /**
   * The store now shows the stored draft of this revision (read back from the database, e.g. after
   * another tab's edits): it is the base of the next save and is not saved again.
   */
  adoptStored(revision: number | null): void;
  /**
   * The radiologist's confirmed "discard draft": waits for saves under way, deletes the saved
   * draft, and saves nothing more of the discarded draft; the next draft the store holds (a fresh
   * one, from revision 0) is saved as usual.
   */
  discard(): Promise<StorageResult<void>>;
}

export const AUTOSAVE_DELAY_MS = 300;

/**
 * Starts saving the drafts of one exam. Revisions of another exam (a store switched to another
 * study) are not saved under this key.
 */
export function startAutosave(store: DraftSource, examKey: string, options: AutosaveOptions = {}): Autosave {
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const doc = options.documentTarget !== undefined ? options.documentTarget : typeof document !== 'undefined' ? document : null;
  const win = options.windowTarget !== undefined ? options.windowTarget : typeof window !== 'undefined' ? window : null;

  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let lastQueued: number | null = null;
  let lastSaved: number | null = null;
  let stopped = false;
  let discarded: ExamDraft | null = null;
  let paused = false;
  let base: number | null | undefined = options.baseRevision;

  const saveLatest = (): Promise<void> => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const draft = store.getState();
    if (paused || draft.examKey !== examKey || draft === discarded) return queue;
    if (lastQueued !== null && draft.revision <= lastQueued) return queue;
    lastQueued = draft.revision;
    queue = queue.then(async () => {
      const result = await saveDraft(draft, options.factory, base === undefined ? undefined : { baseRevision: base });
      if (result.ok && result.value.kind === 'saved') {
        lastSaved = Math.max(lastSaved ?? -Infinity, result.value.revision);
        if (base !== undefined) base = result.value.revision;
      }
      options.onResult?.(result, draft);
    });
    return queue;
  };

  const schedule = (): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void saveLatest(), delay);
  };

  const onHidden = (): void => {
    const state = (doc as { visibilityState?: string } | null)?.visibilityState;
    if (state === 'hidden') void saveLatest();
  };
  const onPageHide = (): void => void saveLatest();

  const unsubscribe = store.subscribe(schedule);
  doc?.addEventListener('visibilitychange', onHidden);
  win?.addEventListener('pagehide', onPageHide);

  return {
    flush: () => saveLatest(),
    stop: async () => {
      if (stopped) return queue;
      stopped = true;
      unsubscribe();
      doc?.removeEventListener('visibilitychange', onHidden);
      win?.removeEventListener('pagehide', onPageHide);
      await saveLatest();
    },
    savedRevision: () => lastSaved,
    baseRevision: () => base,
    pause: () => {
      paused = true;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    },
    resume: () => {
      paused = false;
    },
    adoptStored: (revision) => {
      base = revision;
      lastQueued = revision;
      lastSaved = revision;
    },
    discard: async () => {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      discarded = store.getState();
      await queue;
      const result = await discardDraft(examKey, options.factory);
      lastQueued = null;
      lastSaved = null;
      if (result.ok && base !== undefined) base = null;
      return result;
    },
  };
}
