import type { MammoImage } from '../image.js';
import { remeasureOutline } from '../measure/measure-outline.js';
import { err, ok, type Result } from '../result.js';
import type { PointPx } from '../units.js';
import type { DraftAction } from './draft-action.js';
import { findCalcification } from './draft-lookup.js';
import type { ExamDraft } from './exam-draft.js';

/**
 * The draft action for a corrected outline: the calcification re-measured from the new contour
 * on its image (remeasureOutline: against the background it was first measured against), ready to
 * dispatch; its finding's descriptors, suggestion and wording follow from the new measurements.
 * Errors: unknown calcification, an outline of fewer than three finite points.
 */
export function editOutlineAction(draft: ExamDraft, image: MammoImage, calcificationId: string, contour: readonly PointPx[]): Result<DraftAction> {
  const c = findCalcification(draft, calcificationId);
  if (c === undefined) return err('bad-argument', `no calcification ${calcificationId}`);
  if (contour.length < 3) return err('bad-argument', 'an outline needs at least three points');
  if (contour.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) return err('bad-argument', 'the outline has a point that is not on the image');
  const measurements = remeasureOutline(image, { contour: c.contour, measurements: c.measurements, seed: c.seed }, contour);
  return ok({ type: 'editOutline', id: c.id, contour: contour.map((p) => ({ x: p.x, y: p.y })), measurements });
}
