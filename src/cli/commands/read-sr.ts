import { parseArgs } from 'node:util';
import { examReportJson, examReportText } from '../../core/draft/index.js';
import { readCalcificationSr } from '../../core/report/sr/index.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { readInput } from '../read-input.js';

/**
 * `calcscribe read-sr FILE [--json]`: a structured report written by calcscribe read back into its
 * draft, printed as `exam` prints a draft (the same JSON shape as `exam --json`). What is not such
 * an SR (not DICOM, cut short, another SOP class or template) is refused with one line, exit 2.
 */
export async function runReadSr(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('read-sr takes exactly one FILE');
  const path = positionals[0] as string;
  const read = readCalcificationSr(await readInput(path));
  if (!read.ok) throw new UsageError(`${path}: ${read.error.message}`);
  const { draft, warnings, observer, contentDateTime, instance, predecessor } = read.value;
  if (values.json) {
    io.stdout(`${printable(examReportJson(draft, warnings))}\n`);
    return 0;
  }
  const who = [
    `Structured report ${instance.sopInstanceUid}`,
    // PN as stored; the trailing "^" of a name given as one display name is not shown.
    `reported by ${observer.name?.replace(/\^+$/, '') ?? 'an observer not named'}`,
    ...(contentDateTime === null ? [] : [`on ${contentDateTime}`]),
    ...(predecessor === null ? [] : [`amending ${predecessor.sopInstanceUid}`]),
  ].join(', ');
  io.stdout(`${printable(`${who}\n\n${examReportText(draft, warnings)}`)}\n`);
  return 0;
}
