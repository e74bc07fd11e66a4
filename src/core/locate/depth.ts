/**
 * Depth of a finding: anterior, middle or posterior third of the distance from the nipple to
 * the chest wall, measured along the posterior nipple line (PNL). On CC the PNL runs from the
 * nipple perpendicular to the chest-wall edge of the image; on MLO / ML perpendicular to the
 * pectoral line when it was found.
 */
import type { MammoImage } from '../image.js';
import type { BreastGeometry } from './breast-geometry.js';
import { TOWARD_CHEST_WALL, chestWallFrame } from './chest-wall.js';
import type { ImageVector } from './patient-orientation.js';
import { LOCATION_RULES } from './location-rules.js';
import type { Depth } from './location.js';

export interface PosteriorNippleLine {
  /** Unit vector on the image from the nipple toward the chest wall. */
  readonly direction: ImageVector;
  /** Nipple to chest wall along the line, px (> 0). */
  readonly lengthPx: number;
  readonly towards: 'pectoral line' | 'chest-wall edge';
}

/**
 * The posterior nipple line of an image. Uses the pectoral line when `usePectoral` and the
 * geometry has one on the far side of the nipple; otherwise the chest-wall edge. Null when the
 * nipple sits on the chest wall.
 */
export function posteriorNippleLine(
  geometry: BreastGeometry,
  image: Pick<MammoImage, 'rows' | 'columns'>,
  usePectoral: boolean,
): PosteriorNippleLine | null {
  const n = geometry.nipple;
  const line = geometry.pectoralLine;
  if (usePectoral && line !== null) {
    const dx = line.p1.x - line.p0.x;
    const dy = line.p1.y - line.p0.y;
    const len2 = dx * dx + dy * dy;
    if (len2 > 0) {
      const t = ((n.x - line.p0.x) * dx + (n.y - line.p0.y) * dy) / len2;
      const fx = line.p0.x + t * dx - n.x;
      const fy = line.p0.y + t * dy - n.y;
      const length = Math.hypot(fx, fy);
      const edge = TOWARD_CHEST_WALL[geometry.chestWallEdge];
      if (length > 0 && fx * edge.x + fy * edge.y > 0) {
        return { direction: { x: fx / length, y: fy / length }, lengthPx: length, towards: 'pectoral line' };
      }
    }
  }
  const u = chestWallFrame(geometry.chestWallEdge, image.rows, image.columns).toFrame(n).u;
  if (!(u > 0)) return null;
  return { direction: TOWARD_CHEST_WALL[geometry.chestWallEdge], lengthPx: u, towards: 'chest-wall edge' };
}

/**
 * The third of the breast depth for a fraction of the posterior nipple line (0 at the nipple,
 * 1 at the chest wall). Exactly one third is middle, exactly two thirds posterior; behind the
 * chest wall counts as posterior, in front of the nipple as anterior.
 * @example depthThird(0.5) // 'middle'
 */
export function depthThird(fraction: number): Depth {
  const [first, second] = LOCATION_RULES.depthThirds;
  if (fraction < first) return 'anterior';
  if (fraction < second) return 'middle';
  return 'posterior';
}
