import { deriveReport } from './derive-report.js';
import type { ExamDraft } from './exam-draft.js';

/** The report text to copy or save: the radiologist's text when edited, else the suggestion. */
export function exportReportText(draft: ExamDraft): string {
  return deriveReport(draft).text;
}
