/**
 * Opening studies from the PACS: a "PACS" button (shown only when the standalone server has a
 * DICOMweb server configured) opens a search by Patient ID, patient name (wildcards), accession
 * number and study date range; the studies found are listed, and opening one retrieves its
 * mammograms (n of m told) and hands them to the viewer like local files. The patient's earlier
 * mammograms on the PACS are then offered as priors: one click loads the chosen one as the prior
 * examination. Every failure is status text; text from the server is rendered as text.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FileToLoad } from '../loading/exam.js';
import type { PacsConnection, StudySummary } from './pacs-connection.js';
import { failureText } from './failure-text.js';
import { NO_PACS, type PacsConfig } from './pacs-config.js';
import { retrieveMammograms } from './retrieve-study.js';
import { EMPTY_SEARCH, studyQueryOf, type StudySearchForm } from './study-query.js';
import { mayHoldMammograms, priorLabel, studyRow } from './study-row.js';
import './pacs.css';

export interface PacsPanelProps {
  /** Asks the server whether a PACS is configured (the panel shows nothing until it says so). */
  readonly config: () => Promise<PacsConfig>;
  /** The connection to the PACS through the page's own origin. */
  readonly connect: () => PacsConnection;
  /**
   * Loads retrieved images as the viewer loads local files; `asPrior`: they join the examination
   * shown as its prior. Resolves to how many images were loaded.
   */
  readonly load: (files: readonly FileToLoad[], source: string, asPrior: boolean) => Promise<number>;
  /** Writes to the viewer's message log. */
  readonly say: (message: string) => void;
  /** The Study Instance UID of the examination on screen: priors are offered while the study they were found for is shown. */
  readonly shownStudy: string | null;
}

type Busy = { readonly kind: 'idle' } | { readonly kind: 'searching' } | { readonly kind: 'retrieving'; readonly done: number; readonly total: number; readonly what: string };

export function PacsPanel({ config, connect, load, say, shownStudy }: PacsPanelProps) {
  const [pacs, setPacs] = useState<PacsConfig>(NO_PACS);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<StudySearchForm>(EMPTY_SEARCH);
  const [found, setFound] = useState<readonly StudySummary[] | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<Busy>({ kind: 'idle' });
  // The earlier mammograms found for the study opened last (whose UID is `priorsOf`).
  const [priors, setPriors] = useState<readonly StudySummary[]>([]);
  const [priorsOf, setPriorsOf] = useState<string | null>(null);
  const [priorShown, setPriorShown] = useState<string | null>(null);
  const connection = useRef<PacsConnection | null>(null);
  const dialog = useRef<HTMLDialogElement | null>(null);

  useEffect(() => {
    let live = true;
    void config().then((c) => {
      if (live) setPacs(c);
    });
    return () => {
      live = false;
    };
  }, [config]);

  const pacsNow = useCallback((): PacsConnection => {
    connection.current ??= connect();
    return connection.current;
  }, [connect]);

  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const search = useCallback(
    async (e: FormEvent) => {
      e.preventDefault();
      const q = studyQueryOf(form);
      if (!q.ok) {
        setStatus(`Not searched: ${q.error.message}`);
        return;
      }
      setBusy({ kind: 'searching' });
      setStatus('Searching…');
      const r = await pacsNow().searchStudies(q.value);
      setBusy({ kind: 'idle' });
      if (!r.ok) {
        setStatus(failureText('Search', r.error));
        return;
      }
      setFound(r.value);
      setStatus(r.value.length === 0 ? 'No study found' : `${r.value.length} stud${r.value.length === 1 ? 'y' : 'ies'} found`);
    },
    [form, pacsNow],
  );

  /** Retrieves a study's mammograms and loads them; false when nothing could be loaded. */
  const retrieveAndLoad = useCallback(
    async (study: StudySummary, asPrior: boolean): Promise<boolean> => {
      const what = asPrior ? 'prior' : 'study';
      setBusy({ kind: 'retrieving', done: 0, total: 0, what });
      setStatus(`Retrieving the ${what}'s images…`);
      const r = await retrieveMammograms(pacsNow(), study, (done, total) => {
        setBusy({ kind: 'retrieving', done, total, what });
        setStatus(`Retrieving the ${what}'s images: ${done} of ${total}`);
      });
      if (!r.ok) {
        setBusy({ kind: 'idle' });
        setStatus(failureText(`Retrieving the ${what}`, r.error));
        return false;
      }
      for (const f of r.value.failed) say(`${f.name} not retrieved: ${f.message}`);
      if (r.value.files.length === 0) {
        setBusy({ kind: 'idle' });
        setStatus(`No image of the ${what} could be retrieved`);
        return false;
      }
      setStatus(`Loading the ${what}'s ${r.value.files.length} image${r.value.files.length === 1 ? '' : 's'}…`);
      let loaded: number;
      try {
        loaded = await load(r.value.files, `PACS ${pacs.label}`, asPrior);
      } catch (e) {
        // Never left busy: the search and the other studies stay usable.
        setBusy({ kind: 'idle' });
        setStatus(`Showing the ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
      setBusy({ kind: 'idle' });
      const failed = r.value.failed.length > 0 ? `, ${r.value.failed.length} not retrieved` : '';
      setStatus(loaded === 0 ? `No image of the ${what} could be shown` : `${loaded} image${loaded === 1 ? '' : 's'} of the ${what} loaded${failed}`);
      return loaded > 0;
    },
    [pacsNow, load, pacs.label, say],
  );

  const openStudy = useCallback(
    async (study: StudySummary) => {
      if (!(await retrieveAndLoad(study, false))) return;
      setOpen(false);
      setPriors([]);
      setPriorsOf(study.studyInstanceUid);
      setPriorShown(null);
      const p = await pacsNow().findPriorMammograms(study);
      if (!p.ok) {
        say(failureText('Looking for priors on the PACS', p.error));
        return;
      }
      setPriors(p.value);
      say(
        p.value.length > 0
          ? `${p.value.length} earlier mammogram${p.value.length === 1 ? '' : 's'} of this patient on the PACS: choose one as the prior`
          : 'No earlier mammogram of this patient on the PACS: no prior to compare with',
      );
    },
    [retrieveAndLoad, pacsNow, say],
  );

  const loadPrior = useCallback(
    async (study: StudySummary) => {
      if (await retrieveAndLoad(study, true)) setPriorShown(study.studyInstanceUid);
    },
    [retrieveAndLoad],
  );

  if (!pacs.configured) return null;
  const retrieving = busy.kind === 'retrieving' ? busy : null;
  return (
    <>
      <button type="button" className="pacs-open" onClick={() => setOpen(true)} title={`Search and open studies on ${pacs.label}`}>
        PACS
      </button>
      {priors.length > 0 && priorsOf !== null && priorsOf === shownStudy ? (
        <nav className="pacs-priors" aria-label="Priors on the PACS" data-testid="pacs-priors">
          <span className="label">Priors</span>
          <ul>
            {priors.map((p) => (
              <li key={p.studyInstanceUid}>
                <button type="button" disabled={busy.kind !== 'idle'} aria-current={priorShown === p.studyInstanceUid ? 'true' : undefined} onClick={() => void loadPrior(p)}>
                  {priorLabel(p)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {retrieving !== null && !open ? (
        <p className="pacs-progress">
          <progress aria-label={`Retrieving the ${retrieving.what}'s images`} max={retrieving.total} value={retrieving.done} /> {status}
        </p>
      ) : null}
      <dialog ref={dialog} className="pacs-dialog" aria-label={`Open a study from ${pacs.label}`} onClose={() => setOpen(false)} data-testid="pacs-dialog">
        <header>
          <h2>Open a study from {pacs.label}</h2>
          <button type="button" onClick={() => setOpen(false)}>Close</button>
        </header>
        <form onSubmit={(e) => void search(e)} className="pacs-search">
          <label>
            Patient ID <input name="patientId" value={form.patientId} onChange={(e) => setForm({ ...form, patientId: e.target.value })} />
          </label>
          <label>
            Patient name <input name="patientName" placeholder="DOE^J*" value={form.patientName} onChange={(e) => setForm({ ...form, patientName: e.target.value })} />
          </label>
          <label>
            Accession number <input name="accessionNumber" value={form.accessionNumber} onChange={(e) => setForm({ ...form, accessionNumber: e.target.value })} />
          </label>
          <label>
            Study date from <input type="date" name="dateFrom" value={form.dateFrom} onChange={(e) => setForm({ ...form, dateFrom: e.target.value })} />
          </label>
          <label>
            to <input type="date" name="dateTo" value={form.dateTo} onChange={(e) => setForm({ ...form, dateTo: e.target.value })} />
          </label>
          <button type="submit" disabled={busy.kind !== 'idle'}>Search</button>
        </form>
        <p role="status" aria-live="polite" data-testid="pacs-status">
          {retrieving !== null && retrieving.total > 0 ? <progress aria-label={`Retrieving the ${retrieving.what}'s images`} max={retrieving.total} value={retrieving.done} /> : null} {status}
        </p>
        {found !== null && found.length > 0 ? (
          <table className="pacs-results" data-testid="pacs-results">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Patient ID</th>
                <th scope="col">Date</th>
                <th scope="col">Accession</th>
                <th scope="col">Description</th>
                <th scope="col">Modalities</th>
                <th scope="col">Images</th>
                <th scope="col"><span className="visually-hidden">Open</span></th>
              </tr>
            </thead>
            <tbody>
              {found.map((s) => {
                const row = studyRow(s);
                return (
                  <tr key={row.key}>
                    <td>{row.patient}</td>
                    <td>{row.patientId}</td>
                    <td>{row.date}</td>
                    <td>{row.accession}</td>
                    <td>{row.description}</td>
                    <td>{row.modalities}</td>
                    <td>{row.instances}</td>
                    <td>
                      <button type="button" disabled={busy.kind !== 'idle' || !mayHoldMammograms(s)} onClick={() => void openStudy(s)} aria-label={`Open ${row.patient}, ${row.date}`}>
                        Open
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </dialog>
    </>
  );
}
