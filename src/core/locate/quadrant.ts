/** Quadrant of the breast from which side of the nipple axis a finding lies on in each view. */
import type { BreastHalf, Quadrant } from './location.js';

export type AcrossAxis = 'outer' | 'inner' | 'on axis';
export type AlongAxis = 'upper' | 'lower' | 'on axis';

const QUADRANT_TABLE: Readonly<Record<'upper' | 'lower', Readonly<Record<'outer' | 'inner', Quadrant>>>> = {
  upper: { outer: 'upper outer', inner: 'upper inner' },
  lower: { outer: 'lower outer', inner: 'lower inner' },
};

/**
 * The quadrant, or only the half when one view puts the finding on the nipple axis (or is
 * missing: pass null). Both on the axis: neither.
 * @example quadrantOf('outer', 'upper') // { quadrant: 'upper outer', half: null }
 * @example quadrantOf('inner', null)    // { quadrant: null, half: 'inner' }
 */
export function quadrantOf(
  medialLateral: AcrossAxis | null,
  upperLower: AlongAxis | null,
): { quadrant: Quadrant | null; half: BreastHalf | null } {
  const ml = medialLateral === 'on axis' ? null : medialLateral;
  const ul = upperLower === 'on axis' ? null : upperLower;
  if (ml !== null && ul !== null) return { quadrant: QUADRANT_TABLE[ul][ml], half: null };
  return { quadrant: null, half: ml ?? ul };
}
