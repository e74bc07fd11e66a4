/**
 * A finding's location in the breast: from one view only what that view tells, from a CC and an
 * MLO (or ML) view together the quadrant and clock face.
 */
import { err, ok, type Result } from '../result.js';
import { clockFace } from './clock-face.js';
import { depthThird } from './depth.js';
import { LOCATION_RULES } from './location-rules.js';
import type { BreastHalf, LocatedFinding, SpecialLocation } from './location.js';
import { quadrantOf, type AcrossAxis, type AlongAxis } from './quadrant.js';
import type { AxisSide, ViewLocation } from './view-location.js';

const HALF_OF: Readonly<Record<Exclude<AxisSide, 'on axis'>, BreastHalf>> = {
  lateral: 'outer',
  medial: 'inner',
  upper: 'upper',
  lower: 'lower',
};

/**
 * What one view alone says: side, the half (outer / inner on CC, upper / lower on MLO), depth and
 * distance. No clock face or quadrant. On MLO / ML, a finding above the nipple level, close to
 * the pectoral line and high up along it (toward the axilla) is named axillary tail.
 */
export function locateFromOneView(v: ViewLocation): LocatedFinding {
  const half = v.axisSide === null || v.axisSide === 'on axis' ? null : HALF_OF[v.axisSide];
  const evidence = [...v.evidence];
  const special: SpecialLocation | null = isAxillaryTail(v) ? 'axillary tail' : null;
  if (special !== null) evidence.push(`${v.view ?? 'view'}: above the nipple, close to the upper half of the pectoral line: axillary tail`);
  evidence.push('one view only: no clock face or quadrant');
  const other = v.axis === 'medial-lateral' ? 'MLO or ML' : v.axis === 'upper-lower' ? 'cranio-caudal' : 'second';
  return {
    side: v.side,
    clockFace: null,
    quadrant: null,
    half,
    special,
    depth: v.depth,
    distanceFromNippleCm: v.distanceFromNippleCm,
    evidence,
    caveats: [...v.caveats],
    noClockFace: `seen on the ${v.view ?? 'one view'} only: the ${other} view is needed to place it on the clock face`,
  };
}

/**
 * Combines a cranio-caudal view (medial / lateral) with an MLO or ML view (upper / lower; the
 * MLO is taken as roughly lateral) into a clock face and quadrant, as seen facing the patient.
 * Near the nipple axis on both views: subareolar in the anterior third, central deeper (LOCATION_RULES).
 * Depth: the mean of the two depth fractions; distance: the mean of the two distances.
 * @example combineViews(ccLocation, mloLocation, 'right') // { clockFace: 10, quadrant: 'upper outer', … }
 */
export function combineViews(cc: ViewLocation, mlo: ViewLocation, side: 'right' | 'left'): Result<LocatedFinding> {
  if (cc.axis !== 'medial-lateral') return err('bad-argument', `the first view must be cranio-caudal, not ${cc.view ?? 'unknown'}`);
  if (mlo.axis !== 'upper-lower') return err('bad-argument', `the second view must be MLO or ML, not ${mlo.view ?? 'unknown'}`);
  for (const v of [cc, mlo]) {
    if (v.side !== null && v.side !== side) {
      return err('bad-argument', `the ${v.view ?? ''} image is of the ${v.side} breast, not the ${side}`);
    }
  }
  const evidence = [...cc.evidence, ...mlo.evidence];
  const caveats = [...cc.caveats, ...mlo.caveats];
  const across: AcrossAxis | null = cc.axisSide === null ? null : cc.axisSide === 'on axis' ? 'on axis' : cc.axisSide === 'lateral' ? 'outer' : 'inner';
  const along: AlongAxis | null = mlo.axisSide === null ? null : mlo.axisSide === 'on axis' ? 'on axis' : mlo.axisSide === 'upper' ? 'upper' : 'lower';

  const cms = [cc.distanceFromNippleCm, mlo.distanceFromNippleCm].filter((d): d is number => d !== null);
  const distanceFromNippleCm = cms.length === 0 ? null : cms.reduce((a, b) => a + b, 0) / cms.length;
  const depthFraction = (cc.depthFraction + mlo.depthFraction) / 2;
  const depth = depthThird(depthFraction);
  evidence.push(`depth: mean of ${Math.round(cc.depthFraction * 100)} % (CC) and ${Math.round(mlo.depthFraction * 100)} % (${mlo.view ?? 'MLO'}) of the posterior nipple line: ${depth} third`);

  const lateralUpper = offsetsInOneUnit(cc, mlo);
  // Near the nipple axis the clock face is still given (whole hours from the two offsets): a finding that needs action is always placed on the clock.
  const clock = lateralUpper === null || across === null || along === null ? null : clockFace(side, lateralUpper.lateral, lateralUpper.upper);
  const noClockFace =
    lateralUpper === null || across === null || along === null
      ? 'the side of the nipple axis is not known on one view'
      : clock === null
        ? 'on the nipple itself in both views'
        : null;
  if (across === 'on axis' && along === 'on axis') {
    const special: SpecialLocation = LOCATION_RULES.subareolarDepths.includes(depth) ? 'subareolar' : 'central';
    evidence.push(`on the nipple axis in both views, ${depth} third: ${special}`);
    if (clock !== null && lateralUpper !== null) evidence.push(`clock face from ${lateralUpper.unit}: ${clock} o'clock (as seen facing the patient)`);
    return ok({ side, clockFace: clock, quadrant: null, half: null, special, depth, distanceFromNippleCm, evidence, caveats, noClockFace });
  }

  const { quadrant, half } = quadrantOf(across, along);
  if (clock !== null && lateralUpper !== null) {
    evidence.push(`clock face from ${lateralUpper.unit}: ${clock} o'clock (as seen facing the patient)`);
  } else {
    evidence.push('clock face not given: the side of the nipple axis is unknown in one view');
  }
  const special: SpecialLocation | null = across === 'outer' && isAxillaryTail(mlo) ? 'axillary tail' : null;
  if (special !== null) evidence.push(`upper outer, close to the upper half of the pectoral line on ${mlo.view ?? 'MLO'}: axillary tail`);
  return ok({ side, clockFace: clock, quadrant, half, special, depth, distanceFromNippleCm, evidence, caveats, noClockFace });
}

function isAxillaryTail(v: ViewLocation): boolean {
  return (
    v.axis === 'upper-lower' &&
    v.axisSide === 'upper' &&
    v.nearPectoral === true &&
    (v.upThePectoral ?? 0) >= LOCATION_RULES.axillaryTailMinUpThePectoral
  );
}

function offsetsInOneUnit(
  cc: ViewLocation,
  mlo: ViewLocation,
): { lateral: number; upper: number; unit: string } | null {
  if (cc.offset === null || mlo.offset === null) return null;
  if (cc.offset.mm !== null && mlo.offset.mm !== null) {
    return {
      lateral: cc.offset.mm,
      upper: mlo.offset.mm,
      unit:
        `${Math.abs(cc.offset.mm).toFixed(1)} mm ${cc.offset.mm >= 0 ? 'lateral' : 'medial'} (CC) and ` +
        `${Math.abs(mlo.offset.mm).toFixed(1)} mm ${mlo.offset.mm >= 0 ? 'above' : 'below'} (${mlo.view ?? 'MLO'})`,
    };
  }
  if (cc.offsetFraction === null || mlo.offsetFraction === null) return null;
  return {
    lateral: cc.offsetFraction,
    upper: mlo.offsetFraction,
    unit: 'offsets as fractions of each view\'s posterior nipple line (uncalibrated)',
  };
}
