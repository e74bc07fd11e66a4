export { DRAFT_DATABASE, DRAFT_STORE, discardDraft, loadDraft, openDraftDatabase, saveDraft, type SaveBase, type SaveOutcome, type StorageResult } from './draft-database.js';
export { AUTOSAVE_DELAY_MS, startAutosave, type Autosave, type AutosaveOptions, type DraftSource } from './start-autosave.js';
export { restoreDraft } from './restore-draft.js';
export { CHECKING_OTHER_TABS, createEditGate, decidedRefusal, editWhileNotShown, gatedDraftStore, withEditGate, type EditGate, type GatedSession } from './edit-gate.js';
export {
  EDITING_CHANNEL,
  editingLockName,
  READ_ONLY_MESSAGE,
  saveNotShownDraft,
  startTabEditing,
  type AutosaveStatus,
  type ChannelLike,
  type EditableDraft,
  type EditingMode,
  type LockManagerLike,
  type TabEditing,
  type TabEditingOptions,
  type TabEditingState,
} from './tab-editing.js';
export { autosaveStatusText, useAutosave } from './use-autosave.js';
