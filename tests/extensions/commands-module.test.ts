import { beforeAll, describe, expect, it } from 'vitest';
import { calcificationCommands, getCommandsModule } from '../../extensions/calcification/commands-module.js';
import { createDraftStore, setCurrentDraftStore, type DraftStore } from '../../extensions/calcification/draft-store.js';
import { measureWithCore } from '../../extensions/calcification/measure-at.js';
import { newExamDraft } from '../../src/core/draft/index.js';
import type { Result } from '../../src/core/index.js';
import { loadSampleImage, type SampleImage } from '../core/draft/sample-exam.js';

let rcc: SampleImage;
beforeAll(async () => {
  rcc = await loadSampleImage('RCC');
});

function setUp(): { store: DraftStore; run: (name: string, o?: Record<string, unknown>) => Promise<Result<unknown>> } {
  const store = createDraftStore(newExamDraft('exam', [rcc.draftImage]));
  const commands = calcificationCommands({ store, measureAt: measureWithCore(new Map([['RCC', rcc.image]])) });
  const run = async (name: string, o: Record<string, unknown> = {}): Promise<Result<unknown>> => {
    const c = commands[`calcscribe.${name}`];
    if (c === undefined) throw new Error(`no command ${name}`);
    return (await c.commandFn(o)) as Result<unknown>;
  };
  return { store, run };
}

describe('the calcscribe commands', () => {
  it('lists every command in the extension context', () => {
    const m = getCommandsModule({ configuration: {} });
    expect(m.defaultContext).toBe('CALCSCRIBE');
    expect(Object.keys(m.definitions).sort()).toEqual(
      [
        'addCalcificationAt', 'removeCalcification', 'mergeFindings', 'splitFinding', 'moveCalcification', 'overrideTerm', 'setChange', 'setRelation',
        'setComposition', 'setHistory', 'setPriorDate', 'placeNipple', 'editReportText', 'resetReportText', 'undo', 'redo', 'exportReportText',
        'exportReportJson', 'discardDraft', 'fitMammograms',
      ].map((n) => `calcscribe.${n}`).sort(),
    );
  });

  it('splits, moves, sets the change, relation, prior date, nipple and report text of real calcifications', async () => {
    const { store, run } = setUp();
    const r1 = rcc.truth.filter((c) => c.groupId === 'R1').map((c) => c.centre);
    for (const point of r1) expect((await run('addCalcificationAt', { imageId: 'RCC', point })).ok).toBe(true);
    const f = store.getState().findings[0];
    if (f === undefined) throw new Error('no finding');
    expect(f.calcificationIds).toHaveLength(6);
    expect((await run('splitFinding', { findingId: f.id, calcificationIds: f.calcificationIds.slice(0, 1) })).ok).toBe(true);
    const [kept, split] = store.getState().findings;
    expect((await run('moveCalcification', { id: split?.calcificationIds[0], toFindingId: kept?.id })).ok).toBe(true);
    expect(store.getState().findings).toHaveLength(1);
    expect((await run('setChange', { findingId: kept?.id, change: { kind: 'stable', years: 2 } })).ok).toBe(true);
    expect((await run('setRelation', { findingId: kept?.id, relation: 'at the lumpectomy site' })).ok).toBe(true);
    expect((await run('setPriorDate', { date: '2024-03-12' })).ok).toBe(true);
    expect((await run('placeNipple', { imageId: 'RCC', point: { x: 190, y: 498 } })).ok).toBe(true);
    const text = await run('exportReportText');
    expect(text.ok && text.value).toMatch(/at the lumpectomy site[\s\S]*stable/);
    expect((await run('editReportText', { text: 'Typed.' })).ok).toBe(true);
    expect(await run('exportReportText')).toEqual({ ok: true, value: 'Typed.' });
    expect((await run('resetReportText')).ok).toBe(true);
    expect(store.getState().reportText).toBeNull();
    expect(store.getState().nippleMarkers).toEqual({ RCC: { x: 190, y: 498 } });
    expect((await run('overrideTerm', { findingId: kept?.id, term: 'distribution', clear: true })).ok).toBe(true);
    expect((await run('setHistory', { history: 'none' })).ok).toBe(false);
  });

  it('adds measured items as given, and says when no measurer or no exam is there', async () => {
    const { store, run } = setUp();
    const noMeasurer = calcificationCommands({ store })['calcscribe.addCalcificationAt'];
    expect(await noMeasurer?.commandFn({ imageId: 'RCC', point: { x: 1, y: 1 } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no measurer/) } });
    const measured = await measureWithCore(new Map([['RCC', rcc.image]]))('RCC', rcc.truth[0]?.centre ?? { x: 0, y: 0 });
    if (!measured.ok) throw new Error(measured.error.message);
    expect((await run('addCalcificationAt', { imageId: 'RCC', items: measured.value })).ok).toBe(true);
    expect(store.getState().calcifications).toHaveLength(1);
    expect((await run('addCalcificationAt', { point: { x: 1, y: 1 } })).ok).toBe(false);

    setCurrentDraftStore(null);
    const unbound = calcificationCommands({})['calcscribe.undo'];
    expect(unbound?.commandFn({})).toMatchObject({ ok: false, error: { message: 'no exam is open' } });
    setCurrentDraftStore(store);
    expect(unbound?.commandFn({})).toMatchObject({ ok: true });
    setCurrentDraftStore(null);
  });
});
