/**
 * The skin line: for each position along the chest wall, how far the breast reaches from it.
 */
import type { PointPx } from '../units.js';
import type { BreastMask } from './breast-mask.js';
import type { ChestWallFrame } from './chest-wall.js';
import type { OverviewFrame } from './overview-frame.js';

export interface SkinProfile {
  /** Per overview line along the chest wall: the last breast sample index from the chest wall, −1 when none. */
  readonly reach: Int32Array;
  /** Full-resolution distance of the skin from the chest-wall edge per line, NaN when no breast. */
  readonly skinU: Float64Array;
}

/** Measures the breast's reach from the chest wall on every overview line. */
export function skinProfile(mask: BreastMask, of: OverviewFrame): SkinProfile {
  const reach = new Int32Array(of.nv).fill(-1);
  const skinU = new Float64Array(of.nv).fill(Number.NaN);
  for (let iv = 0; iv < of.nv; iv++) {
    for (let iu = of.nu - 1; iu >= 0; iu--) {
      if (mask.data[of.index(iu, iv)] === 1) {
        reach[iv] = iu;
        skinU[iv] = of.uAt(iu + 0.5);
        break;
      }
    }
  }
  return { reach, skinU };
}

/** The skin line as image points, ordered along the chest wall. */
export function skinContour(profile: SkinProfile, of: OverviewFrame, frame: ChestWallFrame): PointPx[] {
  const out: PointPx[] = [];
  for (let iv = 0; iv < of.nv; iv++) {
    const u = profile.skinU[iv] as number;
    if (Number.isNaN(u)) continue;
    out.push(frame.toImage({ u, v: of.vAt(iv) }));
  }
  return out;
}
