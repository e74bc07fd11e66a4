/**
 * Hostile or broken SR input: never a throw. What is not our SR is refused with a message saying
 * why; a broken part is left out with a warning and the rest is read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SR_CODES, SR_PRIVATE_CODES } from '../../../../src/core/codes.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10, type ContentItem, type SrDataset } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { childNamed, childrenNamed } from './sr-tree.js';
import { makeRandom } from '../../../../test-data/generator/random.js';

let sample: SampleExam;
let dataset: SrDataset;
let bytes: Uint8Array;

beforeAll(async () => {
  sample = await loadSampleExam();
  const sr = buildCalcificationSr(sample.draft, sample.header, fixedOptions());
  if (!sr.ok) throw new Error(sr.error.message);
  dataset = sr.value;
  bytes = writeSrPart10(dataset);
}, 120_000);

type Mutable = Record<string, unknown> & { ContentSequence?: ContentItem[] };

/** A deep copy of the sample SR's dataset to break. */
const copy = (): Mutable => structuredClone(dataset) as Mutable;

const measurementGroups = (ds: Mutable): Mutable[] => childrenNamed(childNamed(ds, SR_CODES['imaging measurements']), SR_CODES['measurement group']) as unknown as Mutable[];
const isFinding = (g: Mutable): boolean => childrenNamed(g, SR_PRIVATE_CODES['finding identifier']).length > 0;
const without = (g: Mutable, code: { value: string }): void => {
  g.ContentSequence = (g.ContentSequence ?? []).filter((i) => i.ConceptNameCodeSequence?.[0]?.CodeValue !== code.value);
};

function read(ds: Mutable) {
  return readCalcificationSr(writeSrPart10(ds));
}

/** Deterministic pseudo-random numbers in [0, 1): the phantom generator's mulberry32. */
function rng(seed: number): () => number {
  return makeRandom(seed).next;
}

describe('readCalcificationSr refuses what is not our SR', () => {
  it('a file that is not DICOM', () => {
    const r = readCalcificationSr(new TextEncoder().encode('<html><body>not a report</body></html>'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('not-dicom');
  });

  it('a mammogram (DICOM, not an SR)', () => {
    const mg = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../test-data/sample/RCC.dcm', import.meta.url))));
    const r = readCalcificationSr(mg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^not a Comprehensive SR: SOP Class UID 1\.2\.840\.10008\.5\.1\.4\.1\.1\.1\.2.*modality MG/);
  });

  it('an SR of another template', () => {
    const ds = copy();
    ds['ContentTemplateSequence'] = [{ MappingResource: 'DCMR', TemplateIdentifier: '2000' }];
    const r = read(ds);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('not a Measurement Report (TID 1500): template 2000');
  });

  it('a Measurement Report with no content, and one written by another system (no calcscribe draft record)', () => {
    const empty = copy();
    delete empty['ContentSequence'];
    const r1 = read(empty);
    expect(r1.ok ? '' : r1.error.message).toBe('the SR has no content (its root container is empty or missing; the file may be cut short)');
    const foreign = copy();
    without(childNamed(foreign, SR_CODES['qualitative evaluations']) as unknown as Mutable, SR_PRIVATE_CODES['draft record']);
    const r2 = read(foreign);
    expect(r2.ok ? '' : r2.error.message).toMatch(/^not written by calcscribe/);
  });

  it('every truncation of the file (the first 2,000 prefix lengths, then a sampled set): an error, never a throw', () => {
    const lengths = [...Array.from({ length: 2000 }, (_, i) => i), ...Array.from({ length: 400 }, (_, i) => 2000 + Math.floor(((bytes.length - 2001) * i) / 400))];
    const kinds = new Set<string>();
    for (const n of lengths) {
      const r = readCalcificationSr(bytes.subarray(0, n));
      expect(r.ok, `prefix of ${n} bytes read as a whole SR`).toBe(false);
      if (!r.ok) {
        expect(r.error.message.length).toBeGreaterThan(0);
        kinds.add(r.error.kind === 'bad-argument' ? `${r.error.kind}: ${r.error.message}` : r.error.kind);
      }
    }
    // A cut at an element boundary reads as a shorter dataset: missing content, said as such.
    expect([...kinds].sort()).toEqual(['bad-argument: the SR has no content (its root container is empty or missing; the file may be cut short)', 'not-dicom', 'truncated']);
  });
});

describe('readCalcificationSr reads a broken SR in part, with warnings', () => {
  it('a calcification group without its record: left out of the draft and of its finding', () => {
    const ds = copy();
    const calcGroup = measurementGroups(ds).find((g) => !isFinding(g)) as Mutable;
    without(calcGroup, SR_PRIVATE_CODES['calcification record']);
    const r = read(ds);
    if (!r.ok) throw new Error(r.error.message);
    const missing = sample.draft.calcifications.find((c) => !r.value.draft.calcifications.some((x) => x.id === c.id));
    expect(r.value.draft.calcifications).toHaveLength(sample.draft.calcifications.length - 1);
    expect(r.value.warnings[0]).toMatch(new RegExp(`^calcification ${missing?.id} has no calcscribe record`));
    expect(r.value.warnings.some((w) => w.includes(`member calcification`) && w.includes('names no calcification group'))).toBe(true);
    expect(r.value.draft.findings.flatMap((f) => f.calcificationIds)).not.toContain(missing?.id);
  });

  it('a group without record or outline says so', () => {
    const ds = copy();
    const calcGroup = measurementGroups(ds).find((g) => !isFinding(g)) as Mutable;
    without(calcGroup, SR_PRIVATE_CODES['calcification record']);
    without(calcGroup, SR_CODES['long axis']);
    const r = read(ds);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings[0]).toMatch(/has no calcscribe record and no outline: left out$/);
  });

  it('a member UID pointing nowhere, an unknown change code, a finding without laterality', () => {
    const ds = copy();
    const findings = measurementGroups(ds).filter(isFinding);
    const [f1, f2] = findings as [Mutable, Mutable];
    f1.ContentSequence = [...(f1.ContentSequence ?? []), { RelationshipType: 'CONTAINS', ValueType: 'UIDREF', ConceptNameCodeSequence: [{ CodeValue: 'MEMBER_CALC', CodingSchemeDesignator: '99CALCSCRIBE', CodeMeaning: 'Member calcification' }], UID: '2.25.404' }];
    const change = childNamed(f1, SR_PRIVATE_CODES['change since prior']) as unknown as Mutable;
    change['ConceptCodeSequence'] = [{ CodeValue: 'XYZ', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Something else' }];
    without(f2, SR_CODES['finding site']);
    const r = read(ds);
    if (!r.ok) throw new Error(r.error.message);
    const [id1, id2] = [findingId(f1), findingId(f2)];
    expect(r.value.warnings).toEqual([
      `finding ${id1}: member calcification 2.25.404 names no calcification group of this SR: left out of the finding`,
      `finding ${id1}: change since prior has an unknown code SCT XYZ: read as not stated`,
      `finding ${id2} has no known laterality: left out`,
    ]);
    expect(r.value.draft.findings.map((f) => f.id)).not.toContain(id2);
    expect(r.value.draft.findings.find((f) => f.id === id1)?.change).toBeNull();
  });

  it('a huge sequence (10,000 member UIDs pointing nowhere) is read without a throw', () => {
    const ds = copy();
    const f1 = measurementGroups(ds).find(isFinding) as Mutable;
    const bogus = Array.from({ length: 10_000 }, (_, i) => ({ RelationshipType: 'CONTAINS' as const, ValueType: 'UIDREF', ConceptNameCodeSequence: [{ CodeValue: 'MEMBER_CALC', CodingSchemeDesignator: '99CALCSCRIBE', CodeMeaning: 'Member calcification' }], UID: `2.25.7777${i + 1}` }));
    f1.ContentSequence = [...(f1.ContentSequence ?? []), ...bogus];
    const r = read(ds);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toHaveLength(10_000);
    expect(r.value.draft.calcifications).toEqual(sample.draft.calcifications);
  }, 60_000);

  it('random byte flips (fixed seed): a result every time, never a throw', () => {
    const next = rng(9);
    let refused = 0;
    let read = 0;
    for (let run = 0; run < 100; run++) {
      const broken = bytes.slice();
      const flips = 1 + Math.floor(next() * 8);
      for (let k = 0; k < flips; k++) {
        const at = 132 + Math.floor(next() * (broken.length - 132));
        broken[at] = (broken[at] as number) ^ (1 + Math.floor(next() * 255));
      }
      const r = readCalcificationSr(broken);
      if (r.ok) {
        read++;
        expect(Array.isArray(r.value.warnings)).toBe(true);
      } else {
        refused++;
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(read + refused).toBe(100);
  }, 120_000);
});

function findingId(g: Mutable): string {
  const item = childNamed(g, SR_PRIVATE_CODES['finding identifier']);
  return String(item['TextValue']);
}
