/**
 * A finding the rules refuse (deriveReport leaves it out of the report: here "this finding" is the
 * known cancer, but the history holds no biopsy-proven malignancy) stays in the SR as the
 * radiologist made it, marked Not reported with the rules' reason; the SR still passes dciodvfy
 * and dsrdump, and reading it back gives the whole draft.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SR_CODES, SR_PRIVATE_CODES } from '../../../../src/core/codes.js';
import { deriveReport, type ExamDraft } from '../../../../src/core/draft/index.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10 } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { childNamed, childrenNamed, expectValidSr, type Item } from './sr-tree.js';

let dir: string;
let sample: SampleExam;
let draft: ExamDraft;
let refusedId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-'));
  sample = await loadSampleExam();
  const target = sample.draft.findings[3];
  if (target === undefined) throw new Error('the sample has fewer than 4 findings');
  refusedId = target.id;
  draft = {
    ...sample.draft,
    history: { ...sample.draft.history, malignancies: [] },
    findings: sample.draft.findings.map((f) => (f.id === refusedId ? { ...f, knownCancer: 'this finding' as const, relation: 'biopsy clip <b>nearby</b>', overrides: { assessment: '6' as const } } : f)),
  };
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (i: Item): string => i['TextValue'] as string;

describe('a finding the rules refuse', () => {
  it('is left out of the report (the premise)', () => {
    const { leftOut, findingsDerived } = deriveReport(draft);
    expect(leftOut.map((l) => l.findingId)).toEqual([refusedId]);
    expect(leftOut[0]?.reason).toMatch(/knownCancer "this finding": history\.malignancies holds no biopsy-proven malignancy/);
    expect(findingsDerived.length).toBe(sample.draft.findings.length - 1);
  });

  it('is kept in the SR, marked not reported with the reason, its calcifications and what the radiologist set with it', () => {
    const sr = buildCalcificationSr(draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    const groups = childrenNamed(childNamed(sr.value, SR_CODES['imaging measurements']), SR_CODES['measurement group']);
    const marked = groups.filter((g) => childrenNamed(g, SR_PRIVATE_CODES['not reported']).length > 0);
    expect(marked).toHaveLength(1);
    const g = marked[0] as Item;
    expect(text(childNamed(g, SR_PRIVATE_CODES['finding identifier']))).toBe(refusedId);
    expect(text(childNamed(g, SR_CODES['tracking identifier']))).toBe('calcscribe finding not reported 1');
    expect(text(childNamed(g, SR_PRIVATE_CODES['not reported']))).toBe(deriveReport(draft).leftOut[0]?.reason);
    expect(text(childNamed(g, SR_PRIVATE_CODES['known cancer relation']))).toBe('this finding');
    expect(text(childNamed(g, SR_PRIVATE_CODES['relation to treated site']))).toBe('biopsy clip <b>nearby</b>');
    expect(JSON.parse(text(childNamed(g, SR_PRIVATE_CODES.overrides)))).toEqual({ assessment: '6' });
    // No category, terms or wording: the rules gave none.
    for (const absent of [SR_CODES['assessment category'], SR_CODES['calcification type'], SR_PRIVATE_CODES['finding wording']]) expect(childrenNamed(g, absent)).toEqual([]);
    const members = childrenNamed(g, SR_PRIVATE_CODES['member calcification']).map((m) => m['UID']);
    const refused = draft.findings.find((f) => f.id === refusedId);
    expect(members).toHaveLength(refused?.calcificationIds.length ?? -1);
    // Every member names a calcification group of the SR (its outline is written too).
    const tracking = new Set(groups.map((x) => childrenNamed(x, SR_CODES['tracking uid'])[0]?.['UID']));
    for (const m of members) expect(tracking.has(m)).toBe(true);
  });

  it('passes dciodvfy without errors, dsrdump parses it, and reading it back gives the whole draft', () => {
    const sr = buildCalcificationSr(draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    const path = join(dir, 'not-reported.dcm');
    const bytes = writeSrPart10(sr.value);
    writeFileSync(path, bytes);
    const dump = expectValidSr(path);
    expect(dump.text).toMatch(/Not reported, because/);
    const read = readCalcificationSr(bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.warnings).toEqual([]);
    expect(read.value.draft).toEqual(draft);
  });
});
