import type { ExamContext } from '../exam-context.js';
import type { ExamDraft } from './exam-draft.js';

/**
 * A new draft with the exam's clinical context as the RIS supplies it (parseExamContext):
 * composition, history, the comparison date and the indication. For a draft the radiologist has not yet worked
 * on; a restored draft keeps the radiologist's own context.
 * @example withExamContext(newExamDraft(studyUid, images), context)
 */
export function withExamContext(draft: ExamDraft, context: ExamContext): ExamDraft {
  return { ...draft, composition: context.composition, history: context.history, priorDate: context.priorDate, indication: context.indication };
}
