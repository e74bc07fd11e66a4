import { useId } from 'react';
import { CONDITIONS, PROCEDURE_KINDS, type ClinicalHistory, type Condition, type HistoryEvent, type ProcedureKind } from 'calcscribe/core';
import { HistoryDate } from './HistoryDate.js';
import { HistoryRows, SiteField } from './HistoryRows.js';
import { isSide, KnownMalignancies, SIDES } from './KnownMalignancies.js';

/** The conditions offered as checkboxes: the systemic causes (a known malignancy is stated with its side in its own list). */
export const OFFERED_CONDITIONS: readonly Condition[] = CONDITIONS.filter((c) => c !== 'known-malignancy');

function isProcedure(s: string): s is ProcedureKind {
  return (PROCEDURE_KINDS as readonly string[]).includes(s);
}

function EventRow(props: {
  readonly index: number;
  readonly event: HistoryEvent;
  readonly examDate: string | null;
  readonly onChange: (e: HistoryEvent) => void;
  readonly onRemove: () => void;
}) {
  const id = useId();
  const { event, index } = props;
  const n = index + 1;
  return (
    <li className="cs-event" data-testid="history-event">
      <label htmlFor={`${id}-kind`}>Event {n}</label>
      <select
        id={`${id}-kind`}
        value={event.kind}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isProcedure(v)) props.onChange({ ...event, kind: v });
        }}
      >
        {PROCEDURE_KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-side`}>Side of event {n}</label>
      <select
        id={`${id}-side`}
        value={event.side ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onChange({ ...event, side: isSide(v) ? v : null });
        }}
      >
        <option value="">unknown</option>
        {SIDES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <HistoryDate label={`Date of event ${n}`} value={event.date} examDate={props.examDate} onChange={(date) => props.onChange({ ...event, date })} />
      <SiteField label={`Site of event ${n}`} placeholder="e.g. upper outer quadrant" value={event.site} onChange={(site) => props.onChange({ ...event, site })} />
      <button type="button" onClick={props.onRemove} aria-label={`Remove event ${n}`}>
        remove
      </button>
    </li>
  );
}

/**
 * The clinical history: procedures and injuries with side, date and site; biopsy-proven
 * malignancies with side, site and date; implants; injections; conditions. Dates are checked
 * against the exam's date (YYYY-MM-DD, null when unknown) and today.
 */
export function HistoryEditor(props: { readonly history: ClinicalHistory; readonly examDate: string | null; readonly onChange: (h: ClinicalHistory) => void }) {
  const id = useId();
  const h = props.history;
  const setEvents = (events: HistoryEvent[]): void => props.onChange({ ...h, events });
  return (
    <fieldset className="cs-history">
      <legend>Clinical history</legend>
      <HistoryRows
        items={h.events}
        onChange={setEvents}
        row={(e, i, edit) => <EventRow index={i} event={e} examDate={props.examDate} onChange={edit.change} onRemove={edit.remove} />}
      />
      <button type="button" onClick={() => setEvents([...h.events, { kind: 'lumpectomy', side: null, date: null, site: null }])}>
        Add event
      </button>
      <KnownMalignancies
        malignancies={h.malignancies ?? []}
        examDate={props.examDate}
        onChange={(malignancies) => props.onChange({ ...h, malignancies })}
      />
      {h.conditions.includes('known-malignancy') ? (
        <p className="cs-ask" data-testid="sideless-malignancy">
          This draft states a known malignancy without its side: add it above with its side.{' '}
          <button type="button" onClick={() => props.onChange({ ...h, conditions: h.conditions.filter((c) => c !== 'known-malignancy') })}>
            Remove the statement without a side
          </button>
        </p>
      ) : null}
      {/* Each checkbox inside its own label, kept on one line with it (cs-check): a box never wraps away from its words. */}
      <div className="cs-checks">
        <label className="cs-check" htmlFor={`${id}-implants`}>
          <input id={`${id}-implants`} type="checkbox" checked={h.implants} onChange={(e) => props.onChange({ ...h, implants: e.currentTarget.checked })} />
          Implants
        </label>
        <label className="cs-check" htmlFor={`${id}-injections`}>
          <input id={`${id}-injections`} type="checkbox" checked={h.injections} onChange={(e) => props.onChange({ ...h, injections: e.currentTarget.checked })} />
          Paraffin or silicone injections
        </label>
      </div>
      <fieldset className="cs-conditions cs-checks">
        <legend>Relevant conditions</legend>
        {OFFERED_CONDITIONS.map((c) => (
          <label key={c} className="cs-check" htmlFor={`${id}-${c}`}>
            <input
              id={`${id}-${c}`}
              type="checkbox"
              checked={h.conditions.includes(c)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const next = on ? [...h.conditions, c] : h.conditions.filter((x) => x !== c);
                // Conditions not offered here (a sideless known malignancy of an older draft) are kept.
                props.onChange({ ...h, conditions: CONDITIONS.filter((x) => next.includes(x)) });
              }}
            />
            {c}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
