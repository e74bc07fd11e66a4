/**
 * Undo and redo of the exam draft as buttons: enabled only when there is a step to take, named for
 * screen readers, with the keyboard shortcut in their description.
 */
import { useSyncExternalStore } from 'react';
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';

const NONE = (): (() => void) => () => undefined;

export function UndoRedoButtons({ store }: { readonly store: DraftStore | null }) {
  const subscribe = store === null ? NONE : store.subscribe;
  const canUndo = useSyncExternalStore(subscribe, () => store?.canUndo() ?? false, () => false);
  const canRedo = useSyncExternalStore(subscribe, () => store?.canRedo() ?? false, () => false);
  return (
    <span className="undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" data-testid="undo" disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)" onClick={() => store?.undo()}>
        Undo
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z or Ctrl+Y)" onClick={() => store?.redo()}>
        Redo
      </button>
    </span>
  );
}
