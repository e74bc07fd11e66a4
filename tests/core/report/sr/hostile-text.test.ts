/**
 * Hostile text in the SR: markup, control characters, very long strings, in every place a person
 * or a header can put text (observer name, referring physician, relation, report narrative,
 * history site). The file still passes dciodvfy and dsrdump; text stays text; what had to change
 * is marked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SR_CODES, SR_PRIVATE_CODES } from '../../../../src/core/codes.js';
import { applyDraftAction, type ExamDraft } from '../../../../src/core/draft/index.js';
import { buildCalcificationSr, TRUNCATED_MARK, writeSrPart10 } from '../../../../src/core/report/sr/index.js';
import { checkIdentifier, checkUid, personName, shortText, utText } from '../../../../src/core/report/sr/sr-text.js';
import { decimalString } from '../../../../src/core/report/sr/content-items.js';
import { dciodvfy } from '../../../test-data/dicom-tools.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { ACCEPTED_WARNINGS, childNamed, childrenNamed, dsrdump, type Item } from './sr-tree.js';

const MARKUP = '<script>alert("x")</script><b>&amp;</b>';
const CONTROLS = 'a\u0000b\u0007c\u001Bd\u007Fe\u0085f';
const LONG = 'calcifications '.repeat(8000);

let dir: string;
let sample: SampleExam;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-hostile-'));
  sample = await loadSampleExam();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('text rules per value representation', () => {
  it('UT keeps markup, TAB / LF / CR and non-Latin text, and replaces other control characters', () => {
    expect(utText(MARKUP)).toBe(MARKUP);
    expect(utText('line 1\r\nline 2\tend')).toBe('line 1\r\nline 2\tend');
    expect(utText(CONTROLS)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(utText('微小石灰化 ✓')).toBe('微小石灰化 ✓');
    expect(utText('x\uD800y')).toBe('x\uFFFDy');
  });

  it('LO / SH and PN are one line, without backslash, cut to their length with a marker', () => {
    expect(shortText('a\\b\nc', 64)).toBe('a b c');
    const bytes = (t: string): number => new TextEncoder().encode(t).length;
    const cut = shortText('x'.repeat(100), 16);
    expect(bytes(cut)).toBe(16);
    expect(cut.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(personName('Dr Ada Reader')).toBe('Dr Ada Reader^');
    expect(personName('Reader^Ada')).toBe('Reader^Ada');
    const long = personName(`Dr ${'Very'.repeat(40)} Long`);
    expect(bytes(long)).toBeLessThanOrEqual(64);
    expect(long).toContain(TRUNCATED_MARK);
    expect(bytes(shortText('é'.repeat(40), 64))).toBeLessThanOrEqual(64);
  });

  it('identifiers are checked, never cut', () => {
    expect(checkUid('1.2.840.10008.5.1.4.1.1.88.33', 'x').ok).toBe(true);
    expect(checkUid('1.2.3.', 'x').ok).toBe(false);
    expect(checkUid('1.02', 'x').ok).toBe(false);
    expect(checkUid(`1.${'2'.repeat(63)}`, 'x').ok).toBe(false);
    expect(checkIdentifier('ABC\\DEF', 16, 'Accession Number').ok).toBe(false);
    expect(checkIdentifier('A'.repeat(16), 16, 'Accession Number').ok).toBe(true);
    expect(checkIdentifier(null, 16, 'Accession Number')).toEqual({ ok: true, value: '' });
  });

  it('numbers fit a DS (16 characters)', () => {
    for (const v of [1 / 3, 123456.789 + 1 / 3, 1e-7 / 3, 1.2345678901234567e19, -0.000123456789123]) {
      const ds = decimalString(v);
      expect(ds.length).toBeLessThanOrEqual(16);
      expect(ds).toMatch(/^[-+]?[0-9.]+([eE][-+]?[0-9]+)?$/);
      expect(Number(ds) / v).toBeCloseTo(1, 9);
    }
  });
});

describe('an SR full of hostile text', () => {
  it('passes dciodvfy and dsrdump, and keeps the text as text', () => {
    let draft: ExamDraft = sample.draft;
    const first = sample.draft.findings[0];
    if (first === undefined) throw new Error('the sample has findings');
    draft = must(applyDraftAction(draft, { type: 'setRelation', findingId: first.id, relation: `${MARKUP} ${CONTROLS}` }));
    draft = must(applyDraftAction(draft, { type: 'editReportText', text: `${MARKUP}\n${CONTROLS}\n${LONG}` }));
    const history = { ...draft.history, events: [...draft.history.events, { kind: 'biopsy' as const, side: 'left' as const, date: '2020', site: `${MARKUP}${CONTROLS}` }] };
    draft = must(applyDraftAction(draft, { type: 'setHistory', history }));
    const header = { ...sample.header, referringPhysicianName: `Evil\u0000^${'R'.repeat(90)}\\x=Y=Z=W`, patientName: `${MARKUP}^Jane` };
    const options = fixedOptions({ observer: { name: `${MARKUP} \u0007 ${'Dr '.repeat(40)}` }, device: { name: 'calcscribe', version: `0.1.0\u0000${'9'.repeat(80)}`, uid: '2.25.900003' } });
    const ds = must(buildCalcificationSr(draft, header, options));
    const path = join(dir, 'hostile.dcm');
    writeFileSync(path, writeSrPart10(ds));
    const report = dciodvfy(path);
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => !ACCEPTED_WARNINGS.some((a) => a.test(w)))).toEqual([]);
    const dump = dsrdump(path);
    expect(dump.problems).toEqual([]);
    expect(dump.text).toContain('<script>alert("x")</script>');

    const ev = childNamed(ds, SR_CODES['qualitative evaluations']);
    const narrative = childNamed(ev, SR_CODES['narrative summary'])['TextValue'] as string;
    expect(narrative.startsWith(`${MARKUP}\n`)).toBe(true);
    expect(narrative).toContain('a\uFFFDb\uFFFDc');
    expect(narrative.length).toBe(`${MARKUP}\n${CONTROLS}\n${LONG}`.length);
    expect(JSON.parse(childNamed(ev, SR_PRIVATE_CODES['clinical history'])['TextValue'] as string)).toEqual(history);
    const groups = childrenNamed(childNamed(ds, SR_CODES['imaging measurements']), SR_CODES['measurement group']);
    const relations = groups.flatMap((g: Item) => childrenNamed(g, SR_PRIVATE_CODES['relation to treated site'])).map((i) => i['TextValue']);
    expect(relations).toContain(`${MARKUP} a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf`);
    const observer = childNamed(ds, SR_CODES['person observer name'])['PersonName'] as string;
    expect(observer.length).toBeLessThanOrEqual(64);
    expect(observer).toContain(TRUNCATED_MARK);
    expect((ds['SoftwareVersions'] as string).length).toBeLessThanOrEqual(64);
    const referring = ds['ReferringPhysicianName'] as string;
    expect(referring.includes('\u0000') || referring.includes('\\')).toBe(false);
    expect(referring.startsWith('Evil ^RRR')).toBe(true);
  });
});
