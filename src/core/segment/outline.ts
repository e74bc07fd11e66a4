import type { PointPx } from '../units.js';

/**
 * One calcification's outline as segmentation found it, in stored-image pixels.
 * `mask` covers the bounding box [x0, x0 + width) × [y0, y0 + height); 1 = inside.
 * `contour` is a closed sub-pixel polygon (last point not repeated), clockwise on screen.
 */
export interface CalcificationOutline {
  readonly seed: PointPx;
  readonly contour: readonly PointPx[];
  readonly mask: {
    readonly x0: number;
    readonly y0: number;
    readonly width: number;
    readonly height: number;
    readonly data: Uint8Array;
  };
  /**
   * Local background density under the calcification's peak: for small calcifications the
   * texture-following background (grey-level opening by a square about 1 mm wide) at the peak;
   * for large ones a plane fitted robustly (outliers beyond 2.5 σ dropped) to a ring of pixels
   * around the calcification, evaluated at the peak.
   */
  readonly backgroundDensity: number;
  /**
   * Robust spread (MAD-based sigma) of a ring of pixels around the calcification about a plane
   * fitted robustly to it (texture included: how much the calcification stands out from its
   * surroundings).
   */
  readonly backgroundNoise: number;
  /** The density level that separated calcification from background. */
  readonly threshold: number;
}

/** Whether the outline's mask covers the pixel at `p` (rounded to the nearest pixel). */
export function outlineCovers(o: CalcificationOutline, p: PointPx): boolean {
  const m = o.mask;
  const x = Math.round(p.x) - m.x0;
  const y = Math.round(p.y) - m.y0;
  return x >= 0 && y >= 0 && x < m.width && y < m.height && m.data[y * m.width + x] === 1;
}
