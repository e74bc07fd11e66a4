/** The radiologist's exam draft: actions, undo / redo, derived findings and report, saving. */
export * from './exam-draft.js';
export type { DraftAction, DraftActionType, NewCalcification } from './draft-action.js';
export { newExamDraft, draftImageFrom } from './new-exam-draft.js';
export { applyDraftAction } from './apply-draft-action.js';
export { startHistory, record, endTyping, undo, redo, UNDO_LIMIT, type DraftHistory } from './draft-history.js';
export { typingFieldOf } from './typing-field.js';
export { deriveFinding, examDateOf, type DerivedFinding, type SizeRange } from './derive-finding.js';
export { deriveReport, type DerivedReport } from './derive-report.js';
export { lineDiff, type LineChange } from './line-diff.js';
export { serializeDraft, parseDraft } from './serialize-draft.js';
export { exportReportText, exportReportJson } from './export-report.js';
export { calcificationsOf, findFinding, findImage, findingOf, sideOfImage } from './draft-lookup.js';
export { geometryWithNipple, nippleOf } from './locate-draft-finding.js';
export { editOutlineAction } from './edit-outline.js';
export { CHANGE_NOT_STATED, defaultChange, hasComparison, UNSTATED_CHANGE_FOR_RULES } from './comparison.js';
export { withExamContext } from './with-exam-context.js';
export { examReportText, examReportJson } from './exam-report-output.js';
export { imageLabel } from './draft-lookup.js';
