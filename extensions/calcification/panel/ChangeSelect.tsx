import { useId } from 'react';
import { CHANGE_KINDS, type ChangeKind, type ChangeSincePrior } from 'calcscribe/core';
import { changeOption } from './term-codes.js';

function isChangeKind(s: string): s is ChangeKind {
  return (CHANGE_KINDS as readonly string[]).includes(s);
}

/**
 * Change since the prior, as the radiologist judges it; "stable" asks for how many years. While
 * not stated (null: the exam has a comparison exam) the field says so and asks for it; "no
 * priors" is offered only when the exam has nothing to compare with.
 */
export function ChangeSelect(props: {
  readonly findingLabel: string;
  readonly change: ChangeSincePrior | null;
  readonly onChange: (c: ChangeSincePrior | null) => void;
  /** Whether the exam has a comparison exam (a prior image or a comparison date). */
  readonly comparison?: boolean;
}) {
  const id = useId();
  const { change } = props;
  const comparison = props.comparison ?? change === null;
  const kinds = CHANGE_KINDS.filter((k) => k !== 'no-priors' || !comparison || change?.kind === 'no-priors');
  return (
    <div className="cs-row">
      <label htmlFor={`${id}-kind`}>Change since prior</label>
      <select
        id={`${id}-kind`}
        value={change?.kind ?? ''}
        aria-label={`Change since prior of ${props.findingLabel}`}
        aria-invalid={change === null ? true : undefined}
        aria-describedby={change === null ? `${id}-ask` : undefined}
        data-testid="change-select"
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === '') props.onChange(null);
          else if (isChangeKind(v)) props.onChange(v === 'stable' ? { kind: v, years: change?.years ?? 2 } : { kind: v });
        }}
      >
        {comparison ? <option value="">not stated: choose</option> : null}
        {kinds.map((k) => (
          <option key={k} value={k}>
            {changeOption(k)}
          </option>
        ))}
      </select>
      {change === null ? (
        <span id={`${id}-ask`} className="cs-ask" data-testid="change-not-stated">
          Compare with the prior and state the change.
        </span>
      ) : null}
      {change?.kind === 'stable' ? (
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
