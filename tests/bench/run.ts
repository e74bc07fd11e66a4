/**
 * `npm run bench`: every performance figure with its same-run baseline, printed as a table and
 * written to docs/performance.md (the command, the machine, the date and the numbers).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchResult } from './result.js';

type Bench = { title: string; load: () => Promise<() => Promise<BenchResult[]>> };

const BENCHES: Bench[] = [
  { title: 'Ingest', load: async () => (await import('./ingest.js')).benchIngest },
  { title: 'Segment and measure', load: async () => (await import('./segment.js')).benchSegment },
  { title: 'Analyse a group', load: async () => (await import('./group.js')).benchGroup },
  { title: 'Suggest', load: async () => (await import('./suggest.js')).benchSuggest },
  { title: 'Suggest --batch', load: async () => (await import('./batch.js')).benchBatch },
  { title: 'Command-line start-up', load: async () => (await import('./cli-startup.js')).benchCliStartup },
  { title: 'PACS round trip (DICOMweb)', load: async () => (await import('./pacs.js')).benchPacs },
  // Last: Chromium and the viewer's server wind down for a while after it, and a process timed in
  // that while (suggest --batch: 47,000 against 63,000 cases/s alone) measured the wind-down.
  { title: 'Viewer', load: async () => (await import('./viewer.js')).benchViewer },
];

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  return a >= 1000 ? Math.round(n).toLocaleString('en-US') : a >= 10 ? n.toFixed(1) : n.toFixed(3);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  // Other work on the machine slows every figure: the load is sampled through the run and recorded with them.
  const loads: number[] = [loadavg()[0] ?? NaN];
  const sampler = setInterval(() => loads.push(loadavg()[0] ?? NaN), 5000);
  const rows: string[] = [];
  let failed = 0;
  for (const b of BENCHES) {
    if (only.length > 0 && !only.some((o) => b.title.toLowerCase().includes(o.toLowerCase()))) continue;
    process.stdout.write(`\n## ${b.title}\n`);
    let results: BenchResult[];
    try {
      results = await (await b.load())();
    } catch (e) {
      process.stdout.write(`  failed to run: ${(e as Error).message}\n`);
      rows.push(`| ${b.title} | did not run: ${(e as Error).message} | | | |`);
      failed++;
      continue;
    }
    for (const r of results) {
      const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '—';
      const verdict = r.pass === undefined ? '' : r.pass ? 'met' : 'NOT met';
      if (r.pass === false) failed++;
      process.stdout.write(`  ${r.name}: ${fmt(r.value)} ${r.unit}   baseline: ${base}   target: ${r.target ?? '—'} ${verdict}\n`);
      rows.push(`| ${r.name} | ${fmt(r.value)} ${r.unit} | ${base} | ${r.target ?? '—'} | ${verdict} |`);
    }
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  clearInterval(sampler);
  loads.push(loadavg()[0] ?? NaN);
  const load = `1-minute load average through the run: mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)}, from ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}`;
  process.stdout.write(`\n${load}\n`);
  const doc = `# Performance

Produced by \`npm run bench\` (tests/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${load}.
Each figure is printed beside a baseline measured in the same run. Regenerate with \`npm run bench\`.

| figure | value | baseline (same run) | target | |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

How each figure is made is described at the top of its file in tests/bench/.
`;
  if (only.length === 0) writeFileSync(new URL('../../docs/performance.md', import.meta.url), doc);
  process.stdout.write(`\n${failed === 0 ? 'all targets met' : `${failed} target(s) not met`}\n`);
}

await main();
