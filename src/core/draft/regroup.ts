/** Regrouping by hand: merge, split, move; and removing a calcification. */
import { err, ok, type Result } from '../result.js';
import { findCalcification, findFinding, findingOf, freshId } from './draft-lookup.js';
import type { DraftFinding, ExamDraft } from './exam-draft.js';

/** Findings left without calcifications are dropped. */
export function dropEmptyFindings(findings: readonly DraftFinding[]): DraftFinding[] {
  return findings.filter((f) => f.calcificationIds.length > 0);
}

/** Joins findings of one breast into the first listed; its change, overrides and relation are kept. */
export function mergeFindings(draft: ExamDraft, findingIds: readonly string[]): Result<ExamDraft> {
  const ids = [...new Set(findingIds)];
  if (ids.length < 2) return err('bad-argument', 'give at least two findings to merge');
  const found = ids.map((id) => findFinding(draft, id));
  const missing = ids.find((_, i) => found[i] === undefined);
  if (missing !== undefined) return err('bad-argument', `no finding ${missing}`);
  const list = found as DraftFinding[];
  const into = list[0] as DraftFinding;
  const other = list.find((f) => f.side !== into.side);
  if (other !== undefined) return err('bad-argument', `findings of the ${into.side} and ${other.side} breast cannot be merged`);
  const merged: DraftFinding = { ...into, calcificationIds: list.flatMap((f) => f.calcificationIds), groupedBy: 'radiologist' };
  const rest = new Set(ids.slice(1));
  return ok({
    ...draft,
    findings: draft.findings.filter((f) => !rest.has(f.id)).map((f) => (f.id === into.id ? merged : f)),
  });
}

/**
 * Takes the listed calcifications out of a finding into a new finding of the same breast, with
 * the same change since prior and no overrides. At least one calcification must stay.
 */
export function splitFinding(draft: ExamDraft, findingId: string, calcificationIds: readonly string[]): Result<ExamDraft> {
  const finding = findFinding(draft, findingId);
  if (finding === undefined) return err('bad-argument', `no finding ${findingId}`);
  const out = new Set(calcificationIds);
  if (out.size === 0) return err('bad-argument', 'give the calcifications to split off');
  const stray = [...out].find((id) => !finding.calcificationIds.includes(id));
  if (stray !== undefined) return err('bad-argument', `calcification ${stray} is not in finding ${findingId}`);
  const stay = finding.calcificationIds.filter((id) => !out.has(id));
  if (stay.length === 0) return err('bad-argument', 'a split must leave at least one calcification in the finding');
  const id = freshId(draft, 'f');
  const split: DraftFinding = { id, side: finding.side, calcificationIds: finding.calcificationIds.filter((c) => out.has(c)), change: finding.change, overrides: {}, relation: null, groupedBy: 'radiologist' };
  const findings = draft.findings.flatMap((f) => (f.id === findingId ? [{ ...f, calcificationIds: stay, groupedBy: 'radiologist' as const }, split] : [f]));
  return ok({ ...draft, findings });
}

/** Moves one calcification to another finding of the same breast; an emptied finding disappears. */
export function moveCalcification(draft: ExamDraft, id: string, toFindingId: string): Result<ExamDraft> {
  if (findCalcification(draft, id) === undefined) return err('bad-argument', `no calcification ${id}`);
  const to = findFinding(draft, toFindingId);
  if (to === undefined) return err('bad-argument', `no finding ${toFindingId}`);
  const from = findingOf(draft, id);
  if (from?.id === to.id) return err('bad-argument', `calcification ${id} is already in finding ${toFindingId}`);
  if (from !== undefined && from.side !== to.side) return err('bad-argument', `a calcification of the ${from.side} breast cannot join a finding of the ${to.side} breast`);
  const findings = draft.findings.map((f) => {
    if (f.id === to.id) return { ...f, calcificationIds: [...f.calcificationIds, id], groupedBy: 'radiologist' as const };
    if (f.id === from?.id) return { ...f, calcificationIds: f.calcificationIds.filter((c) => c !== id), groupedBy: 'radiologist' as const };
    return f;
  });
  return ok({ ...draft, findings: dropEmptyFindings(findings) });
}

/** Removes a calcification; its finding disappears when it was the last one. */
export function removeCalcification(draft: ExamDraft, id: string): Result<ExamDraft> {
  if (findCalcification(draft, id) === undefined) return err('bad-argument', `no calcification ${id}`);
  const findings = draft.findings.map((f) => (f.calcificationIds.includes(id) ? { ...f, calcificationIds: f.calcificationIds.filter((c) => c !== id) } : f));
  return ok({ ...draft, calcifications: draft.calcifications.filter((c) => c.id !== id), findings: dropEmptyFindings(findings) });
}
