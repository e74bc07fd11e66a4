/**
 * The exam draft back from the report JSON (`calcscribe exam --json`, `analyze --json`, the
 * viewer's Export JSON): its `draft` (portableDraft), checked by the draft's own validation
 * (parseDraft), and the report beside it checked against the report that draft gives — a JSON
 * changed by hand (a size, a count, a category typed over) is refused rather than reported with
 * numbers its calcifications do not give.
 */
import { err, ok, type Result } from '../result.js';
import { deriveReport } from './derive-report.js';
import { examReportJson } from './exam-report-output.js';
import type { ExamDraft } from './exam-draft.js';
import { parseDraft } from './serialize-draft.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value quoted in a message: one line, at most 40 characters. */
function quote(v: unknown): string {
  const s = JSON.stringify(v) ?? 'nothing';
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The first place where `given` differs from `derived` (a path like findings[1].size.max), or null. */
function firstDifference(given: unknown, derived: unknown, path: string): string | null {
  if (Array.isArray(derived)) {
    if (!Array.isArray(given)) return `${path} is not a list`;
    if (given.length !== derived.length) return `${path} holds ${given.length} entries, the draft gives ${derived.length}`;
    for (const [i, d] of derived.entries()) {
      const diff = firstDifference(given[i], d, `${path}[${i}]`);
      if (diff !== null) return diff;
    }
    return null;
  }
  if (isObj(derived)) {
    if (!isObj(given)) return `${path} is not an object`;
    const extra = Object.keys(given).find((k) => !(k in derived));
    if (extra !== undefined) return `${path}.${extra} is not a field of the report`;
    for (const [k, d] of Object.entries(derived)) {
      const diff = firstDifference(given[k], d, `${path}.${k}`);
      if (diff !== null) return diff;
    }
    return null;
  }
  return Object.is(given, derived) ? null : `${path} is ${quote(given)} where the draft gives ${quote(derived)}`;
}

/** What the report JSON is checked on: everything but the warnings (the host's own, e.g. clicks left out, cannot be derived again). */
const CHECKED = ['examKey', 'findings', 'report', 'coded'] as const;

/**
 * The `analyze --json` shape (one finding on one image): its count, terms, category and wording
 * as the draft gives them, beside the same read from the file.
 */
function analysisSummary(draft: ExamDraft): Record<string, unknown> {
  const d = deriveReport(draft).findingsDerived[0];
  return {
    calcifications: draft.calcifications.length,
    group: { count: d?.count, morphology: d?.finding.morphology, distribution: d?.finding.distribution },
    assessment: d?.suggestion.assessment,
    wording: d?.wording,
  };
}

function givenSummary(doc: Record<string, unknown>): Record<string, unknown> {
  const group = isObj(doc['group']) ? doc['group'] : {};
  return {
    calcifications: Array.isArray(doc['calcifications']) ? doc['calcifications'].length : doc['calcifications'],
    group: { count: group['count'], morphology: group['morphology'], distribution: group['distribution'] },
    assessment: isObj(doc['suggestion']) ? doc['suggestion']['assessment'] : undefined,
    wording: doc['wording'],
  };
}

/**
 * Reads the draft of a report JSON (`exam --json`, or `analyze --json`). Refused, with the first problem: not JSON, not a report of
 * calcscribe, no draft in it (an older version's output), a draft that does not validate, or a
 * report that differs from the one its draft gives.
 */
export function readFindingsJson(text: string): Result<ExamDraft> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return err('bad-argument', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObj(doc)) return err('bad-argument', 'not a calcscribe report: the JSON is not an object');
  const analysis = 'group' in doc && 'suggestion' in doc && !('findings' in doc);
  const missing = (analysis ? ['calcifications', 'group', 'suggestion', 'wording', 'draft'] : [...CHECKED, 'draft']).find((k) => !(k in doc));
  if (missing !== undefined) {
    return err('bad-argument', `not a calcscribe exam report: no "${missing}" (write it with \`calcscribe exam --json\` or \`analyze --json\`${missing === 'draft' ? ' of this version' : ''})`);
  }
  const d = doc['draft'];
  if (!isObj(d)) return err('bad-argument', 'the report\'s "draft" is not an object');
  const draft = parseDraft(JSON.stringify({ ...d, revision: d['revision'] ?? 0 }));
  if (!draft.ok) return err('bad-argument', `the report's draft: ${draft.error.message.replace(/^the draft cannot be read: /, '')}`);
  const derived = JSON.parse(examReportJson(draft.value)) as Record<string, unknown>;
  if (analysis) {
    const diff = firstDifference(givenSummary(doc), analysisSummary(draft.value), 'analysis');
    if (diff !== null) return err('bad-argument', `the analysis does not match its draft (changed by hand?): ${diff}`);
  }
  for (const key of analysis ? [] : CHECKED) {
    const diff = firstDifference(doc[key], derived[key], key);
    if (diff !== null) return err('bad-argument', `the report does not match its draft (changed by hand?): ${diff}`);
  }
  const draftDiff = firstDifference(d, derived['draft'], 'draft');
  if (draftDiff !== null && !/^draft\.revision /.test(draftDiff)) return err('bad-argument', `the report's draft is not in the form calcscribe writes: ${draftDiff}`);
  return ok(draft.value);
}
