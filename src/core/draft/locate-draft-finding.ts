import { combineViews, locateFromOneView } from '../locate/combine-views.js';
import type { BreastGeometry } from '../locate/breast-geometry.js';
import { locateFinding } from '../locate/locate-finding.js';
import type { LocatedFinding } from '../locate/location.js';
import type { ViewLocation } from '../locate/view-location.js';
import { viewAxis } from '../locate/view-axis.js';
import type { PointPx } from '../units.js';
import { calibrationOf } from './draft-lookup.js';
import type { DraftCalcification, DraftImage, ExamDraft } from './exam-draft.js';

/**
 * The breast geometry of an image with the nipple the radiologist marked (when there is one)
 * in place of the detected nipple: the marker first, then the image's own geometry.
 */
export function geometryWithNipple(draft: ExamDraft, image: DraftImage): BreastGeometry | null {
  const marker = draft.nippleMarkers[image.imageId];
  if (image.geometry === null) return null;
  if (marker === undefined) return image.geometry;
  return { ...image.geometry, nipple: marker, source: { ...image.geometry.source, nipple: 'marker' } };
}

/** The nipple of an image: the radiologist's marker first, then the detected one; null when neither. */
export function nippleOf(draft: ExamDraft, image: DraftImage): PointPx | null {
  return draft.nippleMarkers[image.imageId] ?? image.geometry?.nipple ?? null;
}

function locateOnImage(draft: ExamDraft, image: DraftImage, calcs: readonly DraftCalcification[], warnings: string[]): ViewLocation | null {
  const geo = geometryWithNipple(draft, image);
  if (geo === null) {
    warnings.push(`${image.laterality ?? ''}${image.view ?? ''}: breast not found on the image: location not stated`);
    return null;
  }
  if (image.rows === undefined || image.columns === undefined) {
    warnings.push(`${image.laterality ?? ''}${image.view ?? ''}: image size unknown: location not stated`);
    return null;
  }
  const where = locateFinding(
    calcs.map((c) => c.measurements.centre),
    geo,
    {
      rows: image.rows,
      columns: image.columns,
      meta: { laterality: image.laterality, view: image.view, patientOrientation: image.patientOrientation ?? null },
      calibration: calibrationOf(image),
    },
  );
  if (!where.ok) {
    warnings.push(`location not stated: ${where.error.message}`);
    return null;
  }
  return where.value;
}

/**
 * Where a finding lies: from a cranio-caudal and an MLO / ML view of the same breast together
 * (combineViews: quadrant and clock face) when the finding has calcifications on both, else what
 * the one view tells (locateFromOneView). Null when no image could be located against.
 */
export function locateDraftFinding(
  draft: ExamDraft,
  byImage: ReadonlyMap<DraftImage, readonly DraftCalcification[]>,
  primary: DraftImage,
  warnings: string[],
): LocatedFinding | null {
  const views = new Map<DraftImage, ViewLocation>();
  for (const [image, calcs] of byImage) {
    const v = locateOnImage(draft, image, calcs, warnings);
    if (v !== null) views.set(image, v);
  }
  const cc = [...views.entries()].find(([im]) => viewAxis(im.view) === 'medial-lateral');
  const mlo = [...views.entries()].find(([im]) => viewAxis(im.view) === 'upper-lower');
  const side = primary.laterality === 'R' ? 'right' : primary.laterality === 'L' ? 'left' : null;
  if (cc !== undefined && mlo !== undefined && side !== null) {
    const both = combineViews(cc[1], mlo[1], side);
    if (both.ok) return both.value;
    warnings.push(`views not combined: ${both.error.message}`);
  }
  const one = views.get(primary) ?? [...views.values()][0];
  return one === undefined ? null : locateFromOneView(one);
}
