import { useEffect, useId, useState } from 'react';

/**
 * The finding's relation to a treated site, e.g. "at the lumpectomy site": typed freely and
 * committed when the field is left or Enter is pressed (so spaces survive while typing).
 */
export function RelationField(props: { readonly findingLabel: string; readonly relation: string | null; readonly onCommit: (relation: string | null) => void }) {
  const id = useId();
  const [text, setText] = useState(props.relation ?? '');
  useEffect(() => setText(props.relation ?? ''), [props.relation]);
  const commit = (): void => {
    const next = text.trim() === '' ? null : text.trim();
    if (next !== props.relation) props.onCommit(next);
  };
  return (
    <div className="cs-row">
      <label htmlFor={`${id}-relation`}>Relation to a treated site</label>
      <input
        id={`${id}-relation`}
        type="text"
        placeholder="e.g. at the lumpectomy site"
        aria-label={`Relation of ${props.findingLabel} to a treated site`}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}
