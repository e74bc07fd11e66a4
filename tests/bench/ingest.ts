/**
 * Ingest benchmark. A full-field 4096 × 3328, 16-bit (12 bits stored) MG For Presentation file
 * is written in memory with dcmjs, then:
 * - time: median of 20 runs of ingestDicom (parse + stored-pixel view) against dcmjs reading
 *   the same bytes (DicomMessage.readFile + naturalizeDataset + touching PixelData); target ≥ 5×.
 * - memory: process.memoryUsage() arrayBuffers + heapUsed after a garbage collection, before
 *   the file bytes exist and after they were read and ingested (both kept alive), divided by the
 *   pixel data size; target ≤ 2.5×. Without --expose-gc the memory figure is less stable.
 * Standalone: `npx tsx tests/bench/ingest.ts` (or `node --expose-gc --import tsx tests/bench/ingest.ts`).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { testPixels, writeMammogram } from '../core/ingest/mammogram-file.js';
import type { BenchResult } from './result.js';

const ROWS = 4096;
const COLUMNS = 3328;
const RUNS = 20;

interface Dcmjs {
  data: {
    DicomMessage: { readFile(buffer: ArrayBuffer): { dict: Record<string, unknown> } };
    DicomMetaDictionary: { naturalizeDataset(dict: Record<string, unknown>): Record<string, unknown> };
  };
}
const dcmjs = createRequire(import.meta.url)('dcmjs') as Dcmjs;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;
function used(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.arrayBuffers + m.heapUsed;
}

async function ingestOnce(bytes: Uint8Array): Promise<number> {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(`ingest failed: ${r.error.message}`);
  return r.value.stored.length;
}

function dcmjsOnce(buffer: ArrayBuffer): number {
  const file = dcmjs.data.DicomMessage.readFile(buffer);
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict);
  const pixels = (ds.PixelData as ArrayBuffer[])[0] as ArrayBuffer;
  return new Uint16Array(pixels).length;
}

async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Ingest speed and memory on one full-field image, each beside its dcmjs baseline. */
export async function benchIngest(): Promise<BenchResult[]> {
  const file = writeMammogram({ rows: ROWS, columns: COLUMNS, pixels: testPixels(ROWS, COLUMNS, 12, 2024) });
  const pixelBytes = ROWS * COLUMNS * 2;

  const ours = await timeMs(() => ingestOnce(file));
  // Both read the same bytes already in memory (dcmjs takes the ArrayBuffer and does not modify it).
  const fileBuffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  const theirs = await timeMs(() => dcmjsOnce(fileBuffer));

  const before = used();
  const bytes = file.slice();
  const r = await ingestDicom(bytes);
  const after = used();
  if (!r.ok) throw new Error(r.error.message);
  const oursRatio = (after - before) / pixelBytes;

  const beforeBaseline = used();
  const buffer = file.slice().buffer;
  const natural = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(buffer).dict);
  const afterBaseline = used();
  const theirRatio = (afterBaseline - beforeBaseline) / pixelBytes;
  if (natural.PixelData === undefined || r.value.stored.length !== ROWS * COLUMNS) throw new Error('pixel data missing');

  const speedup = theirs / ours;
  return [
    { name: `ingest ${COLUMNS} × ${ROWS} 16-bit uncompressed (median of ${RUNS})`, value: ours, unit: 'ms', baseline: { name: 'dcmjs readFile + naturalize', value: theirs } },
    { name: 'ingest speed-up over dcmjs', value: speedup, unit: '×', target: '≥ 5×', pass: speedup >= 5 },
    {
      name: `memory for one ingested full-field image, file bytes included${gc ? '' : ' (no --expose-gc)'}`,
      value: oursRatio,
      unit: '× pixel data',
      baseline: { name: 'dcmjs readFile + naturalize', value: theirRatio },
      target: '≤ 2.5×',
      pass: oursRatio <= 2.5,
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchIngest()) {
    const base = r.baseline ? `  (baseline ${r.baseline.name}: ${r.baseline.value.toFixed(2)} ${r.unit})` : '';
    const verdict = r.pass === undefined ? '' : r.pass ? '  target met' : '  target NOT met';
    console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${base}${r.target ? `  target ${r.target}` : ''}${verdict}`);
  }
}
