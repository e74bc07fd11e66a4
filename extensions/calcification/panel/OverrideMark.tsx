/** "overridden — suggested: amorphous" with a button that goes back to the suggestion. */
export function OverrideMark(props: { readonly suggested: string; readonly termName: string; readonly onRevert: () => void }) {
  return (
    <span className="cs-overridden" data-testid="overridden">
      overridden — suggested: {props.suggested}{' '}
      <button type="button" className="cs-link" onClick={props.onRevert} aria-label={`Revert ${props.termName} to the suggestion (${props.suggested})`}>
        revert
      </button>
    </span>
  );
}
