/**
 * Finds the breast on a mammogram from the pixels alone: breast vs background, the chest-wall
 * edge, the skin line, the nipple and (on MLO / ML) the pectoral line; cross-checked with
 * Patient Orientation when the header has it.
 */
import type { MammoImage } from '../image.js';
import { isInside } from '../image.js';
import { err, ok, type Result } from '../result.js';
import { px2, mm2, type PointPx } from '../units.js';
import type { BreastGeometry, ChestWallEdge, ChestWallSource } from './breast-geometry.js';
import { findBreastMask, type BreastMask } from './breast-mask.js';
import { chestWallEdgeFromMask, chestWallFrame, type ChestWallFrame } from './chest-wall.js';
import { coarseNipple, nippleLobe, refineNipple } from './nipple.js';
import { nippleProtrusion } from './nipple-protrusion.js';
import { makeOverview } from './overview-image.js';
import { overviewFrame } from './overview-frame.js';
import {
  chestWallEdgeFromOrientation,
  directionOnImage,
  formatOrientation,
  parsePatientOrientation,
  type PatientOrientation,
} from './patient-orientation.js';
import { findPectoralLine } from './pectoral-muscle.js';
import { skinContour, skinProfile } from './skin-line.js';
import { VIEWS_SHOWING_PECTORAL } from './view-axis.js';

/** Rules for trusting what the pixels show, as data. */
export const BREAST_RULES = {
  /** Below this fraction of the chest-wall edge covered by breast, the image's own edge is weak evidence. */
  minChestWallCoverage: 0.3,
  /** Breast must cover at least this fraction of the image … */
  minBreastFraction: 0.01,
  /** … and leave at least this fraction as background. */
  maxBreastFraction: 0.98,
} as const;

export interface FindBreastOptions {
  /** A nipple position placed by the radiologist: used instead of the detected one. */
  readonly nippleMarker?: PointPx;
  /** Look for the pectoral muscle on MLO / ML / LM views (default true). */
  readonly findPectoral?: boolean;
}

/**
 * Finds the breast geometry of one image (works on a ~256-pixel overview, then refines the
 * nipple on full-resolution pixels around it).
 * @example
 * const g = findBreast(image);
 * if (g.ok) console.log(g.value.chestWallEdge, g.value.nipple);
 */
export function findBreast(image: MammoImage, options: FindBreastOptions = {}): Result<BreastGeometry> {
  const marker = options.nippleMarker;
  if (marker !== undefined && (!Number.isFinite(marker.x) || !Number.isFinite(marker.y) || !isInside(image, marker))) {
    return err('bad-argument', `nipple marker (${marker.x}, ${marker.y}) is outside the ${image.columns} × ${image.rows} image`);
  }
  const warnings: string[] = [];
  const overview = makeOverview(image);
  const mask = findBreastMask(overview);
  const samples = overview.width * overview.height;
  if (mask === null || mask.count < BREAST_RULES.minBreastFraction * samples) {
    return err('unsupported-image', 'no breast found: the image has no region standing out from the background');
  }
  if (mask.count > BREAST_RULES.maxBreastFraction * samples) {
    return err('unsupported-image', 'no background found around the breast: cannot find the skin line');
  }

  const parsed = parsePatientOrientation(image.meta.patientOrientation);
  if (parsed.problem !== null) warnings.push(parsed.problem);
  const orientation = parsed.orientation;
  const chest = chooseChestWall(mask, orientation, warnings);
  if (chest === null) {
    return err('unsupported-image', 'the breast touches no image edge and Patient Orientation does not name the chest wall');
  }
  const frame = chestWallFrame(chest.edge, image.rows, image.columns);
  const of = overviewFrame(overview, frame);
  const profile = skinProfile(mask, of);
  const contour = skinContour(profile, of, frame);

  const partial = image.meta.viewModifiers.filter((m) => m === 'spot-compression' || m === 'magnification');
  if (partial.length > 0 && marker === undefined) {
    warnings.push(`${partial.join(' / ')} view: the nipple may be outside the field — place a nipple marker`);
  }
  let maxReach = -1;
  for (const r of profile.reach) if (r > maxReach) maxReach = r;
  if (maxReach >= of.nu - 1 && marker === undefined) {
    warnings.push('the breast reaches the image edge opposite the chest wall: the nipple may be cut off');
  }

  let nipple: PointPx;
  let nippleInProfile: boolean | undefined;
  if (marker !== undefined) {
    nipple = marker;
  } else {
    const coarse = coarseNipple(profile, of);
    if (coarse === null) return err('unsupported-image', 'no skin line found: cannot place the nipple');
    // In profile: a nipple lobe beside the breast's own curve, else a nipple protruding from a
    // smooth front; otherwise the most anterior skin point stands for it.
    const lobe = nippleLobe(image, frame, of, profile, coarse, mask.threshold);
    const farthest = lobe === null ? refineNipple(image, frame, coarse, mask.threshold, overview.stride) : lobe;
    const protrusion = lobe === null ? nippleProtrusion(image, frame, of, profile, farthest, mask.threshold) : null;
    nippleInProfile = lobe !== null || protrusion !== null;
    nipple = frame.toImage(protrusion?.tip ?? farthest);
  }

  const view = image.meta.view;
  const lookForPectoral = (options.findPectoral ?? true) && view !== null && VIEWS_SHOWING_PECTORAL.has(view);
  const pectoral = lookForPectoral ? findPectoralLine(overview, mask, of, frame, profile, headAtStart(frame, orientation)) : null;
  const pectoralLine = pectoral?.line ?? null;
  if (pectoral !== null && pectoral.line === null) {
    warnings.push(`${view} view: pectoral muscle not found (${pectoral.reason}); depth is measured to the chest-wall edge`);
  }

  const area = mask.count * overview.stride * overview.stride;
  const { rowSpacingMm: rs, columnSpacingMm: cs } = image.calibration;
  return ok({
    chestWallEdge: chest.edge,
    nipple,
    skinContour: contour,
    breastArea: { px2: px2(area), mm2: rs !== null && cs !== null ? mm2(area * rs * cs) : null },
    pectoralLine,
    source: { chestWall: chest.source, nipple: marker !== undefined ? 'marker' : 'detected' },
    ...(nippleInProfile === undefined ? {} : { nippleInProfile }),
    breastThreshold: mask.threshold,
    warnings,
  });
}

function chooseChestWall(
  mask: BreastMask,
  orientation: PatientOrientation | null,
  warnings: string[],
): { edge: ChestWallEdge; source: ChestWallSource } | null {
  const fromImage = chestWallEdgeFromMask(mask);
  const fromHeader = orientation === null ? null : chestWallEdgeFromOrientation(orientation);
  const po = orientation === null ? '' : formatOrientation(orientation);
  const strong = fromImage !== null && fromImage.coverage >= BREAST_RULES.minChestWallCoverage;
  if (fromImage !== null && strong) {
    if (fromHeader === null) return { edge: fromImage.edge, source: 'image' };
    if (fromHeader === fromImage.edge) return { edge: fromImage.edge, source: 'image, confirmed by patient orientation' };
    warnings.push(
      `Patient Orientation ${po} puts the chest wall on the ${fromHeader} edge but the breast is attached to the ${fromImage.edge} edge: the image was used`,
    );
    return { edge: fromImage.edge, source: 'image' };
  }
  if (fromHeader !== null) {
    warnings.push(`the breast barely touches any image edge: chest wall taken from Patient Orientation ${po}`);
    return { edge: fromHeader, source: 'patient orientation' };
  }
  if (fromImage !== null) {
    warnings.push(
      `the breast touches the ${fromImage.edge} edge along only ${Math.round(fromImage.coverage * 100)} % of it: chest wall uncertain`,
    );
    return { edge: fromImage.edge, source: 'image' };
  }
  return null;
}

/**
 * Whether the head end is at v = 0 of the frame: from Patient Orientation when it has H/F,
 * else the usual layout (head at the top of the image when the chest wall is left or right).
 */
function headAtStart(frame: ChestWallFrame, orientation: PatientOrientation | null): boolean | null {
  const head = orientation === null ? null : directionOnImage(orientation, 'H');
  const vertical = frame.edge === 'left' || frame.edge === 'right';
  if (head !== null) {
    const along = vertical ? head.y : head.x;
    if (along !== 0) return along < 0;
  }
  return vertical ? true : null;
}
