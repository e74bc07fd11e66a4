/**
 * The browser's copy of each exam's draft: one IndexedDB object store keyed by the exam key
 * (Study Instance UID). A saved draft is only replaced by one of the same or a later revision; a
 * save that names the revision it was made from (the viewer's saves) replaces only that revision
 * (compare-and-set in one transaction), so a tab never writes over another tab's save. Only
 * `discardDraft` deletes a draft.
 */
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { parseDraft, serializeDraft } from '../../core/draft/serialize-draft.js';

export const DRAFT_DATABASE = 'calcscribe-drafts';
export const DRAFT_STORE = 'drafts';
const VERSION = 1;

/**
 * What a save did: written; kept the stored draft because it was newer; or refused because the
 * stored draft is not the one this draft was made from (`storedRevision` null: none is stored).
 */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly revision: number }
  | { readonly kind: 'kept-newer'; readonly storedRevision: number }
  | { readonly kind: 'conflict'; readonly storedRevision: number | null; readonly baseRevision: number | null };

/**
 * The revision a draft was made from, as the saving tab last read or wrote it (null: nothing was
 * stored). Given to `saveDraft`, the save replaces only that revision.
 */
export interface SaveBase {
  readonly baseRevision: number | null;
}

export type StorageResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function failure(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  if (typeof DOMException !== 'undefined' && e instanceof DOMException) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Opens (creating when needed) the drafts database. */
export function openDraftDatabase(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<StorageResult<IDBDatabase>> {
  return new Promise((resolve) => {
    if (factory === undefined) {
      resolve(failure('this browser offers no IndexedDB: the draft cannot be kept'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DRAFT_DATABASE, VERSION);
    } catch (e) {
      resolve(failure(`the draft database could not be opened (${describeError(e)})`));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DRAFT_STORE)) db.createObjectStore(DRAFT_STORE);
    };
    request.onsuccess = () => resolve({ ok: true, value: request.result });
    request.onerror = () => resolve(failure(`the draft database could not be opened (${describeError(request.error)})`));
    request.onblocked = () => resolve(failure('the draft database is blocked by another tab'));
  });
}

/** What is stored per exam: the revision (compared without parsing) and the draft as JSON text. */
interface StoredDraft {
  readonly revision: number;
  readonly text: string;
}

function isStoredDraft(v: unknown): v is StoredDraft {
  return typeof v === 'object' && v !== null && typeof (v as { revision?: unknown }).revision === 'number' && typeof (v as { text?: unknown }).text === 'string';
}

/**
 * Saves a draft under its exam key, in one transaction that first reads the stored revision: an
 * older revision never replaces a newer one, and with a `base` the stored revision must be the
 * base (none stored for a null base), else nothing is written and the conflict is returned.
 */
export async function saveDraft(draft: ExamDraft, factory?: IDBFactory, base?: SaveBase): Promise<StorageResult<SaveOutcome>> {
  const opened = await openDraftDatabase(factory);
  if (!opened.ok) return opened;
  const db = opened.value;
  try {
    return await new Promise<StorageResult<SaveOutcome>>((resolve) => {
      const tx = db.transaction(DRAFT_STORE, 'readwrite');
      const store = tx.objectStore(DRAFT_STORE);
      let outcome: SaveOutcome = { kind: 'saved', revision: draft.revision };
      const read = store.get(draft.examKey);
      read.onsuccess = () => {
        const stored: unknown = read.result;
        if (base !== undefined) {
          const storedRevision = isStoredDraft(stored) ? stored.revision : null;
          if (stored !== undefined && storedRevision === null) {
            outcome = { kind: 'conflict', storedRevision: null, baseRevision: base.baseRevision };
            return;
          }
          if (storedRevision !== base.baseRevision) {
            outcome = { kind: 'conflict', storedRevision, baseRevision: base.baseRevision };
            return;
          }
        }
        if (isStoredDraft(stored) && stored.revision > draft.revision) {
          outcome = { kind: 'kept-newer', storedRevision: stored.revision };
          return;
        }
        const record: StoredDraft = { revision: draft.revision, text: serializeDraft(draft) };
        store.put(record, draft.examKey);
      };
      tx.oncomplete = () => resolve({ ok: true, value: outcome });
      tx.onerror = () => resolve(failure(`the draft was not saved (${describeError(tx.error)})`));
      tx.onabort = () => resolve(failure(`the draft was not saved (${describeError(tx.error)})`));
    });
  } catch (e) {
    return failure(`the draft was not saved (${describeError(e)})`);
  } finally {
    db.close();
  }
}

/** Reads the saved draft of an exam; null when there is none. */
export async function loadDraft(examKey: string, factory?: IDBFactory): Promise<StorageResult<ExamDraft | null>> {
  const opened = await openDraftDatabase(factory);
  if (!opened.ok) return opened;
  const db = opened.value;
  try {
    return await new Promise<StorageResult<ExamDraft | null>>((resolve) => {
      const tx = db.transaction(DRAFT_STORE, 'readonly');
      const read = tx.objectStore(DRAFT_STORE).get(examKey);
      read.onsuccess = () => {
        const stored: unknown = read.result;
        if (stored === undefined) {
          resolve({ ok: true, value: null });
          return;
        }
        if (!isStoredDraft(stored)) {
          resolve(failure(`the saved draft of exam ${examKey} is not a draft`));
          return;
        }
        const parsed = parseDraft(stored.text);
        if (!parsed.ok) resolve(failure(`the saved draft of exam ${examKey} cannot be read: ${parsed.error.message}`));
        else if (parsed.value.examKey !== examKey) resolve(failure(`the draft saved under exam ${examKey} belongs to exam ${parsed.value.examKey}`));
        else resolve({ ok: true, value: parsed.value });
      };
      read.onerror = () => resolve(failure(`the draft could not be read (${describeError(read.error)})`));
    });
  } catch (e) {
    return failure(`the draft could not be read (${describeError(e)})`);
  } finally {
    db.close();
  }
}

/** Deletes an exam's saved draft: the only way a draft is lost. */
export async function discardDraft(examKey: string, factory?: IDBFactory): Promise<StorageResult<void>> {
  const opened = await openDraftDatabase(factory);
  if (!opened.ok) return opened;
  const db = opened.value;
  try {
    return await new Promise<StorageResult<void>>((resolve) => {
      const tx = db.transaction(DRAFT_STORE, 'readwrite');
      tx.objectStore(DRAFT_STORE).delete(examKey);
      tx.oncomplete = () => resolve({ ok: true, value: undefined });
      tx.onerror = () => resolve(failure(`the draft was not discarded (${describeError(tx.error)})`));
    });
  } catch (e) {
    return failure(`the draft was not discarded (${describeError(e)})`);
  } finally {
    db.close();
  }
}
