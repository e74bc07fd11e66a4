import { useId } from 'react';
import type { KnownMalignancy, Side } from 'calcscribe/core';
import { HistoryDate } from './HistoryDate.js';
import { HistoryRows, SiteField } from './HistoryRows.js';

export const SIDES: readonly Side[] = ['right', 'left', 'both'];

export function isSide(s: string): s is Side {
  return (SIDES as readonly string[]).includes(s);
}

function MalignancyRow(props: {
  readonly index: number;
  readonly malignancy: KnownMalignancy;
  readonly examDate: string | null;
  readonly onChange: (m: KnownMalignancy) => void;
  readonly onRemove: () => void;
}) {
  const id = useId();
  const { malignancy: m } = props;
  const n = props.index + 1;
  return (
    <li className="cs-event" data-testid="known-malignancy">
      <label htmlFor={`${id}-side`}>Side of malignancy {n}</label>
      <select
        id={`${id}-side`}
        value={m.side}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isSide(v)) props.onChange({ ...m, side: v });
        }}
      >
        {SIDES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <SiteField label={`Site of malignancy ${n}`} placeholder="e.g. 2 o'clock" value={m.site} onChange={(site) => props.onChange({ ...m, site })} />
      <HistoryDate label={`Biopsy date of malignancy ${n}`} value={m.date} examDate={props.examDate} onChange={(date) => props.onChange({ ...m, date })} />
      <button type="button" onClick={props.onRemove} aria-label={`Remove malignancy ${n}`}>
        remove
      </button>
    </li>
  );
}

/**
 * Biopsy-proven malignancies, each with its side (required: a row is added by choosing the side,
 * never with an assumed one), site and biopsy date.
 */
export function KnownMalignancies(props: {
  readonly malignancies: readonly KnownMalignancy[];
  readonly examDate: string | null;
  readonly onChange: (m: readonly KnownMalignancy[]) => void;
}) {
  const id = useId();
  const list = props.malignancies;
  return (
    <fieldset className="cs-malignancies">
      <legend>Known biopsy-proven malignancies</legend>
      <HistoryRows
        items={list}
        onChange={props.onChange}
        row={(m, i, edit) => <MalignancyRow index={i} malignancy={m} examDate={props.examDate} onChange={edit.change} onRemove={edit.remove} />}
      />
      <label htmlFor={`${id}-add`}>Add a malignancy in the</label>
      <select
        id={`${id}-add`}
        value=""
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isSide(v)) props.onChange([...list, { side: v, site: null, date: null }]);
        }}
      >
        <option value="">choose side…</option>
        {SIDES.map((s) => (
          <option key={s} value={s}>
            {s === 'both' ? 'both breasts' : `${s} breast`}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
