/**
 * Locates a finding on one image: distance from the nipple, depth third, and which side of the
 * nipple axis it lies on (medial / lateral on CC, upper / lower on MLO / ML).
 *
 * Depth is measured along the posterior nipple line (to the pectoral line on MLO / ML when it was
 * found, else to the chest-wall edge). The side of the axis is measured across the nipple axis
 * perpendicular to the chest-wall edge, i.e. above / below (or either side of) the nipple's level
 * on the image, as readers judge it by eye.
 */
import type { Calibration, ImageMetadata } from '../image.js';
import type { Side } from '../lexicon.js';
import { err, ok, type Result } from '../result.js';
import { mm, px, type Length, type PointPx } from '../units.js';
import type { BreastGeometry } from './breast-geometry.js';
import { TOWARD_CHEST_WALL } from './chest-wall.js';
import { depthThird, posteriorNippleLine, type PosteriorNippleLine } from './depth.js';
import { LOCATION_RULES } from './location-rules.js';
import {
  directionOnImage,
  formatOrientation,
  parsePatientOrientation,
  type ImageVector,
} from './patient-orientation.js';
import { VIEWS_SHOWING_PECTORAL, viewAxis } from './view-axis.js';
import type { AxisSide, ViewLocation } from './view-location.js';

/** The parts of an image that locating reads (a MammoImage is one). */
export interface LocatingImage {
  readonly rows: number;
  readonly columns: number;
  readonly meta: Pick<ImageMetadata, 'laterality' | 'view' | 'patientOrientation'>;
  readonly calibration: Pick<Calibration, 'rowSpacingMm' | 'columnSpacingMm'>;
}

export interface LocateOptions {
  /**
   * Without Patient Orientation, assume the usual layout (chest wall left or right; lateral at the
   * top on CC, head at the top on MLO / ML). Default true; false leaves the side of the axis unknown.
   */
  readonly assumeUsualLayout?: boolean;
}

const ACROSS_WORDS: Readonly<Record<AxisSide, string>> = {
  lateral: 'lateral to',
  medial: 'medial to',
  upper: 'above',
  lower: 'below',
  'on axis': 'on',
};

const SIDE_OF: Readonly<Record<'R' | 'L' | 'B', Side>> = { R: 'right', L: 'left', B: 'both' };

/**
 * The caveat when the nipple was not seen in profile on a view (no narrow front lobe and no
 * nipple-sized protrusion of the skin line, see nipple.ts and nipple-protrusion.ts): every measure
 * from the nipple rests on the most anterior skin point, where the posterior nipple line starts by
 * convention, and the reader must know it.
 */
export function nippleNotInProfile(viewName: string): string {
  return `nipple not in profile on the ${viewName}: depth, clock position and distance are measured from the most anterior skin point`;
}

/**
 * Locates one finding (one point, or the centre of several) on one image.
 * @example
 * const where = locateFinding({ x: 900, y: 1200 }, geometry, image);
 * if (where.ok) console.log(where.value.depth, where.value.distanceFromNippleCm);
 */
export function locateFinding(
  points: PointPx | readonly PointPx[],
  geometry: BreastGeometry,
  image: LocatingImage,
  options: LocateOptions = {},
): Result<ViewLocation> {
  const list: readonly PointPx[] = Array.isArray(points) ? points : [points as PointPx];
  if (list.length === 0) return err('bad-argument', 'no point given for the finding');
  if (list.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return err('bad-argument', 'a finding point is not a finite number');
  }
  const p = {
    x: list.reduce((s, q) => s + q.x, 0) / list.length,
    y: list.reduce((s, q) => s + q.y, 0) / list.length,
  };
  const evidence: string[] = [];
  const view = image.meta.view;
  const side = image.meta.laterality === null ? null : SIDE_OF[image.meta.laterality];
  const axis = viewAxis(view);
  const pnl = posteriorNippleLine(geometry, image, view !== null && VIEWS_SHOWING_PECTORAL.has(view));
  if (pnl === null) return err('bad-argument', 'the nipple lies on the chest wall: no posterior nipple line');
  const cs = image.calibration.columnSpacingMm;
  const rs = image.calibration.rowSpacingMm;
  const calibrated = cs !== null && rs !== null;
  const length = (dx: number, dy: number): Length => ({
    px: px(Math.hypot(dx, dy)),
    mm: calibrated ? mm(Math.hypot(dx * cs, dy * rs)) : null,
  });

  const d = { x: p.x - geometry.nipple.x, y: p.y - geometry.nipple.y };
  const behind = d.x * pnl.direction.x + d.y * pnl.direction.y;
  const depthFraction = behind / pnl.lengthPx;
  const depth = depthThird(depthFraction);
  const pnlLength = length(pnl.direction.x * pnl.lengthPx, pnl.direction.y * pnl.lengthPx);
  const distance = length(d.x, d.y);
  const distanceFromNippleCm = distance.mm === null ? null : distance.mm / 10;
  const viewName = view ?? 'unknown view';
  evidence.push(
    `${viewName}: ${describeLength(distance)} from the nipple, ${describeLength(length(pnl.direction.x * behind, pnl.direction.y * behind))} ${behind >= 0 ? 'behind' : 'in front of'} it ` +
      `= ${Math.round(depthFraction * 100)} % of the posterior nipple line (${describeLength(pnlLength)} to the ${pnl.towards}): ${depth} third`,
  );
  if (!calibrated) evidence.push(`${viewName}: image uncalibrated — no distance in cm`);
  const caveats: string[] = [];
  if (geometry.source.nipple === 'detected' && geometry.nippleInProfile === false) {
    caveats.push(nippleNotInProfile(view === null ? viewName : `${image.meta.laterality ?? ''}${view}`));
    evidence.push(...caveats);
  }

  // Across the nipple axis: which way is lateral (CC) or up (MLO / ML) on this image.
  const toward = towardDirection(axis, side, geometry, image, options, evidence);
  let offset: Length | null = null;
  let offsetFraction: number | null = null;
  let axisSide: AxisSide | null = null;
  if (toward !== null) {
    const back = TOWARD_CHEST_WALL[geometry.chestWallEdge];
    let n = { x: -back.y, y: back.x };
    const dot = n.x * toward.x + n.y * toward.y;
    if (Math.abs(dot) >= 0.5) {
      if (dot < 0) n = { x: -n.x, y: -n.y };
      const across = d.x * n.x + d.y * n.y;
      const magnitude = length(n.x * across, n.y * across);
      offset = { px: px(Math.sign(across) * magnitude.px), mm: magnitude.mm === null ? null : mm(Math.sign(across) * magnitude.mm) };
      offsetFraction = across / pnl.lengthPx;
      const near =
        magnitude.mm !== null
          ? magnitude.mm <= LOCATION_RULES.nearAxisMm
          : Math.abs(offsetFraction) <= LOCATION_RULES.nearAxisFraction;
      const [plus, minus]: [AxisSide, AxisSide] = axis === 'medial-lateral' ? ['lateral', 'medial'] : ['upper', 'lower'];
      axisSide = near ? 'on axis' : across > 0 ? plus : minus;
      const word = ACROSS_WORDS[across >= 0 ? plus : minus];
      evidence.push(
        `${viewName}: ${describeLength(magnitude)} ${word} the nipple axis${axisSide === 'on axis' ? ' — on the axis' : ''}`,
      );
    } else {
      evidence.push(`${viewName}: Patient Orientation does not run across the nipple axis — side of the axis unknown`);
    }
  }

  const pectoral = pectoralRelation(p, geometry, pnl, length);
  return ok({
    side,
    view,
    axis,
    offset,
    offsetFraction,
    axisSide,
    behindNipple: { px: px(behind), mm: calibrated ? mm((behind * (pnlLength.mm ?? 0)) / pnl.lengthPx) : null },
    posteriorNippleLine: pnlLength,
    depthFraction,
    depth,
    distanceFromNipple: distance,
    distanceFromNippleCm,
    nearPectoral: pectoral?.near ?? null,
    upThePectoral: pectoral?.upFraction ?? null,
    evidence,
    caveats,
  });
}

function towardDirection(
  axis: ReturnType<typeof viewAxis>,
  side: Side | null,
  geometry: BreastGeometry,
  image: LocatingImage,
  options: LocateOptions,
  evidence: string[],
): ImageVector | null {
  const viewName = image.meta.view ?? 'unknown view';
  if (axis === null) {
    evidence.push(`${viewName}: the view does not tell medial from lateral or upper from lower`);
    return null;
  }
  if (axis === 'medial-lateral' && side !== 'right' && side !== 'left') {
    evidence.push(`${viewName}: laterality unknown — cannot tell medial from lateral`);
    return null;
  }
  const parsed = parsePatientOrientation(image.meta.patientOrientation);
  const letter = axis === 'upper-lower' ? 'H' : side === 'right' ? 'R' : 'L';
  if (parsed.orientation !== null) {
    const v = directionOnImage(parsed.orientation, letter);
    if (v !== null) {
      evidence.push(`${viewName}: ${axis === 'upper-lower' ? 'up' : 'lateral'} from Patient Orientation ${formatOrientation(parsed.orientation)}`);
      return v;
    }
  }
  const vertical = geometry.chestWallEdge === 'left' || geometry.chestWallEdge === 'right';
  if ((options.assumeUsualLayout ?? true) && vertical) {
    evidence.push(
      `${viewName}: no usable Patient Orientation — assumed the usual layout (${axis === 'upper-lower' ? 'head' : 'lateral side'} at the top of the image)`,
    );
    return { x: 0, y: -1 };
  }
  evidence.push(`${viewName}: no usable Patient Orientation — side of the nipple axis unknown`);
  return null;
}

/**
 * Relation to the pectoral line: whether the finding is within the axillary-tail distance of it,
 * and how far up the line it projects, from the foot of the posterior nipple line (0) to the
 * line's head end (1).
 */
function pectoralRelation(
  p: PointPx,
  geometry: BreastGeometry,
  pnl: PosteriorNippleLine,
  length: (dx: number, dy: number) => Length,
): { near: boolean; upFraction: number } | null {
  const line = geometry.pectoralLine;
  if (line === null || pnl.towards !== 'pectoral line') return null;
  const dx = line.p1.x - line.p0.x;
  const dy = line.p1.y - line.p0.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return null;
  const t = ((p.x - line.p0.x) * dx + (p.y - line.p0.y) * dy) / len2;
  const gap = length(line.p0.x + t * dx - p.x, line.p0.y + t * dy - p.y);
  const near =
    gap.mm !== null ? gap.mm <= LOCATION_RULES.nearPectoralMm : gap.px <= LOCATION_RULES.nearPectoralFraction * pnl.lengthPx;
  const foot = {
    x: geometry.nipple.x + pnl.direction.x * pnl.lengthPx,
    y: geometry.nipple.y + pnl.direction.y * pnl.lengthPx,
  };
  const tFoot = ((foot.x - line.p0.x) * dx + (foot.y - line.p0.y) * dy) / len2;
  const upFraction = tFoot === 0 ? 0 : (tFoot - t) / tFoot;
  return { near, upFraction };
}

function describeLength(l: Length): string {
  return l.mm !== null ? `${l.mm.toFixed(1)} mm` : `${Math.round(l.px)} px`;
}
