import { CalcscribeFailure } from '../core/result.js';
import { EXIT_BAD_INPUT, EXIT_BUG, UsageError, printable, type CliIo } from './io.js';

const USAGE = `calcscribe — measure breast calcifications and suggest BI-RADS report wording

Usage:
  calcscribe info FILE [--json]
  calcscribe analyze FILE --at X,Y [--at X,Y …] [--roi X0,Y0,X1,Y1] [--history JSON]
                     [--change TERM] [--composition a-d] [--nipple X,Y] [--json]
  calcscribe suggest --morphology TERM[,TERM] [--distribution TERM[,TERM]] [--change TERM]
                     [--history JSON] [--json]
  calcscribe suggest --batch            (one JSON case per line on stdin, one result per line out)
  calcscribe exam DIR [--annotations FILE] [--json]
  calcscribe phantom --out DIR [--seed N] [options]
  calcscribe store --dicomweb URL FILE… [--timeout SECONDS] [--json]
  calcscribe fetch --dicomweb URL --study UID --out DIR [--timeout SECONDS]

Coordinates are stored-image pixels: X = column, Y = row, origin top-left.
Terms are BI-RADS 5th-edition lexicon words in lower case ("fine pleomorphic", "grouped");
SCT / DCM codes are accepted too ("SCT:129750001", "DCM:111344").
store / fetch: DICOMweb (STOW-RS; QIDO-RS + WADO-RS into DIR as <SOPInstanceUID>.dcm); an
Authorization header for the PACS is read from CALCSCRIBE_DICOMWEB_AUTHORIZATION, never printed.
Exit codes: 0 success, 2 bad input or a file not stored / fetched (one line on stderr each), 1 a bug.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command is loaded when it is run, so `info` does not load the analysis pipeline. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  info: async () => (await import('./commands/info.js')).runInfo,
  analyze: async () => (await import('./commands/analyze.js')).runAnalyze,
  suggest: async () => (await import('./commands/suggest.js')).runSuggest,
  exam: async () => (await import('./commands/exam.js')).runExam,
  phantom: async () => (await import('./commands/phantom.js')).runPhantom,
  store: async () => (await import('./commands/store.js')).runStore,
  fetch: async () => (await import('./commands/fetch.js')).runFetch,
};

/** Runs the command line; returns the exit code. Bad input never produces a stack trace. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    io.stderr(`calcscribe: unknown command "${printable(name)}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof CalcscribeFailure || isParseArgsError(e)) {
      io.stderr(`calcscribe ${name}: ${printable((e as Error).message)}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`calcscribe ${name}: internal error — please report it\n${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_BUG;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
