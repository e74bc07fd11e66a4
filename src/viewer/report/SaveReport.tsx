/**
 * Saving the report: the reader's name (a setting of this browser, the observer of every report
 * saved here), Save SR file, and Save to PACS when a PACS is configured.
 */
import { useId, type ReactNode } from 'react';

export function SaveReport({ readerName, onReaderName, onSaveFile, children }: {
  readonly readerName: string;
  readonly onReaderName: (name: string) => void;
  readonly onSaveFile: () => void;
  /** Save to PACS, when a PACS is configured. */
  readonly children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="save-report" aria-label="Save the report" data-testid="save-report">
      <p>
        <label htmlFor={id}>Reader</label>{' '}
        <input id={id} type="text" data-testid="reader-name" value={readerName} placeholder="Your name, as the report gives it" maxLength={64} onChange={(e) => onReaderName(e.target.value)} />
      </p>
      <p>
        <button type="button" data-testid="save-sr-file" onClick={onSaveFile}>Save SR file</button>
        {children}
      </p>
    </section>
  );
}
