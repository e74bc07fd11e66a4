/**
 * Property: whatever bytes arrive — valid files with random byte flips, insertions, deletions
 * and truncations — ingest resolves to an image or a typed error, never throws, finishes each
 * case quickly, and never measures with a spacing above 0.5 mm per pixel.
 *
 * Seeds: small synthetic files in every transfer syntax family — uncompressed, RLE, JPEG-LS, JPEG
 * lossless, JPEG 2000 and HTJ2K (mutations reach their pixel data too, and their decoders run);
 * a synthesized GE Senographe DS-like header with its absurd Pixel Spacing 74.7\\46.6 beside
 * Imager Pixel Spacing 0.094; the same file without its preamble; and the headers of the three
 * real files in test-data/real-mg (their compressed pixel data replaced by one small fragment), read through the header path (readMammogramHeader) so that
 * vendor headers are fuzzed without decoding full-size frames.
 *
 * 10,000 cases run on a fixed seed, and 2,000 more on a seed that changes per run and is printed
 * (replay a failure with FUZZ_SEED=<seed>).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom, readMammogramHeader } from '../../../src/core/ingest/index.js';
import type { ErrorKind, Result } from '../../../src/core/result.js';
import { dcmtkConvert } from './dcmtk.js';
import { IMPLICIT_LE, testPixels, writeEncapsulated, writeMammogram } from './mammogram-file.js';
import { encodeHtj2k, encodeJ2k } from './wasm-encoders.js';
const KINDS: readonly ErrorKind[] = [
  'not-dicom', 'truncated', 'no-pixel-data', 'not-mammography', 'dimension-mismatch', 'image-too-large',
  'unsupported-transfer-syntax', 'decode-failed', 'unsupported-image',
];
const PER_CASE_MS = 2000;
const FIXED_SEED = 20260101;
const FIXED_RUNS = 10_000;
const RUN_SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const SEEDED_RUNS = 2_000;
/** Per-run seeds that once found a defect, run every time: 904321361 made a stream the HTJ2K decoder looped on (j2k-codestream.ts). */
const FOUND_SEEDS = [904321361];

type Edit =
  | { op: 'flip'; value: number }
  | { op: 'insert'; bytes: number[] }
  | { op: 'delete'; length: number }
  | { op: 'truncate' };
type Mutation = { where: { header: boolean; f: number }; m: Edit };

/** Positions as fractions: most land in the header after the preamble, where a change matters most. */
const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
const position = fc.oneof(
  { weight: 3, arbitrary: fraction.map((f) => ({ header: true, f })) },
  { weight: 1, arbitrary: fraction.map((f) => ({ header: false, f })) },
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  where: position,
  m: fc.oneof<fc.Arbitrary<Edit>[]>(
    fc.record({ op: fc.constant('flip' as const), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('insert' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('truncate' as const) }),
  ),
});

function apply(bytes: Uint8Array, headerLength: number, muts: Mutation[]): Uint8Array {
  let b = Array.from(bytes);
  for (const { where, m } of muts) {
    const start = where.header ? Math.min(132, b.length) : 0;
    const end = where.header ? Math.min(headerLength, b.length) : b.length;
    const at = start + Math.floor(where.f * Math.max(0, end - start));
    if (m.op === 'flip') b[at] = m.value;
    else if (m.op === 'insert') b.splice(at, 0, ...m.bytes);
    else if (m.op === 'delete') b.splice(at, m.length);
    else b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

function isControl(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f);
}

function headerLength(bytes: Uint8Array): number {
  const at = Buffer.from(bytes).lastIndexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00]));
  return at < 0 ? bytes.length : at + 16;
}

/** One seed file and the path it is read through. */
interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly path: 'decode' | 'header';
}

/** A real file's header with its encapsulated Pixel Data replaced by one 16-byte fragment. */
function realHeader(name: string): Uint8Array {
  const file = readFileSync(new URL(`../../../test-data/real-mg/${name}`, import.meta.url));
  const at = file.lastIndexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00]));
  const tail = [
    0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x42, 0, 0, 0xff, 0xff, 0xff, 0xff, // Pixel Data, OB, undefined length
    0xfe, 0xff, 0x00, 0xe0, 0, 0, 0, 0, // empty basic offset table
    0xfe, 0xff, 0x00, 0xe0, 16, 0, 0, 0, ...new Array<number>(16).fill(0x5a), // one fragment
    0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0, // sequence delimiter
  ];
  return Uint8Array.from([...file.subarray(0, at), ...tail]);
}

type Outcome = Result<{ rows: number; columns: number; calibration: { kind: string; rowSpacingMm: number | null; columnSpacingMm: number | null }; stored?: { length: number } }>;

async function read(seed: Seed, bytes: Uint8Array): Promise<Outcome> {
  return seed.path === 'header' ? readMammogramHeader(bytes) : ingestDicom(bytes);
}

describe('ingest under random corruption', () => {
  const seeds: Seed[] = [];
  beforeAll(async () => {
    const pixels = testPixels(16, 12, 12, 17);
    const explicit = writeMammogram({
      rows: 16,
      columns: 12,
      pixels,
      attributes: { ViewCodeSequence: [{ CodeValue: '399368009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'mlo', ViewModifierCodeSequence: [{ CodeValue: '399163009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'magnification' }] }] },
    });
    const senographDs = writeMammogram({
      rows: 16,
      columns: 12,
      pixels,
      attributes: { Manufacturer: 'GE MEDICAL SYSTEMS', PixelSpacing: [74.7, 46.6], ImagerPixelSpacing: [0.094, 0.094], EstimatedRadiographicMagnificationFactor: undefined },
    });
    seeds.push({ name: 'explicit little endian', bytes: explicit, path: 'decode' });
    seeds.push({ name: 'implicit little endian', bytes: writeMammogram({ rows: 16, columns: 12, pixels, transferSyntaxUid: IMPLICIT_LE }), path: 'decode' });
    seeds.push({ name: 'RLE', bytes: dcmtkConvert('dcmcrle', [], explicit), path: 'decode' });
    seeds.push({ name: 'JPEG-LS', bytes: dcmtkConvert('dcmcjpls', [], explicit), path: 'decode' });
    seeds.push({ name: 'JPEG lossless SV1', bytes: dcmtkConvert('dcmcjpeg', ['+e1'], explicit), path: 'decode' });
    const samples = pixels as Uint16Array;
    seeds.push({ name: 'JPEG 2000', bytes: writeEncapsulated(await encodeJ2k(samples, 12, 16, 12), '1.2.840.10008.1.2.4.90', { rows: 16, columns: 12 }), path: 'decode' });
    seeds.push({ name: 'HTJ2K', bytes: writeEncapsulated(await encodeHtj2k(samples, 12, 16, 12), '1.2.840.10008.1.2.4.201', { rows: 16, columns: 12 }), path: 'decode' });
    seeds.push({ name: 'GE Senographe DS-like header', bytes: senographDs, path: 'decode' });
    seeds.push({ name: 'GE Senographe DS-like, no preamble', bytes: senographDs.slice(132), path: 'decode' });
    seeds.push({ name: 'real GE Senographe Essential header', bytes: realHeader('ge-senographe-essential-rmlo.dcm'), path: 'header' });
    seeds.push({ name: 'real digitised film header (JPEG 12-bit)', bytes: realHeader('digitised-film-lmlo-jpeg12.dcm'), path: 'header' });
    seeds.push({ name: 'real digitised film header (JPEG 2000)', bytes: realHeader('digitised-film-lmlo-j2k.dcm'), path: 'header' });
  });

  it('reads every seed as it is', async () => {
    for (const seed of seeds) {
      const r = await read(seed, seed.bytes);
      expect(r.ok ? 'ok' : `${r.error.kind}: ${r.error.message}`, seed.name).toBe('ok');
      if (r.ok && seed.name.startsWith('GE Senographe DS')) expect(r.value.calibration.rowSpacingMm).toBe(0.094);
    }
  });

  async function corrupt(seed: number, numRuns: number): Promise<Map<string, number>> {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (seedIndex, muts) => {
        const s = seeds[seedIndex] as Seed;
        const bytes = apply(s.bytes, headerLength(s.bytes), muts);
        const started = performance.now();
        const r = await read(s, bytes);
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(PER_CASE_MS);
        if (r.ok) {
          if (r.value.stored !== undefined) expect(r.value.stored.length).toBe(r.value.rows * r.value.columns);
          const { kind, rowSpacingMm, columnSpacingMm } = r.value.calibration;
          for (const spacing of [rowSpacingMm, columnSpacingMm]) {
            expect(spacing === null).toBe(kind === 'uncalibrated');
            if (spacing !== null) {
              expect(spacing).toBeGreaterThan(0);
              expect(spacing).toBeLessThanOrEqual(0.5);
            }
          }
          outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
        } else {
          expect(KINDS).toContain(r.error.kind);
          expect(r.error.message.length).toBeGreaterThan(0);
          expect([...r.error.message].filter(isControl)).toEqual([]);
          outcomes.set(r.error.kind, (outcomes.get(r.error.kind) ?? 0) + 1);
        }
      }),
      { numRuns, timeout: PER_CASE_MS, seed },
    );
    return outcomes;
  }

  it(`always resolves to an image or a typed error, quickly (${FIXED_RUNS} cases, seed ${FIXED_SEED})`, async () => {
    const outcomes = await corrupt(FIXED_SEED, FIXED_RUNS);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(FIXED_RUNS / 20);
    expect(outcomes.size).toBeGreaterThan(4);
  }, 300_000);

  it(`does so on a seed that changes per run (${SEEDED_RUNS} cases; the seed is printed, FUZZ_SEED=<seed> replays it)`, async () => {
    console.log(`ingest fuzz: per-run seed ${RUN_SEED} (replay with FUZZ_SEED=${RUN_SEED})`);
    const outcomes = await corrupt(RUN_SEED, SEEDED_RUNS);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it(`and on the per-run seeds that once found a defect (${FOUND_SEEDS.join(', ')}; ${SEEDED_RUNS} cases each)`, async () => {
    for (const seed of FOUND_SEEDS) await corrupt(seed, SEEDED_RUNS);
  }, 300_000);

  it('refuses every truncation of a valid file, wherever it is cut', async () => {
    const seed = seeds[0] as Seed;
    const kinds = new Set<string>();
    for (let cut = 0; cut < seed.bytes.length; cut += 7) {
      const r = await ingestDicom(seed.bytes.subarray(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (!r.ok) kinds.add(r.error.kind);
    }
    expect([...kinds].sort()).toEqual(['no-pixel-data', 'not-dicom', 'truncated']);
  });
});
