/**
 * Mammography hanging in OHIF's hanging-protocol JSON: 2 × 2 with the right breast's images on
 * the left of the screen and the left breast's on the right, chest walls meeting in the middle,
 * CC above MLO; then current-above-prior comparison stages for CC and for MLO.
 */
import { LATERALITY_ATTRIBUTE, VIEW_ATTRIBUTE } from './mammo-attributes.js';

/** The protocol's id: its module entry is `<extension id>.hangingProtocolModule.<id>`. */
export const MAMMO_PROTOCOL_ID = 'calcscribe.mammo';

type Side = 'R' | 'L';
type View = 'CC' | 'MLO';

const selector = (side: Side, view: View, prior: boolean) => ({
  ...(prior
    ? { studyMatchingRules: [{ attribute: 'studyInstanceUIDsIndex', from: 'options', required: true, constraint: { equals: { value: 1 } } }] }
    : {}),
  seriesMatchingRules: [
    { weight: 10, attribute: LATERALITY_ATTRIBUTE, required: true, constraint: { equals: { value: side } } },
    { weight: 10, attribute: VIEW_ATTRIBUTE, required: true, constraint: { equals: { value: view } } },
    { weight: 1, attribute: 'Modality', constraint: { equals: { value: 'MG' } } },
  ],
});

/**
 * The chest wall of a right-breast image sits at the image's right edge, so it is pinned to the
 * viewport's right edge (toward the middle of the screen); a left-breast image the other way.
 */
const displayArea = (side: Side) => ({
  storeAsInitialCamera: true,
  imageArea: [0.95, 0.95],
  imageCanvasPoint: side === 'R' ? { imagePoint: [1, 0.5], canvasPoint: [1, 0.5] } : { imagePoint: [0, 0.5], canvasPoint: [0, 0.5] },
});

const viewport = (side: Side, view: View, prior: boolean) => {
  const id = `${side}${view}${prior ? 'Prior' : ''}`;
  return {
    viewportOptions: { viewportId: id, viewportType: 'stack', toolGroupId: 'calcscribe', allowUnmatchedView: true, displayArea: displayArea(side) },
    displaySets: [{ id }],
  };
};

const grid = (name: string, id: string, viewports: ReturnType<typeof viewport>[]) => ({
  id,
  name,
  viewportStructure: { layoutType: 'grid', properties: { rows: 2, columns: 2 } },
  viewports,
});

const selectors = Object.fromEntries(
  (['R', 'L'] as const).flatMap((side) =>
    (['CC', 'MLO'] as const).flatMap((view) => [
      [`${side}${view}`, selector(side, view, false)],
      [`${side}${view}Prior`, selector(side, view, true)],
    ]),
  ),
);

/** The protocol as OHIF's HangingProtocolService takes it. */
export const MAMMO_PROTOCOL = {
  id: MAMMO_PROTOCOL_ID,
  name: 'Mammography: RCC LCC / RMLO LMLO',
  locked: true,
  numberOfPriorsReferenced: 1,
  protocolMatchingRules: [{ id: 'mammography', weight: 150, attribute: 'ModalitiesInStudy', constraint: { contains: ['MG'] } }],
  toolGroupIds: ['calcscribe'],
  displaySetSelectors: selectors,
  stages: [
    grid('Screening 2 × 2', 'screening', [viewport('R', 'CC', false), viewport('L', 'CC', false), viewport('R', 'MLO', false), viewport('L', 'MLO', false)]),
    grid('CC: current above prior', 'compare-cc', [viewport('R', 'CC', false), viewport('L', 'CC', false), viewport('R', 'CC', true), viewport('L', 'CC', true)]),
    grid('MLO: current above prior', 'compare-mlo', [viewport('R', 'MLO', false), viewport('L', 'MLO', false), viewport('R', 'MLO', true), viewport('L', 'MLO', true)]),
  ],
};

/** OHIF's getHangingProtocolModule (a copy of the protocol: OHIF fills in defaults in place). */
export function getHangingProtocolModule(): { name: string; protocol: typeof MAMMO_PROTOCOL }[] {
  return [{ name: MAMMO_PROTOCOL_ID, protocol: JSON.parse(JSON.stringify(MAMMO_PROTOCOL)) as typeof MAMMO_PROTOCOL }];
}
