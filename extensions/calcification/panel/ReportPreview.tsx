import { useId, useState } from 'react';
import { downloadFile, exportFileName } from './download.js';
import { SaveSrFile, type SaveSrResult, type StoreSrResult } from './SaveSrFile.js';
import type { PanelReport } from './panel-model.js';
import { useEndTyping } from './typing.js';

/** The draft report: editable, marked where it differs from the suggestion, copied or exported. */
export function ReportPreview(props: {
  readonly report: PanelReport;
  readonly examKey: string;
  readonly onText: (text: string | null) => void;
  /** The report as JSON for export. */
  readonly exportJson: () => string;
  /** The report as a DICOM SR file, made for the reader named; absent: no Save SR file. */
  readonly saveSr?: (reader: string) => Promise<SaveSrResult>;
  readonly storeSr?: (reader: string) => Promise<StoreSrResult>;
}) {
  const endTyping = useEndTyping();
  const id = useId();
  const [status, setStatus] = useState('');
  const { suggestedText, editedText } = props.report;
  const text = editedText ?? suggestedText;
  const differs = props.report.edited;

  const copy = async (): Promise<void> => {
    try {
      if (typeof navigator === 'undefined' || navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('Report copied to the clipboard.');
    } catch {
      setStatus('The clipboard is not available here: select the text and copy it.');
    }
  };

  return (
    <section className="cs-report" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Report</h3>
      {differs ? (
        <div className="cs-differs" role="status" data-testid="report-differs">
          Edited: this text differs from the suggested report.
        </div>
      ) : (
        <div className="cs-same" role="status">
          {editedText === null ? 'Suggested report (updates with the findings).' : 'Same as the suggested report.'}
        </div>
      )}
      {props.report.overallAssessment !== null ? <p>Overall suggested assessment: BI-RADS {props.report.overallAssessment}</p> : null}
      <label htmlFor={`${id}-text`}>Report text</label>
      <textarea id={`${id}-text`} data-testid="report-text" rows={14} value={text} spellCheck onBlur={endTyping} onChange={(e) => props.onText(e.currentTarget.value)} />
      {differs ? (
        <div className="cs-diff">
          <p id={`${id}-changes`}>Your changes to the suggested text:</p>
          <ul className="cs-diff-lines" aria-labelledby={`${id}-changes`}>
            {props.report.differences.map((d, i) =>
              d.kind === 'added' ? (
                <li key={i} className="cs-changed" data-testid="changed-line">
                  <span className="cs-visually-hidden">added: </span>
                  <mark>{d.line === '' ? '(empty line)' : d.line}</mark>
                </li>
              ) : d.kind === 'removed' ? (
                <li key={i} className="cs-removed" data-testid="removed-line">
                  <span className="cs-visually-hidden">removed from the suggestion: </span>
                  <del>{d.line === '' ? '(empty line)' : d.line}</del>
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}
      <div className="cs-actions">
        <button
          type="button"
          disabled={editedText === null}
          onClick={() => {
            if (editedText === null || !differs || window.confirm('Replace your text with the suggested report?')) props.onText(null);
          }}
        >
          Reset to suggestion
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy to clipboard
        </button>
        <button type="button" onClick={() => downloadFile(exportFileName(props.examKey, 'txt'), text, 'text/plain;charset=utf-8')}>
          Export text
        </button>
        <button type="button" onClick={() => downloadFile(exportFileName(props.examKey, 'json'), props.exportJson(), 'application/json')}>
          Export JSON
        </button>
      </div>
      <p className="cs-status" role="status" aria-live="polite">
        {status}
      </p>
      {props.saveSr !== undefined ? <SaveSrFile examKey={props.examKey} saveSr={props.saveSr} {...(props.storeSr ? { storeSr: props.storeSr } : {})} /> : null}
    </section>
  );
}
