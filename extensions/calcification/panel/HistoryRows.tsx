import { Fragment, useId, useState, type ReactNode } from 'react';
import { useEndTyping } from './typing.js';

/** What a row may do to its own entry of the list. */
export interface RowEdit<T> {
  readonly change: (next: T) => void;
  readonly remove: () => void;
}

/**
 * The rows of a history list (procedures, biopsy-proven malignancies), each changed in place or
 * removed. Rows are drawn anew after a removal, so a row never shows the typed text of the row it
 * replaced.
 */
export function HistoryRows<T>(props: {
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  readonly row: (item: T, index: number, edit: RowEdit<T>) => ReactNode;
}) {
  const [removals, setRemovals] = useState(0);
  const { items, onChange } = props;
  return (
    <ul className="cs-events">
      {items.map((item, i) => (
        <Fragment key={`${removals}-${i}`}>
          {props.row(item, i, {
            change: (next) => onChange(items.map((x, j) => (j === i ? next : x))),
            remove: () => {
              setRemovals((n) => n + 1);
              onChange(items.filter((_, j) => j !== i));
            },
          })}
        </Fragment>
      ))}
    </ul>
  );
}

/** The free-text site of a history entry ("upper outer quadrant", "2 o'clock"); empty is not stated. */
export function SiteField(props: { readonly label: string; readonly placeholder: string; readonly value: string | null; readonly onChange: (site: string | null) => void }) {
  const id = useId();
  const endTyping = useEndTyping();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="text" placeholder={props.placeholder} value={props.value ?? ''} onBlur={endTyping} onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)} />
    </>
  );
}
