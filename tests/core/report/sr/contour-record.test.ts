/**
 * The calcification record's outline: base64 (checked against Node's Buffer, the reference) of
 * little-endian doubles, exact for every double; damaged text read as "no outline"; and a record
 * written the earlier way (a JSON array "contour") still read back.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SR_CODES, SR_PRIVATE_CODES } from '../../../../src/core/codes.js';
import { base64, contourFromBase64, contourToBase64 } from '../../../../src/core/report/sr/contour-record.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10, type ContentItem } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { childNamed, childrenNamed } from './sr-tree.js';

let sample: SampleExam;
beforeAll(async () => {
  sample = await loadSampleExam();
}, 120_000);

describe('base64 of the outline', () => {
  it('is what Node writes (Buffer) for any bytes, and what atob reads back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = base64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Uint8Array.from(atob(text), (c) => c.charCodeAt(0))).toEqual(bytes);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('gives back every point exactly, whatever the doubles (-0, subnormal, huge)', () => {
    const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(fc.record({ x: coordinate, y: coordinate }), { maxLength: 120 }), (points) => {
        const back = contourFromBase64(contourToBase64(points));
        expect(back).not.toBeNull();
        expect(back?.length).toBe(points.length);
        back?.forEach((p, i) => {
          expect(Object.is(p.x, points[i]?.x) && Object.is(p.y, points[i]?.y)).toBe(true);
        });
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('reads damaged text as no outline: not base64, not whole pairs, not finite, not text', () => {
    expect(contourFromBase64('not base64 at all!')).toBeNull();
    expect(contourFromBase64(base64(new Uint8Array(24)))).toBeNull();
    const nan = new Uint8Array(16);
    new DataView(nan.buffer).setFloat64(0, Number.NaN, true);
    expect(contourFromBase64(base64(nan))).toBeNull();
    expect(contourFromBase64(42)).toBeNull();
    expect(contourFromBase64('')).toEqual([]);
  });
});

describe('the calcification record in the SR', () => {
  type Mutable = Record<string, unknown> & { ContentSequence?: ContentItem[] };
  const calcificationRecords = (ds: Mutable): Mutable[] =>
    childrenNamed(childNamed(ds, SR_CODES['imaging measurements']), SR_CODES['measurement group']).flatMap((g) => childrenNamed(g, SR_PRIVATE_CODES['calcification record'])) as unknown as Mutable[];

  it('holds the outline as base64 doubles, and a record with the outline as a JSON array (written before) reads back the same draft', () => {
    const sr = buildCalcificationSr(sample.draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    const ds = structuredClone(sr.value) as Mutable;
    const records = calcificationRecords(ds);
    expect(records.length).toBe(sample.draft.calcifications.length);
    for (const item of records) {
      const record = JSON.parse(item['TextValue'] as string) as Record<string, unknown>;
      expect(typeof record['contourF64']).toBe('string');
      expect(record['contour']).toBeUndefined();
      const { contourF64, ...rest } = record;
      item['TextValue'] = JSON.stringify({ ...rest, contour: contourFromBase64(contourF64) });
    }
    const now = readCalcificationSr(writeSrPart10(sr.value));
    const before = readCalcificationSr(writeSrPart10(ds));
    expect(now.ok && before.ok).toBe(true);
    if (!now.ok || !before.ok) return;
    expect(before.value.warnings).toEqual([]);
    expect(before.value.draft.calcifications).toEqual(now.value.draft.calcifications);
    expect(now.value.draft.calcifications).toEqual(sample.draft.calcifications);
  });

  it('a record whose outline is damaged: that calcification left out with a warning saying so', () => {
    const sr = buildCalcificationSr(sample.draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    const ds = structuredClone(sr.value) as Mutable;
    const item = calcificationRecords(ds)[0] as Mutable;
    item['TextValue'] = JSON.stringify({ ...(JSON.parse(item['TextValue'] as string) as object), contourF64: 'AAAA' });
    const r = readCalcificationSr(writeSrPart10(ds));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.draft.calcifications.length).toBe(sample.draft.calcifications.length - 1);
    expect(r.value.warnings.some((w) => /no readable outline/.test(w))).toBe(true);
  });
});
