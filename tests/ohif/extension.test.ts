// @vitest-environment jsdom
/**
 * Registers the calcification extension's BUILT bundle (extensions/calcification/dist/, made by
 * `npm run build`, which `npm test` runs first) with the real @ohif/core managers (from npm) and
 * runs its commands through OHIF's CommandsManager: the bundle a deployment loads must be what OHIF
 * accepts. The sources are used only for their types.
 */
import OHIF from '@ohif/core';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../extensions/calcification/api.js';
import type { DraftStore } from '../../extensions/calcification/api.js';
import type sourceExtension from '../../extensions/calcification/index.js';
import { deriveFinding, draftImageFrom, newExamDraft } from '../../src/core/draft/index.js';
import { findBreast, ingestDicom, segmentAtSeed, type MammoImage, type Result } from '../../src/core/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLE_DIR = join(here, '../../extensions/calcification/dist/');
if (!existsSync(join(BUNDLE_DIR, 'index.js'))) throw new Error('the extension is not built: run npm run build');
const extension = ((await import(/* @vite-ignore */ pathToFileURL(join(BUNDLE_DIR, 'index.js')).href)) as { default: typeof sourceExtension }).default;
const { createDraftStore, EXTENSION_ID, imagesFromMap, measureWithCore, PANEL_NAME, MAMMO_PROTOCOL_ID } = (await import(/* @vite-ignore */ pathToFileURL(join(BUNDLE_DIR, 'api.js')).href)) as typeof Api;

const sample = join(here, '../../test-data/sample/');

interface Truth {
  readonly calcifications: readonly { readonly groupId: string; readonly centre: { x: number; y: number } }[];
}

let lcc: MammoImage;
let truth: Truth;
let store: DraftStore;
let cm: InstanceType<typeof OHIF.CommandsManager>;
let sm: InstanceType<typeof OHIF.ServicesManager>;
let em: InstanceType<typeof OHIF.ExtensionManager>;

function newStore(): DraftStore {
  const geo = findBreast(lcc);
  return createDraftStore(newExamDraft('2.25.1', [draftImageFrom(lcc, 'LCC', 'current', geo.ok ? geo.value : null)]));
}

beforeAll(async () => {
  const r = await ingestDicom(new Uint8Array(await readFile(`${sample}LCC.dcm`)));
  if (!r.ok) throw new Error(r.error.message);
  lcc = r.value;
  truth = JSON.parse(await readFile(`${sample}LCC.truth.json`, 'utf8')) as Truth;
  store = newStore();

  cm = new OHIF.CommandsManager();
  sm = new OHIF.ServicesManager(cm);
  em = new OHIF.ExtensionManager({ commandsManager: cm, servicesManager: sm, serviceProvidersManager: new OHIF.ServiceProvidersManager(), appConfig: {} });
  sm.setExtensionManager(em);
  sm.registerService(OHIF.HangingProtocolService.REGISTRATION);
  sm.registerService(OHIF.ToolbarService.REGISTRATION);
  const images = new Map([['LCC', lcc]]);
  await em.registerExtension(extension, { store, measureAt: measureWithCore(images), images: imagesFromMap(images), registerTools: false });
});

async function run(name: string, options: Record<string, unknown> = {}): Promise<Result<unknown>> {
  return (await cm.runCommand(`calcscribe.${name}`, options)) as Result<unknown>;
}

function onlyFinding(): string {
  const fs = store.getState().findings;
  expect(fs).toHaveLength(1);
  return (fs[0] as { id: string }).id;
}

describe('the extension as OHIF registers it', () => {
  it('is registered under its id with a panel module entry OHIF can look up', () => {
    expect(em.registeredExtensionIds).toContain(EXTENSION_ID);
    const panel = em.getModuleEntry(`${EXTENSION_ID}.panelModule.${PANEL_NAME}`) as { component: unknown; label: string } | undefined;
    expect(typeof panel?.component).toBe('function');
    expect(panel?.label).toBe('Calcification findings');
  });

  it('hands its mammography protocol to the hanging protocol service, which accepts its selectors and stages', () => {
    const hp = sm.services['hangingProtocolService'] as { getProtocolById(id: string): { stages: { id: string; viewports: { viewportOptions: { viewportId: string } }[] }[]; displaySetSelectors: Record<string, { id: string }> } };
    const p = hp.getProtocolById(MAMMO_PROTOCOL_ID);
    expect(p.stages.map((s) => s.id)).toEqual(['screening', 'compare-cc', 'compare-mlo', 'all-images-1', 'all-images-2', 'all-images-3', 'all-images-4']);
    expect(p.stages[0]?.viewports.map((v) => v.viewportOptions.viewportId)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
    expect(p.displaySetSelectors['LMLOPrior']?.id).toBe('LMLOPrior');
    const modules = em.getModulesByType('hangingProtocolModule').filter((m) => m.extensionId === EXTENSION_ID);
    expect(modules).toHaveLength(1);
  });

  it('keeps the fit callback in the protocol, and OHIF\'s way of running it reaches the extension\'s fit command', async () => {
    const hp = sm.services['hangingProtocolService'] as { getProtocolById(id: string): { callbacks?: { onViewportDataInitialized?: unknown[] } } };
    const callback = hp.getProtocolById(MAMMO_PROTOCOL_ID).callbacks?.onViewportDataInitialized;
    expect(callback).toEqual([{ commandName: 'calcscribe.fitMammograms', context: 'CALCSCRIBE' }]);
    // OHIF's cornerstone extension (attachProtocolViewportDataListener) runs commandsManager.run(...callback).
    // Here no Cornerstone viewport service is registered (no rendering in this test): the command says so.
    const run = cm.run.bind(cm) as (...args: unknown[]) => unknown;
    const r = (await run(...(callback ?? []))) as Result<unknown>;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/no OHIF viewport services/);
  });

    it('registers its toolbar evaluators with the toolbar service', () => {
    const tb = sm.services['toolbarService'] as { _evaluateFunction: Record<string, () => { disabled: boolean }> };
    const undoState = tb._evaluateFunction['evaluate.calcscribe.undo'];
    expect(typeof undoState).toBe('function');
    expect(undoState?.().disabled).toBe(!store.canUndo());
  });
});

describe('commands run through OHIF\'s CommandsManager', () => {
  it('adds clicked calcifications with real measurements, overrides a term, undoes and redoes, and exports', async () => {
    const all = truth.calcifications.filter((c) => c.groupId === 'L2').map((c) => c.centre);
    expect(all).toHaveLength(9);
    // The radiologist clicks the calcifications the core can outline; the others are refused.
    const points = all.filter((p) => segmentAtSeed(lcc, p).ok);
    expect(points.length).toBeGreaterThanOrEqual(4);
    for (const point of points) {
      const r = await run('addCalcificationAt', { imageId: 'LCC', point });
      expect(r.ok).toBe(true);
    }
    const ids = store.getState().findings.map((f) => f.id);
    if (ids.length > 1) expect((await run('mergeFindings', { findingIds: ids })).ok).toBe(true);
    const id = onlyFinding();
    const suggested = deriveFinding(store.getState(), id);
    if (!suggested.ok) throw new Error(suggested.error.message);
    expect(suggested.value.count).toBe(points.length);
    expect(suggested.value.sizeRange.unit).toBe('mm');
    expect(suggested.value.sizeRange.max).toBeLessThan(1);
    expect(suggested.value.suggestion.assessment).not.toBe('4C');

    expect((await run('overrideTerm', { findingId: id, term: 'morphology', value: ['fine-linear branching'] })).ok).toBe(true);
    const overridden = deriveFinding(store.getState(), id);
    expect(overridden.ok && overridden.value.suggestion.assessment).toBe('4C');
    expect(overridden.ok && overridden.value.overridden).toEqual(['morphology']);

    expect((await run('undo')).ok).toBe(true);
    const undone = deriveFinding(store.getState(), id);
    expect(undone.ok && undone.value.suggestion.assessment).toBe(suggested.value.suggestion.assessment);
    expect((await run('redo')).ok).toBe(true);

    await run('setComposition', { composition: 'c' });
    const text = await run('exportReportText');
    expect(text.ok && text.value).toMatch(/heterogeneously dense[\s\S]*fine-linear branching/);
    const json = await run('exportReportJson');
    expect(json.ok && (JSON.parse(json.value as string) as { findings: { overridden: string[] }[] }).findings[0]?.overridden).toEqual(['morphology']);
  });

  it('renders the panel entry OHIF looks up, showing the finding with its overridden suggestion', () => {
    const panel = em.getModuleEntry(`${EXTENSION_ID}.panelModule.${PANEL_NAME}`) as { component: () => ReactElement };
    const view = render(createElement(panel.component));
    try {
      expect(view.getAllByTestId('finding')).toHaveLength(1);
      expect(view.getByTestId('assessment').textContent).toBe('BI-RADS 4C');
      // In OHIF the panel offers the report as a DICOM SR file, with the reader's name.
      expect(view.getByRole('button', { name: 'Save SR file' })).toBeDefined();
      expect(view.getByTestId('reader-name')).toBeDefined();
    } finally {
      cleanup();
    }
  });

  it('shows a calcification chosen in the panel magnified, with its density profile, from the images the host gave', () => {
    // jsdom has no 2-D canvas: the magnified view draws nothing here (it is checked in the browser).
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
    const panel = em.getModuleEntry(`${EXTENSION_ID}.panelModule.${PANEL_NAME}`) as { component: () => ReactElement };
    const view = render(createElement(panel.component));
    try {
      fireEvent.click(view.getByRole('button', { name: /^Calcification 1 of Finding 1 .*magnified view and profile$/ }));
      const selected = view.getByTestId('selected-calcification');
      expect(selected.textContent).not.toContain('The image is not loaded');
      expect(view.getByTestId('zoom-view')).toBeDefined();
      // The profile line's length from the image's calibration (mm): drawn from the image's pixels.
      expect(view.getByTestId('intensity-profile').getAttribute('aria-label')).toMatch(/^Density along the long axis through the centre, \d+(\.\d+)? mm/);
    } finally {
      cleanup();
      HTMLCanvasElement.prototype.getContext = getContext;
    }
  });

  it('places the nipple marker: the finding\'s location and wording follow it, and removing it restores them', async () => {
    const id = onlyFinding();
    const before = deriveFinding(store.getState(), id);
    if (!before.ok) throw new Error(before.error.message);
    const image = store.getState().images[0]!;
    const detected = image.geometry?.nipple;
    if (detected == null || image.rows === undefined) throw new Error('no detected nipple on LCC');
    const centre = store.getState().calcifications[0]!.measurements.centre;
    // On the other side of the finding from the detected nipple, twice as far.
    const point = { x: detected.x, y: Math.min(Math.max(centre.y + 2 * (centre.y - detected.y), 20), image.rows - 20) };
    expect((await run('placeNipple', { imageId: 'LCC', point })).ok).toBe(true);
    expect(store.getState().nippleMarkers).toEqual({ LCC: point });
    const marked = deriveFinding(store.getState(), id);
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.value.location).not.toEqual(before.value.location);
    expect(marked.value.wording).not.toBe(before.value.wording);
    expect((await run('placeNipple', { imageId: 'LCC', point: null })).ok).toBe(true);
    const unmarked = deriveFinding(store.getState(), id);
    expect(unmarked.ok && unmarked.value.wording).toBe(before.value.wording);
    expect(await run('placeNipple', { imageId: 'RCC', point })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no image RCC/) } });
  });

  it('refuses bad options and a click on background with a message, changing nothing', async () => {
    const before = store.getState();
    expect(await run('mergeFindings', { findingIds: 'not-a-list' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/findingIds/) } });
    expect(await run('overrideTerm', { findingId: 'f1-1', term: 'colour', value: 'red' })).toMatchObject({ ok: false });
    expect(await run('addCalcificationAt', { imageId: 'LCC', point: { x: 826, y: 4 } })).toMatchObject({ ok: false });
    expect(await run('addCalcificationAt', { imageId: 'RCC', point: { x: 400, y: 400 } })).toMatchObject({ ok: false });
    expect(store.getState()).toBe(before);
  });

  it('discards the draft only when asked, keeping the images', async () => {
    const revision = store.getState().revision;
    expect((await run('discardDraft')).ok).toBe(true);
    expect(store.getState().findings).toEqual([]);
    expect(store.getState().images).toHaveLength(1);
    expect(store.getState().revision).toBeGreaterThan(revision);
    expect((await run('undo')).ok).toBe(false);
  });
});
