import type { AssessmentCategory } from '../lexicon.js';
import { err, ok, type Result } from '../result.js';
import { wordDifferential, wordSuggestion } from '../report/word-suggestion.js';
import { checkAssessmentInput } from './check-input.js';
import {
  parseChange,
  parseComposition,
  parseDistribution,
  parseExamDate,
  parseHistory,
  parseIndication,
  parseKnownCancer,
  parseList,
  parseMorphologyList,
  parseSide,
  uncharacterisedWords,
} from './parse-terms.js';
import { suggestAssessment } from './suggest-assessment.js';
import type { AssessmentInput } from './suggestion.js';

export interface BatchSuggestion {
  readonly assessment: AssessmentCategory;
  readonly management: string;
  readonly reasons: readonly string[];
  /** Category 3: months to the next follow-up examination; otherwise null. */
  readonly followUpMonths: number | null;
  /** At screening, the category at diagnostic work-up of a recalled finding; otherwise null. */
  readonly diagnosticAssessment: AssessmentCategory | null;
  /** "Suggested assessment: BI-RADS 2 — benign; expected post-surgical change." (+ differential) */
  readonly wording: string;
}

const FIELDS = ['morphology', 'distribution', 'change', 'history', 'composition', 'side', 'indication', 'examDate', 'knownCancer'] as const;

/**
 * Reads one batch line's object into an AssessmentInput; the first problem is the error, naming its
 * field. `today` (YYYY-MM-DD, from the host's clock) refuses dates in the future; null skips that check.
 */
export function assessmentInputFromJson(obj: unknown, today: string | null = null): Result<AssessmentInput> {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return err('bad-argument', 'each line must be a JSON object');
  const o = obj as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (extra !== undefined) return err('bad-argument', `unknown field ${JSON.stringify(extra.slice(0, 40))}: expected ${FIELDS.join(', ')}`);
  if (o.morphology === undefined) return err('bad-argument', 'morphology is required (a list of terms or codes)');
  const morphology = parseMorphologyList(o.morphology);
  if (!morphology.ok) return morphology;
  const distribution = parseList(o.distribution ?? [], 'distribution', parseDistribution);
  if (!distribution.ok) return distribution;
  const change = parseChange(o.change ?? 'no-priors');
  if (!change.ok) return change;
  const history = parseHistory(o.history);
  if (!history.ok) return history;
  const composition = parseComposition(o.composition);
  if (!composition.ok) return composition;
  const side = parseSide(o.side);
  if (!side.ok) return side;
  const indication = parseIndication(o.indication);
  if (!indication.ok) return indication;
  const examDate = parseExamDate(o.examDate);
  if (!examDate.ok) return examDate;
  const knownCancer = parseKnownCancer(o.knownCancer);
  if (!knownCancer.ok) return knownCancer;
  const { terms, uncharacterised } = morphology.value;
  return checkAssessmentInput(
    {
      morphology: terms,
      distribution: distribution.value,
      change: change.value,
      history: history.value,
      composition: composition.value,
      side: side.value,
      ...(terms.length === 0 && uncharacterised.length > 0 ? { notCharacterised: uncharacterisedWords(uncharacterised) } : {}),
      ...(indication.value !== null ? { indication: indication.value } : {}),
      ...(examDate.value !== null ? { examDate: examDate.value } : {}),
      ...(knownCancer.value !== null ? { knownCancer: knownCancer.value } : {}),
    },
    today,
  );
}

/**
 * One line of `suggest --batch`: validates `{"morphology":[…],"distribution":[…],"change":…,
 * "history":…}` (terms or codes) and returns the suggested assessment with its wording.
 *
 * @example suggestFromJson({ morphology: ['DCM:111344'], distribution: ['segmental'] }) // ok: 4C
 */
export function suggestFromJson(obj: unknown, today: string | null = null): Result<BatchSuggestion> {
  const input = assessmentInputFromJson(obj, today);
  if (!input.ok) return input;
  const s = suggestAssessment(input.value);
  const differential = wordDifferential(s);
  return ok({
    assessment: s.assessment,
    management: s.management,
    reasons: s.reasons,
    followUpMonths: s.followUpMonths,
    diagnosticAssessment: s.diagnosticAssessment,
    wording: differential === '' ? wordSuggestion(s) : `${wordSuggestion(s)} ${differential}`,
  });
}
