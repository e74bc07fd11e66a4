import { useId } from 'react';
import { BREAST_COMPOSITIONS, type BreastComposition, type ClinicalHistory } from '../../../src/core/lexicon.js';
import { HistoryEditor } from './HistoryEditor.js';
import { compositionOption } from './term-codes.js';

function isComposition(s: string): s is BreastComposition {
  return (BREAST_COMPOSITIONS as readonly string[]).includes(s);
}

/** Exam-level context: breast composition, clinical history and the comparison exam's date. */
export function ExamFields(props: {
  readonly composition: BreastComposition | null;
  readonly history: ClinicalHistory;
  readonly priorDate: string | null;
  readonly onComposition: (c: BreastComposition | null) => void;
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
      <HistoryEditor history={props.history} onChange={props.onHistory} />
    </section>
  );
}
