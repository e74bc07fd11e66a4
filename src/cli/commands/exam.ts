import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeExam, describeCalibration, parseExamAnnotations, unwrap, type MammoImage } from '../../core/index.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { readImage } from '../read-image.js';
import { readInput } from '../read-input.js';

/**
 * `calcscribe exam DIR --annotations FILE [--json]`: every finding the radiologist marked in an
 * examination (a folder of DICOM files) → measurements, suggestions and the draft report.
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
  const exam = unwrap(analyzeExam(images, annotations));
  if (values.json) {
    io.stdout(
      `${JSON.stringify({
        findings: exam.findings.map((f) => ({
          views: f.annotation.views.map((v) => v.image),
          calibration: f.views[0]?.calibration,
          count: f.finding.measurements.count,
          morphology: f.finding.morphology,
          distribution: f.finding.distribution,
          location: f.finding.location,
          suggestion: { assessment: f.finding.suggestion.assessment, management: f.finding.suggestion.management, reasons: f.finding.suggestion.reasons },
        })),
        report: exam.report,
        warnings: exam.warnings,
      })}\n`,
    );
    return 0;
  }
  const lines: string[] = ['Measurements (calibration shown for each image):'];
  for (const [i, f] of exam.findings.entries()) {
    for (const [j, v] of f.views.entries()) {
      const name = f.annotation.views[j]?.image ?? '?';
      const image = images.get(name);
      const sizes = v.calcifications.map((c) => (c.longAxisMm === null ? `${c.longAxisPx.toFixed(1)} px` : `${c.longAxisMm.toFixed(2)} mm`));
      lines.push(`  finding ${i + 1}, ${name}: ${v.group.count} calcification(s), long axes ${sizes.join(', ')}`);
      if (image) lines.push(`    calibration ${describeCalibration(image.calibration)}`);
    }
    lines.push(`    suggested BI-RADS ${f.finding.suggestion.assessment}: ${f.finding.suggestion.reasons.join('; ')}`);
  }
  if (exam.warnings.length > 0) lines.push('', 'Warnings:', ...exam.warnings.map((w) => `  ${w}`));
  lines.push('', 'Draft report (suggested wording — to be reviewed and signed by the radiologist):', '', exam.report.text);
  io.stdout(`${lines.map(printable).join('\n')}\n`);
  return 0;
}
