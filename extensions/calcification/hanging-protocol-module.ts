/**
 * Mammography hanging in OHIF's hanging-protocol JSON: 2 × 2 with the right breast's images on
 * the left of the screen and the left breast's on the right, chest walls meeting in the middle,
 * the cranio-caudal row above the oblique / lateral row; then current-above-prior comparison
 * stages for each row; then every image of the current study, eight to a page, so that views the
 * 2 × 2 has no place for (FB, SIO, AT, CV, a second CC-row image, spot and magnification views,
 * images without laterality) are never left out.
 *
 * Which view takes which row comes from the core's one views table (VIEWS: CC, XCCL, XCCM hang
 * in the CC row; MLO, ML, LM, LMO in the MLO row). Within a slot the row's own projection (CC,
 * MLO) and a whole-breast image are preferred: a full-field XCCL hangs before a spot-compressed
 * CC, a full-field CC before both.
 *
 * Each image is fitted whole with the chest wall on the viewport edge toward the middle of the
 * screen by the command calcscribe.fitMammograms (the standalone viewer's fit), which OHIF runs
 * once every viewport of a stage has its data (callbacks.onViewportDataInitialized).
 */
import { VIEWS, type MammoView, type ViewModifier } from 'calcscribe/core';
import { COMMAND_CONTEXT, COMMAND_PREFIX } from './id.js';
import { LATERALITY_ATTRIBUTE, VIEW_ATTRIBUTE, VIEW_MODIFIERS_ATTRIBUTE } from './mammo-attributes.js';

/** The protocol's id: its module entry is `<extension id>.hangingProtocolModule.<id>`. */
export const MAMMO_PROTOCOL_ID = 'calcscribe.mammo';

type Side = 'R' | 'L';
type Row = 'CC' | 'MLO';

/** The views hung in a row of the 2 × 2, from the views table. */
export function viewsInRow(row: Row): MammoView[] {
  return (Object.keys(VIEWS) as MammoView[]).filter((v) => VIEWS[v].hangsAs === row);
}

/** View modifiers that make an image show part of the breast: a whole-breast image is preferred in the 2 × 2. */
export const PARTIAL_VIEW_MODIFIERS: readonly ViewModifier[] = ['spot-compression', 'magnification'];

/**
 * Rule weights within a slot (required rules must pass; the others add their weight). A
 * whole-breast image outweighs the row's own projection, which outweighs Modality MG: full CC 27,
 * full XCCL 25, spot CC 23, spot XCCL 21.
 */
const WEIGHT = { required: 10, wholeBreast: 4, rowProjection: 2, mammography: 1 } as const;

/** Study 0 is the current study, 1 the prior (OHIF's studyInstanceUIDsIndex, numberOfPriorsReferenced 1). */
const studyRule = (index: 0 | 1) => ({ attribute: 'studyInstanceUIDsIndex', from: 'options', required: true, constraint: { equals: { value: index } } });

const selector = (side: Side, row: Row, prior: boolean) => ({
  studyMatchingRules: [studyRule(prior ? 1 : 0)],
  seriesMatchingRules: [
    { weight: WEIGHT.required, attribute: LATERALITY_ATTRIBUTE, required: true, constraint: { equals: { value: side } } },
    { weight: WEIGHT.required, attribute: VIEW_ATTRIBUTE, required: true, constraint: { includes: { value: viewsInRow(row) } } },
    { weight: WEIGHT.wholeBreast, attribute: VIEW_MODIFIERS_ATTRIBUTE, constraint: { doesNotInclude: { value: [...PARTIAL_VIEW_MODIFIERS] } } },
    { weight: WEIGHT.rowProjection, attribute: VIEW_ATTRIBUTE, constraint: { equals: { value: row } } },
    { weight: WEIGHT.mammography, attribute: 'Modality', constraint: { equals: { value: 'MG' } } },
  ],
});

/** The selector of every image of the current study, ordered right CC row, left CC row, right MLO row, left MLO row, then the rest. */
const ALL_IMAGES = 'currentImage';
const allImagesSelector = () => ({
  studyMatchingRules: [studyRule(0)],
  seriesMatchingRules: [
    { attribute: 'numImageFrames', required: true, constraint: { greaterThan: { value: 0 } } },
    { weight: 4, attribute: VIEW_ATTRIBUTE, constraint: { includes: { value: viewsInRow('CC') } } },
    { weight: 2, attribute: VIEW_ATTRIBUTE, constraint: { includes: { value: viewsInRow('MLO') } } },
    { weight: 1, attribute: LATERALITY_ATTRIBUTE, constraint: { equals: { value: 'R' } } },
  ],
});

type Viewport = {
  viewportOptions: { viewportId: string; viewportType: 'stack'; toolGroupId: string; allowUnmatchedView: boolean };
  displaySets: { id: string; matchedDisplaySetsIndex?: number }[];
};

const viewport = (side: Side, row: Row, prior: boolean): Viewport => {
  const id = `${side}${row}${prior ? 'Prior' : ''}`;
  return {
    viewportOptions: { viewportId: id, viewportType: 'stack', toolGroupId: 'calcscribe', allowUnmatchedView: true },
    displaySets: [{ id }],
  };
};

/**
 * What OHIF runs when every viewport of a stage has its data: OHIF's cornerstone extension calls
 * `commandsManager.run(...onViewportDataInitialized)`, so the list holds one command to run.
 */
export const FIT_ON_DATA = [{ commandName: `${COMMAND_PREFIX}.fitMammograms`, context: COMMAND_CONTEXT }];

const grid = (name: string, id: string, rows: number, columns: number, viewports: Viewport[], stageActivation?: object) => ({
  id,
  name,
  viewportStructure: { layoutType: 'grid', properties: { rows, columns } },
  viewports,
  ...(stageActivation === undefined ? {} : { stageActivation }),
});

/** Images per page of the all-images stages, and how many pages (a study with more images than this shows the rest in OHIF's study browser only). */
export const ALL_IMAGES_PAGE = { rows: 2, columns: 4, pages: 4 } as const;

function allImagesPages() {
  const perPage = ALL_IMAGES_PAGE.rows * ALL_IMAGES_PAGE.columns;
  return Array.from({ length: ALL_IMAGES_PAGE.pages }, (_, page) =>
    grid(
      `All images ${page * perPage + 1}–${(page + 1) * perPage}`,
      `all-images-${page + 1}`,
      ALL_IMAGES_PAGE.rows,
      ALL_IMAGES_PAGE.columns,
      Array.from({ length: perPage }, (_, i) => ({
        viewportOptions: { viewportId: `image${page * perPage + i + 1}`, viewportType: 'stack', toolGroupId: 'calcscribe', allowUnmatchedView: true },
        displaySets: [{ id: ALL_IMAGES, matchedDisplaySetsIndex: page * perPage + i }],
      })),
      // Disabled (not reachable) when the page has no image; OHIF opens the first enabled stage,
      // so an exam with no image for the 2 × 2 opens on its images here.
      { passive: { minViewportsMatched: 1 } },
    ),
  );
}

const selectors = {
  ...Object.fromEntries(
    (['R', 'L'] as const).flatMap((side) =>
      (['CC', 'MLO'] as const).flatMap((row) => [
        [`${side}${row}`, selector(side, row, false)],
        [`${side}${row}Prior`, selector(side, row, true)],
      ]),
    ),
  ),
  [ALL_IMAGES]: allImagesSelector(),
};

/** The protocol as OHIF's HangingProtocolService takes it. */
export const MAMMO_PROTOCOL = {
  id: MAMMO_PROTOCOL_ID,
  name: 'Mammography: RCC LCC / RMLO LMLO',
  locked: true,
  numberOfPriorsReferenced: 1,
  protocolMatchingRules: [{ id: 'mammography', weight: 150, attribute: 'ModalitiesInStudy', constraint: { contains: ['MG'] } }],
  toolGroupIds: ['calcscribe'],
  callbacks: { onViewportDataInitialized: FIT_ON_DATA },
  displaySetSelectors: selectors,
  stages: [
    grid('Screening 2 × 2', 'screening', 2, 2, [viewport('R', 'CC', false), viewport('L', 'CC', false), viewport('R', 'MLO', false), viewport('L', 'MLO', false)]),
    grid('CC: current above prior', 'compare-cc', 2, 2, [viewport('R', 'CC', false), viewport('L', 'CC', false), viewport('R', 'CC', true), viewport('L', 'CC', true)]),
    grid('MLO: current above prior', 'compare-mlo', 2, 2, [viewport('R', 'MLO', false), viewport('L', 'MLO', false), viewport('R', 'MLO', true), viewport('L', 'MLO', true)]),
    ...allImagesPages(),
  ],
};

/** OHIF's getHangingProtocolModule (a copy of the protocol: OHIF fills in defaults in place). */
export function getHangingProtocolModule(): { name: string; protocol: typeof MAMMO_PROTOCOL }[] {
  return [{ name: MAMMO_PROTOCOL_ID, protocol: JSON.parse(JSON.stringify(MAMMO_PROTOCOL)) as typeof MAMMO_PROTOCOL }];
}
