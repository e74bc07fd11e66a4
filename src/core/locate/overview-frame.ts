/**
 * The overview image and breast mask seen in the chest-wall frame: sample (iu, iv) with iu
 * counted from the chest wall toward the nipple and iv along the chest wall.
 */
import type { ChestWallEdge } from './breast-geometry.js';
import type { ChestWallFrame } from './chest-wall.js';
import type { OverviewImage } from './overview-image.js';

export interface OverviewFrame {
  /** Samples away from the chest wall. */
  readonly nu: number;
  /** Samples along the chest wall. */
  readonly nv: number;
  /** Index into the overview's row-major arrays for sample (iu, iv). */
  readonly index: (iu: number, iv: number) => number;
  /** Full-resolution frame u of sample iu (continuous: fractions interpolate). */
  readonly uAt: (iu: number) => number;
  /** Full-resolution frame v of sample iv (continuous). */
  readonly vAt: (iv: number) => number;
  readonly stride: number;
}

/** Views the overview in the chest-wall frame of `frame` (same edge). */
export function overviewFrame(overview: OverviewImage, frame: ChestWallFrame): OverviewFrame {
  const { width: w, height: h, stride: s, offset: o } = overview;
  const edge: ChestWallEdge = frame.edge;
  const vertical = edge === 'left' || edge === 'right';
  const nu = vertical ? w : h;
  const nv = vertical ? h : w;
  const index = (iu: number, iv: number): number => {
    switch (edge) {
      case 'left':
        return iv * w + iu;
      case 'right':
        return iv * w + (w - 1 - iu);
      case 'top':
        return iu * w + iv;
      case 'bottom':
        return (h - 1 - iu) * w + iv;
    }
  };
  const sampleToImage = (iu: number, iv: number): { x: number; y: number } => {
    switch (edge) {
      case 'left':
        return { x: iu * s + o, y: iv * s + o };
      case 'right':
        return { x: (w - 1 - iu) * s + o, y: iv * s + o };
      case 'top':
        return { x: iv * s + o, y: iu * s + o };
      case 'bottom':
        return { x: iv * s + o, y: (h - 1 - iu) * s + o };
    }
  };
  const origin = frame.toFrame(sampleToImage(0, 0));
  return {
    nu,
    nv,
    index,
    uAt: (iu) => origin.u + iu * s,
    vAt: (iv) => origin.v + iv * s,
    stride: s,
  };
}
