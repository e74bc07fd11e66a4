/**
 * A new finding's change since prior follows the exam: "no priors" only when there is nothing to
 * compare with; with a prior image or a comparison date it is not stated until the radiologist
 * says, and the wording says so instead of contradicting the comparison line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyDraftAction,
  CHANGE_NOT_STATED,
  deriveFinding,
  deriveReport,
  examReportJson,
  parseDraft,
  serializeDraft,
  type ExamDraft,
} from '../../../src/core/draft/index.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from './sample-exam.js';

let rcc: SampleImage;

beforeAll(async () => {
  rcc = await loadSampleImage('RCC');
});

function apply(d: ExamDraft, ...actions: Parameters<typeof applyDraftAction>[1][]): ExamDraft {
  let out = d;
  for (const a of actions) {
    const r = applyDraftAction(out, a);
    if (!r.ok) throw new Error(r.error.message);
    out = r.value;
  }
  return out;
}

/** The sample RCC with (optionally) a prior image of the same view in the exam. */
function draftWith(prior: boolean): ExamDraft {
  const d = sampleDraft([rcc]);
  return prior ? { ...d, images: [...d.images, { ...rcc.draftImage, imageId: 'RCC-prior', role: 'prior' as const }] } : d;
}

const click = (d: ExamDraft): ExamDraft => apply(d, { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1').slice(0, 1) });

describe('change since prior of a new finding', () => {
  it('is "no priors" when the exam has neither a prior image nor a comparison date', () => {
    const d = click(draftWith(false));
    expect(d.findings[0]?.change).toEqual({ kind: 'no-priors' });
    const f = deriveFinding(d, d.findings[0]!.id);
    expect(f.ok && f.value.wording).toContain('no prior examinations for comparison');
    expect(deriveReport(d).text).toContain('No prior examinations available for comparison.');
  });

  it('is not stated when a prior image is loaded: the wording says so and never claims "no priors"', () => {
    const d = click(draftWith(true));
    expect(d.findings[0]?.change).toBeNull();
    const f = deriveFinding(d, d.findings[0]!.id);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.changeStated).toBe(false);
    expect(f.value.wording).toContain(CHANGE_NOT_STATED);
    expect(f.value.wording).not.toMatch(/no prior/i);
    expect(f.value.wording).not.toMatch(/\bnew since\b/);
    expect(f.value.warnings.some((w) => w.includes(CHANGE_NOT_STATED))).toBe(true);
    const report = deriveReport(d);
    expect(report.text).not.toMatch(/no prior/i);
    expect(report.text).toContain(CHANGE_NOT_STATED);
    // The report states the location caveats (here: the phantom's nipple not in profile on the
    // RCC) once for all findings, after them; the finding's own wording carries them inline.
    expect(report.locationCaveats).toEqual(['Nipple not in profile on the RCC: depth, clock position and distance are measured from the most anterior skin point.']);
    expect(report.findings).toEqual([report.locationCaveats.reduce((w, c) => w.replace(` ${c}`, ''), f.value.wording)]);
    expect(report.findings[0]).not.toBe(f.value.wording);
    const json = JSON.parse(examReportJson(d)) as { coded: { findings: { change: { kind: unknown; stated?: boolean }; text: string }[] } };
    expect(json.coded.findings[0]?.change).toMatchObject({ kind: null, stated: false });
    expect(json.coded.findings[0]?.text).toBe(f.value.wording);
  });

  it('is not stated when a comparison date is set, and the report compares with that date', () => {
    const d = click(apply(draftWith(false), { type: 'setPriorDate', date: '2024-03-10' }));
    expect(d.findings[0]?.change).toBeNull();
    const text = deriveReport(d).text;
    expect(text).toContain('Comparison: 2024-03-10.');
    expect(text).not.toMatch(/no prior/i);
  });

  it('once stated, the wording uses the radiologist\'s words (stable for 2 years)', () => {
    const clicked = click(draftWith(true));
    const d = apply(clicked, { type: 'setChange', findingId: clicked.findings[0]!.id, change: { kind: 'stable', years: 2 } });
    const f = deriveFinding(d, d.findings[0]!.id);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.changeStated).toBe(true);
    expect(f.value.wording).toContain('stable for 2 years');
    expect(f.value.wording).not.toContain(CHANGE_NOT_STATED);
    // …and can be put back to not stated while the exam has a comparison.
    const back = apply(d, { type: 'setChange', findingId: d.findings[0]!.id, change: null });
    expect(back.findings[0]?.change).toBeNull();
  });

  it('follows a comparison date entered or removed later: "no priors" and a comparison exam never stand together', () => {
    const d = click(draftWith(false));
    const id = d.findings[0]!.id;
    const dated = apply(d, { type: 'setPriorDate', date: '2024-03-10' });
    expect(dated.findings[0]?.change).toBeNull();
    const undated = apply(dated, { type: 'setPriorDate', date: null });
    expect(undated.findings[0]?.change).toEqual({ kind: 'no-priors' });
    // A change the radiologist stated stays.
    const stated = apply(dated, { type: 'setChange', findingId: id, change: { kind: 'new' } }, { type: 'setPriorDate', date: null });
    expect(stated.findings[0]?.change).toEqual({ kind: 'new' });
    // Without a comparison, "not stated" is refused.
    expect(applyDraftAction(undated, { type: 'setChange', findingId: id, change: null }).ok).toBe(false);
  });

  it('a draft with a change not stated saves and comes back', () => {
    const d = click(draftWith(true));
    const r = parseDraft(serializeDraft(d));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.findings[0]?.change).toBeNull();
  });
});
