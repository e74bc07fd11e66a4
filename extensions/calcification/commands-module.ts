/**
 * The extension's OHIF commands: every radiologist action on the draft, undo / redo, and the
 * report exports. Commands act on the draft store and answer with a Result (exports with text).
 * Options come from toolbars, hotkeys and panels, so each is checked before use.
 */
import type { Overrides, OverriddenTerm } from 'calcscribe/core';
import type { DraftAction, NewCalcification } from 'calcscribe/draft';
import type { ExamDraft } from 'calcscribe/draft';
import { examReportJson, exportReportText } from 'calcscribe/draft';
import type { BreastComposition, ChangeSincePrior, ClinicalHistory } from 'calcscribe/core';
import { err, ok, type Result } from 'calcscribe/core';
import type { PointPx } from 'calcscribe/core';
import { readConfiguration, storeOf, type CalcificationExtensionConfiguration } from './configuration.js';
import type { DraftStore } from './draft-store.js';
import { fitMammogramViewports, type FitServices } from './fit-viewports.js';
import { COMMAND_CONTEXT, COMMAND_PREFIX } from './id.js';

type Options = Record<string, unknown>;
type CommandFn = (options: Options) => unknown;

const OVERRIDABLE: readonly OverriddenTerm[] = ['morphology', 'distribution', 'change', 'history', 'composition', 'side', 'assessment'];

const text = (o: Options, key: string): string | null => (typeof o[key] === 'string' && o[key] !== '' ? (o[key] as string) : null);
const texts = (o: Options, key: string): string[] | null =>
  Array.isArray(o[key]) && (o[key] as unknown[]).every((v) => typeof v === 'string') ? (o[key] as string[]) : null;
const point = (v: unknown): PointPx | null =>
  typeof v === 'object' && v !== null && Number.isFinite((v as PointPx).x) && Number.isFinite((v as PointPx).y) ? { x: (v as PointPx).x, y: (v as PointPx).y } : null;
const missing = (what: string): Result<never> => err('bad-argument', `the command needs ${what}`);

/** The definitions OHIF registers: `calcscribe.<name>` → { commandFn }. `services` are OHIF's (for the viewport fit). */
export function calcificationCommands(config: CalcificationExtensionConfiguration, services: FitServices = {}): Record<string, { commandFn: CommandFn }> {
  const withStore = (run: (store: DraftStore, o: Options) => unknown): CommandFn => (o) => {
    const store = storeOf(config);
    return store === null ? err('bad-argument', 'no exam is open') : run(store, o);
  };
  const act = (build: (o: Options) => DraftAction | Result<never>): CommandFn =>
    withStore((store, o) => {
      const a = build(o);
      return 'type' in a ? store.dispatch(a) : a;
    });

  const actions: Record<string, CommandFn> = {
    /** options: { imageId, items } measured already, or { imageId, point } to measure with `measureAt`. */
    addCalcificationAt: withStore(async (store, o): Promise<Result<ExamDraft>> => {
      const imageId = text(o, 'imageId');
      if (imageId === null) return missing('an imageId');
      if (Array.isArray(o['items'])) return store.dispatch({ type: 'addCalcifications', imageId, items: o['items'] as NewCalcification[] });
      const p = point(o['point']);
      if (p === null) return missing('a point { x, y } in image pixels or measured items');
      if (config.measureAt === undefined) return err('bad-argument', 'no measurer is configured for clicks');
      const measured = await config.measureAt(imageId, p);
      if (!measured.ok) return measured;
      return store.dispatch({ type: 'addCalcifications', imageId, items: measured.value });
    }),
    removeCalcification: act((o) => (text(o, 'id') === null ? missing('a calcification id') : { type: 'removeCalcification', id: text(o, 'id') as string })),
    mergeFindings: act((o) => {
      const ids = texts(o, 'findingIds');
      return ids === null ? missing('findingIds') : { type: 'mergeFindings', findingIds: ids };
    }),
    splitFinding: act((o) => {
      const findingId = text(o, 'findingId');
      const ids = texts(o, 'calcificationIds');
      return findingId === null || ids === null ? missing('a findingId and calcificationIds') : { type: 'splitFinding', findingId, calcificationIds: ids };
    }),
    moveCalcification: act((o) => {
      const id = text(o, 'id');
      const to = text(o, 'toFindingId');
      return id === null || to === null ? missing('an id and a toFindingId') : { type: 'moveCalcification', id, toFindingId: to };
    }),
    /** options: { findingId, term, value } replaces one term; { findingId, term, clear: true } restores the suggestion. */
    overrideTerm: act((o) => {
      const findingId = text(o, 'findingId');
      const term = text(o, 'term') as OverriddenTerm | null;
      if (findingId === null || term === null || !OVERRIDABLE.includes(term)) return missing(`a findingId and a term (${OVERRIDABLE.join(', ')})`);
      if (o['clear'] === true) return { type: 'clearOverrides', findingId, terms: [term] };
      if (o['value'] === undefined) return missing('a value (or clear: true)');
      return { type: 'overrideTerms', findingId, overrides: { [term]: o['value'] } as Overrides };
    }),
    setChange: act((o) =>
      text(o, 'findingId') === null || typeof o['change'] !== 'object' || o['change'] === null
        ? missing('a findingId and a change')
        : { type: 'setChange', findingId: text(o, 'findingId') as string, change: o['change'] as ChangeSincePrior },
    ),
    setRelation: act((o) =>
      text(o, 'findingId') === null ? missing('a findingId') : { type: 'setRelation', findingId: text(o, 'findingId') as string, relation: typeof o['relation'] === 'string' ? o['relation'] : null },
    ),
    setComposition: act((o) => ({ type: 'setComposition', composition: (o['composition'] ?? null) as BreastComposition | null })),
    setHistory: act((o) => (typeof o['history'] === 'object' && o['history'] !== null ? { type: 'setHistory', history: o['history'] as ClinicalHistory } : missing('a history'))),
    setPriorDate: act((o) => ({ type: 'setPriorDate', date: typeof o['date'] === 'string' ? o['date'] : null })),
    placeNipple: act((o) => (text(o, 'imageId') === null ? missing('an imageId') : { type: 'placeNipple', imageId: text(o, 'imageId') as string, point: point(o['point']) })),
    editReportText: act((o) => (typeof o['text'] === 'string' ? { type: 'editReportText', text: o['text'] } : missing('the text'))),
    resetReportText: act(() => ({ type: 'resetReportText' })),
    undo: withStore((store) => store.undo()),
    redo: withStore((store) => store.redo()),
    exportReportText: withStore((store) => ok(exportReportText(store.getState()))),
    /** The report as JSON: the command line's `exam --json`, the same bytes (examReportJson). */
    exportReportJson: withStore((store) => ok(examReportJson(store.getState()))),
    /** Throws the draft of this exam away; the host asks the radiologist first. */
    discardDraft: withStore((store) => ok(store.discard())),
    /**
     * Fits the mammograms whole, chest wall toward the middle of the screen (the hanging
     * protocol's onViewportDataInitialized); options: { viewportIds } to fit only those.
     */
    fitMammograms: (o) => fitMammogramViewports(services, texts(o, 'viewportIds') ?? undefined),
  };
  return Object.fromEntries(Object.entries(actions).map(([name, commandFn]) => [`${COMMAND_PREFIX}.${name}`, { commandFn }]));
}

/** OHIF's getCommandsModule: the definitions in the extension's own context. */
export function getCommandsModule({ configuration, servicesManager }: { readonly configuration?: unknown; readonly servicesManager?: { readonly services?: FitServices } } = {}): {
  definitions: Record<string, { commandFn: CommandFn }>;
  defaultContext: string;
} {
  return { definitions: calcificationCommands(readConfiguration(configuration), servicesManager?.services ?? {}), defaultContext: COMMAND_CONTEXT };
}
