/**
 * Save SR file in the findings panel: the exam's report as a DICOM Comprehensive SR (TID 1500), the
 * file the command line's `report --sr` writes for the same draft (draftSrFile); Save to PACS
 * stores the same file in the study through the host's archive, where the host offers one. The reader's name
 * is required (a report says who made it) and kept in this browser (reader-name.ts, the standalone
 * viewer's setting too).
 */
import type { Result } from 'calcscribe/core';
import type { DraftSr } from 'calcscribe/draft';
import { useId, useState } from 'react';
import { downloadFile, exportFileName } from './download.js';
import { readerName, setReaderName } from './reader-name.js';

/** What a save answers: the file's bytes and its SOP Instance UID, or why it was not made. */
export type SaveSrResult = Result<Pick<DraftSr, 'bytes' | 'sopInstanceUid'>>;

/** What storing in the PACS answers: the stored report, the one it amends and where it went, or why not. */
export type StoreSrResult = Result<{ readonly sopInstanceUid: string; readonly amends: string | null; readonly dataSourceName: string }>;

export function SaveSrFile(props: {
  readonly examKey: string;
  readonly saveSr: (reader: string) => Promise<SaveSrResult>;
  /** Stores the report in the study through the host's archive (OHIF's data source); absent: not offered. */
  readonly storeSr?: (reader: string) => Promise<StoreSrResult>;
}) {
  const id = useId();
  const [reader, setReader] = useState(() => readerName());
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      const r = await props.saveSr(reader);
      if (!r.ok) {
        setStatus(`Not saved: ${r.error.message}.`);
        return;
      }
      const name = exportFileName(props.examKey, 'dcm');
      downloadFile(name, r.value.bytes, 'application/dicom');
      setStatus(`Saved ${name} (SOP Instance UID ${r.value.sopInstanceUid}).`);
    } catch (e) {
      setStatus(`Not saved: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setSaving(false);
    }
  };
  const store = async (storeSr: (reader: string) => Promise<StoreSrResult>): Promise<void> => {
    setSaving(true);
    setStatus('Saving to the PACS…');
    try {
      const r = await storeSr(reader);
      if (!r.ok) {
        setStatus(`Not saved to the PACS: ${r.error.message}. The draft is unchanged.`);
        return;
      }
      const { sopInstanceUid, amends, dataSourceName } = r.value;
      setStatus(`Saved to the PACS through ${dataSourceName} (SOP Instance UID ${sopInstanceUid}${amends === null ? '' : `, amends ${amends}`}).`);
    } catch (e) {
      setStatus(`Not saved to the PACS: ${e instanceof Error ? e.message : String(e)}. The draft is unchanged.`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="cs-save-sr" data-testid="save-sr">
      <label htmlFor={`${id}-reader`}>Reader</label>{' '}
      <input
        id={`${id}-reader`}
        type="text"
        data-testid="reader-name"
        value={reader}
        maxLength={64}
        placeholder="Your name, as the report gives it"
        onChange={(e) => {
          setReader(e.currentTarget.value);
          setReaderName(e.currentTarget.value);
        }}
      />{' '}
      <button type="button" disabled={saving} onClick={() => void save()}>
        Save SR file
      </button>
      {props.storeSr !== undefined ? (
        <>
          {' '}
          <button type="button" disabled={saving} onClick={() => void store(props.storeSr as (reader: string) => Promise<StoreSrResult>)}>
            Save to PACS
          </button>
        </>
      ) : null}
      <p className="cs-status" role="status" aria-live="polite" data-testid="save-sr-status">
        {status}
      </p>
    </div>
  );
}
