/**
 * What a region search left out as tissue, and its words for the command line and the viewer's
 * status line (kept apart from region-search.ts so that the page can word it without loading the
 * segmentation).
 */

/** A density the region search found and left out, with why. */
export interface LeftOutDensity {
  /** Its peak (stored-image pixels): where a click outlines it anyway. */
  readonly x: number;
  readonly y: number;
  /** "edge 0.81 mm > 0.40 mm, and 0.63 of its width of 1.3 mm > 0.5" */
  readonly words: string;
}

/** Most positions named in the words; the rest are counted. */
const NAMED_MAX = 5;

/**
 * "3 densities in the region left out as tissue, not calcification (…) — at (1911, 1761): edge
 * 0.81 mm > 0.40 mm, and 0.63 of its width of 1.3 mm > 0.5; …; click one to outline it anyway"
 */
export function leftOutWords(leftOut: readonly LeftOutDensity[]): string | null {
  if (leftOut.length === 0) return null;
  const n = leftOut.length;
  const named = leftOut.slice(0, NAMED_MAX).map((l) => `at (${Math.round(l.x)}, ${Math.round(l.y)}): ${l.words}`);
  const more = n > NAMED_MAX ? `; and ${n - NAMED_MAX} more` : '';
  return (
    `${n} ${n === 1 ? 'density' : 'densities'} in the region left out as tissue, not calcification ` +
    `(${n === 1 ? 'its' : 'their'} edge softer than a calcium deposit's: wider than the detector's blur leaves a small one, ` +
    `and more than half ${n === 1 ? 'its' : 'their'} width, where a solid deposit's is at most about a third) — ` +
    `${named.join('; ')}${more}; click one to outline it anyway`
  );
}
