/**
 * The findings panel with the draft's autosave: the extension's panel over the exam's draft store,
 * the "saved in this browser" indicator, and the confirmed "discard draft" (the only way to lose it).
 */
import { CalcificationPanel, type ImageLookup } from '../../../extensions/calcification/panel/index.js';
import { autosaveStatusText, useAutosave } from '../autosave/index.js';
import type { ExamDraftSession } from '../draft/exam-draft-session.js';

/**
 * `selected`: the calcification shown in the panel (the outline selected on a view, or chosen in
 * the panel); `onSelect` is told when the panel chooses one.
 */
export function DraftPanel({ session, images, selected, onSelect }: {
  readonly session: ExamDraftSession;
  readonly images: ImageLookup | null;
  readonly selected: string | null;
  readonly onSelect: (calcificationId: string | null) => void;
}) {
  const { status, discard } = useAutosave(session.store, session.examKey);
  return (
    <div className="findings">
      {session.restored ? <p className="hint" data-testid="draft-restored">Your saved draft of this exam was restored.</p> : null}
      {session.restoreMessage !== null ? <p role="alert">The saved draft could not be restored: {session.restoreMessage}</p> : null}
      <CalcificationPanel
        store={session.store}
        {...(images ? { images } : {})}
        selectedCalcificationId={selected}
        onSelectCalcification={onSelect}
        onDiscardDraft={() => {
          void discard().then(() => session.store.discard());
        }}
      />
      <p role="status" className="hint" data-testid="autosave-status">{autosaveStatusText(status)}</p>
    </div>
  );
}
