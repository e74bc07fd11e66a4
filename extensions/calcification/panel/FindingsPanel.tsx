import type { SaveSrResult, StoreSrResult } from './SaveSrFile.js';
import { useState } from 'react';
import { examDateOf, hasComparison } from 'calcscribe/draft';
import type { ExamDraft } from 'calcscribe/draft';
import type { Side } from 'calcscribe/core';
import { ExamFields } from './ExamFields.js';
import { FindingCard } from './FindingCard.js';
import type { ImageLookup, PanelCallbacks, PanelFinding, PanelReport } from './panel-model.js';
import { ReportPreview } from './ReportPreview.js';
import { SelectedCalcification } from './SelectedCalcification.js';
import { WarmUpCard } from './WarmUpCard.js';
import './panel.css';

const SIDE_ORDER: readonly { readonly side: Side; readonly title: string }[] = [
  { side: 'right', title: 'Right breast' },
  { side: 'left', title: 'Left breast' },
  { side: 'both', title: 'Both breasts' },
];

export interface FindingsPanelProps {
  readonly draft: ExamDraft;
  /** The draft's findings as derived from it, in the draft's order. */
  readonly findings: readonly PanelFinding[];
  readonly report: PanelReport;
  readonly host: PanelCallbacks;
  /** The report as JSON for export. */
  readonly exportJson: () => string;
  /** The report as a DICOM SR file for the reader named; absent: no Save SR file. */
  readonly saveSr?: (reader: string) => Promise<SaveSrResult>;
  /** The report stored in the study for the reader named; absent: no Save to PACS. */
  readonly storeSr?: (reader: string) => Promise<StoreSrResult>;
  readonly images?: ImageLookup;
  readonly selectedCalcificationId?: string | null;
}

/**
 * The findings panel: findings per breast with their measurements, terms (every one overridable
 * from the lexicon), suggested category and wording; the exam's context; the selected
 * calcification as pictures; the report draft. Everything shown from files is rendered as text.
 */
export function FindingsPanel(props: FindingsPanelProps) {
  const { draft, findings, host } = props;
  const { dispatch } = host;
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const selectedId = props.selectedCalcificationId ?? null;
  const selected = selectedId === null ? null : (draft.calcifications.find((c) => c.id === selectedId) ?? null);
  const selectedImage = selected !== null && props.images ? props.images(selected.imageId) : null;
  const numbers = new Map(findings.map((f, i) => [f.id, i + 1]));
  // What was read about each image (digitised film, lossy compression …), once however many findings rest on it.
  const imageNotes = [...new Set(findings.flatMap((f) => f.imageNotes))];

  return (
    <aside className="cs-panel" data-testid="findings-panel" role="region" aria-label="Calcification findings and report">
      <h2>Findings</h2>
      {findings.length === 0 ? <p>No findings yet: click a calcification on an image.</p> : null}
      {findings.length === 0 ? <WarmUpCard /> : null}
      {imageNotes.length > 0 ? (
        <ul className="cs-warnings" aria-label="Notes on the images the findings are measured on">
          {imageNotes.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {SIDE_ORDER.map(({ side, title }) => {
        const here = findings.filter((f) => f.side === side);
        if (here.length === 0) return null;
        return (
          <section key={side} className="cs-side" aria-label={title} data-testid={`side-${side}`}>
            <h3>{title}</h3>
            {here.map((f) => (
              <FindingCard
                key={f.id}
                finding={f}
                label={`Finding ${numbers.get(f.id) ?? '?'} (${side} breast)`}
                host={host}
                selectedCalcificationId={selectedId !== null && f.calcifications.some((c) => c.id === selectedId) ? selectedId : null}
                comparison={hasComparison(draft)}
                knownCancerListed={(draft.history.malignancies ?? []).length > 0}
              />
            ))}
          </section>
        );
      })}

      {selected !== null ? <SelectedCalcification calcification={selected} image={selectedImage} /> : null}

      <h2>Exam</h2>
      <ExamFields
        composition={draft.composition}
        indication={draft.indication ?? null}
        history={draft.history}
        priorDate={draft.priorDate}
        examDate={examDateOf(draft)}
        onComposition={(composition) => dispatch({ type: 'setComposition', composition })}
        onIndication={(indication) => dispatch({ type: 'setIndication', indication })}
        onHistory={(history) => dispatch({ type: 'setHistory', history })}
        onPriorDate={(date) => dispatch({ type: 'setPriorDate', date })}
      />

      <ReportPreview report={props.report} examKey={draft.examKey} onText={(text) => dispatch(text === null ? { type: 'resetReportText' } : { type: 'editReportText', text })} exportJson={props.exportJson} {...(props.saveSr ? { saveSr: props.saveSr } : {})} {...(props.storeSr ? { storeSr: props.storeSr } : {})} />

      {host.discardDraft ? (
        <div className="cs-discard">
          {confirmingDiscard ? (
            <div role="alertdialog" aria-labelledby="cs-discard-q">
              <p id="cs-discard-q">Discard this exam's draft? Findings, overrides and report text will be lost.</p>
              <button
                type="button"
                onClick={() => {
                  setConfirmingDiscard(false);
                  host.discardDraft?.();
                }}
              >
                Yes, discard the draft
              </button>
              <button type="button" autoFocus onClick={() => setConfirmingDiscard(false)}>
                Keep the draft
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmingDiscard(true)}>
              Discard draft…
            </button>
          )}
        </div>
      ) : null}
    </aside>
  );
}
