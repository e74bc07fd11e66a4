/**
 * `calcscribe suggest --batch` end to end: 200,000 lines through the command's own stdin reader,
 * JSON parsing, rules, wording and output — in process (the command's main()) and as a real
 * process reading a pipe and writing a file, as a script over a folder runs it
 * (`calcscribe suggest --batch < cases.jsonl > results.jsonl`; node bin/calcscribe.js, start-up
 * included; needs `npm run build`). The file's lines are counted afterwards; the bench does not hold
 * the 67 MB of results in its own memory while it times the process. Baseline in the same run: a
 * process that only copies the same lines from stdin to a file (`cat`), the floor of any
 * line-by-line tool. Target: ≥ 50,000 cases/s.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { BenchResult } from './result.js';
import { makeLines } from './suggest.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function benchBatch(): Promise<BenchResult[]> {
  const n = 200_000;
  const input = `${makeLines(n, 7).join('\n')}\n`;
  let outLines = 0;
  const t0 = performance.now();
  const code = await main(['suggest', '--batch'], {
    stdout: (s) => {
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) outLines++;
    },
    // As bin/calcscribe.js gives it: results leave as bytes.
    stdoutBytes: (b) => {
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) outLines++;
    },
    stderr: () => undefined,
    stdin: Readable.from([input.slice(0, input.length / 2), input.slice(input.length / 2)]),
  });
  const inProcess = n / ((performance.now() - t0) / 1000);
  if (code !== 0 || outLines !== n) throw new Error(`batch gave exit ${code} and ${outLines} lines for ${n}`);

  const results: BenchResult[] = [];
  const catTime = timeProcess('cat', [], input, n);
  if (existsSync(`${root}dist/src/cli/main.js`)) {
    const binTime = timeProcess(process.execPath, [`${root}bin/calcscribe.js`, 'suggest', '--batch'], input, n);
    const rate = n / binTime;
    results.push({
      name: `suggest --batch as a process, ${n.toLocaleString('en-US')} lines piped in, results to a file (start-up included)`,
      value: rate,
      unit: 'cases/s',
      baseline: { name: 'cat copying the same lines to a file', value: n / catTime },
      target: '≥ 50,000 cases/s',
      pass: rate >= 50_000,
    });
  }
  results.push({
    name: `suggest --batch in process (the command's main), ${n.toLocaleString('en-US')} lines`,
    value: inProcess,
    unit: 'cases/s',
    baseline: { name: 'cat copying the same lines to a file', value: n / catTime },
    target: '≥ 50,000 cases/s',
    pass: inProcess >= 50_000,
  });
  return results;
}

/** Seconds for `cmd` to read `input` on stdin and write its output to a file of `lines` lines (checked). */
function timeProcess(cmd: string, args: string[], input: string, lines: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'calcscribe-batch-'));
  const outPath = join(dir, 'out.jsonl');
  const fd = openSync(outPath, 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { input, stdio: ['pipe', fd, 'pipe'], encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(0, 200)}`);
    const out = readFileSync(outPath);
    let written = 0;
    for (let i = out.indexOf(10); i !== -1; i = out.indexOf(10, i + 1)) written++;
    if (written !== lines) throw new Error(`${cmd} wrote ${written} lines for ${lines}`);
    return seconds;
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchBatch()) console.log(r);
}
