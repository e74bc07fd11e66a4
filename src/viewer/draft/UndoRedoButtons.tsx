/**
 * Undo and redo of the exam draft as buttons: the extension's toolbar buttons as the standalone
 * viewer shows them — enabled by the extension's toolbar evaluators (evaluate.calcscribe.undo /
 * redo), running its commands (calcscribe.undo / redo) — named for screen readers, with the
 * keyboard shortcut in their description. They follow the draft and, given `editing`, whether this
 * tab may edit it (read-only while another tab edits the exam, editing again after a take-over).
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';
import { COMMAND_PREFIX } from '../../../extensions/calcification/id.js';
import { getToolbarModule } from '../../../extensions/calcification/toolbar-module.js';

const NONE = (): (() => void) => () => undefined;

/** Something that tells when this tab starts or stops being the one that may edit (the edit gate). */
export interface EditingChanges {
  subscribe(listener: () => void): () => void;
}

export function UndoRedoButtons({ store, editing = null, run }: { readonly store: DraftStore | null; readonly editing?: EditingChanges | null; readonly run: (command: string) => unknown }) {
  const evaluators = useMemo(() => new Map(getToolbarModule({ configuration: store === null ? {} : { store } }).map((e) => [e.name, e.evaluate])), [store]);
  const disabled = (name: string): boolean => store === null || (evaluators.get(`evaluate.${COMMAND_PREFIX}.${name}`)?.().disabled ?? true);
  const subscribe = useMemo(() => {
    if (store === null) return NONE;
    return (listener: () => void): (() => void) => {
      const offDraft = store.subscribe(listener);
      const offEditing = editing?.subscribe(listener) ?? (() => undefined);
      return () => {
        offDraft();
        offEditing();
      };
    };
  }, [store, editing]);
  const undoOff = useSyncExternalStore(subscribe, () => disabled('undo'), () => true);
  const redoOff = useSyncExternalStore(subscribe, () => disabled('redo'), () => true);
  return (
    <span className="undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" data-testid="undo" disabled={undoOff} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)" onClick={() => run(`${COMMAND_PREFIX}.undo`)}>
        Undo
      </button>
      <button type="button" data-testid="redo" disabled={redoOff} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z or Ctrl+Y)" onClick={() => run(`${COMMAND_PREFIX}.redo`)}>
        Redo
      </button>
    </span>
  );
}
