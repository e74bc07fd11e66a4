import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyDraftAction,
  deriveFinding,
  deriveReport,
  examReportJson,
  exportReportText,
  lineDiff,
  type DraftAction,
  type ExamDraft,
} from '../../../src/core/draft/index.js';
import { COMPOSITION_CODES, formatCode, MORPHOLOGY_CODES } from '../../../src/core/codes.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from './sample-exam.js';

let rcc: SampleImage;
let lcc: SampleImage;
beforeAll(async () => {
  [rcc, lcc] = await Promise.all([loadSampleImage('RCC'), loadSampleImage('LCC')]);
});

function apply(draft: ExamDraft, ...actions: DraftAction[]): ExamDraft {
  let d = draft;
  for (const a of actions) {
    const r = applyDraftAction(d, a);
    if (!r.ok) throw new Error(`${a.type}: ${r.error.message}`);
    d = r.value;
  }
  return d;
}

describe('lineDiff', () => {
  it('marks removed and added lines and keeps common ones in order', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', line: 'a' },
      { kind: 'removed', line: 'b' },
      { kind: 'added', line: 'x' },
      { kind: 'same', line: 'c' },
      { kind: 'added', line: 'd' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ kind: 'same', line: 'same' }]);
    expect(lineDiff('a', '')).toEqual([
      { kind: 'removed', line: 'a' },
      { kind: 'added', line: '' },
    ]);
  });
});

describe('deriveReport', () => {
  it('lists right-breast findings first and takes the overall assessment from the most suspicious', () => {
    const d = apply(
      sampleDraft([rcc, lcc]),
      { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') },
      { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R2') },
      { type: 'overrideTerms', findingId: 'f1-1', overrides: { morphology: ['fine pleomorphic'] } },
      { type: 'setComposition', composition: 'b' },
    );
    const r = deriveReport(d);
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatch(/^Right breast/);
    expect(r.findings[1]).toMatch(/^Left breast.*fine pleomorphic/);
    expect(r.overall.assessment).toBe('4B');
    expect(r.text).toBe(r.suggestedText);
    expect(r.edited).toBe(false);
    expect(r.differences.every((c) => c.kind === 'same')).toBe(true);
    expect(r.text).toMatch(/^Breast composition: .*scattered/);
  });

  it('keeps the radiologist\'s text when the findings change, and shows where it differs from the new suggestion', () => {
    const d = apply(sampleDraft([rcc, lcc]), { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') });
    const typed = `${deriveReport(d).suggestedText}\nDiscussed with the referring physician.`;
    const edited = apply(d, { type: 'editReportText', text: typed }, { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R2') });
    const r = deriveReport(edited);
    expect(r.text).toBe(typed);
    expect(r.edited).toBe(true);
    expect(r.suggestedText).toMatch(/Right breast/);
    expect(r.differences).toContainEqual({ kind: 'added', line: 'Discussed with the referring physician.' });
    expect(r.differences.some((c) => c.kind === 'removed' && c.line.startsWith('Right breast'))).toBe(true);
    expect(exportReportText(edited)).toBe(typed);
    const reset = apply(edited, { type: 'resetReportText' });
    expect(exportReportText(reset)).toBe(r.suggestedText);
  });

  it('treats text typed equal to the suggestion as not edited', () => {
    const d = apply(sampleDraft([lcc]), { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') });
    const same = apply(d, { type: 'editReportText', text: deriveReport(d).suggestedText });
    expect(deriveReport(same).edited).toBe(false);
  });

  it('states that no findings were recorded for an empty draft', () => {
    const r = deriveReport(sampleDraft([lcc]));
    expect(r.text).toMatch(/No calcification findings recorded/);
    expect(r.findingsDerived).toEqual([]);
  });
});

describe('examReportJson (the command line\'s exam --json and the viewer\'s Export JSON)', () => {
  it('gives codes beside the terms, the overridden terms, the size range, and the edited text with the suggestion beside it', () => {
    const d = apply(
      sampleDraft([lcc]),
      { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') },
      { type: 'overrideTerms', findingId: 'f1-1', overrides: { morphology: ['fine pleomorphic'] } },
      { type: 'setComposition', composition: 'c' },
      { type: 'editReportText', text: 'Short report.' },
    );
    const text = examReportJson(d);
    const j = JSON.parse(text) as {
      examKey: string;
      findings: { views: string[]; countByView: number[]; count: number; overridden: string[]; morphology: string[]; size: { max: number; unit: string; words: string } }[];
      report: { text: string; suggestedText: string; edited: boolean; findings: string[] };
      coded: {
        composition: { term: string; code: string };
        findings: { morphology: { term: string; code: string }[]; suggestion: { assessment: { term: string; code: string } } }[];
        text: string;
      };
      warnings: string[];
    };
    expect(j.examKey).toBe(d.examKey);
    const f = j.findings[0];
    expect(f?.views).toEqual(['LCC']);
    expect(f?.countByView).toEqual([9]);
    expect(f?.count).toBe(9);
    expect(f?.overridden).toEqual(['morphology']);
    expect(f?.morphology).toEqual(['fine pleomorphic']);
    const derived = deriveFinding(d, 'f1-1');
    if (!derived.ok) throw new Error(derived.error.message);
    expect(f?.size).toEqual(derived.value.sizeRange);
    expect(f?.size.unit).toBe('mm');
    expect(j.coded.composition.term).toBe('c');
    expect(j.coded.composition.code).toBe(formatCode(COMPOSITION_CODES.c));
    const coded = j.coded.findings[0];
    expect(coded?.morphology[0]?.term).toBe('fine pleomorphic');
    expect(coded?.morphology[0]?.code).toBe(formatCode(MORPHOLOGY_CODES['fine pleomorphic']));
    expect(coded?.suggestion.assessment.term).toBe('4B');
    expect(j.report.text).toBe('Short report.');
    expect(j.coded.text).toBe('Short report.');
    expect(j.report.edited).toBe(true);
    expect(j.report.suggestedText).toMatch(/fine pleomorphic/);
    expect(j.report.suggestedText).toBe(deriveReport(d).suggestedText);
    // The same draft, the same bytes.
    expect(examReportJson(d)).toBe(text);
  });
});
