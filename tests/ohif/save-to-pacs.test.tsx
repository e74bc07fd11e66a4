// @vitest-environment jsdom
/**
 * "Save to PACS" in the OHIF panel: the extension's BUILT bundle registered with the real
 * @ohif/core managers beside a DICOMweb data source registered the way OHIF registers its own
 * (a data sources module, made active by name), whose store sends the Part 10 bytes as they are
 * with dicomweb-client's storeInstances — what OHIF's DicomWebDataSource does with an ArrayBuffer —
 * to a real Orthanc, behind a proxy that injects faults. The panel is the entry OHIF looks up.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../extensions/calcification/api.js';
import { installXmlHttpRequest } from '../../src/cli/xhr-host.js';
import { listInstances } from '../../src/dicomweb/index.js';
import { readCalcificationSr } from '../../src/core/report/sr/index.js';
import { CHAIN_KEY_PREFIX, deriveReport } from '../../src/core/draft/index.js';
import { sampleViewerStore } from '../cli/sample-viewer-store.js';
import { expectValidSr } from '../core/report/sr/sr-tree.js';
import { isStow, startFaultProxy, type FaultProxy } from '../pacs/fault-proxy.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { builtExtension, dicomWebDataSources, ohifManagers, type OhifManagers } from './ohif-host.js';

const {
  extension,
  api: { EXTENSION_ID, PANEL_NAME },
} = await builtExtension();

const DATA_SOURCE = 'dicomweb';
const TIMEOUT_MS = 3000;

let pacs: OrthancServer;
let proxy: FaultProxy;
let em: OhifManagers['em'];
let studyUid: string;
let store: Api.DraftStore;
let dir: string;
const jsdomXhr = (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;

beforeAll(async () => {
  // jsdom's XMLHttpRequest enforces CORS, which Orthanc does not answer: Node's, as the command line uses.
  delete (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  installXmlHttpRequest();
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-ohif-pacs-'));
  pacs = await startOrthanc();
  proxy = await startFaultProxy(pacs.dicomWebUrl);
  ({ store } = await sampleViewerStore());
  studyUid = store.getState().images.find((i) => i.role === 'current')?.dicom?.studyInstanceUid ?? '';
  expect(studyUid).not.toBe('');
  ({ em } = ohifManagers());
  await em.registerExtension(dicomWebDataSources({ handsOutClient: false }), {}, [
    { namespace: 'test-dicomweb.dataSourcesModule.dicomweb', sourceName: DATA_SOURCE, configuration: { wadoRoot: proxy.dicomWebUrl } },
    { namespace: 'test-dicomweb.dataSourcesModule.readonly', sourceName: 'static', configuration: {} },
  ]);
  em.setActiveDataSource(DATA_SOURCE);
  await em.registerExtension(extension, { store, registerTools: false, storeTimeoutMs: TIMEOUT_MS });
  const entry = em.getModuleEntry(`${EXTENSION_ID}.panelModule.${PANEL_NAME}`) as { component: () => ReactElement };
  render(entry.component());
}, 180_000);

afterAll(async () => {
  cleanup();
  await proxy?.stop();
  await pacs?.stop();
  rmSync(dir, { recursive: true, force: true });
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = jsdomXhr;
});

const status = (): string => screen.getByTestId('save-sr-status').textContent ?? '';
const cfg = (): { url: string } => ({ url: pacs.dicomWebUrl });

async function saveToPacs(): Promise<string> {
  const before = status();
  fireEvent.click(screen.getByRole('button', { name: 'Save to PACS' }));
  await waitFor(() => expect(status()).not.toMatch(/^Saving to the PACS/), { timeout: TIMEOUT_MS + 10_000 });
  await waitFor(() => expect(status()).not.toBe(before));
  return status();
}

/** The SRs Orthanc holds in the study, read back (QIDO-RS lists them; Orthanc's REST API gives each file as stored). */
async function storedReports() {
  const list = await listInstances(cfg(), studyUid);
  if (!list.ok) throw new Error(list.error.message);
  const out = [];
  for (const ref of list.value.filter((i) => i.sopClassUid === '1.2.840.10008.5.1.4.1.1.88.33')) {
    const lookup = (await (await fetch(`${pacs.baseUrl}/tools/lookup`, { method: 'POST', body: ref.sopInstanceUid })).json()) as { ID: string; Type: string }[];
    const id = lookup.find((l) => l.Type === 'Instance')?.ID;
    if (id === undefined) throw new Error(`Orthanc does not find ${ref.sopInstanceUid}`);
    const bytes = new Uint8Array(await (await fetch(`${pacs.baseUrl}/instances/${id}/file`)).arrayBuffer());
    const r = readCalcificationSr(bytes);
    if (!r.ok) throw new Error(r.error.message);
    out.push({ bytes, sr: r.value });
  }
  return out;
}

describe('Save to PACS in the OHIF panel', () => {
  it('is offered beside Save SR file, and refused without the reader\'s name: nothing sent', async () => {
    expect(screen.getByRole('button', { name: 'Save SR file' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: '' } });
    const stowsBefore = proxy.seen.filter((s) => isStow(s.method, s.path)).length;
    expect(await saveToPacs()).toMatch(/^Not saved to the PACS: the report needs the reader's name/);
    expect(proxy.seen.filter((s) => isStow(s.method, s.path)).length).toBe(stowsBefore);
  });

  it('stores the SR in the study through OHIF\'s active data source: valid, the same findings and reader', async () => {
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: 'Dr Ada Reader' } });
    const said = await saveToPacs();
    expect(said).toMatch(new RegExp(`^Saved to the PACS through ${DATA_SOURCE} \\(SOP Instance UID 2\\.25\\.\\d+\\)\\.$`));
    const stored = await storedReports();
    expect(stored).toHaveLength(1);
    const [first] = stored;
    if (first === undefined) throw new Error('nothing stored');
    expect(said).toContain(first.sr.instance.sopInstanceUid);
    expect(first.sr.observer.name).toBe('Dr Ada Reader^');
    expect(first.sr.predecessor).toBeNull();
    expect(deriveReport(first.sr.draft).text).toBe(deriveReport(store.getState()).text);
    const path = join(dir, 'first.dcm');
    writeFileSync(path, first.bytes);
    expectValidSr(path);
  }, 60_000);

  it('says why when the PACS answers 500; saving again sends the same report, which amends the one stored before', async () => {
    proxy.setFault({ kind: 'status', status: 500, statusText: 'Internal Server Error', body: 'disk full', match: isStow });
    const refused = await saveToPacs();
    expect(refused).toMatch(
      /^Not saved to the PACS: the data source "dicomweb" did not store it: the server answered HTTP 500 Internal Server Error: disk full \(SOP Instance UID 2\.25\.\d+; saving again while the draft is unchanged sends the same report\)\. The draft is unchanged\.$/,
    );
    const attempted = /SOP Instance UID (2\.25\.\d+)/.exec(refused)?.[1];
    proxy.setFault(null);
    expect(await storedReports()).toHaveLength(1);
    const said = await saveToPacs();
    const stored = await storedReports();
    expect(stored).toHaveLength(2);
    const first = stored.find((x) => x.sr.predecessor === null);
    const second = stored.find((x) => x.sr.predecessor !== null);
    if (first === undefined || second === undefined) throw new Error('expected a report and its amendment');
    expect(second.sr.instance.sopInstanceUid).toBe(attempted);
    expect(second.sr.predecessor?.sopInstanceUid).toBe(first.sr.instance.sopInstanceUid);
    expect(said).toBe(`Saved to the PACS through ${DATA_SOURCE} (SOP Instance UID ${attempted}, amends ${first.sr.instance.sopInstanceUid}).`);
  }, 60_000);

  it('a save by another reader after a failed store makes a new report: the new one is stored, not the old', async () => {
    proxy.setFault({ kind: 'status', status: 503, statusText: 'Service Unavailable', body: '', match: isStow });
    const refused = await saveToPacs();
    const attempted = /SOP Instance UID (2\.25\.\d+)/.exec(refused)?.[1];
    expect(attempted).toBeDefined();
    proxy.setFault(null);
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: 'Dr Bo Second' } });
    const said = await saveToPacs();
    const stored = await storedReports();
    expect(stored).toHaveLength(3);
    expect(stored.map((x) => x.sr.instance.sopInstanceUid)).not.toContain(attempted);
    const made = /SOP Instance UID (2\.25\.\d+)/.exec(said)?.[1];
    const third = stored.find((x) => x.sr.instance.sopInstanceUid === made);
    expect(third?.sr.observer.name).toBe('Dr Bo Second^');
  }, 60_000);

  it('keeps the exam\'s report chain in the browser, as the standalone viewer does: the panel opened again (a reload) amends the last report stored', async () => {
    const examKey = store.getState().examKey;
    const kept = JSON.parse(localStorage.getItem(`${CHAIN_KEY_PREFIX}${examKey}`) ?? 'null') as { latest: { instance: { sopInstanceUid: string } } } | null;
    const stored = await storedReports();
    const latest = stored.find((x) => x.sr.observer.name === 'Dr Bo Second^');
    expect(kept?.latest.instance.sopInstanceUid).toBe(latest?.sr.instance.sopInstanceUid);
    cleanup();
    const entry = em.getModuleEntry(`${EXTENSION_ID}.panelModule.${PANEL_NAME}`) as { component: () => ReactElement };
    render(entry.component());
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: 'Dr Bo Second' } });
    const said = await saveToPacs();
    const made = /SOP Instance UID (2\.25\.\d+)/.exec(said)?.[1];
    const amendment = (await storedReports()).find((x) => x.sr.instance.sopInstanceUid === made);
    expect(amendment?.sr.predecessor?.sopInstanceUid).toBe(latest?.sr.instance.sopInstanceUid);
  }, 60_000);

  it('says so when the active data source cannot store, sending nothing', async () => {
    const stowsBefore = proxy.seen.filter((x) => isStow(x.method, x.path)).length;
    em.setActiveDataSource('static');
    try {
      expect(await saveToPacs()).toBe('Not saved to the PACS: the data source "static" cannot store DICOM objects. The draft is unchanged.');
    } finally {
      em.setActiveDataSource(DATA_SOURCE);
    }
    expect(proxy.seen.filter((x) => isStow(x.method, x.path)).length).toBe(stowsBefore);
  });

  it('says so when the PACS does not answer in time; once it answers, saving again stores that report', async () => {
    proxy.setFault({ kind: 'hang', match: isStow });
    const late = await saveToPacs();
    expect(late).toMatch(
      /^Not saved to the PACS: the data source "dicomweb" did not answer within 3 s; it may still store the report: look for it in the study before storing again \(SOP Instance UID 2\.25\.\d+; saving again while the draft is unchanged sends the same report\)\. The draft is unchanged\.$/,
    );
    const attempted = /SOP Instance UID (2\.25\.\d+)/.exec(late)?.[1];
    proxy.setFault(null);
    await saveToPacs();
    expect((await storedReports()).map((x) => x.sr.instance.sopInstanceUid)).toContain(attempted);
  }, 60_000);
});
