import { useId } from 'react';
import { BREAST_COMPOSITIONS, INDICATIONS, type BreastComposition, type ClinicalHistory, type Indication } from 'calcscribe/core';
import { HistoryEditor } from './HistoryEditor.js';
import { compositionOption } from './term-codes.js';

function isComposition(s: string): s is BreastComposition {
  return (BREAST_COMPOSITIONS as readonly string[]).includes(s);
}
function isIndication(s: string): s is Indication {
  return (INDICATIONS as readonly string[]).includes(s);
}

/** Exam-level context: breast composition, indication, clinical history and the comparison exam's date. */
export function ExamFields(props: {
  readonly composition: BreastComposition | null;
  /** Null: not stated (the rules read it as diagnostic). */
  readonly indication: Indication | null;
  readonly history: ClinicalHistory;
  readonly priorDate: string | null;
  /** The current exam's date (YYYY-MM-DD) from its images; history dates after it are refused. */
  readonly examDate: string | null;
  readonly onComposition: (c: BreastComposition | null) => void;
  readonly onIndication: (i: Indication | null) => void;
  readonly onHistory: (h: ClinicalHistory) => void;
  readonly onPriorDate: (d: string | null) => void;
}) {
  const id = useId();
  return (
    <section className="cs-exam" aria-label="Exam">
      <div className="cs-row">
        <label htmlFor={`${id}-composition`}>Breast composition</label>
        <select
          id={`${id}-composition`}
          value={props.composition ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            props.onComposition(isComposition(v) ? v : null);
          }}
        >
          <option value="">not stated</option>
          {BREAST_COMPOSITIONS.map((c) => (
            <option key={c} value={c}>
              {compositionOption(c)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-indication`}>Indication</label>
        <select
          id={`${id}-indication`}
          value={props.indication ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            props.onIndication(isIndication(v) ? v : null);
          }}
        >
          <option value="">not stated (read as diagnostic)</option>
          {INDICATIONS.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </div>
      <div className="cs-row">
        <label htmlFor={`${id}-prior`}>Comparison exam date</label>
        <input
          id={`${id}-prior`}
          type="date"
          value={props.priorDate ?? ''}
          onChange={(e) => props.onPriorDate(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        />
      </div>
      <HistoryEditor history={props.history} examDate={props.examDate} onChange={props.onHistory} />
    </section>
  );
}
