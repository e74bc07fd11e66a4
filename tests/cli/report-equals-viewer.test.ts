/**
 * One exam, one report: the command line's report of the sample exam (text and --json) equals,
 * character for character, the report derived from the viewer's draft store after the same
 * clicks — each click analysed alone as the viewer's worker does (analyseCalcifications), added to
 * the store as the viewer adds it (grouped by the core's rule), then regrouped by hand, with the
 * change, relation and overrides set as a radiologist sets them in the panel. The exam's clinical
 * context reaches the viewer's new draft through the same core parse (parseExamContext).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { examReportJson, examReportText, type DraftAction, type ExamDraft } from '../../src/core/draft/index.js';
import { fmtMmWords } from '../../src/core/report/words.js';
import { cli, sampleViewerStore } from './sample-viewer-store.js';

let viewerDraft: ExamDraft;
let handActions: readonly DraftAction['type'][] = [];

beforeAll(async () => {
  const built = await sampleViewerStore();
  viewerDraft = built.store.getState();
  handActions = built.handActions;
}, 120_000);

describe('the sample exam, command line and viewer', () => {
  it('prints the same report text as the viewer derives from its draft, character for character', () => {
    const text = cli(['exam', 'test-data/sample']);
    expect(text).toBe(`${examReportText(viewerDraft)}\n`);
    // What the equality covers: the context came with the exam into the viewer and words the post-lumpectomy group.
    expect(text).toMatch(/Right breast.*dystrophic calcifications.*at the lumpectomy site/);
    expect(text).toMatch(/expected post-surgical and post-radiation change/);
    expect(text).toMatch(/9 grouped fine pleomorphic calcifications spanning/);
    expect(text).not.toMatch(/without known surgery/);
  });

  it('prints the same --json as the viewer derives from its draft, character for character', () => {
    const json = cli(['exam', 'test-data/sample', '--json']);
    expect(json).toBe(`${examReportJson(viewerDraft)}\n`);
    const j = JSON.parse(json) as { findings: { views: string[]; count: number }[]; report: { composition: string; comparison: string } };
    expect(j.findings.map((f) => [f.views, f.count])).toEqual([
      [['RCC', 'RMLO'], 6],
      [['RCC', 'RMLO'], 1],
      [['LCC', 'LMLO'], 4],
      [['LCC', 'LMLO'], 9],
    ]);
    expect(j.report.comparison).toBe('2024-03-12.');
  });

  it('gives each finding the size range its card shows, in the digits of the report sentence', () => {
    const j = JSON.parse(cli(['exam', 'test-data/sample', '--json'])) as { findings: { size: { max: number; unit: string; words: string } }[]; report: { findings: string[] } };
    const stated = j.findings.flatMap((f, i) => {
      const upTo = /up to (\d+\.\d+) mm/.exec(j.report.findings[i] ?? '');
      return upTo === null ? [] : [{ f, upTo: upTo[1] as string }];
    });
    // Every finding but the vascular ones (named only, not measured) states its largest size.
    expect(stated.length).toBe(j.findings.length - j.report.findings.filter((t) => /vascular calcifications\./.test(t)).length);
    expect(stated.length).toBeGreaterThanOrEqual(2);
    for (const { f, upTo } of stated) {
      expect(f.size.unit).toBe('mm');
      expect(upTo).toBe(fmtMmWords(f.size.max));
      expect(f.size.words).toMatch(new RegExp(`(^|–)${upTo.replace('.', '\\.')} mm, `));
    }
  });

  it('needed the radiologist to join each finding\'s CC and MLO clicks, and to split only neighbours the grouping rule joins', () => {
    // CC joined with MLO by hand; the suture lies within 1 cm of the dystrophic group on both views (the rule puts both
    // its clicks in the group's finding, one split takes it out whole), the fine pleomorphic group beside the vascular ones.
    expect(handActions.filter((a) => a === 'mergeFindings').length).toBeGreaterThanOrEqual(3);
    expect(handActions.filter((a) => a === 'splitFinding').length).toBeGreaterThanOrEqual(1);
    expect(viewerDraft.findings.map((f) => f.calcificationIds.length)).toEqual([12, 2, 8, 18]);
  });
});
