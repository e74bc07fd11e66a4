import { renderReportJson, stableJson } from '../report/render-json.js';
import { deriveReport } from './derive-report.js';
import type { ExamDraft } from './exam-draft.js';

/** The report text to copy or save: the radiologist's text when edited, else the suggestion. */
export function exportReportText(draft: ExamDraft): string {
  return deriveReport(draft).text;
}

/**
 * The report as JSON with stable keys and the codes beside every term (renderReportJson), plus
 * the exam key, the draft revision, whether the text was edited (with the suggested text beside
 * it) and, per finding, which terms the radiologist overrode.
 */
export function exportReportJson(draft: ExamDraft): string {
  const report = deriveReport(draft);
  const base = JSON.parse(renderReportJson(report.exam, report)) as { findings: Record<string, unknown>[] } & Record<string, unknown>;
  return stableJson({
    ...base,
    findings: base.findings.map((f, i) => {
      const d = report.findingsDerived[i];
      return { ...f, id: d?.id ?? null, overridden: [...(d?.overridden ?? [])], countByImage: d?.countByImage ?? {} };
    }),
    examKey: draft.examKey,
    revision: draft.revision,
    edited: report.edited,
    suggestedText: report.suggestedText,
  });
}
