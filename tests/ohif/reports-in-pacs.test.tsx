// @vitest-environment jsdom
/**
 * The exam's saved reports looked up in the PACS when the OHIF panel opens it: the extension's
 * BUILT bundle registered with the real @ohif/core managers beside a DICOMweb data source
 * registered as OHIF registers its own, which hands out its dicomweb-client (as OHIF's
 * DicomWebDataSource does with `retrieve.getWadoDicomWebClient()`), over a real Orthanc behind a
 * proxy that injects faults. A report saved at one workstation is found at another (an empty
 * browser storage, a fresh draft of the same exam), opened for review — asked first over work —,
 * and the next save there amends it; a failing or silent PACS, another system's SR and a report
 * that cannot be retrieved are said, and nothing is opened in their place.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Api from '../../extensions/calcification/api.js';
import { installXmlHttpRequest } from '../../src/cli/xhr-host.js';
import { listInstances, storeInstances } from '../../src/dicomweb/index.js';
import { deriveReport } from '../../src/core/draft/index.js';
import { readCalcificationSr } from '../../src/core/report/sr/index.js';
import { sampleViewerStore } from '../cli/sample-viewer-store.js';
import { isQido, isWado, startFaultProxy, type FaultProxy } from '../pacs/fault-proxy.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import OHIF from '@ohif/core';
import { builtExtension, dicomWebDataSources, ohifManagers } from './ohif-host.js';

const {
  extension,
  api: { EXTENSION_ID, PANEL_NAME },
} = await builtExtension();

const DATA_SOURCE = 'dicomweb';
const TIMEOUT_MS = 3000;
const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';

let pacs: OrthancServer;
let proxy: FaultProxy;
let studyUid: string;
const jsdomXhr = (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;

beforeAll(async () => {
  // jsdom's XMLHttpRequest enforces CORS, which Orthanc does not answer: Node's, as the command line uses.
  delete (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  installXmlHttpRequest();
  pacs = await startOrthanc();
  proxy = await startFaultProxy(pacs.dicomWebUrl);
}, 180_000);

beforeEach(() => {
  cleanup();
  proxy.setFault(null);
});

afterAll(async () => {
  cleanup();
  await proxy?.stop();
  await pacs?.stop();
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = jsdomXhr;
});

/**
 * A workstation opening the sample exam: nothing kept in its browser, the sample's draft (with the
 * radiologist's work), OHIF's managers with the data source active and the extension's panel shown.
 */
async function workstation(signedIn?: { readonly clientMadeWith: string; readonly sessionNow: () => string }): Promise<Api.DraftStore> {
  localStorage.clear();
  const { store } = await sampleViewerStore();
  studyUid = store.getState().examKey;
  const { em, sm } = ohifManagers();
  const headers = signedIn === undefined ? {} : { headers: { Authorization: signedIn.clientMadeWith } };
  if (signedIn !== undefined) {
    // As OHIF's OIDC setup does: the user's session holds the token, renewed as it expires.
    sm.registerService(OHIF.UserAuthenticationService.REGISTRATION);
    (sm.services as { userAuthenticationService: { setServiceImplementation(i: unknown): void } }).userAuthenticationService.setServiceImplementation({
      getAuthorizationHeader: () => ({ Authorization: signedIn.sessionNow() }),
    });
  }
  await em.registerExtension(dicomWebDataSources({ handsOutClient: true }), {}, [
    { namespace: 'test-dicomweb.dataSourcesModule.dicomweb', sourceName: DATA_SOURCE, configuration: { wadoRoot: proxy.dicomWebUrl, ...headers } },
  ]);
  em.setActiveDataSource(DATA_SOURCE);
  await em.registerExtension(extension, { store, registerTools: false, storeTimeoutMs: TIMEOUT_MS, lookupTimeoutMs: TIMEOUT_MS });
  const entry = em.getModuleEntry(`${EXTENSION_ID}.panelModule.${PANEL_NAME}`) as { component: () => ReactElement };
  render(entry.component());
  return store;
}

const lookUpStatus = (): string => screen.getByTestId('open-sr-status').textContent ?? '';

async function saveToPacs(reader: string): Promise<string> {
  fireEvent.change(screen.getByTestId('reader-name'), { target: { value: reader } });
  fireEvent.click(screen.getByRole('button', { name: 'Save to PACS' }));
  await waitFor(() => expect(screen.getByTestId('save-sr-status').textContent).toMatch(/^Saved to the PACS/), { timeout: TIMEOUT_MS + 10_000 });
  return screen.getByTestId('save-sr-status').textContent ?? '';
}

/** The study's SRs in Orthanc, read back through Orthanc's own REST API. */
async function storedReports() {
  const list = await listInstances({ url: pacs.dicomWebUrl }, studyUid);
  if (!list.ok) throw new Error(list.error.message);
  const out = [];
  for (const ref of list.value.filter((i) => i.sopClassUid === COMPREHENSIVE_SR)) {
    const lookup = (await (await fetch(`${pacs.baseUrl}/tools/lookup`, { method: 'POST', body: ref.sopInstanceUid })).json()) as { ID: string; Type: string }[];
    const id = lookup.find((l) => l.Type === 'Instance')?.ID;
    if (id === undefined) throw new Error(`Orthanc does not find ${ref.sopInstanceUid}`);
    const r = readCalcificationSr(new Uint8Array(await (await fetch(`${pacs.baseUrl}/instances/${id}/file`)).arrayBuffer()));
    out.push(r);
  }
  return out;
}

describe('the exam\'s saved reports looked up in the PACS by the OHIF panel', () => {
  it('an exam without saved reports: the study\'s instances are listed through the data source, none opened, said so', async () => {
    const store = await workstation();
    const before = store.getState();
    await waitFor(() => expect(lookUpStatus()).toBe('No saved report of this exam in the PACS (dicomweb).'), { timeout: 20_000 });
    expect(proxy.seen.some((s) => s.method === 'GET' && s.path.includes(`/studies/${studyUid}/instances`))).toBe(true);
    expect(store.getState()).toBe(before);
    expect(screen.queryByTestId('reports-in-pacs')).toBeNull();
  }, 120_000);

  it('a report saved at one workstation is found at another: listed, opened for review once the radiologist agrees, and the next save there amends it', async () => {
    await workstation();
    await waitFor(() => expect(lookUpStatus()).toMatch(/^No saved report/), { timeout: 20_000 });
    const said = await saveToPacs('Dr Ada Reader');
    const first = /SOP Instance UID (2\.25\.\d+)/.exec(said)?.[1];
    expect(first).toBeDefined();

    // Another workstation: an empty browser, the same exam with the radiologist's own work.
    cleanup();
    const store = await workstation();
    const mine = store.getState();
    const question = await screen.findByTestId('replace-question', {}, { timeout: 20_000 });
    expect(question.textContent).toContain('Open the saved report of Dr Ada Reader');
    expect(within(screen.getByTestId('reports-in-pacs')).getByText(/^1 saved report of this exam in the PACS \(newest first\)$/)).toBeTruthy();
    expect(store.getState()).toBe(mine);
    fireEvent.click(screen.getByTestId('replace-draft'));
    await waitFor(() => expect(screen.getByTestId('review-banner').textContent).toContain('Saved report under review (opened from the PACS (dicomweb))'));
    const [stored] = await storedReports();
    if (stored === undefined || !stored.ok) throw new Error('the first report is not in the PACS');
    expect(deriveReport(store.getState()).text).toBe(deriveReport(stored.value.draft).text);

    const amended = await saveToPacs('Dr Bo Second');
    expect(amended).toContain(`amends ${first}`);
    const all = await storedReports();
    expect(all).toHaveLength(2);
    const second = all.find((r) => r.ok && r.value.predecessor !== null);
    expect(second?.ok && second.value.predecessor?.sopInstanceUid).toBe(first);
  }, 180_000);

  it('the listing refused (HTTP 500) or not answered in time: said why, the draft untouched', async () => {
    proxy.setFault({ kind: 'status', status: 500, statusText: 'Internal Server Error', body: '', match: isQido });
    let store = await workstation();
    let before = store.getState();
    await waitFor(() => expect(lookUpStatus()).toBe('The saved reports of this exam could not be listed in the PACS (dicomweb): the server answered HTTP 500 Internal Server Error.'), { timeout: 20_000 });
    expect(store.getState()).toBe(before);
    expect(screen.queryByTestId('replace-question')).toBeNull();

    cleanup();
    proxy.setFault({ kind: 'hang', match: isQido });
    store = await workstation();
    before = store.getState();
    await waitFor(() => expect(lookUpStatus()).toBe('The saved reports of this exam could not be listed: the PACS (dicomweb) did not answer within 3 s.'), { timeout: 20_000 });
    expect(store.getState()).toBe(before);
  }, 120_000);

  it('another system\'s SR in the study and a report the PACS will not give: each said, the readable report still offered', async () => {
    // Another system's SR of the same study: a calcscribe report re-labelled with another document title.
    const foreign = await foreignSr();
    const put = await storeInstances({ url: pacs.dicomWebUrl }, [foreign.bytes]);
    if (!put.ok) throw new Error(put.error.message);

    await workstation();
    await screen.findByTestId('replace-question', {}, { timeout: 20_000 });
    expect(lookUpStatus()).toContain(`Report ${foreign.uid}: the PACS (dicomweb) is not a report calcscribe can open:`);
    expect(within(screen.getByTestId('reports-in-pacs')).getByText(/^2 saved reports of this exam in the PACS/)).toBeTruthy();

    cleanup();
    proxy.setFault({ kind: 'status', status: 503, statusText: 'Service Unavailable', body: '', match: isWado });
    await workstation();
    await waitFor(() => expect(lookUpStatus()).toMatch(/could not be retrieved from the PACS \(dicomweb\): the server answered HTTP 503 Service Unavailable/), { timeout: 20_000 });
    expect(screen.queryByTestId('replace-question')).toBeNull();
    expect(screen.queryByTestId('reports-in-pacs')).toBeNull();
  }, 180_000);
  it("each request carries the Authorization header of the user's session at that time, not the one the data source's client was made with", async () => {
    // A report in the study, so that the look-up retrieves as well as lists.
    await workstation();
    await waitFor(() => expect(lookUpStatus() !== '' || screen.queryByTestId('reports-in-pacs') !== null).toBe(true), { timeout: 20_000 });
    await saveToPacs('Dr Ada Reader');
    cleanup();
    const from = proxy.seen.length;
    await workstation({ clientMadeWith: 'Bearer expired-at-sign-in', sessionNow: () => 'Bearer renewed' });
    await screen.findByTestId('reports-in-pacs', {}, { timeout: 20_000 });
    const lookUp = proxy.seen.slice(from).filter((r) => r.method === 'GET');
    expect(lookUp.some((r) => isQido(r.method, r.path))).toBe(true);
    expect(lookUp.some((r) => isWado(r.method, r.path))).toBe(true);
    expect(lookUp.map((r) => r.authorization)).toEqual(lookUp.map(() => 'Bearer renewed'));
  }, 180_000);
});

/** An SR of the sample study that calcscribe did not write: the stored report with its document title changed, under a new SOP Instance UID. */
async function foreignSr(): Promise<{ bytes: ArrayBuffer; uid: string }> {
  const [first] = await storedReports();
  if (first === undefined || !first.ok) throw new Error('no report to copy');
  const list = await listInstances({ url: pacs.dicomWebUrl }, studyUid);
  if (!list.ok) throw new Error(list.error.message);
  const ref = list.value.find((i) => i.sopClassUid === COMPREHENSIVE_SR);
  const lookup = (await (await fetch(`${pacs.baseUrl}/tools/lookup`, { method: 'POST', body: ref?.sopInstanceUid ?? '' })).json()) as { ID: string; Type: string }[];
  const id = lookup.find((l) => l.Type === 'Instance')?.ID ?? '';
  const { default: dcmjs } = await import('dcmjs');
  const dict = dcmjs.data.DicomMessage.readFile(await (await fetch(`${pacs.baseUrl}/instances/${id}/file`)).arrayBuffer()) as unknown as { meta: Record<string, unknown>; dict: Record<string, unknown>; write(): ArrayBuffer };
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict) as Record<string, unknown> & { ConceptNameCodeSequence: { CodeValue: string; CodingSchemeDesignator: string; CodeMeaning: string }[] };
  const uid = `2.25.${BigInt(`0x${'9'.repeat(20)}`).toString()}`;
  ds.SOPInstanceUID = uid;
  ds.SeriesInstanceUID = `${uid}.1`;
  ds.ConceptNameCodeSequence = [{ CodeValue: '18748-4', CodingSchemeDesignator: 'LN', CodeMeaning: 'Diagnostic imaging report' }];
  dict.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(ds);
  dict.meta['00020003'] = { vr: 'UI', Value: [uid] };
  return { bytes: dict.write(), uid };
}
