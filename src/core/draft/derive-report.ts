import { draftReport, type DraftReport } from '../report/draft-report.js';
import type { Exam } from '../report/finding.js';
import { deriveFinding, type DerivedFinding } from './derive-finding.js';
import type { ExamDraft } from './exam-draft.js';
import type { Result } from '../result.js';
import { lineDiff, type LineChange } from './line-diff.js';

/** The report of a draft: the suggestion from the findings and the text the radiologist keeps. */
export interface DerivedReport extends DraftReport {
  readonly findingsDerived: readonly DerivedFinding[];
  /** The exam as draftReport read it (for the JSON export). */
  readonly exam: Exam;
  /** The report text suggested from the current findings. */
  readonly suggestedText: string;
  /** The text to use: the radiologist's when they edited it, else the suggestion. */
  readonly text: string;
  /** True when the radiologist's text differs from the suggestion. */
  readonly edited: boolean;
  /** Line-by-line difference of the radiologist's text from the suggestion (all 'same' when not edited). */
  readonly differences: readonly LineChange[];
  /** Findings that could not be derived, with why. */
  readonly warnings: readonly string[];
  /** The same findings by id, each with the rules' reason: kept in the draft, left out of the report. */
  readonly leftOut: readonly { readonly findingId: string; readonly reason: string }[];
}

/**
 * Recomputes the whole report from a draft: every finding (right breast first, in the order
 * they were made), the suggested text, and the radiologist's text, which is never replaced by a
 * recomputed suggestion. `derive` gives each finding (deriveFinding, or a caller's store of its
 * earlier results for findings whose inputs have not changed).
 */
export function deriveReport(draft: ExamDraft, derive: (draft: ExamDraft, findingId: string) => Result<DerivedFinding> = deriveFinding): DerivedReport {
  const warnings: string[] = [];
  const leftOut: { findingId: string; reason: string }[] = [];
  const order = { right: 0, left: 1, both: 2 } as const;
  const findingsDerived: DerivedFinding[] = [];
  for (const f of [...draft.findings].sort((a, b) => order[a.side] - order[b.side])) {
    const d = derive(draft, f.id);
    if (d.ok) findingsDerived.push(d.value);
    else {
      warnings.push(`finding ${f.id} left out: ${d.error.message}`);
      leftOut.push({ findingId: f.id, reason: d.error.message });
    }
  }
  const exam: Exam = { composition: draft.composition, findings: findingsDerived.map((d) => d.finding), priorDate: draft.priorDate };
  const suggested = draftReport(exam);
  const text = draft.reportText ?? suggested.text;
  return {
    ...suggested,
    findingsDerived,
    exam,
    suggestedText: suggested.text,
    text,
    edited: draft.reportText !== null && draft.reportText !== suggested.text,
    differences: lineDiff(suggested.text, text),
    warnings,
    leftOut,
  };
}
