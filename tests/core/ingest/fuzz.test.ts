/**
 * Property: whatever bytes arrive — valid files with random byte flips, insertions, deletions
 * and truncations — ingestDicom resolves to an image or a typed error, never throws, and
 * finishes each case quickly.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import type { ErrorKind } from '../../../src/core/result.js';
import { dcmtkConvert } from './dcmtk.js';
import { IMPLICIT_LE, testPixels, writeMammogram } from './mammogram-file.js';

const KINDS: readonly ErrorKind[] = [
  'not-dicom', 'truncated', 'no-pixel-data', 'not-mammography', 'dimension-mismatch', 'image-too-large',
  'unsupported-transfer-syntax', 'decode-failed', 'unsupported-image',
];
const PER_CASE_MS = 2000;

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

describe('ingestDicom under random corruption', () => {
  const seeds: { name: string; bytes: Uint8Array }[] = [];
  beforeAll(() => {
    const pixels = testPixels(16, 12, 12, 17);
    const explicit = writeMammogram({
      rows: 16,
      columns: 12,
      pixels,
      attributes: { ViewCodeSequence: [{ CodeValue: '399368009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'mlo', ViewModifierCodeSequence: [{ CodeValue: '399163009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'magnification' }] }] },
    });
    seeds.push({ name: 'explicit little endian', bytes: explicit });
    seeds.push({ name: 'implicit little endian', bytes: writeMammogram({ rows: 16, columns: 12, pixels, transferSyntaxUid: IMPLICIT_LE }) });
    seeds.push({ name: 'RLE', bytes: dcmtkConvert('dcmcrle', [], explicit) });
    seeds.push({ name: 'JPEG-LS', bytes: dcmtkConvert('dcmcjpls', [], explicit) });
    seeds.push({ name: 'JPEG lossless SV1', bytes: dcmtkConvert('dcmcjpeg', ['+e1'], explicit) });
  });

  it('always resolves to an image or a typed error, quickly', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (seedIndex, muts) => {
        const seed = seeds[seedIndex] as { name: string; bytes: Uint8Array };
        const bytes = apply(seed.bytes, headerLength(seed.bytes), muts);
        const started = performance.now();
        const r = await ingestDicom(bytes);
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(PER_CASE_MS);
        if (r.ok) {
          expect(r.value.stored.length).toBe(r.value.rows * r.value.columns);
          outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
        } else {
          expect(KINDS).toContain(r.error.kind);
          expect(r.error.message.length).toBeGreaterThan(0);
          expect([...r.error.message].filter(isControl)).toEqual([]);
          outcomes.set(r.error.kind, (outcomes.get(r.error.kind) ?? 0) + 1);
        }
      }),
      { numRuns: 300, timeout: PER_CASE_MS, seed: 20260101 },
    );
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
    expect(outcomes.size).toBeGreaterThan(3);
  });

  it('refuses every truncation of a valid file, wherever it is cut', async () => {
    const seed = seeds[0] as { name: string; bytes: Uint8Array };
    const kinds = new Set<string>();
    for (let cut = 0; cut < seed.bytes.length; cut += 7) {
      const r = await ingestDicom(seed.bytes.subarray(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (!r.ok) kinds.add(r.error.kind);
    }
    expect([...kinds].sort()).toEqual(['no-pixel-data', 'not-dicom', 'truncated']);
  });
});
