export { DRAFT_DATABASE, DRAFT_STORE, discardDraft, loadDraft, openDraftDatabase, saveDraft, type SaveOutcome, type StorageResult } from './draft-database.js';
export { AUTOSAVE_DELAY_MS, startAutosave, type Autosave, type AutosaveOptions, type DraftSource } from './start-autosave.js';
export { restoreDraft } from './restore-draft.js';
export { autosaveStatusText, useAutosave, type AutosaveStatus } from './use-autosave.js';
