/**
 * The clinical context served beside an exam's files, as a RIS supplies it: the context block of
 * its annotations.json (composition, history, comparison date), read by the core's one parse
 * (parseExamContext), the same the command line uses. Only the context is taken: the viewer's
 * findings are the radiologist's own clicks.
 */
import { parseExamContext, type ExamContext } from '../../core/exam-context.js';
import { err, ok, type Result } from '../../core/result.js';

/** The context served under a base path (e.g. /sample/): null when none is served, an error when it cannot be read. */
export async function fetchExamContext(base: string): Promise<Result<ExamContext | null>> {
  const res = await fetch(`${base}annotations.json`);
  if (res.status === 404) return ok(null);
  if (!res.ok) return err('bad-argument', `the exam's clinical context ${base}annotations.json could not be read (${res.status})`);
  let doc: unknown;
  try {
    doc = await res.json();
  } catch {
    return err('bad-argument', `the exam's clinical context ${base}annotations.json is not valid JSON`);
  }
  const r = parseExamContext(doc);
  return r.ok ? r : err(r.error.kind, `the exam's clinical context (${base}annotations.json): ${r.error.message}`);
}
