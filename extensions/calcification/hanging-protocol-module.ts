/**
 * Mammography hanging in OHIF's hanging-protocol JSON: 2 × 2 with the right breast's images on
 * the left of the screen and the left breast's on the right, chest walls meeting in the middle,
 * CC above MLO; then current-above-prior comparison stages for CC and for MLO. Each image is
 * fitted whole with the chest wall on the viewport edge toward the middle of the screen by the
 * command calcscribe.fitMammograms (the standalone viewer's fit), which OHIF runs once every
 * viewport of a stage has its data (callbacks.onViewportDataInitialized).
 */
import { COMMAND_CONTEXT, COMMAND_PREFIX } from './id.js';
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

const viewport = (side: Side, view: View, prior: boolean) => {
  const id = `${side}${view}${prior ? 'Prior' : ''}`;
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
  callbacks: { onViewportDataInitialized: FIT_ON_DATA },
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
