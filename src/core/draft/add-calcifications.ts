import { GROUPING_RULE } from '../measure/grouping-rule.js';
import { err, ok, type Result } from '../result.js';
import type { PointPx } from '../units.js';
import type { NewCalcification } from './draft-action.js';
import { defaultChange } from './comparison.js';
import { calibrationOf, findImage, freshId, sideOfImage } from './draft-lookup.js';
import type { DraftCalcification, DraftFinding, DraftImage, ExamDraft } from './exam-draft.js';

/** Centre-to-centre distance on an image and the rule's limits in the same unit (mm, or px when uncalibrated). */
function distanceOn(image: DraftImage): { between: (a: PointPx, b: PointPx) => number; maxGap: number; maxExtent: number } {
  const c = calibrationOf(image);
  const sx = c.columnSpacingMm;
  const sy = c.rowSpacingMm;
  if (c.kind !== 'uncalibrated' && sx !== null && sy !== null && sx > 0 && sy > 0) {
    return { between: (a, b) => Math.hypot((a.x - b.x) * sx, (a.y - b.y) * sy), maxGap: GROUPING_RULE.maxGapMm, maxExtent: GROUPING_RULE.maxExtentMm };
  }
  return { between: (a, b) => Math.hypot(a.x - b.x, a.y - b.y), maxGap: GROUPING_RULE.maxGapPxUncalibrated, maxExtent: GROUPING_RULE.maxExtentPxUncalibrated };
}

/**
 * Adds calcifications measured on one image, each (in the order given) by the grouping rule
 * (GROUPING_RULE, the atlas's "grouped"):
 * - it joins the finding whose nearest calcification on the same image is within 1 cm, when the
 *   finding's extent on that image stays within 2 cm with it (the nearest such finding);
 * - findings grouped by the rule that it brings within one group (each within 1 cm of it, all
 *   together within 2 cm) are joined into the first; findings the radiologist grouped by hand are
 *   never merged this way;
 * - otherwise it starts a new finding of the image's breast.
 */
export function addCalcifications(draft: ExamDraft, imageId: string, items: readonly NewCalcification[]): Result<ExamDraft> {
  const image = findImage(draft, imageId);
  if (image === undefined) return err('bad-argument', `no image ${imageId} in this exam`);
  if (items.length === 0) return err('bad-argument', 'no calcification to add');
  for (const it of items) {
    if (!Number.isFinite(it.seed.x) || !Number.isFinite(it.seed.y)) return err('bad-argument', 'a calcification seed is not a finite point');
    if (!Number.isFinite(it.measurements?.centre?.x) || !Number.isFinite(it.measurements?.centre?.y)) return err('bad-argument', 'a calcification has no measured centre');
  }
  const { between, maxGap, maxExtent } = distanceOn(image);
  const centre = new Map<string, PointPx>(draft.calcifications.filter((c) => c.imageId === imageId).map((c) => [c.id, c.measurements.centre]));
  const onImage = (f: DraftFinding): PointPx[] => f.calcificationIds.flatMap((id) => centre.get(id) ?? []);
  const extentOf = (points: readonly PointPx[]): number => Math.max(0, ...points.flatMap((a, i) => points.slice(i + 1).map((b) => between(a, b))));

  const taken = new Set<string>();
  const added: DraftCalcification[] = [];
  let findings: DraftFinding[] = [...draft.findings];
  for (const it of items) {
    const id = freshId(draft, 'c', taken);
    taken.add(id);
    added.push({ id, imageId, seed: it.seed, contour: [...it.contour], edited: false, measurements: it.measurements });
    const p = it.measurements.centre;
    const near = findings
      .map((f) => ({ f, points: onImage(f) }))
      .filter(({ points }) => points.length > 0)
      .map(({ f, points }) => ({ f, points, gap: Math.min(...points.map((q) => between(p, q))) }))
      .filter((c) => c.gap <= maxGap && extentOf([...c.points, p]) <= maxExtent)
      .sort((a, b) => a.gap - b.gap);
    const target = near[0];
    centre.set(id, p);
    if (target === undefined) {
      const fid = freshId(draft, 'f', taken);
      taken.add(fid);
      findings.push({ id: fid, side: sideOfImage(image), calcificationIds: [id], change: defaultChange(draft), overrides: {}, relation: null, groupedBy: 'proximity' });
      continue;
    }
    // Findings grouped by the rule that this calcification brings within one group join the one listed first.
    let points = [...target.points, p];
    const joined: DraftFinding[] = [];
    if (target.f.groupedBy !== 'radiologist') {
      for (const other of near.slice(1)) {
        if (other.f.groupedBy === 'radiologist' || extentOf([...points, ...other.points]) > maxExtent) continue;
        points = [...points, ...other.points];
        joined.push(other.f);
      }
    }
    const group = [target.f, ...joined].sort((a, b) => findings.indexOf(a) - findings.indexOf(b));
    const into = group[0] as DraftFinding;
    const merged: DraftFinding = { ...into, calcificationIds: [...group.flatMap((f) => f.calcificationIds), id] };
    const gone = new Set(group.slice(1).map((f) => f.id));
    findings = findings.filter((f) => !gone.has(f.id)).map((f) => (f.id === into.id ? merged : f));
  }
  return ok({ ...draft, calcifications: [...draft.calcifications, ...added], findings });
}
