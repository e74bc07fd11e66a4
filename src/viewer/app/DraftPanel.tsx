/**
 * The findings panel with the draft's autosave: the extension's panel over the exam's draft store,
 * the "saved in this browser" indicator, and the confirmed "discard draft" (the only way to lose it).
 * While another tab of this browser edits the exam, the panel is read-only and offers to take over.
 */
import { useMemo, type ReactNode } from 'react';
import { CalcificationPanel, type ImageLookup } from '../../../extensions/calcification/panel/index.js';
import { autosaveStatusText, READ_ONLY_MESSAGE, useAutosave, type GatedSession } from '../autosave/index.js';
import type { ExamDraftSession } from '../draft/exam-draft-session.js';

/**
 * `selected`: the calcification shown in the panel (the outline selected on a view, or chosen in
 * the panel); `onSelect` is told when the panel chooses one. `report`: the saved report's banner
 * and the save actions, shown above the findings.
 */
export function DraftPanel({ session, images, selected, onSelect, report }: {
  readonly session: GatedSession<ExamDraftSession>;
  readonly images: ImageLookup | null;
  readonly selected: string | null;
  readonly onSelect: (calcificationId: string | null) => void;
  readonly report?: ReactNode;
}) {
  // The draft shown was read from the stored revision it has (restored), or nothing was stored; unknown when the stored one could not be read.
  // (Taken when the session is first shown: the draft's later revisions are this tab's own edits.)
  const baseRevision = useMemo(() => (session.restoreMessage !== null ? undefined : session.restored ? session.store.getState().revision : null), [session]);
  const { status, editing, takeOver, discard } = useAutosave(session.store, session.examKey, { gate: session.gate, ...(baseRevision !== undefined ? { baseRevision } : {}) });
  const readOnly = editing.mode !== 'editing';
  return (
    <div className="findings">
      {session.restored ? <p className="hint" data-testid="draft-restored">Your saved draft of this exam was restored.</p> : null}
      {session.restoreMessage !== null ? <p role="alert">The saved draft could not be restored: {session.restoreMessage}</p> : null}
      {editing.mode === 'read-only' || editing.mode === 'taking-over' ? (
        <div className="read-only" role="alert" data-testid="read-only">
          <p>{READ_ONLY_MESSAGE}</p>
          <button type="button" data-testid="take-over" disabled={editing.mode === 'taking-over'} onClick={takeOver}>
            {editing.mode === 'taking-over' ? 'Asking the other tab to save and hand over…' : 'Take over editing here'}
          </button>
        </div>
      ) : null}
      {editing.notice !== null ? <p className="hint" data-testid="editing-notice">{editing.notice}</p> : null}
      {report}
      <fieldset className="draft-fields" disabled={readOnly} aria-label={readOnly ? 'Findings (read-only in this tab)' : undefined}>
        <CalcificationPanel
          store={session.store}
          {...(images ? { images } : {})}
          selectedCalcificationId={selected}
          onSelectCalcification={onSelect}
          onDiscardDraft={() => {
            void discard().then((r) => {
              if (r.ok) session.store.discard();
            });
          }}
        />
      </fieldset>
      <p role="status" className="hint" data-testid="autosave-status">
        {editing.mode === 'checking' ? 'Checking whether another tab of this browser edits this exam…' : autosaveStatusText(status)}
      </p>
    </div>
  );
}
