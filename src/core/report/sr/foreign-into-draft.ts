/**
 * Another system's measurements (readForeignMeasurementSr) brought into the exam draft:
 * - an outline on one of the exam's images becomes a calcification: measured on the image as an
 *   outline the radiologist drew (measureOutline against the ring around it, the path of a
 *   redrawn outline), added by the draft's own action (addCalcifications: the grouping rule
 *   places it in a finding) and marked as drawn, not segmented (editOutline). Its seed is the
 *   measured centre: the other system records no click. The numbers the SR states (area …) are
 *   given beside it, not used: calcscribe measures every calcification the same way.
 * - a line (a Length, a Bidirectional's axes) has no place in the draft, whose measurements are
 *   calcifications' outlines: it is given beside the draft, on its image with its end points and
 *   the number the SR states, with a warning.
 * Outlines and lines on images the exam does not hold, off the image, or without a background
 * ring on the image are left out with a warning.
 */
import { applyDraftAction } from '../../draft/apply-draft-action.js';
import type { ExamDraft } from '../../draft/exam-draft.js';
import { isInside, type MammoImage } from '../../image.js';
import { measureOutline, ringBackground } from '../../measure/measure-outline.js';
import { ok, type Result } from '../../result.js';
import type { PointPx } from '../../units.js';
import { describe, type ForeignLine, type ForeignMeasurements, type StatedValue } from './read-foreign-sr.js';

export interface ImportedOutline {
  /** The draft's id of the new calcification. */
  readonly calcificationId: string;
  readonly imageId: string;
  /** What the other system stated for it (area, perimeter …), as written. */
  readonly stated: readonly StatedValue[];
}

export interface ImportedLine extends Omit<ForeignLine, 'sopInstanceUid' | 'frame'> {
  readonly imageId: string;
}

export interface ForeignImport {
  readonly draft: ExamDraft;
  readonly outlines: readonly ImportedOutline[];
  /** Lines kept beside the draft (it has no place for a plain length). */
  readonly lines: readonly ImportedLine[];
  readonly warnings: readonly string[];
}

/**
 * `images`: the exam's images by draft image id (the SR names them by SOP Instance UID). Errors
 * only when the draft refuses an action; everything the draft cannot hold is a warning.
 */
export function importForeignMeasurements(draft: ExamDraft, images: ReadonlyMap<string, MammoImage>, foreign: ForeignMeasurements): Result<ForeignImport> {
  const idOf = new Map<string, string>();
  for (const [id, image] of images) if (image.meta.sopInstanceUid !== null && draft.images.some((i) => i.imageId === id)) idOf.set(image.meta.sopInstanceUid, id);
  const warnings = [...foreign.warnings];
  const outlines: ImportedOutline[] = [];
  let current = draft;
  for (const [i, o] of foreign.outlines.entries()) {
    const label = `outline ${i + 1}${o.trackingIdentifier === null ? '' : ` (${describe(o.trackingIdentifier)})`}`;
    const imageId = idOf.get(o.sopInstanceUid);
    const image = imageId === undefined ? undefined : images.get(imageId);
    if (imageId === undefined || image === undefined) {
      warnings.push(`${label} lies on an image this exam does not hold (SOP Instance UID ${describe(o.sopInstanceUid)}): left out`);
      continue;
    }
    if (!o.contour.every((p) => isInside(image, { x: p.x + 0.5, y: p.y + 0.5 } as PointPx))) {
      warnings.push(`${label} reaches beyond its image: left out`);
      continue;
    }
    const background = ringBackground(image, o.contour);
    if (background === null) {
      warnings.push(`${label}: the ring around it to measure its background is off the image: left out`);
      continue;
    }
    const measurements = measureOutline(image, o.contour, background);
    const before = new Set(current.calcifications.map((c) => c.id));
    const added = applyDraftAction(current, { type: 'addCalcifications', imageId, items: [{ seed: measurements.centre, contour: o.contour, measurements }] });
    if (!added.ok) return added;
    const c = added.value.calcifications.find((x) => !before.has(x.id));
    if (c === undefined) {
      warnings.push(`${label}: the draft did not take it: left out`);
      continue;
    }
    const drawn = applyDraftAction(added.value, { type: 'editOutline', id: c.id, contour: o.contour, measurements });
    if (!drawn.ok) return drawn;
    current = drawn.value;
    outlines.push({ calcificationId: c.id, imageId, stated: o.stated });
  }
  const lines: ImportedLine[] = [];
  for (const [i, l] of foreign.lines.entries()) {
    const label = `line ${i + 1}${l.stated === null ? '' : ` (${describe(`${l.stated.concept} ${l.stated.value} ${l.stated.unit}`)})`}`;
    const imageId = idOf.get(l.sopInstanceUid);
    if (imageId === undefined) {
      warnings.push(`${label} lies on an image this exam does not hold: left out`);
      continue;
    }
    const { sopInstanceUid: _uid, frame: _frame, ...rest } = l;
    lines.push({ ...rest, imageId });
    warnings.push(`${label} on ${describe(imageId)}: a length alone is not a calcification (the draft holds outlines): kept beside the draft`);
  }
  return ok({ draft: current, outlines, lines, warnings });
}
