/**
 * Mammography hanging: which image goes in which cell of the 2 × 2 grid and how it is flipped so
 * that right images sit on the left of the screen with their chest walls meeting in the middle,
 * CC above MLO, lateral (CC) or superior (MLO) at the top.
 */
import { MAMMO_PROTOCOL } from '../../../extensions/calcification/hanging-protocol-module.js';
import type { Laterality, MammoView } from '../../core/image.js';
import { hangingRow } from '../../core/locate/view-axis.js';

export type HangingSlot = 'RCC' | 'LCC' | 'RMLO' | 'LMLO';

const isSlot = (id: string): id is HangingSlot => id === 'RCC' || id === 'LCC' || id === 'RMLO' || id === 'LMLO';

/**
 * Grid order, row by row — RCC top-left, LCC top-right, RMLO bottom-left, LMLO bottom-right — as
 * the extension's hanging protocol's screening stage lays out its viewports (the one layout for
 * both hosts).
 */
export const HANGING_SLOTS: readonly HangingSlot[] = (() => {
  const ids = MAMMO_PROTOCOL.stages[0]?.viewports.map((v) => v.viewportOptions.viewportId) ?? [];
  const slots = ids.filter(isSlot);
  if (slots.length !== 4 || slots.length !== ids.length) throw new Error(`the hanging protocol's screening stage is not the four views: ${ids.join(', ')}`);
  return slots;
})();

/** The slot an image belongs in, from its laterality and its view's hanging row (the views table); null when it has none. */
export function slotFor(laterality: Laterality | null, view: MammoView | null): HangingSlot | null {
  if (laterality !== 'R' && laterality !== 'L') return null;
  const row = hangingRow(view);
  return row === null ? null : `${laterality}${row}`;
}

export interface Flips {
  readonly flipHorizontal: boolean;
  readonly flipVertical: boolean;
}

/**
 * The flips that hang an image the mammographer's way, from Patient Orientation (0020,0020):
 * the row direction (towards increasing column) must point posterior for a right breast (chest
 * wall on the right edge, towards the middle of the screen) and anterior for a left breast; the
 * column direction must point to the feet on MLO views and away from the lateral side on CC views
 * (lateral at the top). Without orientation nothing is flipped.
 */
export function hangingFlips(
  laterality: Laterality | null,
  view: MammoView | null,
  orientation: readonly [string, string] | null,
): Flips {
  if (orientation === null || (laterality !== 'R' && laterality !== 'L')) return { flipHorizontal: false, flipVertical: false };
  const [row, column] = orientation.map((s) => s.toUpperCase()) as [string, string];
  const wantRow = laterality === 'R' ? 'P' : 'A';
  const awayRow = laterality === 'R' ? 'A' : 'P';
  const flipHorizontal = !row.includes(wantRow) && row.includes(awayRow);
  let flipVertical = false;
  const slot = slotFor(laterality, view);
  if (slot === 'RCC' || slot === 'LCC') {
    // Lateral at the top: the column direction runs from the lateral side to the medial side.
    const lateral = laterality;
    const medial = laterality === 'R' ? 'L' : 'R';
    flipVertical = column.includes(lateral) && !column.includes(medial);
  } else if (slot === 'RMLO' || slot === 'LMLO') {
    flipVertical = column.includes('H') && !column.includes('F');
  }
  return { flipHorizontal, flipVertical };
}
