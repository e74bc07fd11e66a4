/**
 * Breast content coded: what PS3.16 has a code for is written with it (the indication when CID
 * 6051 has it), and private codes stand only for what no context group names. The mapping is
 * documented in docs/structured-report.md, every standard concept of the SR in its table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_CODES, INDICATION_CODES, PRIVATE_SCHEME, SR_CODES, SR_LATERALITY_CODES, SR_PRIVATE_CODES, type CodedConcept } from '../../../../src/core/codes.js';
import { applyDraftAction, type ExamDraft } from '../../../../src/core/draft/index.js';
import { INDICATIONS } from '../../../../src/core/lexicon.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10, type SrDataset } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { dciodvfy } from '../../../test-data/dicom-tools.js';
import { ACCEPTED_WARNINGS, childNamed, childrenNamed, dsrdump, sameCode, type Item } from './sr-tree.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/structured-report.md', import.meta.url)), 'utf8');

let sample: SampleExam;

beforeAll(async () => {
  sample = await loadSampleExam();
}, 120_000);

function build(draft: ExamDraft): SrDataset {
  const r = buildCalcificationSr(draft, sample.header, fixedOptions());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function withIndication(indication: (typeof INDICATIONS)[number]): ExamDraft {
  const r = applyDraftAction(sample.draft, { type: 'setIndication', indication });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const evaluations = (ds: SrDataset): Item => childNamed(ds as Item, SR_CODES['qualitative evaluations']);

/** Every item of a tree, depth first. */
function allItems(root: Item): Item[] {
  return ((root.ContentSequence ?? []) as Item[]).flatMap((i) => [i, ...allItems(i)]);
}

const isPrivate = (code: { readonly CodingSchemeDesignator?: string } | undefined): boolean => code?.CodingSchemeDesignator === PRIVATE_SCHEME;

describe('the indication', () => {
  it('is coded as the Reason for procedure (CID 6051) when the context group has it, and reads back', () => {
    const draft = withIndication('short-interval follow-up');
    const ds = build(draft);
    const reason = childNamed(evaluations(ds), SR_CODES['reason for procedure']);
    expect(sameCode(reason, INDICATION_CODES['short-interval follow-up'] as CodedConcept)).toBe(true);
    expect(childrenNamed(evaluations(ds), SR_PRIVATE_CODES.indication)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-coded-'));
    try {
      const path = join(dir, 'short-interval.dcm');
      writeFileSync(path, writeSrPart10(ds));
      const report = dciodvfy(path);
      expect(report.errors).toEqual([]);
      expect(report.warnings.filter((w) => !ACCEPTED_WARNINGS.some((a) => a.test(w)))).toEqual([]);
      expect(dsrdump(path).problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const back = readCalcificationSr(writeSrPart10(ds));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.draft.indication).toBe('short-interval follow-up');
    expect(back.value.warnings).toEqual([]);
  });

  it('stays calcscribe text for screening and diagnostic, which CID 6051 does not name', () => {
    for (const indication of ['screening', 'diagnostic'] as const) {
      expect(INDICATION_CODES[indication]).toBeUndefined();
      const ds = build(withIndication(indication));
      expect(childrenNamed(evaluations(ds), SR_CODES['reason for procedure'])).toEqual([]);
      expect(childNamed(evaluations(ds), SR_PRIVATE_CODES.indication)['TextValue']).toBe(indication);
      const back = readCalcificationSr(writeSrPart10(ds));
      if (!back.ok) throw new Error(back.error.message);
      expect(back.value.draft.indication).toBe(indication);
    }
  });
});

describe('the BI-RADS codes of CID 6027 (4A, 4B, 4C, 6)', () => {
  it('carry their Coding Scheme Version (BI 4.0), as dciodvfy requires of them', () => {
    const first = sample.draft.findings[0];
    if (first === undefined) throw new Error('the sample has findings');
    const dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-bi-'));
    try {
      for (const category of ['4A', '4B', '4C', '6'] as const) {
        const r = applyDraftAction(sample.draft, { type: 'overrideTerms', findingId: first.id, overrides: { assessment: category } });
        if (!r.ok) throw new Error(r.error.message);
        const ds = build(r.value);
        const bi = allItems(ds as Item).flatMap((i) => (i['ConceptCodeSequence'] as { CodingSchemeDesignator: string; CodeValue: string; CodingSchemeVersion?: string }[] | undefined) ?? []).filter((c) => c.CodingSchemeDesignator === 'BI');
        expect(bi.map((c) => c.CodeValue)).toContain(ASSESSMENT_CODES[category].value);
        expect(bi.every((c) => c.CodingSchemeVersion === '4.0')).toBe(true);
        const path = join(dir, `assessment-${category}.dcm`);
        writeFileSync(path, writeSrPart10(ds));
        expect(dciodvfy(path).errors).toEqual([]);
        const back = readCalcificationSr(writeSrPart10(ds));
        if (!back.ok) throw new Error(back.error.message);
        expect(back.value.draft.findings[0]?.overrides.assessment).toBe(category);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('per finding', () => {
  it('writes every breast term, location, count, change, category and follow-up value with a standard code', () => {
    const ds = build(sample.draft);
    const measurements = childNamed(ds as Item, SR_CODES['imaging measurements']);
    const findings = childrenNamed(measurements, SR_CODES['measurement group']).filter((g) => childrenNamed(g, SR_PRIVATE_CODES['finding identifier']).length > 0);
    expect(findings.length).toBeGreaterThan(0);
    const standardNames = [SR_CODES.finding, SR_CODES['finding site'], SR_CODES['calcification type'], SR_CODES['calcification distribution'], SR_CODES['clockface or region'], SR_CODES['quadrant location'], SR_CODES.depth, SR_CODES['assessment category'], SR_CODES['recommended follow-up']];
    for (const g of findings) {
      for (const item of (g.ContentSequence ?? []) as Item[]) {
        const name = item.ConceptNameCodeSequence?.[0];
        const standard = standardNames.some((c) => name?.CodeValue === c.value && name.CodingSchemeDesignator === c.scheme);
        // A standard concept always carries a standard value (no private code in its place).
        if (standard && item.ValueType === 'CODE') expect(isPrivate((item['ConceptCodeSequence'] as { CodingSchemeDesignator: string }[])[0])).toBe(false);
      }
      const finding = childNamed(g, SR_CODES.finding);
      for (const n of (finding.ContentSequence ?? []) as Item[]) expect(isPrivate(n.ConceptNameCodeSequence?.[0])).toBe(false);
    }
    // The change's value is CID 6002 whenever a change is stated (only "no prior examination" is private).
    for (const change of allItems(ds as Item).filter((i) => i.ConceptNameCodeSequence?.[0]?.CodeValue === SR_PRIVATE_CODES['change since prior'].value)) {
      const value = (change['ConceptCodeSequence'] as { CodeValue: string; CodingSchemeDesignator: string }[])[0];
      if (value?.CodeValue !== SR_PRIVATE_CODES['no prior examination'].value) expect(value?.CodingSchemeDesignator).toBe('SCT');
    }
  });
});

describe('docs/structured-report.md', () => {
  it('maps every standard concept and value table the SR writes to its code and context group', () => {
    const concepts: CodedConcept[] = [...Object.values(SR_CODES), ...Object.values(SR_LATERALITY_CODES), ...Object.values(INDICATION_CODES)];
    const missing = concepts.filter((c) => !doc.includes(c.value));
    expect(missing.map((c) => `${c.scheme} ${c.value} "${c.meaning}"`)).toEqual([]);
    for (const cid of ['CID 6010', 'CID 6012', 'CID 6018', 'CID 6020', 'CID 6024', 'CID 6000', 'CID 6002', 'CID 6026', 'CID 6028', 'CID 6051', 'CID 244']) expect(doc).toContain(cid);
  });
});
