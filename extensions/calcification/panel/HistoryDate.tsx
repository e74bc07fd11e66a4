import { useId, useState } from 'react';
import { checkDate, err, isHistoryDate, ok, type Result } from 'calcscribe/core';

/** Today (YYYY-MM-DD, UTC) from the workstation's clock. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Reads a typed history date as the rules do: empty is "not stated"; otherwise YYYY, YYYY-MM or
 * YYYY-MM-DD, not after the exam date, not in the future.
 * @example readHistoryDate('2019', 'Date of event 1', '2026-03-10', '2026-12-06') // ok('2019')
 */
export function readHistoryDate(text: string, label: string, examDate: string | null, now: string): Result<string | null> {
  const t = text.trim();
  if (t === '') return ok(null);
  if (!isHistoryDate(t)) return err('bad-argument', `${label} "${t}" must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const checked = checkDate(label, t, examDate, now);
  return checked.ok ? ok(t) : checked;
}

/**
 * A date of the clinical history typed as text. Applied only when it reads as a date the rules
 * accept; otherwise the reason is shown beside the field, the typed text stays in it, and the
 * draft keeps its date.
 */
export function HistoryDate(props: {
  readonly label: string;
  readonly value: string | null;
  /** The current exam's date (YYYY-MM-DD): a history date after it is refused. */
  readonly examDate: string | null;
  readonly onChange: (date: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(props.value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState(props.value);
  // The draft's date changed elsewhere (undo, redo, a restored draft): the field shows it.
  if (props.value !== applied) {
    setApplied(props.value);
    setText(props.value ?? '');
    setError(null);
  }
  return (
    <span className="cs-date">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
        value={text}
        aria-invalid={error !== null}
        {...(error !== null ? { 'aria-describedby': `${id}-error` } : {})}
        onChange={(e) => {
          const typed = e.currentTarget.value;
          setText(typed);
          const r = readHistoryDate(typed, props.label, props.examDate, today());
          if (!r.ok) {
            setError(r.error.message);
            return;
          }
          setError(null);
          if (r.value !== props.value) props.onChange(r.value);
        }}
      />
      {error !== null ? (
        <span id={`${id}-error`} className="cs-field-error" role="alert">
          {error}: not applied
        </span>
      ) : null}
    </span>
  );
}
