import { useId } from 'react';
import { KNOWN_CANCER_RELATIONS, type KnownCancerRelation } from 'calcscribe/core';

const WORDS: Readonly<Record<KnownCancerRelation, string>> = {
  'this finding': 'this finding is the biopsy-proven cancer',
  adjacent: 'next to the biopsy-proven cancer',
};

/**
 * The finding's relation to a biopsy-proven cancer listed in the history: the cancer itself
 * (BI-RADS 6) or calcifications next to it (biopsy at least). Offered while the history lists a
 * malignancy, or while the finding still says it is related to one.
 */
export function KnownCancerSelect(props: {
  readonly findingLabel: string;
  readonly relation: KnownCancerRelation | null;
  readonly onChange: (relation: KnownCancerRelation | null) => void;
}) {
  const id = useId();
  return (
    <div className="cs-row">
      <label htmlFor={`${id}-known-cancer`}>Known cancer</label>
      <select
        id={`${id}-known-cancer`}
        aria-label={`Relation of ${props.findingLabel} to the known cancer`}
        value={props.relation ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onChange(v === '' ? null : (KNOWN_CANCER_RELATIONS.find((r) => r === v) ?? null));
        }}
      >
        <option value="">not related</option>
        {KNOWN_CANCER_RELATIONS.map((r) => (
          <option key={r} value={r}>
            {WORDS[r]}
          </option>
        ))}
      </select>
    </div>
  );
}
