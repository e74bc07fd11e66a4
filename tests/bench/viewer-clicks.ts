/**
 * Where a click's time goes, click by click: the viewer benchmark's clicks on the full-size exam
 * (viewer.ts: each view enlarged and zoomed in, every finding kept), in a fresh browser, each
 * printed with its click-to-finding-shown time, the worker's share and the page's own share, and
 * the machine's 1-minute load average when it was made. Nothing is written to docs.
 *
 * Run with `npx tsx tests/bench/viewer-clicks.ts [runs]` (CALCSCRIBE_BENCH_EXAM names a generated
 * exam folder to reuse; otherwise one is generated for the run).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveViewer } from '../../src/viewer/serve.js';
import { clickAsRadiologist, clickTargets, draftReady, EXAM_PREFIX, fourShown, fullSizeExam, launch, p95, TIMEOUT, VIEWER_PATH } from './viewer.js';

interface Timings {
  readonly clickToFinding: number[];
  readonly clickWorkerMs: number[];
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? '1');
  const exam = await fullSizeExam();
  const outDir = await mkdtemp(join(tmpdir(), 'calcscribe-bench-clicks-'));
  const server = await serveViewer({ port: 0, outDir, testHooks: true, examDirs: { [EXAM_PREFIX]: `${exam.dir}/` } });
  const targets = await clickTargets(exam.dir);
  try {
    for (let run = 0; run < runs; run++) {
      const { context, page, profile } = await launch();
      try {
        await page.goto(new URL(VIEWER_PATH, server.url).toString());
        await page.waitForFunction(fourShown, undefined, { timeout: TIMEOUT });
        await page.waitForFunction(draftReady, undefined, { timeout: TIMEOUT });
        // As in the benchmark: a garbage collection and a moment before the first click.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.detach();
        await page.waitForTimeout(3000);
        const loadBefore = loadavg()[0] ?? NaN;
        await clickAsRadiologist(page, targets);
        const t = await page.evaluate(() => {
          const c = (globalThis as unknown as { calcscribe?: Timings }).calcscribe;
          return { clickToFinding: [...(c?.clickToFinding ?? [])], clickWorkerMs: [...(c?.clickWorkerMs ?? [])] };
        });
        const loadAfter = loadavg()[0] ?? NaN;
        const slots = targets.map((x) => x.slot);
        process.stdout.write(`run ${run + 1}: load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}\n  #  view   click  worker  page\n`);
        t.clickToFinding.forEach((c, i) => {
          const w = t.clickWorkerMs[i] ?? NaN;
          process.stdout.write(`  ${String(i + 1).padStart(2)} ${(slots[i] ?? '?').padEnd(5)} ${c.toFixed(1).padStart(6)} ${w.toFixed(1).padStart(7)} ${(c - w).toFixed(1).padStart(5)}\n`);
        });
        const page95 = p95(t.clickToFinding.map((c, i) => c - (t.clickWorkerMs[i] ?? NaN)));
        process.stdout.write(`  p95: click ${p95(t.clickToFinding).toFixed(1)}  worker ${p95(t.clickWorkerMs).toFixed(1)}  page ${page95.toFixed(1)} (${t.clickToFinding.length} clicks)\n`);
      } finally {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
    if (exam.generated) await rm(exam.dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
