/**
 * Random drafts made from the sample exam (the SR round-trip property's generator): every number
 * of every outline, seed, measurement, image calibration and geometry changed (random doubles,
 * integers for sizes), the order of findings and calcifications, each finding's change /
 * relation / known cancer / grouping / overrides, the exam's composition, indication, comparison
 * date, report text (markup, backslashes, non-Latin text), nipple markers, key and revision.
 */
import fc from 'fast-check';
import type { DraftFinding, DraftImage, ExamDraft } from '../../../../src/core/draft/index.js';
import { EMPTY_HISTORY, INDICATIONS, type ChangeSincePrior } from '../../../../src/core/lexicon.js';
import type { Overrides } from '../../../../src/core/assess/overrides.js';
import { makeRandom } from '../../../../test-data/generator/random.js';

/** Deterministic pseudo-random numbers in [0, 1): the phantom generator's mulberry32. */
function rng(seed: number): () => number {
  return makeRandom(seed).next;
}

/** Every finite number of a value replaced by a random double of a random magnitude (integers stay integers). */
function perturb<T>(value: T, next: () => number): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return v;
      if (Number.isInteger(v)) return Math.floor(next() * 5000);
      const r = (next() * 2 - 1) * 10 ** Math.floor(next() * 8 - 3);
      return Object.is(r, -0) ? 0 : r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('<script>alert(1)</script>', 'a\\b\\\\c', 'Impression: "stable" & <b>benign</b>\nline 2\ttabbed', '良性の石灰化 — доброкачественный', '  spaces around  '),
);
/** UT keeps every character but controls other than TAB / LF / FF / CR (written as U+FFFD on purpose, sr-text.ts). */
// eslint-disable-next-line no-control-regex
const utSafe = text.filter((t) => !/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/.test(t));

const change: fc.Arbitrary<ChangeSincePrior | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constantFrom('new', 'increased', 'decreased', 'no-priors') }),
  fc.record({ kind: fc.constant('stable' as const), years: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('new' as const), newPosition: fc.constant(true) }),
);

const overrides: fc.Arbitrary<Overrides> = fc.record(
  {
    morphology: fc.subarray(['punctate', 'amorphous', 'fine pleomorphic', 'suture'] as const, { minLength: 1 }),
    distribution: fc.subarray(['grouped', 'regional', 'linear'] as const, { minLength: 1 }),
    assessment: fc.constantFrom('2', '3', '4A', '4B', '5'),
    change: fc.record({ kind: fc.constantFrom('new', 'stable', 'increased') }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Overrides>;

const finding = fc.record({
  change,
  relation: fc.oneof(fc.constant(null), utSafe.filter((t) => t.length > 0)),
  knownCancer: fc.constantFrom(null, 'this finding', 'adjacent'),
  groupedBy: fc.constantFrom(undefined, 'proximity', 'radiologist'),
  overrides,
});

const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export const draftChanges = fc.record({
  seed: fc.integer(),
  examKey: fc.oneof(fc.constant('1.2.3.4'), utSafe),
  revision: fc.nat({ max: 1e12 }),
  composition: fc.constantFrom(null, 'a', 'b', 'c', 'd'),
  indication: fc.constantFrom(null, ...INDICATIONS),
  priorDate: fc.oneof(fc.constant(null), isoDate),
  reportText: fc.oneof(fc.constant(null), utSafe),
  emptyHistory: fc.boolean(),
  malignancySite: fc.oneof(fc.constant(null), utSafe),
  // Without it, a finding related to the known cancer is refused by the rules (left out of the report, kept in the SR).
  cancerInHistory: fc.boolean(),
  findings: fc.array(finding, { minLength: 8, maxLength: 8 }),
  nipples: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

export type DraftChanges = typeof draftChanges extends fc.Arbitrary<infer T> ? T : never;
type FindingChanges = typeof finding extends fc.Arbitrary<infer T> ? T : never;

export function randomDraft(base: ExamDraft, c: DraftChanges): ExamDraft {
  const next = rng(c.seed);
  const images: DraftImage[] = base.images.map((i) => ({ ...perturb(i, next), imageId: i.imageId, ...(i.studyDate === undefined ? {} : { studyDate: i.studyDate }) }));
  const findings: DraftFinding[] = base.findings.map((f, i) => {
    const r = c.findings[i % c.findings.length] as FindingChanges;
    const { groupedBy: _dropped, ...rest } = f;
    return { ...rest, change: r.change, relation: r.relation, knownCancer: r.knownCancer, overrides: r.overrides, ...(r.groupedBy === undefined ? {} : { groupedBy: r.groupedBy }) };
  });
  const nippleMarkers = Object.fromEntries(base.images.flatMap((i, k) => (c.nipples[k % c.nipples.length] === true ? [[i.imageId, perturb({ x: 0.5, y: 0.5 }, next)]] : [])));
  return {
    ...base,
    examKey: c.examKey,
    revision: c.revision,
    images,
    calcifications: shuffled(base.calcifications.map((k) => ({ ...perturb(k, next), id: k.id, imageId: k.imageId, edited: next() < 0.5 })), next),
    findings: shuffled(findings, next),
    composition: c.composition,
    indication: c.indication,
    priorDate: c.priorDate,
    reportText: c.reportText,
    // A finding related to the known cancer needs a biopsy-proven malignancy in the history (checkKnownCancer): without one it is refused.
    history: {
      ...(c.emptyHistory ? EMPTY_HISTORY : base.history),
      ...(c.cancerInHistory && findings.some((f) => f.knownCancer !== null) ? { malignancies: [{ side: 'both' as const, site: c.malignancySite, date: null }] } : {}),
    },
    nippleMarkers,
  };
}

