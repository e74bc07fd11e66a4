/**
 * Undo and redo of the exam draft as buttons: the extension's toolbar buttons as the standalone
 * viewer shows them — enabled by the extension's toolbar evaluators (evaluate.calcscribe.undo /
 * redo), running its commands (calcscribe.undo / redo) — named for screen readers, with the
 * keyboard shortcut in their description.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { DraftStore } from '../../../extensions/calcification/draft-store.js';
import { COMMAND_PREFIX } from '../../../extensions/calcification/id.js';
import { getToolbarModule } from '../../../extensions/calcification/toolbar-module.js';

const NONE = (): (() => void) => () => undefined;

export function UndoRedoButtons({ store, run }: { readonly store: DraftStore | null; readonly run: (command: string) => unknown }) {
  const evaluators = useMemo(() => new Map(getToolbarModule({ configuration: store === null ? {} : { store } }).map((e) => [e.name, e.evaluate])), [store]);
  const disabled = (name: string): boolean => store === null || (evaluators.get(`evaluate.${COMMAND_PREFIX}.${name}`)?.().disabled ?? true);
  const subscribe = store === null ? NONE : store.subscribe;
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
