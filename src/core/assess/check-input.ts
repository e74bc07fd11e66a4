/**
 * Contradictory or impossible assessment input, refused with an error naming the field: a date in
 * the future or after the exam, "stable" in a new position, a follow-up examination without a
 * prior, a finding related to a known cancer the history does not hold.
 */
import { err, ok, type Result } from '../result.js';
import type { KnownCancerRelation, KnownMalignancy, Side } from '../lexicon.js';
import type { AssessmentInput } from './suggestion.js';

/** True when a date (YYYY, YYYY-MM or YYYY-MM-DD) starts after `ref` (YYYY-MM-DD). */
export function dateAfter(date: string, ref: string): boolean {
  return date > ref.slice(0, date.length);
}

/**
 * A clinical-history date (YYYY, YYYY-MM or YYYY-MM-DD) checked against the exam's date and today
 * (either null: not checked); `field` names it in the message.
 */
export function checkDate(field: string, date: string | null, examDate: string | null, today: string | null): Result<true> {
  if (date === null) return ok(true);
  if (examDate !== null && dateAfter(date, examDate)) return err('bad-argument', `${field} ${date} is after the exam date ${examDate}`);
  if (today !== null && dateAfter(date, today)) return err('bad-argument', `${field} ${date} is in the future (today is ${today})`);
  return ok(true);
}

/**
 * A finding marked as the known biopsy-proven cancer, or as next to it, needs that cancer in the
 * history on the finding's side (or on both sides; a finding without a side is not checked).
 * Otherwise refused, naming the field: the category 6 (or the extent-of-disease biopsy) would rest
 * on a cancer the history does not hold. The one check for the command line, the exam file and the
 * viewer's draft.
 */
export function checkKnownCancer(
  relation: KnownCancerRelation | null,
  side: Side | null,
  malignancies: readonly KnownMalignancy[],
): Result<true> {
  if (relation === null) return ok(true);
  if (malignancies.length === 0) {
    return err('bad-argument', `knownCancer "${relation}": history.malignancies holds no biopsy-proven malignancy (give its side and site)`);
  }
  if (side !== null && side !== 'both' && !malignancies.some((m) => m.side === side || m.side === 'both')) {
    const sides = [...new Set(malignancies.map((m) => (m.side === 'both' ? 'both breasts' : `${m.side} breast`)))].join(' and ');
    return err('bad-argument', `knownCancer "${relation}": the finding is in the ${side} breast, history.malignancies lists a malignancy in the ${sides} only`);
  }
  return ok(true);
}

/**
 * The input unchanged when it is consistent; otherwise the first contradiction, naming its field.
 * `today` (YYYY-MM-DD) comes from the host's clock; null skips the "in the future" check.
 */
export function checkAssessmentInput(input: AssessmentInput, today: string | null): Result<AssessmentInput> {
  const examDate = input.examDate ?? null;
  const examDateOk = checkDate('examDate', examDate, null, today);
  if (!examDateOk.ok) return examDateOk;
  const events = input.history.events;
  for (let i = 0; i < events.length; i++) {
    const r = checkDate(`history.events[${i}].date`, events[i]?.date ?? null, examDate, today);
    if (!r.ok) return r;
  }
  const malignancies = input.history.malignancies ?? [];
  for (let i = 0; i < malignancies.length; i++) {
    const r = checkDate(`history.malignancies[${i}].date`, malignancies[i]?.date ?? null, examDate, today);
    if (!r.ok) return r;
  }
  if (input.change.kind === 'stable' && input.change.newPosition === true) {
    return err('bad-argument', 'change.newPosition: calcifications "stable" since the prior cannot be in a new position');
  }
  if (input.indication === 'short-interval follow-up' && input.change.kind === 'no-priors') {
    return err('bad-argument', 'change: a short-interval follow-up examination is compared with the prior; "no-priors" contradicts the indication');
  }
  const known = checkKnownCancer(input.knownCancer ?? null, input.side, input.history.malignancies ?? []);
  if (!known.ok) return known;
  return ok(input);
}
