/**
 * The exam's clinical context as a RIS supplies it beside the images: breast composition, the
 * clinical history (surgery, radiation, implants …) and the comparison exam's date. The command
 * line reads it from annotations.json, the viewer from the same block served beside the study;
 * both parse it here, so one exam is worded the same way in every host.
 */
import { parseComposition, parseHistory, parseIndication } from './assess/parse-terms.js';
import type { BreastComposition, ClinicalHistory, Indication } from './lexicon.js';
import { err, ok, type Result } from './result.js';

export interface ExamContext {
  readonly composition: BreastComposition | null;
  /** The whole history as parseHistory reads it (every field it knows is kept). */
  readonly history: ClinicalHistory;
  /** The comparison exam's date, YYYY-MM-DD; null when there is none. */
  readonly priorDate: string | null;
  /** Why the exam is done (screening, diagnostic, short-interval follow-up); null: not stated, read as diagnostic. */
  readonly indication: Indication | null;
}

/** A calendar date as the draft and the annotations keep it: YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Reads the context block of a document: `{ composition?, history?, priorDate?, indication? }` (other fields,
 * such as the findings of annotations.json, are not read here). Missing fields are "not stated":
 * no composition, an empty history, no comparison exam.
 * @example parseExamContext({ composition: 'b', priorDate: '2024-03-12' })
 */
export function parseExamContext(doc: unknown): Result<ExamContext> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return err('bad-argument', 'the exam context must be a JSON object');
  const o = doc as Record<string, unknown>;
  const composition = parseComposition(o['composition']);
  if (!composition.ok) return composition;
  const history = parseHistory(o['history']);
  if (!history.ok) return history;
  const priorDate = o['priorDate'] ?? null;
  if (priorDate !== null && (typeof priorDate !== 'string' || !ISO_DATE.test(priorDate))) {
    return err('bad-argument', `priorDate must be a date YYYY-MM-DD (got ${JSON.stringify(priorDate)})`);
  }
  const indication = parseIndication(o['indication']);
  if (!indication.ok) return indication;
  return ok({ composition: composition.value, history: history.value, priorDate, indication: indication.value });
}
