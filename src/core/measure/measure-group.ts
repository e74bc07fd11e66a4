import type { Calibration } from '../image.js';
import { mm, mm2, px, px2 } from '../units.js';
import type { Length, PointPx } from '../units.js';
import { convexHull } from './convex-hull.js';
import { WEDGE_RULE } from './grouping-rule.js';
import type { CalcificationMeasurements, GroupMeasurements } from './measurements.js';
import { polygonArea } from './polygon.js';
import type { Point2 } from './polygon.js';

interface Frame {
  readonly centres: Point2[];
  readonly radii: number[];
}

function dist(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function extentOf(f: Frame): number {
  const n = f.centres.length;
  if (n === 0) return 0;
  let best = 2 * Math.max(...f.radii);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = dist(f.centres[i] as Point2, f.centres[j] as Point2) + (f.radii[i] as number) + (f.radii[j] as number);
      if (d > best) best = d;
    }
  }
  return best;
}

function medianNearestNeighbour(c: readonly Point2[]): number {
  if (c.length < 2) return 0;
  const nn = c.map((a, i) => Math.min(...c.map((b, j) => (i === j ? Infinity : dist(a, b))))).sort((a, b) => a - b);
  const m = nn.length >> 1;
  return nn.length % 2 === 1 ? (nn[m] as number) : ((nn[m - 1] as number) + (nn[m] as number)) / 2;
}

/**
 * The longest edge of the centres' minimum spanning tree (Prim): the largest step needed to reach
 * every calcification from the others, stepping from one to its nearest unreached neighbour. A
 * line of deposits in a duct is crossed in small steps; calcifications scattered centimetres
 * apart are not. 0 for fewer than two.
 */
export function largestNeighbourStep(c: readonly Point2[]): number {
  const n = c.length;
  if (n < 2) return 0;
  const reached = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  reached[0] = 1;
  for (let j = 1; j < n; j++) best[j] = dist(c[0] as Point2, c[j] as Point2);
  let largest = 0;
  for (let k = 1; k < n; k++) {
    let next = -1;
    for (let j = 0; j < n; j++) if (reached[j] === 0 && (next < 0 || (best[j] as number) < (best[next] as number))) next = j;
    largest = Math.max(largest, best[next] as number);
    reached[next] = 1;
    for (let j = 0; j < n; j++) {
      if (reached[j] === 0) best[j] = Math.min(best[j] as number, dist(c[next] as Point2, c[j] as Point2));
    }
  }
  return largest;
}

/** Principal axes of a point cloud: major direction (unit) and variances λ1 ≥ λ2. */
export function principalAxes(c: readonly Point2[]): { centre: Point2; axis: Point2; major: number; minor: number } {
  const n = c.length;
  const mx = c.reduce((s, p) => s + p.x, 0) / Math.max(1, n);
  const my = c.reduce((s, p) => s + p.y, 0) / Math.max(1, n);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of c) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  sxx /= Math.max(1, n);
  syy /= Math.max(1, n);
  sxy /= Math.max(1, n);
  const tr = sxx + syy;
  const disc = Math.sqrt(Math.max(0, ((sxx - syy) / 2) ** 2 + sxy * sxy));
  const major = tr / 2 + disc;
  const minor = Math.max(0, tr / 2 - disc);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { centre: { x: mx, y: my }, axis: { x: Math.cos(angle), y: Math.sin(angle) }, major, minor };
}

function std(v: readonly number[]): number {
  if (v.length === 0) return 0;
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
}

/** Pearson correlation of two equally long series; 0 when either is constant. */
function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * Whether the centres fan out away from the nipple (WEDGE_RULE): there is a main axis and it
 * points at the nipple, and the group widens away from it — the spread across the nipple → group direction in
 * the far half against the near half, or the correlation between the distance from the nipple
 * and the distance from the group's midline (the mean position across).
 */
function isWedge(c: readonly Point2[], nipple: Point2, toGroup: Point2, linearity: number, axisToNippleDeg: number | null): boolean {
  if (c.length < WEDGE_RULE.minCount || linearity < WEDGE_RULE.minLinearity) return false;
  if (axisToNippleDeg === null || axisToNippleDeg > WEDGE_RULE.maxAxisToNippleDeg) return false;
  const along = c.map((p) => (p.x - nipple.x) * toGroup.x + (p.y - nipple.y) * toGroup.y);
  const across = c.map((p) => -(p.x - nipple.x) * toGroup.y + (p.y - nipple.y) * toGroup.x);
  const order = along.map((_, i) => i).sort((a, b) => (along[a] as number) - (along[b] as number));
  const half = Math.floor(order.length / 2);
  const near = order.slice(0, half).map((i) => across[i] as number);
  const far = order.slice(order.length - half).map((i) => across[i] as number);
  const sNear = std(near);
  const sFar = std(far);
  if (sFar > 0 && sFar >= WEDGE_RULE.minSpreadRatio * sNear) return true;
  const midline = across.reduce((s, v) => s + v, 0) / across.length;
  return correlation(along, across.map((v) => Math.abs(v - midline))) >= WEDGE_RULE.minWideningCorrelation;
}

/**
 * Measures a set of calcifications taken as one finding: extent (greatest centre distance plus
 * the two half long axes), convex hull area of the centres, median nearest-neighbour spacing,
 * the largest step between neighbouring centres (largestNeighbourStep),
 * linearity (1 − minor/major principal spread of the centres), angle between the main axis and
 * the direction to the nipple, wedge toward the nipple (WEDGE_RULE), size spread (coefficient of
 * variation of the long axes) and shape spread (standard deviation of circularity).
 * Millimetre values use the column / row spacing; null when uncalibrated, and then the shape of
 * the group is judged in pixels.
 */
export function measureGroup(
  calcs: readonly CalcificationMeasurements[],
  calibration: Calibration,
  nipple: PointPx | null = null,
): GroupMeasurements {
  const sx = calibration.columnSpacingMm;
  const sy = calibration.rowSpacingMm;
  const calibrated = calibration.kind !== 'uncalibrated' && sx !== null && sy !== null && sx > 0 && sy > 0;
  const pxFrame: Frame = { centres: calcs.map((c) => c.centre), radii: calcs.map((c) => c.longAxis.px / 2) };
  const mmFrame: Frame | null = calibrated
    ? {
        centres: calcs.map((c) => ({ x: c.centre.x * sx, y: c.centre.y * sy })),
        radii: calcs.map((c) => (c.longAxis.mm ?? c.longAxis.px * Math.sqrt(sx * sy)) / 2),
      }
    : null;
  const f = mmFrame ?? pxFrame;
  const length = (a: (fr: Frame) => number): Length => ({
    px: px(a(pxFrame)),
    mm: mmFrame === null ? null : mm(a(mmFrame)),
  });
  const hull = (fr: Frame): number => (fr.centres.length < 3 ? 0 : polygonArea(convexHull(fr.centres)));

  const pca = principalAxes(f.centres);
  const linearity = calcs.length >= 2 && pca.major > 0 ? 1 - Math.sqrt(pca.minor / pca.major) : 0;

  let orientationToNippleDeg: number | null = null;
  let wedgeTowardNipple: boolean | null = null;
  if (nipple !== null && calcs.length > 0) {
    const n = calibrated ? { x: nipple.x * sx, y: nipple.y * sy } : nipple;
    const dx = pca.centre.x - n.x;
    const dy = pca.centre.y - n.y;
    const d = Math.hypot(dx, dy);
    if (d > 0) {
      const toGroup = { x: dx / d, y: dy / d };
      if (calcs.length >= 2 && pca.major > 0) {
        const cos = Math.min(1, Math.abs(pca.axis.x * toGroup.x + pca.axis.y * toGroup.y));
        orientationToNippleDeg = (Math.acos(cos) * 180) / Math.PI;
      }
      wedgeTowardNipple = isWedge(f.centres, n, toGroup, linearity, orientationToNippleDeg);
    }
  }

  const sizes = calcs.map((c) => c.longAxis.mm ?? c.longAxis.px);
  const meanSize = sizes.reduce((s, v) => s + v, 0) / Math.max(1, sizes.length);
  const filmPitchMm = calibrated ? undefined : calcs.find((c) => c.filmPitchMm !== undefined)?.filmPitchMm;
  return {
    calibration: calibration.kind,
    ...(filmPitchMm === undefined ? {} : { filmPitchMm }),
    count: calcs.length,
    extent: length(extentOf),
    hullArea: { px2: px2(hull(pxFrame)), mm2: mmFrame === null ? null : mm2(hull(mmFrame)) },
    nearestNeighbourSpacing: length((fr) => medianNearestNeighbour(fr.centres)),
    largestNeighbourStep: length((fr) => largestNeighbourStep(fr.centres)),
    linearity,
    orientationToNippleDeg,
    wedgeTowardNipple,
    sizeSpread: sizes.length >= 2 && meanSize > 0 ? std(sizes) / meanSize : 0,
    shapeSpread: std(calcs.map((c) => c.circularity)),
  };
}
