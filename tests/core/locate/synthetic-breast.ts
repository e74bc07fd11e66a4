/**
 * Renders synthetic mammograms with a known breast geometry: a half-ellipse attached to one
 * image edge, an optional nipple bump at its apex, an optional pectoral triangle in the
 * chest-wall corner, Gaussian noise.
 */
import { makeMammoImage, type Calibration, type ImageMetadata, type MammoImage } from '../../../src/core/image.js';
import { mm } from '../../../src/core/units.js';
import type { PointPx } from '../../../src/core/units.js';
import type { ChestWallEdge } from '../../../src/core/locate/breast-geometry.js';
import { makeRandom } from '../../../test-data/generator/random.js';

export interface SyntheticBreastSpec {
  readonly rows: number;
  readonly columns: number;
  readonly chestWall: ChestWallEdge;
  /** Centre of the half-ellipse along the chest wall (px, image row for left/right, column for top/bottom). */
  readonly centre: number;
  /** Semi-axis away from the chest wall (px, measured from the image edge). */
  readonly depth: number;
  /** Semi-axis along the chest wall (px). */
  readonly halfWidth: number;
  /** Radius of the nipple bump at the apex (px); 0 for none. */
  readonly nippleRadius?: number;
  /** Pectoral triangle: width at the head end, length along the chest wall; head end at v = 0 unless headAtEnd. */
  readonly pectoral?: { readonly width: number; readonly length: number; readonly headAtEnd?: boolean };
  readonly background?: number;
  readonly tissue?: number;
  readonly muscle?: number;
  readonly noise?: number;
  readonly seed?: number;
  /** mm per pixel, or null for an uncalibrated image. */
  readonly spacingMm?: number | null;
  readonly meta?: Partial<ImageMetadata>;
}

export interface SyntheticBreast {
  readonly image: MammoImage;
  /** The tip of the breast (nipple) on the skin edge, in image pixels. */
  readonly nipple: PointPx;
}

/** Deterministic pseudo-random numbers in [0, 1): the phantom generator's mulberry32. */
export function random(seed: number): () => number {
  return makeRandom(seed).next;
}

/** Frame coordinates (u from the chest-wall edge, v along it) of a pixel centre. */
function toFrame(edge: ChestWallEdge, rows: number, columns: number, x: number, y: number): { u: number; v: number } {
  switch (edge) {
    case 'left':
      return { u: x + 0.5, v: y };
    case 'right':
      return { u: columns - 0.5 - x, v: y };
    case 'top':
      return { u: y + 0.5, v: x };
    case 'bottom':
      return { u: rows - 0.5 - y, v: x };
  }
}

function fromFrame(edge: ChestWallEdge, rows: number, columns: number, u: number, v: number): PointPx {
  switch (edge) {
    case 'left':
      return { x: u - 0.5, y: v };
    case 'right':
      return { x: columns - 0.5 - u, y: v };
    case 'top':
      return { x: v, y: u - 0.5 };
    case 'bottom':
      return { x: v, y: rows - 0.5 - u };
  }
}

/** Renders the breast described by `spec`. */
export function renderBreast(spec: SyntheticBreastSpec): SyntheticBreast {
  const { rows, columns, chestWall, centre, depth, halfWidth } = spec;
  const r = spec.nippleRadius ?? 0;
  const bg = spec.background ?? 200;
  const tissue = spec.tissue ?? 1800;
  const muscle = spec.muscle ?? 2800;
  const sigma = spec.noise ?? 40;
  const rand = random(spec.seed ?? 1);
  const stored = new Uint16Array(rows * columns);
  const vertical = chestWall === 'left' || chestWall === 'right';
  const edgeLength = vertical ? rows : columns;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const { u, v } = toFrame(chestWall, rows, columns, x, y);
      const dv = v - centre;
      let value = bg;
      const inEllipse = (u / depth) ** 2 + (dv / halfWidth) ** 2 <= 1;
      const inBump = r > 0 && (u - depth) ** 2 + dv * dv <= r * r;
      if (inEllipse || inBump) value = tissue;
      const p = spec.pectoral;
      if (p !== undefined) {
        const along = p.headAtEnd === true ? edgeLength - 1 - v : v;
        if (along >= 0 && along < p.length && u <= p.width * (1 - along / p.length)) value = muscle;
      }
      const noise = sigma === 0 ? 0 : sigma * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      stored[y * columns + x] = Math.max(0, Math.min(4095, Math.round(value + noise)));
    }
  }
  const spacing = spec.spacingMm === undefined ? 0.1 : spec.spacingMm;
  const calibration: Calibration =
    spacing === null
      ? { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'none' }
      : { kind: 'detector', rowSpacingMm: mm(spacing), columnSpacingMm: mm(spacing), source: 'synthetic' };
  const image = makeMammoImage({
    rows,
    columns,
    stored,
    calibration,
    meta: { bitsStored: 12, ...spec.meta },
  });
  return { image, nipple: fromFrame(chestWall, rows, columns, depth + r, centre) };
}
