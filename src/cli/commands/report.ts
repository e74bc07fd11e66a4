import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { draftSrFile, examReportText, readFindingsJson } from '../../core/draft/index.js';
import { readCalcificationSr, type SrPredecessor } from '../../core/report/sr/index.js';
import { unwrap } from '../../core/result.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { newUid } from '../new-uid.js';
import { readInput } from '../read-input.js';
import { calcscribeVersion } from '../version.js';

/** Where the radiologist's name comes from when --observer is not given (a setting of the installation). */
export const OBSERVER_VARIABLE = 'CALCSCRIBE_OBSERVER';
/**
 * The installation's Device Observer UID (PS3.16 TID 1004), the same in every report it writes;
 * when unset, each SR gets one of its own.
 */
export const DEVICE_UID_VARIABLE = 'CALCSCRIBE_DEVICE_UID';

function write(path: string, bytes: Uint8Array | string): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new UsageError(`cannot write ${printable(path)}: ${(e as { code?: string }).code ?? 'failed'}`);
  }
}

/** The SR an amendment names (its study is checked against this one's when the SR is made). */
async function predecessorOf(path: string): Promise<SrPredecessor> {
  const previous = readCalcificationSr(await readInput(path));
  if (!previous.ok) throw new UsageError(`--amends ${path}: ${previous.error.message}`);
  return previous.value.instance;
}

/**
 * `calcscribe report FINDINGS.json --sr OUT.dcm [--text OUT.txt] [--observer NAME] [--amends PREVIOUS.dcm]`:
 * the draft of an `exam --json` or `analyze --json` output written as a DICOM SR (TID 1500), new
 * UIDs (root 2.25) and the time now; --amends names the SR it replaces (Predecessor Documents).
 */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { sr: { type: 'string' }, text: { type: 'string' }, observer: { type: 'string' }, amends: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('report takes exactly one FINDINGS.json (what exam --json or analyze --json writes)');
  if (values.sr === undefined) throw new UsageError('report needs --sr OUT.dcm (the structured report to write)');
  const observer = (values.observer ?? process.env[OBSERVER_VARIABLE] ?? '').trim();
  if (observer === '') throw new UsageError(`report needs the radiologist's name for the SR: --observer NAME (or ${OBSERVER_VARIABLE})`);
  const deviceUid = (process.env[DEVICE_UID_VARIABLE] ?? '').trim();
  const path = positionals[0] as string;
  const draft = readFindingsJson(new TextDecoder().decode(await readInput(path)));
  if (!draft.ok) throw new UsageError(`${path}: ${draft.error.message}`);
  const predecessor = values.amends === undefined ? null : await predecessorOf(values.amends);
  const sr = unwrap(
    await draftSrFile(draft.value, {
      observer,
      now: new Date(),
      newUid,
      device: deviceUid === '' ? { name: 'calcscribe', version: calcscribeVersion() } : { name: 'calcscribe', version: calcscribeVersion(), uid: deviceUid },
      predecessor,
    }),
  );
  write(values.sr, sr.bytes);
  if (values.text !== undefined) write(values.text, `${examReportText(draft.value)}\n`);
  io.stderr(`wrote ${printable(values.sr)} (SOP Instance UID ${sr.sopInstanceUid}${predecessor === null ? '' : `, amends ${predecessor.sopInstanceUid}`})\n`);
  return 0;
}
