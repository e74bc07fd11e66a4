import { useId } from 'react';
import { MORPHOLOGY_TERMS, type MorphologyTerm } from 'calcscribe/core';
import { morphologyOption } from './term-codes.js';

/** Morphology override: a checkbox per lexicon term (several may apply), with its code. */
export function MorphologyPicker(props: {
  readonly findingLabel: string;
  readonly chosen: readonly MorphologyTerm[];
  readonly onChange: (terms: MorphologyTerm[]) => void;
}) {
  const id = useId();
  const toggle = (t: MorphologyTerm, on: boolean): void => {
    const next = on ? [...props.chosen, t] : props.chosen.filter((x) => x !== t);
    props.onChange(MORPHOLOGY_TERMS.filter((x) => next.includes(x)));
  };
  return (
    <fieldset className="cs-picklist" data-testid="morphology-picker">
      <legend>Morphology of {props.findingLabel}</legend>
      {MORPHOLOGY_TERMS.map((t) => (
        <label key={t} htmlFor={`${id}-${t.replace(/\s+/g, '-')}`}>
          <input id={`${id}-${t.replace(/\s+/g, '-')}`} type="checkbox" checked={props.chosen.includes(t)} onChange={(e) => toggle(t, e.currentTarget.checked)} />
          {morphologyOption(t)}
        </label>
      ))}
    </fieldset>
  );
}
