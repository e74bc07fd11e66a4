/**
 * Open SR file in the OHIF panel: a report calcscribe saved (Save SR file, or retrieved from the
 * PACS as a file) opened over the exam's draft for review; what was refused, and why, is said.
 */
import { useId } from 'react';

export function OpenSrFile(props: {
  readonly onFiles: (files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[]) => Promise<void>;
  readonly status: string;
}) {
  const id = useId();
  return (
    <div className="cs-open-sr" data-testid="open-sr">
      <label htmlFor={`${id}-file`}>Open SR file</label>{' '}
      <input
        id={`${id}-file`}
        type="file"
        accept=".dcm,application/dicom"
        multiple
        data-testid="open-sr-file"
        onChange={(e) => {
          const input = e.currentTarget;
          const files = [...(input.files ?? [])];
          void Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() }))).then((read) => {
            input.value = '';
            return props.onFiles(read);
          });
        }}
      />
      <p className="cs-status" role="status" aria-live="polite" data-testid="open-sr-status">
        {props.status}
      </p>
    </div>
  );
}
