import { useId } from 'react';
import type { ClinicalHistory, Condition, HistoryEvent, ProcedureKind, Side } from '../../../src/core/lexicon.js';

export const PROCEDURE_KINDS: readonly ProcedureKind[] = ['lumpectomy', 'mastectomy', 'reduction', 'biopsy', 'augmentation', 'other-surgery', 'radiation', 'trauma'];
export const CONDITIONS: readonly Condition[] = ['hyperparathyroidism', 'dermatomyositis', 'renal-failure', 'ehlers-danlos', 'known-malignancy'];
const SIDES: readonly Side[] = ['right', 'left', 'both'];

function isProcedure(s: string): s is ProcedureKind {
  return (PROCEDURE_KINDS as readonly string[]).includes(s);
}
function isSide(s: string): s is Side {
  return (SIDES as readonly string[]).includes(s);
}

function EventRow(props: { readonly index: number; readonly event: HistoryEvent; readonly onChange: (e: HistoryEvent) => void; readonly onRemove: () => void }) {
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
      <label htmlFor={`${id}-date`}>Date of event {n}</label>
      <input
        id={`${id}-date`}
        type="text"
        inputMode="numeric"
        placeholder="YYYY or YYYY-MM-DD"
        pattern="\d{4}(-\d{2}-\d{2})?"
        value={event.date ?? ''}
        onChange={(e) => props.onChange({ ...event, date: e.currentTarget.value === '' ? null : e.currentTarget.value })}
      />
      <label htmlFor={`${id}-site`}>Site of event {n}</label>
      <input
        id={`${id}-site`}
        type="text"
        placeholder="e.g. upper outer quadrant"
        value={event.site ?? ''}
        onChange={(e) => props.onChange({ ...event, site: e.currentTarget.value === '' ? null : e.currentTarget.value })}
      />
      <button type="button" onClick={props.onRemove} aria-label={`Remove event ${n}`}>
        remove
      </button>
    </li>
  );
}

/** The clinical history: procedures and injuries with side, date and site; implants; injections; conditions. */
export function HistoryEditor(props: { readonly history: ClinicalHistory; readonly onChange: (h: ClinicalHistory) => void }) {
  const id = useId();
  const h = props.history;
  const setEvents = (events: HistoryEvent[]): void => props.onChange({ ...h, events });
  return (
    <fieldset className="cs-history">
      <legend>Clinical history</legend>
      <ul className="cs-events">
        {h.events.map((e, i) => (
          <EventRow
            key={i}
            index={i}
            event={e}
            onChange={(next) => setEvents(h.events.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setEvents(h.events.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      <button type="button" onClick={() => setEvents([...h.events, { kind: 'lumpectomy', side: null, date: null, site: null }])}>
        Add event
      </button>
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
        {CONDITIONS.map((c) => (
          <label key={c} className="cs-check" htmlFor={`${id}-${c}`}>
            <input
              id={`${id}-${c}`}
              type="checkbox"
              checked={h.conditions.includes(c)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const next = on ? [...h.conditions, c] : h.conditions.filter((x) => x !== c);
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
