/**
 * Save to PACS: the button, the progress while the report uploads, and what the PACS answered
 * (stored, or not stored with its reason; the draft is kept and the button sends it again).
 */
import type { PacsOfPage } from './use-saved-reports.js';
import { pacsSaveText, type PacsSaveState } from './save-to-pacs.js';

export function SaveToPacs({ pacs, state, onSave }: { readonly pacs: PacsOfPage; readonly state: PacsSaveState; readonly onSave: () => void }) {
  const saving = state.kind === 'saving';
  return (
    <>
      {' '}
      <button type="button" data-testid="save-to-pacs" disabled={saving} onClick={onSave} title={`Store the report in ${pacs.label}`}>
        {state.kind === 'failed' ? 'Retry: save to PACS' : 'Save to PACS'}
      </button>
      {saving ? <progress data-testid="pacs-progress" aria-label="Saving the report to the PACS" max={Math.max(1, state.totalBytes)} value={state.sentBytes} /> : null}
      <span role="status" data-testid="save-to-pacs-status" data-state={state.kind} className={state.kind === 'failed' ? 'pacs-failed' : undefined}>
        {pacsSaveText(state, pacs.label)}
      </span>
    </>
  );
}
