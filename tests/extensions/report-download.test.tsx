// @vitest-environment jsdom
/**
 * The findings panel over the sample exam as the viewer builds it (the same clicks and grouping as
 * tests/cli/report-equals-viewer.test.ts): its "Export JSON" download is the command line's
 * `exam --json` of the same exam, and each card's size range is the core's, in the digits the
 * report sentence gives sizes.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalcificationPanel } from '../../extensions/calcification/panel/index.js';
import type { DraftStore } from '../../extensions/calcification/draft-store.js';
import { deriveReport } from '../../src/core/draft/index.js';
import { fmtMmWords } from '../../src/core/report/words.js';
import { readCalcificationSr } from '../../src/core/report/sr/index.js';
import { expectValidSr } from '../core/report/sr/sr-tree.js';
import { cli, sampleViewerStore } from '../cli/sample-viewer-store.js';
import { captureDownloads, type CapturedDownloads } from './capture-downloads.js';

let store: DraftStore;
let captured: CapturedDownloads;
let downloads: CapturedDownloads['downloads'];

beforeAll(async () => {
  captured = captureDownloads();
  downloads = captured.downloads;
  store = (await sampleViewerStore()).store;
}, 120_000);

afterAll(() => {
  captured.restore();
  cleanup();
});

describe('the findings panel over the sample exam', () => {
  it('downloads, as "Export JSON", the command line\'s exam --json of the same exam, byte for byte', async () => {
    render(<CalcificationPanel store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const got = downloads.at(-1);
    if (got === undefined) throw new Error('Export JSON offered no download');
    expect(got.name).toMatch(/^calcscribe-.+\.json$/);
    expect(got.blob.type).toBe('application/json');
    const downloaded = await got.blob.text();
    // The command line ends what it prints with a line end.
    expect(`${downloaded}\n`).toBe(cli(['exam', 'test-data/sample', '--json']));
    const j = JSON.parse(downloaded) as { findings: unknown[]; coded: { findings: unknown[] }; report: { edited: boolean } };
    expect(j.findings).toHaveLength(4);
    expect(j.coded.findings).toHaveLength(4);
    expect(j.report.edited).toBe(false);
    cleanup();
  });

  it('saves, as "Save SR file", a Comprehensive SR of the draft that dciodvfy and dsrdump accept and that reads back to the same findings, by the reader named', async () => {
    localStorage.clear();
    render(<CalcificationPanel store={store} offerSrFile />);
    const before = downloads.length;
    // Without the reader's name the report is not made, and the panel says why.
    fireEvent.click(screen.getByRole('button', { name: 'Save SR file' }));
    await waitFor(() => expect(screen.getByTestId('save-sr-status').textContent).toMatch(/^Not saved: the report needs the reader's name/));
    expect(downloads.length).toBe(before);
    fireEvent.change(screen.getByTestId('reader-name'), { target: { value: 'Dr Ana Ortiz' } });
    expect(localStorage.getItem('calcscribe.readerName')).toBe('Dr Ana Ortiz');
    fireEvent.click(screen.getByRole('button', { name: 'Save SR file' }));
    await waitFor(() => expect(screen.getByTestId('save-sr-status').textContent).toMatch(/^Saved calcscribe-.+\.dcm \(SOP Instance UID 2\.25\.\d+\)\.$/));
    const got = downloads.at(-1);
    if (got === undefined || downloads.length !== before + 1) throw new Error('Save SR file offered no download');
    expect(got.name).toMatch(/^calcscribe-.+\.dcm$/);
    expect(got.blob.type).toBe('application/dicom');
    const bytes = new Uint8Array(await got.blob.arrayBuffer());
    const read = readCalcificationSr(bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.observer.name).toContain('Ortiz');
    expect(read.value.observer.device).toContain('calcscribe');
    // The same report: the findings' sentences of the draft read back are the panel's.
    expect(deriveReport(read.value.draft).findings).toEqual(deriveReport(store.getState()).findings);
    expect(read.value.draft.calcifications).toHaveLength(store.getState().calcifications.length);
    // The real validators, on the file as downloaded.
    const dir = mkdtempSync(join(tmpdir(), 'calcscribe-panel-sr-'));
    try {
      const path = join(dir, got.name);
      writeFileSync(path, bytes);
      expectValidSr(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    cleanup();
  }, 60_000);

  it('offers no Save SR file to a host that saves reports its own way (the standalone viewer)', () => {
    render(<CalcificationPanel store={store} />);
    expect(screen.queryByRole('button', { name: 'Save SR file' })).toBeNull();
    expect(screen.queryByTestId('reader-name')).toBeNull();
    cleanup();
  });

  it('shows on each card the size range the core derived, its largest as the report sentence states it', () => {
    render(<CalcificationPanel store={store} />);
    const report = deriveReport(store.getState());
    const cards = screen.getAllByTestId('finding');
    expect(cards).toHaveLength(report.findingsDerived.length);
    let stated = 0;
    for (const [i, d] of report.findingsDerived.entries()) {
      const card = cards[i] as HTMLElement;
      expect(within(card).getByTestId('finding-size').textContent).toBe(d.sizeRange.words);
      expect(within(card).getByTestId('wording').textContent).toBe(d.wording);
      const upTo = /up to (\d+\.\d+) mm/.exec(report.findings[i] ?? '');
      if (upTo === null) continue; // vascular calcifications are named only, not measured
      stated += 1;
      expect(upTo[1]).toBe(fmtMmWords(d.sizeRange.max));
      expect(d.sizeRange.words).toContain(`${upTo[1]} mm, `);
    }
    expect(stated).toBeGreaterThanOrEqual(2);
    cleanup();
  });
});
