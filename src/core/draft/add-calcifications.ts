import { groupByProximity } from '../measure/group-by-proximity.js';
import { err, ok, type Result } from '../result.js';
import type { NewCalcification } from './draft-action.js';
import { defaultChange } from './comparison.js';
import { calibrationOf, findImage, findingOf, freshId, sideOfImage } from './draft-lookup.js';
import type { DraftCalcification, DraftFinding, ExamDraft } from './exam-draft.js';

/**
 * Adds calcifications measured on one image. Grouping follows the core's proximity rule
 * (groupByProximity, GROUPING_RULE) over the image's calcifications, so the result does not depend
 * on the order of the clicks:
 * - a new calcification with no neighbour in a finding starts a new finding of the image's breast;
 * - one within reach of a finding joins it;
 * - one that bridges several findings grouped by proximity joins them into the first (its change,
 *   overrides and relation are kept); findings the radiologist grouped by hand are never merged
 *   this way — the new calcification joins the first of them.
 */
export function addCalcifications(draft: ExamDraft, imageId: string, items: readonly NewCalcification[]): Result<ExamDraft> {
  const image = findImage(draft, imageId);
  if (image === undefined) return err('bad-argument', `no image ${imageId} in this exam`);
  if (items.length === 0) return err('bad-argument', 'no calcification to add');
  for (const it of items) {
    if (!Number.isFinite(it.seed.x) || !Number.isFinite(it.seed.y)) return err('bad-argument', 'a calcification seed is not a finite point');
    if (!Number.isFinite(it.measurements?.centre?.x) || !Number.isFinite(it.measurements?.centre?.y)) return err('bad-argument', 'a calcification has no measured centre');
  }
  const taken = new Set<string>();
  const added: DraftCalcification[] = items.map((it) => {
    const id = freshId(draft, 'c', taken);
    taken.add(id);
    return { id, imageId, seed: it.seed, contour: [...it.contour], edited: false, measurements: it.measurements };
  });
  const existing = draft.calcifications.filter((c) => c.imageId === imageId && findingOf(draft, c.id) !== undefined);
  const all = [...existing, ...added];
  const groups = groupByProximity(all.map((c) => c.measurements), calibrationOf(image));

  const position = new Map(draft.findings.map((f, i) => [f.id, i]));
  const byId = new Map(draft.findings.map((f) => [f.id, f]));
  const absorbedInto = new Map<string, string>();
  const resolve = (id: string): string => {
    let r = id;
    while (absorbedInto.has(r)) r = absorbedInto.get(r) as string;
    return r;
  };
  const extra = new Map<string, string[]>();
  const newFindings: DraftFinding[] = [];
  for (const g of groups) {
    const members = g.map((i) => all[i] as DraftCalcification);
    const fresh = members.filter((c) => taken.has(c.id)).map((c) => c.id);
    if (fresh.length === 0) continue;
    const touched = [...new Set(members.filter((c) => !taken.has(c.id)).map((c) => resolve((findingOf(draft, c.id) as DraftFinding).id)))].sort(
      (a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
    const target = touched[0];
    if (target === undefined) {
      const id = freshId(draft, 'f', taken);
      taken.add(id);
      newFindings.push({ id, side: sideOfImage(image), calcificationIds: fresh, change: defaultChange(draft), overrides: {}, relation: null, groupedBy: 'proximity' });
      continue;
    }
    if (touched.every((id) => byId.get(id)?.groupedBy !== 'radiologist')) {
      for (const other of touched.slice(1)) {
        absorbedInto.set(other, target);
        extra.set(target, [...(extra.get(target) ?? []), ...(extra.get(other) ?? [])]);
        extra.delete(other);
      }
    }
    extra.set(target, [...(extra.get(target) ?? []), ...fresh]);
  }
  const findings = draft.findings
    .filter((f) => !absorbedInto.has(f.id))
    .map((f) => {
      const joined = draft.findings.filter((o) => absorbedInto.has(o.id) && resolve(o.id) === f.id).flatMap((o) => o.calcificationIds);
      const more = extra.get(f.id) ?? [];
      return joined.length === 0 && more.length === 0 ? f : { ...f, calcificationIds: [...f.calcificationIds, ...joined, ...more] };
    });
  return ok({ ...draft, calcifications: [...draft.calcifications, ...added], findings: [...findings, ...newFindings] });
}
