import { checkKnownCancer } from '../assess/check-input.js';
import type { Overrides, OverriddenTerm } from '../assess/overrides.js';
import { ISO_DATE } from '../exam-context.js';
import { INDICATIONS, KNOWN_CANCER_RELATIONS, type ClinicalHistory, type KnownCancerRelation } from '../lexicon.js';
import { err, ok, type Result } from '../result.js';
import { addCalcifications } from './add-calcifications.js';
import type { DraftAction } from './draft-action.js';
import { defaultChange } from './comparison.js';
import { findCalcification, findFinding, findImage } from './draft-lookup.js';
import type { DraftFinding, ExamDraft } from './exam-draft.js';
import { mergeFindings, moveCalcification, removeCalcification, splitFinding } from './regroup.js';


function updateFinding(draft: ExamDraft, findingId: string, change: (f: DraftFinding) => DraftFinding): Result<ExamDraft> {
  if (findFinding(draft, findingId) === undefined) return err('bad-argument', `no finding ${findingId}`);
  return ok({ ...draft, findings: draft.findings.map((f) => (f.id === findingId ? change(f) : f)) });
}

/**
 * A finding marked as the known cancer (or next to it) needs that cancer in the history on its
 * side: refused otherwise, naming the field, as the command line and the exam file refuse it
 * (checkKnownCancer), never a finding left out of the report.
 */
function knownCancerFits(f: DraftFinding, relation: KnownCancerRelation | null, history: ClinicalHistory): Result<true> {
  const r = checkKnownCancer(relation, f.side, history.malignancies ?? []);
  return r.ok ? r : err(r.error.kind, `finding ${f.id}: ${r.error.message}`);
}

/** A history that still holds the cancer every finding marked as the known cancer (or next to it) relates to. */
function historyFits(draft: ExamDraft, history: ClinicalHistory): Result<true> {
  for (const f of draft.findings) {
    const r = knownCancerFits(f, f.knownCancer ?? null, history);
    if (!r.ok) return err(r.error.kind, `${r.error.message}; unmark the finding's relation to the known cancer first`);
  }
  return ok(true);
}

function withoutTerms(o: Overrides, terms: readonly OverriddenTerm[]): Overrides {
  const out: Record<string, unknown> = { ...o };
  for (const t of terms) delete out[t];
  return out as Overrides;
}

function withoutUndefined(o: Overrides): Overrides {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Overrides;
}

/** Findings' change in line with whether the exam has a comparison: "no priors" and a comparison exam cannot both hold. */
function withComparison(draft: ExamDraft): ExamDraft {
  const fallback = defaultChange(draft);
  const fits = (f: DraftFinding): boolean => (fallback === null ? f.change?.kind !== 'no-priors' : f.change !== null);
  if (draft.findings.every(fits)) return draft;
  return { ...draft, findings: draft.findings.map((f) => (fits(f) ? f : { ...f, change: fallback })) };
}

/** `after` with the calcifications added since `before` in one finding: the findings holding them merged (mergeFindings). */
function keptTogether(before: ExamDraft, after: ExamDraft): Result<ExamDraft> {
  const old = new Set(before.calcifications.map((c) => c.id));
  const fresh = after.calcifications.filter((c) => !old.has(c.id)).map((c) => c.id);
  const holding = after.findings.filter((f) => f.calcificationIds.some((id) => fresh.includes(id))).map((f) => f.id);
  return holding.length < 2 ? ok(after) : mergeFindings(after, holding);
}

function apply(draft: ExamDraft, action: DraftAction): Result<ExamDraft> {
  switch (action.type) {
    case 'addCalcifications': {
      const added = addCalcifications(draft, action.imageId, action.items);
      return added.ok && action.together === true ? keptTogether(draft, added.value) : added;
    }
    case 'removeCalcification':
      return removeCalcification(draft, action.id);
    case 'editOutline': {
      if (findCalcification(draft, action.id) === undefined) return err('bad-argument', `no calcification ${action.id}`);
      if (action.contour.length < 3) return err('bad-argument', 'an outline needs at least three points');
      return ok({
        ...draft,
        calcifications: draft.calcifications.map((c) =>
          c.id === action.id ? { ...c, contour: [...action.contour], measurements: action.measurements, edited: true } : c,
        ),
      });
    }
    case 'mergeFindings':
      return mergeFindings(draft, action.findingIds);
    case 'splitFinding':
      return splitFinding(draft, action.findingId, action.calcificationIds);
    case 'moveCalcification':
      return moveCalcification(draft, action.id, action.toFindingId);
    case 'overrideTerms':
      return updateFinding(draft, action.findingId, (f) => ({ ...f, overrides: withoutUndefined({ ...f.overrides, ...action.overrides }) }));
    case 'clearOverrides':
      return updateFinding(draft, action.findingId, (f) => ({ ...f, overrides: withoutTerms(f.overrides, action.terms) }));
    case 'setChange':
      if (action.change === null && defaultChange(draft) !== null) return err('bad-argument', 'with no comparison exam the change is "no priors"');
      if (action.change !== null && action.change.years !== undefined && !(action.change.years >= 0)) return err('bad-argument', 'years stable must be zero or more');
      return updateFinding(draft, action.findingId, (f) => ({ ...f, change: action.change }));
    case 'setRelation':
      return updateFinding(draft, action.findingId, (f) => ({ ...f, relation: action.relation === null || action.relation.trim() === '' ? null : action.relation.trim() }));
    case 'setKnownCancer': {
      if (action.relation !== null && !(KNOWN_CANCER_RELATIONS as readonly string[]).includes(action.relation)) {
        return err('bad-argument', `known cancer relation "${String(action.relation)}" must be one of ${KNOWN_CANCER_RELATIONS.join(', ')}`);
      }
      const f = findFinding(draft, action.findingId);
      if (f === undefined) return err('bad-argument', `no finding ${action.findingId}`);
      const fits = knownCancerFits(f, action.relation, draft.history);
      if (!fits.ok) return fits;
      return updateFinding(draft, action.findingId, (g) => ({ ...g, knownCancer: action.relation }));
    }
    case 'setComposition':
      return ok({ ...draft, composition: action.composition });
    case 'setHistory': {
      const fits = historyFits(draft, action.history);
      return fits.ok ? ok({ ...draft, history: action.history }) : fits;
    }
    case 'setIndication':
      if (action.indication !== null && !(INDICATIONS as readonly string[]).includes(action.indication)) {
        return err('bad-argument', `indication "${String(action.indication)}" must be one of ${INDICATIONS.join(', ')}`);
      }
      return ok({ ...draft, indication: action.indication });
    case 'setPriorDate':
      if (action.date !== null && !ISO_DATE.test(action.date)) return err('bad-argument', `prior date "${action.date}" is not YYYY-MM-DD`);
      return ok(withComparison({ ...draft, priorDate: action.date }));
    case 'placeNipple': {
      if (findImage(draft, action.imageId) === undefined) return err('bad-argument', `no image ${action.imageId} in this exam`);
      const markers: Record<string, { x: number; y: number }> = { ...draft.nippleMarkers };
      if (action.point === null) delete markers[action.imageId];
      else if (!Number.isFinite(action.point.x) || !Number.isFinite(action.point.y)) return err('bad-argument', 'the nipple marker is not a finite point');
      else markers[action.imageId] = { x: action.point.x, y: action.point.y };
      return ok({ ...draft, nippleMarkers: markers });
    }
    case 'editReportText':
      return ok({ ...draft, reportText: action.text });
    case 'resetReportText':
      return ok({ ...draft, reportText: null });
  }
}

/**
 * Applies one radiologist action to a draft and returns the new draft (the old one is left as
 * is). Every applied action increases `revision` by one. An action that does not fit the draft
 * (unknown id, findings of different breasts, a bad date …) is an error value and changes nothing.
 * @example
 * const r = applyDraftAction(draft, { type: 'setComposition', composition: 'b' });
 * if (r.ok) draft = r.value;
 */
export function applyDraftAction(draft: ExamDraft, action: DraftAction): Result<ExamDraft> {
  const r = apply(draft, action);
  return r.ok ? ok({ ...r.value, revision: draft.revision + 1 }) : r;
}
