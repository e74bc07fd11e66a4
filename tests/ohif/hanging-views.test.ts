// @vitest-environment jsdom
/**
 * The extension's mammography hanging protocol, from the BUILT bundle, run by the real @ohif/core
 * HangingProtocolService against the display sets of exams with every kind of view: coded views
 * (CID 4014) and View Position strings, ML / LM instead of MLO, exaggerated CC, spot and
 * magnification views, views the 2 × 2 has no place for, a prior study. What OHIF puts in each
 * viewport is read from the service's match details.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Api from '../../extensions/calcification/api.js';
import type sourceExtension from '../../extensions/calcification/index.js';
import { ohifManagers } from './ohif-host.js';

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLE_DIR = join(here, '../../extensions/calcification/dist/');
if (!existsSync(join(BUNDLE_DIR, 'index.js'))) throw new Error('the extension is not built: run npm run build');
const extension = ((await import(/* @vite-ignore */ pathToFileURL(join(BUNDLE_DIR, 'index.js')).href)) as { default: typeof sourceExtension }).default;
const { MAMMO_PROTOCOL_ID } = (await import(/* @vite-ignore */ pathToFileURL(join(BUNDLE_DIR, 'api.js')).href)) as typeof Api;

/** SNOMED CT codes of CID 4014 (views) and CID 4015 (modifiers), PS3.16. */
const SCT = { CC: '399162004', MLO: '399368009', ML: '399260004', LM: '399352003', XCCL: '399192008', FB: '399196006' } as const;
const MODIFIER = { spot: '399055006', magnification: '399163009' } as const;

interface Image {
  readonly uid: string;
  readonly laterality?: string;
  /** A coded view (View Code Sequence) … */
  readonly coded?: keyof typeof SCT;
  /** … or a View Position string. */
  readonly position?: string;
  readonly modifiers?: readonly (keyof typeof MODIFIER)[];
  readonly orientation?: string;
}

const CURRENT = '1.2.840.1.1';
/** The prior's UID sorts after the current's: OHIF breaks ties between studies by UID, descending. */
const PRIOR = '1.2.840.1.9';

let series = 0;
function displaySet(study: string, image: Image): Record<string, unknown> {
  series += 1;
  const instance: Record<string, unknown> = { Modality: 'MG', StudyInstanceUID: study, SOPInstanceUID: `${image.uid}.1` };
  if (image.laterality !== undefined) instance['ImageLaterality'] = image.laterality;
  if (image.position !== undefined) instance['ViewPosition'] = image.position;
  if (image.orientation !== undefined) instance['PatientOrientation'] = image.orientation.split('\\');
  if (image.coded !== undefined) {
    const item: Record<string, unknown> = { CodeValue: SCT[image.coded], CodingSchemeDesignator: 'SCT' };
    if (image.modifiers !== undefined) {
      item['ViewModifierCodeSequence'] = image.modifiers.map((m) => ({ CodeValue: MODIFIER[m], CodingSchemeDesignator: 'SCT' }));
    }
    instance['ViewCodeSequence'] = [item];
  }
  return {
    displaySetInstanceUID: image.uid,
    StudyInstanceUID: study,
    SeriesInstanceUID: `${image.uid}.s`,
    SeriesNumber: series,
    Modality: 'MG',
    numImageFrames: 1,
    instances: [instance],
    instance,
  };
}

interface Exam {
  readonly current: readonly Image[];
  readonly prior?: readonly Image[];
}

interface StageModel {
  id: string;
  status: string;
  viewports: { viewportOptions: { viewportId: string } }[];
}
interface Service {
  run(args: { studies: object[]; displaySets: object[]; activeStudy: object }, protocolId?: string, options?: object): void;
  getActiveProtocol(): {
    protocol: { id: string; stages: StageModel[] };
    stage: StageModel;
    viewportMatchDetails: Map<string, { displaySetsInfo?: { displaySetInstanceUID?: string }[] }>;
  };
}

let hp: Service;

beforeAll(async () => {
  const { sm, em } = ohifManagers();
  await em.registerExtension(extension, { registerTools: false });
  hp = sm.services['hangingProtocolService'] as Service;
});

/** Runs the protocol OHIF matches for the exam (at a stage when named): viewport id → display set uid (null when empty), the stage shown, every stage's status. */
function hang(exam: Exam, stageId?: string): { stage: string; viewports: Record<string, string | null>; status: Record<string, string>; protocol: string } {
  const studies = [{ StudyInstanceUID: CURRENT, ModalitiesInStudy: ['MG'] }, ...(exam.prior ? [{ StudyInstanceUID: PRIOR, ModalitiesInStudy: ['MG'] }] : [])];
  const displaySets = [...exam.current.map((i) => displaySet(CURRENT, i)), ...(exam.prior ?? []).map((i) => displaySet(PRIOR, i))];
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    if (stageId === undefined) hp.run({ studies, displaySets, activeStudy: studies[0]! });
    else hp.run({ studies, displaySets, activeStudy: studies[0]! }, MAMMO_PROTOCOL_ID, { stageId });
  } finally {
    log.mockRestore();
    warn.mockRestore();
  }
  const active = hp.getActiveProtocol();
  const viewports = Object.fromEntries(
    active.stage.viewports.map((v) => {
      const id = v.viewportOptions.viewportId;
      return [id, active.viewportMatchDetails.get(id)?.displaySetsInfo?.[0]?.displaySetInstanceUID ?? null];
    }),
  );
  return { stage: active.stage.id, viewports, status: Object.fromEntries(active.protocol.stages.map((s) => [s.id, s.status])), protocol: active.protocol.id };
}

/** Every display set uid shown on the all-images pages, in order. */
function allImages(exam: Exam): (string | null)[] {
  const first = hang(exam);
  const pages = Object.entries(first.status).filter(([id, s]) => id.startsWith('all-images-') && s !== 'disabled').map(([id]) => id);
  return pages.flatMap((page) => Object.values(hang(exam, page).viewports)).filter((u) => u !== null);
}

const FOUR_CODED: Image[] = [
  { uid: 'rcc', laterality: 'R', coded: 'CC' },
  { uid: 'lcc', laterality: 'L', coded: 'CC' },
  { uid: 'rmlo', laterality: 'R', coded: 'MLO' },
  { uid: 'lmlo', laterality: 'L', coded: 'MLO' },
];

describe('the mammography protocol in OHIF', () => {
  it('hangs a screening exam RCC LCC / RMLO LMLO, the current study\'s images even when the prior\'s UID sorts first', () => {
    const prior: Image[] = [
      { uid: 'p-rcc', laterality: 'R', position: 'CC' },
      { uid: 'p-lcc', laterality: 'L', position: 'CC' },
      { uid: 'p-rmlo', laterality: 'R', position: 'MLO' },
      { uid: 'p-lmlo', laterality: 'L', position: 'MLO' },
    ];
    const r = hang({ current: FOUR_CODED, prior });
    expect(r.protocol).toBe(MAMMO_PROTOCOL_ID);
    expect(r.stage).toBe('screening');
    expect(r.viewports).toEqual({ RCC: 'rcc', LCC: 'lcc', RMLO: 'rmlo', LMLO: 'lmlo' });
    expect(hang({ current: FOUR_CODED, prior }, 'compare-cc').viewports).toEqual({ RCC: 'rcc', LCC: 'lcc', RCCPrior: 'p-rcc', LCCPrior: 'p-lcc' });
    expect(hang({ current: FOUR_CODED, prior }, 'compare-mlo').viewports).toEqual({ RMLO: 'rmlo', LMLO: 'lmlo', RMLOPrior: 'p-rmlo', LMLOPrior: 'p-lmlo' });
  });

  it('puts the prior\'s ML and XCCL (View Position strings) beside the current\'s MLO and CC', () => {
    const prior: Image[] = [
      { uid: 'p-rxccl', laterality: 'R', position: 'XCCL' },
      { uid: 'p-lml', laterality: 'L', position: 'ML' },
    ];
    expect(hang({ current: FOUR_CODED, prior }, 'compare-cc').viewports).toEqual({ RCC: 'rcc', LCC: 'lcc', RCCPrior: 'p-rxccl', LCCPrior: null });
    expect(hang({ current: FOUR_CODED, prior }, 'compare-mlo').viewports).toEqual({ RMLO: 'rmlo', LMLO: 'lmlo', RMLOPrior: null, LMLOPrior: 'p-lml' });
  });

  it('hangs ML and LM in the oblique row when the exam has no MLO, coded or as View Position, and shows them on the all-images page', () => {
    const exam = { current: [{ uid: 'rml', laterality: 'R', coded: 'ML' }, { uid: 'llm', laterality: 'L', position: 'lm' }] as Image[] };
    const r = hang(exam);
    expect(r.stage).toBe('screening');
    expect(r.viewports).toEqual({ RCC: null, LCC: null, RMLO: 'rml', LMLO: 'llm' });
    expect(allImages(exam).sort()).toEqual(['llm', 'rml']);
  });

  it('prefers the row\'s own projection and a whole-breast image, but hangs what there is', () => {
    const exam = {
      current: [
        { uid: 'l-spot-cc', laterality: 'L', coded: 'CC', modifiers: ['spot', 'magnification'] },
        { uid: 'l-xccl', laterality: 'L', coded: 'XCCL' },
        { uid: 'r-xccl', laterality: 'R', position: 'XCCL' },
        { uid: 'r-cc', laterality: 'R', position: 'CC' },
        { uid: 'r-ml', laterality: 'R', coded: 'ML' },
        { uid: 'r-mlo', laterality: 'R', coded: 'MLO' },
        { uid: 'l-mag-mlo', laterality: 'L', coded: 'MLO', modifiers: ['magnification'] },
      ] as Image[],
    };
    expect(hang(exam).viewports).toEqual({ RCC: 'r-cc', LCC: 'l-xccl', RMLO: 'r-mlo', LMLO: 'l-mag-mlo' });
  });

  it('infers CC and MLO from Patient Orientation when the image names no view, as the core does', () => {
    const exam = { current: [{ uid: 'r-cc', laterality: 'R', orientation: 'P\\L' }, { uid: 'l-mlo', laterality: 'L', orientation: 'A\\FR' }] as Image[] };
    expect(hang(exam).viewports).toEqual({ RCC: 'r-cc', LCC: null, RMLO: null, LMLO: 'l-mlo' });
  });

  it('leaves no image out: extra views, a second CC-row image and an image without laterality are on the all-images page, the CC row first', () => {
    const extras: Image[] = [
      { uid: 'r-xccl', laterality: 'R', coded: 'XCCL' },
      { uid: 'l-spot', laterality: 'L', coded: 'CC', modifiers: ['spot'] },
      { uid: 'r-fb', laterality: 'R', coded: 'FB' },
      { uid: 'no-side', coded: 'CC' },
    ];
    const exam = { current: [...FOUR_CODED, ...extras] };
    const r = hang(exam);
    expect(r.viewports).toEqual({ RCC: 'rcc', LCC: 'lcc', RMLO: 'rmlo', LMLO: 'lmlo' });
    expect(r.status['all-images-1']).not.toBe('disabled');
    expect(r.status['all-images-2']).toBe('disabled');
    const shown = allImages(exam);
    expect([...shown].sort()).toEqual([...FOUR_CODED, ...extras].map((i) => i.uid).sort());
    expect(shown.slice(0, 3)).toEqual(['rcc', 'r-xccl', 'lcc']);
  });

  it('pages an exam with more images than a page holds, and opens on the images when the 2 × 2 has none of them', () => {
    const many: Image[] = Array.from({ length: 11 }, (_, i) => ({ uid: `fb${i}`, laterality: i % 2 ? 'L' : 'R', coded: 'FB' }));
    const r = hang({ current: many });
    expect(r.stage).toBe('all-images-1');
    expect([r.status['all-images-2'], r.status['all-images-3']]).toEqual(['enabled', 'disabled']);
    expect(allImages({ current: many }).sort()).toEqual(many.map((i) => i.uid).sort());
  });
});
