/**
 * A calcification of a finding that lies on a calcified vessel shown by another of the same
 * finding is a piece of that vessel's wall: vascular.
 *
 * Atlas: vascular calcifications are "parallel tracks, or linear tubular calcifications that are
 * clearly associated with blood vessels" (ACR BI-RADS Atlas, 5th ed., 2013, Mammography,
 * Calcifications, typically benign, b. vascular). A vessel is shown when a calcification of the
 * finding reads vascular from its two walls (tram tracks, or a lumen inside its outline:
 * vascular-rules.ts `vesselShown`); the walls were followed along the vessel past short gaps
 * (measure/vessel-evidence.ts `walls`). A bead whose centre lies on one of those walls is clearly
 * associated with that vessel, whatever its own outline reads alone: a wall calcified in beads and
 * plaques gives irregular pieces (read coarse heterogeneous or amorphous alone) between the ones
 * that show the tram track. Read alone, such beads made a rectangle drawn around a calcified artery
 * on the real digitised film "grouped coarse heterogeneous", BI-RADS 4B.
 *
 * Not a duct cast (fine linear, fine-linear branching): casts are lines themselves, and a line of
 * casts is followed as far as a vessel's wall — one cast misread as a tram track must not carry the
 * others of its duct. A calcification of a cluster that happens to sit on a vessel's wall is read as
 * the vessel's: the radiologist sees both and can override; the evidence names the vessel and the
 * term the calcification read alone.
 */
import { DUCT_CAST_MORPHOLOGY } from '../lexicon.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import { distanceToPolyline } from '../measure/polygon.js';
import type { PointPx } from '../units.js';
import { calcificationFeatures } from './calcification-features.js';
import type { DescribeContext } from './context.js';
import { describeCalcification } from './describe-calcification.js';
import type { MorphologyDescription } from './description.js';
import { vesselShown } from './vascular-rules.js';

export const ON_VESSEL = {
  /**
   * A centre this close to a wall's centreline lies on the wall: the wall's own calibre (its
   * skeleton's width, a tube's whole width when its lumen is inside the outline), at least this many
   * pixels (the centreline's placement: stations are means of 3 px stretches of outline). A
   * measurement choice, not a clinical limit.
   */
  minTolerancePx: 3,
} as const;

interface ShownVessel {
  readonly index: number;
  readonly at: PointPx;
  readonly walls: readonly (readonly PointPx[])[];
  readonly tolerancePx: number;
  readonly confidence: number;
}

const isPoint = (p: unknown): p is PointPx =>
  typeof p === 'object' && p !== null && Number.isFinite((p as PointPx).x) && Number.isFinite((p as PointPx).y);

/** The walls a vessel's evidence kept, those that are lists of points (measurements read back from a file may carry anything). */
function wallsOf(m: CalcificationMeasurements): readonly (readonly PointPx[])[] {
  const walls: unknown = m.vessel?.walls;
  if (!Array.isArray(walls)) return [];
  return walls.filter((w): w is PointPx[] => Array.isArray(w) && w.length > 0 && w.every(isPoint));
}

const at = (p: PointPx): string => `(${Math.round(p.x)}, ${Math.round(p.y)})`;

/**
 * Each calcification of a finding described (describeCalcification), those lying on a vessel
 * another of them shows read as that vessel's (see the module comment). The set's description and
 * each calcification's shown term both come from here.
 */
export function describeMembers(ms: readonly CalcificationMeasurements[], ctx: DescribeContext = {}): MorphologyDescription[] {
  const singles = ms.map((m) => describeCalcification(m, ctx));
  if (ms.length < 2) return singles;
  const vessels: ShownVessel[] = [];
  ms.forEach((m, index) => {
    const top = singles[index]?.terms[0];
    const walls = wallsOf(m);
    if (top?.term !== 'vascular' || walls.length === 0) return;
    if (!vesselShown(calcificationFeatures(m, ctx))) return;
    vessels.push({ index, at: m.centre, walls, tolerancePx: Math.max(ON_VESSEL.minTolerancePx, m.skeleton.calibre.px), confidence: top.confidence });
  });
  if (vessels.length === 0) return singles;
  return singles.map((d, j) => {
    const alone = d.terms[0]?.term;
    // A duct cast is a line itself: a line of casts is followed as far as a vessel's wall, so lying
    // on a wall followed is no sign of a vessel for it (as for a bead on a long line, vascular-rules.ts).
    if (alone === 'vascular' || (alone !== undefined && DUCT_CAST_MORPHOLOGY.includes(alone))) return d;
    const centre = (ms[j] as CalcificationMeasurements).centre;
    for (const v of vessels) {
      if (v.index === j) continue;
      const distances = v.walls.map((w) => distanceToPolyline(centre, w));
      const nearest = Math.min(...distances);
      if (!(nearest <= v.tolerancePx)) continue;
      const wall = v.walls.length > 1 ? (distances.indexOf(nearest) === 0 ? 'the wall followed from there' : 'its other wall') : 'its wall followed from there';
      const readAlone = d.terms[0] === undefined ? (d.notCharacterised?.reason ?? 'no term') : d.terms.map((t) => t.term).join(', ');
      return {
        terms: [{ term: 'vascular', confidence: v.confidence }],
        evidence: [
          `vascular: on the calcified vessel shown by the calcification at ${at(v.at)} — its centre ${nearest.toFixed(1)} px from ${wall} (≤ ${v.tolerancePx.toFixed(1)} px: a piece of that wall)`,
          `read alone: ${readAlone}`,
        ],
        sizeThresholdsApplied: d.sizeThresholdsApplied,
        caveats: d.caveats ?? [],
        notCharacterised: null,
        cannotSeparate: [],
      };
    }
    return d;
  });
}
