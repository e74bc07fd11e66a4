/**
 * Suggest: throughput of `suggestFromJson` (validation, rule table, wording) over 200,000 varied
 * batch lines, each read from its JSON text as `suggest --batch` does. Baseline in the same run:
 * JSON.parse + JSON.stringify of the same lines (the cost of merely reading and writing them).
 * Inputs come from a fixed-seed generator, so every run sees the same lines.
 */
import { suggestFromJson } from '../../src/core/assess/suggest-from-json.js';
import type { BenchResult } from './result.js';

const MORPHOLOGY = [
  'punctate', 'round', 'amorphous', 'fine pleomorphic', 'fine linear', 'fine-linear branching', 'coarse heterogeneous',
  'dystrophic', 'rim', 'coarse', 'vascular', 'DCM:111344', 'SCT:129750001', 'eggshell',
];
const DISTRIBUTION = ['grouped', 'linear', 'segmental', 'regional', 'diffuse', 'SCT:129768003'];
const CHANGE: unknown[] = ['new', 'no-priors', 'stable:1', 'stable:2', 'stable:5', 'increased', 'decreased', { kind: 'new', newPosition: true }];
const EVENTS = ['radiation', 'lumpectomy', 'reduction', 'biopsy', 'trauma'];
const SIDES = ['right', 'left', 'both'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` batch lines as JSON text, varied over every rule's inputs. */
export function makeLines(n: number, seed = 20261124): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const morphology = [pick(MORPHOLOGY), ...(r() < 0.3 ? [pick(MORPHOLOGY)] : [])];
    const side = pick(SIDES);
    const events = r() < 0.4 ? [{ kind: pick(EVENTS), side: pick(SIDES), date: `${2010 + Math.floor(r() * 15)}` }] : [];
    lines.push(
      JSON.stringify({
        morphology,
        distribution: [pick(DISTRIBUTION)],
        change: pick(CHANGE),
        history: { events, implants: r() < 0.1, injections: r() < 0.05 },
        side,
      }),
    );
  }
  return lines;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export async function benchSuggest(): Promise<BenchResult[]> {
  const n = 200_000;
  const lines = makeLines(n);
  let okCount = 0;
  let sink = 0;
  // Warm up both paths on a slice so the JIT has seen them.
  for (const l of lines.slice(0, 5000)) {
    sink += suggestFromJson(JSON.parse(l)).ok ? 1 : 0;
    sink += JSON.stringify(JSON.parse(l)).length;
  }
  const baseline = time(() => {
    for (const l of lines) sink += JSON.stringify(JSON.parse(l)).length;
  });
  const measured = time(() => {
    for (const l of lines) {
      const r = suggestFromJson(JSON.parse(l));
      if (r.ok) {
        okCount++;
        sink += r.value.wording.length;
      }
    }
  });
  if (sink < 0) throw new Error('unreachable');
  const rate = n / measured;
  return [
    {
      name: `suggestFromJson + wording (${n.toLocaleString('en-US')} varied lines, ${okCount.toLocaleString('en-US')} valid)`,
      value: rate,
      unit: 'cases/s',
      baseline: { name: 'JSON.parse + JSON.stringify of the same lines', value: n / baseline },
      target: '≥ 50,000 cases/s, every line valid',
      pass: rate >= 50_000 && okCount === n,
    },
  ];
}
