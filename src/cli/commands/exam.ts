import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { draft, examDraftFromAnnotations, parseExamAnnotations, unwrap, type MammoImage } from '../../core/index.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { readImage } from '../read-image.js';
import { readInput } from '../read-input.js';

/**
 * `calcscribe exam DIR --annotations FILE [--json]`: every finding the radiologist marked in an
 * examination (a folder of DICOM files) → measurements, suggestions and the draft report. The
 * annotations become an exam draft and the report is derived from it as the viewer derives it.
 */
export async function runExam(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { annotations: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('exam takes exactly one folder');
  const dir = positionals[0] as string;
  const annotationsPath = values.annotations ?? join(dir, 'annotations.json');
  const text = new TextDecoder().decode(await readInput(annotationsPath));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`${annotationsPath} is not valid JSON`);
  }
  const annotations = unwrap(parseExamAnnotations(doc));
  const names = new Set(annotations.findings.flatMap((f) => f.views.map((v) => v.image)));
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new UsageError(`cannot read folder ${dir}`);
  }
  const images = new Map<string, MammoImage>();
  for (const name of names) {
    if (!entries.includes(name)) throw new UsageError(`${name} (named in the annotations) is not in ${dir}`);
    images.set(name, await readImage(join(dir, name)));
  }
  const { draft: examDraft, warnings } = unwrap(examDraftFromAnnotations(images, annotations));
  io.stdout(`${printable(values.json ? draft.examReportJson(examDraft, warnings) : draft.examReportText(examDraft, warnings))}\n`);
  return 0;
}
