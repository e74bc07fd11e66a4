/**
 * Command-line start-up: `node bin/calcscribe.js info FILE` on the real GE Senographe Essential
 * mammogram (test-data/real-mg, JPEG lossless) as scripts run it over whole folders, against a
 * bare `node -e 0` in the same run. The two are timed alternately, 31 times each (wall clock,
 * spawn to exit); both medians are reported, and the ratio is the median of the 31 ratios of
 * neighbouring runs (each pair shares the machine's load of the moment, so a busy machine moves
 * both). Target: info ≤ 2 × bare node.
 * Needs `npm run build` (bin/ runs dist/). Standalone: `npx tsx tests/bench/cli-startup.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './result.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FILE = `${root}test-data/real-mg/ge-senographe-essential-rmlo.dcm`;
const RUNS = 31;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function timeMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Median start-to-exit time of `calcscribe info` on a real image beside a bare node. */
export async function benchCliStartup(): Promise<BenchResult[]> {
  if (!existsSync(`${root}dist/cli/main.js`)) throw new Error('dist/cli/ is missing: run `npm run build` first');
  const info = [`${root}bin/calcscribe.js`, 'info', FILE];
  timeMs(info);
  timeMs(['-e', '0']);
  const bare: number[] = [];
  const ours: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const b = timeMs(['-e', '0']);
    const o = timeMs(info);
    bare.push(b);
    ours.push(o);
    ratios.push(o / b);
  }
  const b = median(bare);
  const o = median(ours);
  const ratio = median(ratios);
  return [
    { name: `calcscribe info on a real 2394 × 3062 JPEG lossless mammogram, process start to exit (median of ${RUNS})`, value: o, unit: 'ms', baseline: { name: 'node -e 0', value: b } },
    { name: `calcscribe info start-up ÷ bare node (median of ${RUNS} neighbouring pairs)`, value: ratio, unit: '×', target: '≤ 2×', pass: ratio <= 2 },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchCliStartup()) {
    const base = r.baseline ? `  (baseline ${r.baseline.name}: ${r.baseline.value.toFixed(1)} ${r.unit})` : '';
    const verdict = r.pass === undefined ? '' : r.pass ? '  target met' : '  target NOT met';
    console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${base}${r.target ? `  target ${r.target}` : ''}${verdict}`);
  }
}
