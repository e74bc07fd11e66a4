/**
 * The chest wall: which image edge the breast is attached to, and a frame measured from it.
 * In the chest-wall frame, u is the distance from the chest-wall edge of the image (toward the
 * nipple) and v the position along that edge.
 */
import type { PointPx } from '../units.js';
import type { ChestWallEdge } from './breast-geometry.js';
import type { BreastMask } from './breast-mask.js';

export const CHEST_WALL_EDGES: readonly ChestWallEdge[] = ['left', 'right', 'top', 'bottom'];

/** Fraction of each image edge covered by breast (0–1), from the overview mask. */
export function edgeCoverage(mask: BreastMask): Record<ChestWallEdge, number> {
  const { width: w, height: h, data } = mask;
  const column = (x: number): number => {
    let n = 0;
    for (let y = 0; y < h; y++) n += data[y * w + x] as number;
    return n / h;
  };
  const row = (y: number): number => {
    let n = 0;
    for (let x = 0; x < w; x++) n += data[y * w + x] as number;
    return n / w;
  };
  return { left: column(0), right: column(w - 1), top: row(0), bottom: row(h - 1) };
}

/** The edge the breast covers most; null when no edge is covered at all. */
export function chestWallEdgeFromMask(mask: BreastMask): { edge: ChestWallEdge; coverage: number } | null {
  const cover = edgeCoverage(mask);
  let best: ChestWallEdge | null = null;
  for (const e of CHEST_WALL_EDGES) if (best === null || cover[e] > cover[best]) best = e;
  if (best === null || cover[best] === 0) return null;
  return { edge: best, coverage: cover[best] };
}

/** Unit vector on the image from the breast toward each chest-wall edge. */
export const TOWARD_CHEST_WALL: Readonly<Record<ChestWallEdge, { readonly x: number; readonly y: number }>> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
};

/** A point in the chest-wall frame: u from the chest-wall edge (px), v along it (px). */
export interface FramePoint {
  readonly u: number;
  readonly v: number;
}

/** Converts between stored-image pixels and the chest-wall frame. */
export interface ChestWallFrame {
  readonly edge: ChestWallEdge;
  /** Length of the chest-wall edge in pixels (extent of v). */
  readonly edgeLength: number;
  /** Image extent away from the chest wall in pixels (extent of u). */
  readonly depthExtent: number;
  readonly toFrame: (p: PointPx) => FramePoint;
  readonly toImage: (f: FramePoint) => PointPx;
}

/**
 * The frame for a chest-wall edge. Pixel centres sit at integer coordinates, so the image edge is
 * half a pixel outside the first column / row: a pixel touching the chest-wall edge has u = 0.5.
 */
export function chestWallFrame(edge: ChestWallEdge, rows: number, columns: number): ChestWallFrame {
  switch (edge) {
    case 'left':
      return {
        edge,
        edgeLength: rows,
        depthExtent: columns,
        toFrame: (p) => ({ u: p.x + 0.5, v: p.y }),
        toImage: (f) => ({ x: f.u - 0.5, y: f.v }),
      };
    case 'right':
      return {
        edge,
        edgeLength: rows,
        depthExtent: columns,
        toFrame: (p) => ({ u: columns - 0.5 - p.x, v: p.y }),
        toImage: (f) => ({ x: columns - 0.5 - f.u, y: f.v }),
      };
    case 'top':
      return {
        edge,
        edgeLength: columns,
        depthExtent: rows,
        toFrame: (p) => ({ u: p.y + 0.5, v: p.x }),
        toImage: (f) => ({ x: f.v, y: f.u - 0.5 }),
      };
    case 'bottom':
      return {
        edge,
        edgeLength: columns,
        depthExtent: rows,
        toFrame: (p) => ({ u: rows - 0.5 - p.y, v: p.x }),
        toImage: (f) => ({ x: f.v, y: rows - 0.5 - f.u }),
      };
  }
}
