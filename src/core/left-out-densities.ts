/**
 * What a region search left out (tissue, or too faint to be told from noise), and its words for the command line and the viewer's
 * status line (kept apart from region-search.ts so that the page can word it without loading the
 * segmentation).
 */

/** A density the region search found and left out, with why. */
export interface LeftOutDensity {
  /** Its peak (stored-image pixels): where a click outlines it anyway. */
  readonly x: number;
  readonly y: number;
  /**
   * "tissue: edge 0.81 mm > 0.40 mm, and 0.63 of its width of 1.3 mm > 0.5", or
   * "too faint (contrast-to-noise over its area 3.5 < 5: …)"
   */
  readonly words: string;
}

/** Most positions named in the words; the rest are counted. */
const NAMED_MAX = 5;

/**
 * "3 densities in the region left out, not taken for calcifications — at (1911, 1761): tissue: edge
 * 0.81 mm > 0.40 mm, …; at (1362, 868): too faint (…); click one to outline it anyway"
 */
export function leftOutWords(leftOut: readonly LeftOutDensity[]): string | null {
  if (leftOut.length === 0) return null;
  const n = leftOut.length;
  const named = leftOut.slice(0, NAMED_MAX).map((l) => `at (${Math.round(l.x)}, ${Math.round(l.y)}): ${l.words}`);
  const more = n > NAMED_MAX ? `; and ${n - NAMED_MAX} more` : '';
  return (
    `${n} ${n === 1 ? 'density' : 'densities'} in the region left out, not taken for calcification ` +
    `(tissue: an edge softer than a calcium deposit's, wider than the detector's blur leaves a small one and than half its width; ` +
    `or too faint to be told from noise) — ${named.join('; ')}${more}; click one to outline it anyway`
  );
}
