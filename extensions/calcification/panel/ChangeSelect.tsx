import { useId } from 'react';
import { CHANGE_KINDS, type ChangeKind, type ChangeSincePrior } from '../../../src/core/lexicon.js';
import { changeOption } from './term-codes.js';

function isChangeKind(s: string): s is ChangeKind {
  return (CHANGE_KINDS as readonly string[]).includes(s);
}

/** Change since the prior, as the radiologist judges it; "stable" asks for how many years. */
export function ChangeSelect(props: { readonly findingLabel: string; readonly change: ChangeSincePrior; readonly onChange: (c: ChangeSincePrior) => void }) {
  const id = useId();
  const { change } = props;
  return (
    <div className="cs-row">
      <label htmlFor={`${id}-kind`}>Change since prior</label>
      <select
        id={`${id}-kind`}
        value={change.kind}
        aria-label={`Change since prior of ${props.findingLabel}`}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (!isChangeKind(v)) return;
          props.onChange(v === 'stable' ? { kind: v, years: change.years ?? 2 } : { kind: v });
        }}
      >
        {CHANGE_KINDS.map((k) => (
          <option key={k} value={k}>
            {changeOption(k)}
          </option>
        ))}
      </select>
      {change.kind === 'stable' ? (
        <>
          <label htmlFor={`${id}-years`}>for (years)</label>
          <input
            id={`${id}-years`}
            type="number"
            min={0}
            max={30}
            step={0.5}
            value={change.years ?? ''}
            onChange={(e) => {
              const n = e.currentTarget.valueAsNumber;
              props.onChange(Number.isFinite(n) && n >= 0 ? { kind: 'stable', years: n } : { kind: 'stable' });
            }}
          />
        </>
      ) : null}
    </div>
  );
}
