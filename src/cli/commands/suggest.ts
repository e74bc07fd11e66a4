import { parseArgs } from 'node:util';
import { suggestFromJson } from '../../core/index.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { LineOutput } from '../line-output.js';
import { readLineBatches } from '../read-lines.js';

/**
 * `calcscribe suggest`: the assessment from lexicon terms and context alone (no image).
 * --indication screening | diagnostic | "short-interval follow-up" (none: diagnostic, as before);
 * --exam-date YYYY-MM-DD; --known-cancer "this finding" | adjacent (with history.malignancies).
 * With --batch, one JSON case per line on stdin → one JSON result per line on stdout; a bad
 * line gives {"line": N, "error": {...}} in its place and the run continues (exit 2 at the end).
 */
export async function runSuggest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      morphology: { type: 'string' },
      distribution: { type: 'string' },
      change: { type: 'string' },
      history: { type: 'string' },
      composition: { type: 'string' },
      side: { type: 'string' },
      indication: { type: 'string' },
      'exam-date': { type: 'string' },
      'known-cancer': { type: 'string' },
      batch: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  void positionals;
  const today = new Date().toISOString().slice(0, 10);
  if (values.batch) return runBatch(io, today);
  if (values.morphology === undefined) throw new UsageError('suggest needs --morphology TERM[,TERM] (or --batch)');
  const input: Record<string, unknown> = {
    morphology: splitTerms(values.morphology),
    distribution: values.distribution === undefined ? [] : splitTerms(values.distribution),
  };
  if (values.change !== undefined) input['change'] = values.change;
  if (values.history !== undefined) input['history'] = parseJsonOption(values.history, '--history');
  if (values.composition !== undefined) input['composition'] = values.composition;
  if (values.side !== undefined) input['side'] = values.side;
  if (values.indication !== undefined) input['indication'] = values.indication;
  if (values['exam-date'] !== undefined) input['examDate'] = values['exam-date'];
  if (values['known-cancer'] !== undefined) input['knownCancer'] = values['known-cancer'];
  const r = suggestFromJson(input, today);
  if (!r.ok) throw new UsageError(r.error.message);
  if (values.json) {
    io.stdout(`${JSON.stringify(r.value)}\n`);
  } else {
    const s = r.value;
    io.stdout(
      [
        `Suggested assessment: BI-RADS ${s.assessment} (a suggestion for the radiologist, not a diagnosis)`,
        `Management: ${s.management}`,
        ...(s.diagnosticAssessment === null ? [] : [`At diagnostic work-up: BI-RADS ${s.diagnosticAssessment}`]),
        ...(s.followUpMonths === null ? [] : [`Next follow-up: ${s.followUpMonths} months`]),
        'Reasons:',
        ...s.reasons.map((x) => `  - ${x}`),
        '',
        s.wording,
      ]
        .map(printable)
        .join('\n') + '\n',
    );
  }
  return 0;
}

function splitTerms(s: string): string[] {
  return s
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

function parseJsonOption(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${option} is not valid JSON: ${text.slice(0, 80)}`);
  }
}

async function runBatch(io: CliIo, today: string): Promise<number> {
  let bad = 0;
  let lineNo = 0;
  const out = new LineOutput(io);
  for await (const lines of readLineBatches(io.stdin)) {
    for (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        bad++;
        out.line(JSON.stringify({ line: lineNo, error: { kind: 'bad-argument', message: 'not valid JSON' } }));
        continue;
      }
      const r = suggestFromJson(obj, today);
      if (r.ok) out.line(JSON.stringify(r.value));
      else {
        bad++;
        out.line(JSON.stringify({ line: lineNo, error: r.error }));
      }
    }
    out.flush();
  }
  if (bad > 0) {
    io.stderr(`calcscribe suggest: ${bad} of ${lineNo} lines were not valid cases (see their "error" results)\n`);
    return 2;
  }
  return 0;
}
