/**
 * The four screening views rendered with the usual layout: right breast with the chest wall on the
 * right edge, left breast on the left edge; CC with the lateral side at the top, MLO with the head
 * at the top and the pectoral muscle in the upper chest-wall corner.
 */
import type { ImageMetadata } from '../../../src/core/image.js';
import { renderBreast, type SyntheticBreast, type SyntheticBreastSpec } from './synthetic-breast.js';

export type Projection = 'CC' | 'MLO';

export interface ViewOptions {
  /** Keep Patient Orientation (default true). */
  readonly withOrientation?: boolean;
  readonly spacingMm?: number | null;
  readonly seed?: number;
  readonly meta?: Partial<ImageMetadata>;
}

const ORIENTATION: Readonly<Record<`${'R' | 'L'}${Projection}`, readonly [string, string]>> = {
  RCC: ['P', 'L'],
  LCC: ['A', 'R'],
  RMLO: ['P', 'FL'],
  LMLO: ['A', 'FR'],
};

/** Geometry of the rendered views (px): where the nipple tip is, from the chest-wall edge. */
export const CC_SHAPE = { rows: 800, columns: 600, centre: 400, depth: 400, halfWidth: 330, nippleRadius: 10 } as const;
export const MLO_SHAPE = {
  rows: 1000,
  columns: 700,
  centre: 560,
  depth: 450,
  halfWidth: 540,
  nippleRadius: 10,
  pectoral: { width: 300, length: 700 },
} as const;

/** Renders one standard view of one breast. */
export function standardView(side: 'R' | 'L', projection: Projection, options: ViewOptions = {}): SyntheticBreast {
  const shape = projection === 'CC' ? CC_SHAPE : MLO_SHAPE;
  const spec: SyntheticBreastSpec = {
    ...shape,
    chestWall: side === 'R' ? 'right' : 'left',
    seed: options.seed ?? (side === 'R' ? 11 : 23) + (projection === 'CC' ? 0 : 5),
    spacingMm: options.spacingMm === undefined ? 0.1 : options.spacingMm,
    meta: {
      laterality: side,
      view: projection,
      patientOrientation: options.withOrientation === false ? null : ORIENTATION[`${side}${projection}`],
      ...options.meta,
    },
  };
  return renderBreast(spec);
}
