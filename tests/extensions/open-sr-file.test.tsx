// @vitest-environment jsdom
/**
 * The OHIF panel's saved reports over the sample exam (the extension's draft store, as OHIF hosts
 * it): Save SR file, then Open SR file of that file over a draft with more work — asked first, the
 * draft kept or replaced as answered —, the report under review in the banner, the next save
 * amending it; a file of another exam or not a calcscribe report refused with the reason.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CalcificationPanel } from '../../extensions/calcification/panel/index.js';
import { createDraftStore, type DraftStore } from '../../extensions/calcification/draft-store.js';
import { CHAIN_KEY_PREFIX, deriveReport } from '../../src/core/draft/index.js';
import { readCalcificationSr } from '../../src/core/report/sr/index.js';
import { sampleViewerStore } from '../cli/sample-viewer-store.js';
import { captureDownloads, type CapturedDownloads } from './capture-downloads.js';

let store: DraftStore;
let captured: CapturedDownloads;

beforeAll(async () => {
  captured = captureDownloads();
  store = (await sampleViewerStore()).store;
}, 120_000);

beforeEach(() => cleanup());

afterAll(() => {
  captured.restore();
  cleanup();
});

async function saveSrFile(): Promise<Uint8Array> {
  const { downloads } = captured;
  const before = downloads.length;
  fireEvent.click(screen.getByRole('button', { name: 'Save SR file' }));
  await waitFor(() => expect(screen.getByTestId('save-sr-status').textContent).toMatch(/^Saved /), { timeout: 20_000 });
  expect(downloads.length).toBe(before + 1);
  const saved = downloads.at(-1);
  expect(saved?.name).toMatch(/\.dcm$/);
  return new Uint8Array(await (saved as { blob: Blob }).blob.arrayBuffer());
}

async function openSrFile(bytes: Uint8Array, name: string): Promise<void> {
  const input = screen.getByTestId('open-sr-file');
  fireEvent.change(input, { target: { files: [new File([new Uint8Array(bytes)], name, { type: 'application/dicom' })] } });
}

const openStatus = (): string => screen.getByTestId('open-sr-status').textContent ?? '';

describe('saved reports in the OHIF panel', () => {
  let first: Uint8Array;
  let firstText: string;

  it('saves an SR file that becomes the exam\'s report under the banner', async () => {
    localStorage.clear();
    render(<CalcificationPanel store={store} offerSrFile />);
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: 'Dr Ada Reader' } });
    first = await saveSrFile();
    firstText = deriveReport(store.getState()).text;
    const banner = await screen.findByTestId('review-banner');
    expect(within(banner).getByTestId('report-chain').textContent).toMatch(/^Reported by Dr Ada Reader at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    const sr = readCalcificationSr(first);
    if (!sr.ok) throw new Error(sr.error.message);
    expect(JSON.parse(localStorage.getItem(`${CHAIN_KEY_PREFIX}${store.getState().examKey}`) ?? 'null')?.latest.instance.sopInstanceUid).toBe(sr.value.instance.sopInstanceUid);
  });

  it('asks before the report replaces a draft with more work, and keeps the draft when told to', async () => {
    render(<CalcificationPanel store={store} offerSrFile />);
    store.dispatch({ type: 'editReportText', text: 'My own words, not in the saved report.' });
    const edited = store.getState();
    await openSrFile(first, 'first.dcm');
    const question = await screen.findByTestId('replace-question');
    expect(question.textContent).toContain('Open the saved report of Dr Ada Reader');
    fireEvent.click(within(question).getByTestId('keep-draft'));
    await waitFor(() => expect(openStatus()).toBe('first.dcm not opened: your draft is kept.'));
    expect(store.getState()).toBe(edited);
    expect(screen.queryByTestId('replace-question')).toBeNull();
  });

  it('opens the report when told to: the draft is the report\'s, under review, and the next save amends it', async () => {
    render(<CalcificationPanel store={store} offerSrFile />);
    await openSrFile(first, 'first.dcm');
    fireEvent.click(within(await screen.findByTestId('replace-question')).getByTestId('replace-draft'));
    await waitFor(() => expect(openStatus()).toBe('Saved report from first.dcm opened for review.'));
    expect(store.getState().reportText).toBeNull();
    expect(deriveReport(store.getState()).text).toBe(firstText);
    expect(screen.getByTestId('review-banner').textContent).toContain('Saved report under review (opened from first.dcm)');
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: 'Dr Bo Second' } });
    const second = readCalcificationSr(await saveSrFile());
    const firstSr = readCalcificationSr(first);
    if (!second.ok || !firstSr.ok) throw new Error('SR not read');
    expect(second.value.predecessor?.sopInstanceUid).toBe(firstSr.value.instance.sopInstanceUid);
    const lines = within(screen.getByTestId('report-chain')).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Reported by Dr Ada Reader at /);
    expect(lines[1]).toMatch(/^Amended by Dr Bo Second at /);
    expect(screen.getByTestId('review-banner').textContent).not.toContain('under review');
  });

  it('says when the draft already is the report, asking nothing', async () => {
    render(<CalcificationPanel store={store} offerSrFile />);
    const shown = store.getState();
    const again = await saveSrFile();
    await openSrFile(again, 'again.dcm');
    await waitFor(() => expect(openStatus()).toBe('The draft already is the saved report from again.dcm: under review.'));
    expect(screen.queryByTestId('replace-question')).toBeNull();
    expect(store.getState()).toBe(shown);
  });

  it('refuses a report of another exam and a file that is not a calcscribe report, saying why, the draft untouched', async () => {
    const other = createDraftStore({ ...store.getState(), examKey: '2.25.999' });
    render(<CalcificationPanel store={other} offerSrFile />);
    const before = other.getState();
    await openSrFile(first, 'first.dcm');
    await waitFor(() => expect(openStatus()).toMatch(/^first\.dcm reports another examination \(study [\d.]+\), not the one on screen: open it with its images\.$/));
    await openSrFile(new Uint8Array([1, 2, 3, 4]), 'notes.txt');
    await waitFor(() => expect(openStatus()).toMatch(/^notes\.txt is not a report calcscribe can open: /));
    expect(other.getState()).toBe(before);
    expect(screen.queryByTestId('review-banner')).toBeNull();
  });
});
