import { filmScanPitchOf } from '../film-scan-pitch.js';
import { readDensityPatch } from '../image.js';
import type { DensityPatch, MammoImage } from '../image.js';
import type { CalcificationOutline } from '../segment/outline.js';
import { mm, mm2, px, px2 } from '../units.js';
import type { Length } from '../units.js';
import { convexHull } from './convex-hull.js';
import { edgeOffsetPx } from './edge-offset.js';
import { feretDiameters } from './feret.js';
import { lucentCentreIndex, marginSharpness } from './intensity.js';
import type { CalcificationMeasurements } from './measurements.js';
import { circularityOf, contourUncertaintyPx, outlineSmoothingSigmaPx, smoothClosedContour } from './outline-smoothing.js';
import { distanceToBoundary, polygonArea, polygonCentroid, polygonPerimeter, scalePoints } from './polygon.js';
import type { Point2 } from './polygon.js';
import { detectorNoise } from '../segment/texture-background.js';
import { BRANCH_READING, calibreFromArea, pruneSpurs, skeletonStats, thinMask } from './skeleton.js';
import { vesselEvidence, type VesselEvidence } from './vessel-evidence.js';
import { lumenAlongTrack } from './lumen.js';

/**
 * Smallest background noise used for contrast-to-noise: the quantisation noise of integer
 * pixel values (1/√12), so a noiseless image gives a large, finite ratio.
 */
export const NOISE_FLOOR = 1 / Math.sqrt(12);

/** Column and row spacing in mm, or null when the image has no usable calibration. */
export function spacingOf(image: Pick<MammoImage, 'calibration'>): { x: number; y: number } | null {
  const c = image.calibration;
  if (c.kind === 'uncalibrated' || c.columnSpacingMm === null || c.rowSpacingMm === null) return null;
  if (!(c.columnSpacingMm > 0) || !(c.rowSpacingMm > 0)) return null;
  return { x: c.columnSpacingMm, y: c.rowSpacingMm };
}

interface Shape {
  readonly feretMax: number;
  readonly feretMin: number;
  readonly area: number;
  readonly perimeter: number;
}

function shapeOf(points: readonly Point2[]): Shape {
  const f = feretDiameters(points);
  return {
    feretMax: f.max,
    feretMin: f.min,
    area: polygonArea(points),
    perimeter: polygonPerimeter(points),
  };
}

const length = (p: number, m: number | null): Length => ({ px: px(p), mm: m === null ? null : mm(m) });

/**
 * A Feret diameter of the outline extended to the calcification's edge at both ends (edge-offset.ts),
 * in mm at the diameter's own px-to-mm ratio (anisotropic pixels).
 */
const toEdge = (p: number, m: number | null, offsetPx: number): Length =>
  p > 0 ? length(p + 2 * offsetPx, m === null ? null : m * (1 + (2 * offsetPx) / p)) : length(p, m);

/**
 * Measures one outlined calcification: Feret diameters from the sub-pixel contour's convex hull
 * (rotating callipers; the long axis carried on to the calcification's edge beyond an outline
 * drawn at a level: edge-offset.ts), area (shoelace) and perimeter of the contour, equivalent diameter,
 * circularity and solidity (on the contour smoothed at its own position uncertainty:
 * outline-smoothing.ts), elongation, margin sharpness, contrast and contrast-to-noise, the
 * lucent-centre index, heterogeneity and the skeleton (Zhang–Suen thinning).
 *
 * Pixel lengths are in stored-image pixels; millimetre values are computed on coordinates
 * scaled by the column (x) and row (y) spacing, so anisotropic pixels are handled, and are null
 * when the image is uncalibrated. Shape ratios use millimetres when available. Only the
 * outline's neighbourhood is read.
 */
export function measureCalcification(image: MammoImage, outline: CalcificationOutline): CalcificationMeasurements {
  const spacing = spacingOf(image);
  const contourPx: Point2[] = [...outline.contour];
  const gPx = shapeOf(contourPx);
  const gMm = spacing === null ? null : shapeOf(scalePoints(outline.contour, spacing.x, spacing.y));
  const g = gMm ?? gPx;

  const m = outline.mask;
  const margin = 3;
  const patch = readDensityPatch(image, {
    x0: m.x0 - margin,
    y0: m.y0 - margin,
    x1: m.x0 + m.width + margin,
    y1: m.y0 + m.height + margin,
  });
  const bg = outline.backgroundDensity;
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  let peak = -Infinity;
  let wx = 0;
  let wy = 0;
  let ws = 0;
  if (patch !== null) {
    for (let y = 0; y < m.height; y++) {
      for (let x = 0; x < m.width; x++) {
        if (m.data[y * m.width + x] !== 1) continue;
        const ix = m.x0 + x;
        const iy = m.y0 + y;
        const c = (patch.data[(iy - patch.y0) * patch.width + (ix - patch.x0)] as number) - bg;
        n++;
        sum += c;
        sum2 += c * c;
        if (c > peak) peak = c;
        const w = Math.max(0, c);
        wx += w * ix;
        wy += w * iy;
        ws += w;
      }
    }
  }
  const mean = n > 0 ? sum / n : 0;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1))) : 0;
  const centroid = polygonCentroid(contourPx);
  const centre = ws > 0 ? { x: wx / ws, y: wy / ws } : centroid;

  const pixelNoise = patch === null ? 0 : detectorNoise(patch.data, patch.width, patch.height);
  const uncertaintyPx = patch === null ? 0 : contourUncertaintyPx(patch, contourPx, Math.max(outline.backgroundNoise, NOISE_FLOOR));
  const sk = measureSkeleton(m, contourPx, spacing, uncertaintyPx);
  const elongation = g.feretMin > 0 ? Math.max(1, g.feretMax / g.feretMin) : 1;
  const shape = shapeAtUncertainty(contourPx, uncertaintyPx, spacing);
  return {
    calibration: image.calibration.kind,
    ...(spacing === null ? { filmPitchMm: filmScanPitchOf(image) } : {}),
    centre,
    longAxis: toEdge(gPx.feretMax, gMm?.feretMax ?? null, patch === null ? 0 : edgeOffsetPx(patch, contourPx, bg, peak, spacing === null ? null : (spacing.x + spacing.y) / 2)),
    shortAxis: length(gPx.feretMin, gMm?.feretMin ?? null),
    area: { px2: px2(gPx.area), mm2: gMm === null ? null : mm2(gMm.area) },
    equivalentDiameter: length(Math.sqrt((4 * gPx.area) / Math.PI), gMm === null ? null : Math.sqrt((4 * gMm.area) / Math.PI)),
    perimeter: length(gPx.perimeter, gMm?.perimeter ?? null),
    circularity: shape.circularity,
    elongation,
    solidity: shape.solidity,
    marginSharpness: patch === null ? 0 : marginSharpness(patch, contourPx, peak),
    contrastToNoise: mean / Math.max(outline.backgroundNoise, NOISE_FLOOR),
    contrast: mean,
    lucentCentreIndex: patch === null ? 0 : lucentCentreIndex(patch, bg, centroid, contourPx, pixelNoise),
    heterogeneity: mean > 0 ? sd / mean : 0,
    skeleton: sk,
    vessel: withLumen(vesselEvidence(image, outline, elongation, sk.calibre.px, spacing), patch, outline, pixelNoise),
  };
}

/**
 * Circularity and solidity of the contour smoothed along its length at the scale of its own
 * position uncertainty (outline-smoothing.ts), in mm when calibrated (anisotropic pixels): both
 * are ratios to the perimeter or the convex hull, which a wandering contour inflates.
 */
function shapeAtUncertainty(
  contour: readonly Point2[],
  uncertainty: number,
  spacing: { x: number; y: number } | null,
): { circularity: number; solidity: number } {
  const smoothPx = smoothClosedContour(contour, outlineSmoothingSigmaPx(uncertainty, polygonArea(contour)));
  const smooth = spacing === null ? smoothPx : scalePoints(smoothPx, spacing.x, spacing.y);
  const area = polygonArea(smooth);
  const hullArea = polygonArea(convexHull(smooth));
  return { circularity: circularityOf(smooth), solidity: hullArea > 0 ? Math.min(1, area / hullArea) : 1 };
}

/**
 * Skeleton of the outline's mask (Zhang–Suen, spurs pruned). Calibre from the contour area and
 * the skeleton length (calibreFromArea); length = skeleton length plus half a calibre at each
 * free end, which thinning takes off. Branch points are counted only on an outline known to within
 * BRANCH_READING of the calibre; the others are reported as branchPointsInNoise.
 */
function measureSkeleton(
  m: CalcificationOutline['mask'],
  contour: readonly Point2[],
  spacing: { x: number; y: number } | null,
  uncertaintyPx: number,
): CalcificationMeasurements['skeleton'] {
  const thin = thinMask(m.data, m.width, m.height);
  const skel = pruneSpurs(thin, m.width, m.height, (x, y) => distanceToBoundary({ x: x + m.x0, y: y + m.y0 }, contour));
  const stats = skeletonStats(skel, m.width, m.height, spacing?.x ?? 1, spacing?.y ?? 1);
  const calibrePx = calibreFromArea(polygonArea(contour), stats.lengthPx, stats.endPoints);
  const calibreMm =
    spacing === null ? null : calibreFromArea(polygonArea(scalePoints(contour, spacing.x, spacing.y)), stats.lengthScaled, stats.endPoints);
  const branchesRead = uncertaintyPx < BRANCH_READING.maxUncertaintyOfCalibre * calibrePx;
  return {
    calibre: length(calibrePx, calibreMm),
    length: length(
      stats.lengthPx + (stats.endPoints * calibrePx) / 2,
      calibreMm === null ? null : stats.lengthScaled + (stats.endPoints * calibreMm) / 2,
    ),
    branchPoints: branchesRead ? stats.branchPoints : 0,
    ...(branchesRead || stats.branchPoints === 0 ? {} : { branchPointsInNoise: stats.branchPoints, outlineUncertaintyPx: uncertaintyPx }),
  };
}

/** The vessel evidence with the lumen read inside the outline (a line piece only). */
function withLumen(v: VesselEvidence | null, patch: DensityPatch | null, outline: CalcificationOutline, pixelNoise: number): VesselEvidence | null {
  if (v === null || patch === null) return v;
  return { ...v, lumen: lumenAlongTrack(patch, outline.mask, pixelNoise, outline.backgroundDensity) };
}
