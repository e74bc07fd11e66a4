import { beforeAll, describe, expect, it } from 'vitest';
import { applyDraftAction, deriveFinding, type DraftAction, type ExamDraft, type NewCalcification } from '../../../src/core/draft/index.js';
import { EMPTY_HISTORY } from '../../../src/core/index.js';
import { fmtMmWords } from '../../../src/core/report/words.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from './sample-exam.js';

let rcc: SampleImage;
let rmlo: SampleImage;
let lcc: SampleImage;

beforeAll(async () => {
  [rcc, rmlo, lcc] = await Promise.all([loadSampleImage('RCC'), loadSampleImage('RMLO'), loadSampleImage('LCC')]);
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

function derived(d: ExamDraft, id: string) {
  const r = deriveFinding(d, id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const only = <T>(xs: readonly T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
};

describe('addCalcifications', () => {
  it('groups the clicked post-lumpectomy group and the suture 9 mm from it into one right-breast finding (the atlas\'s "grouped": within 1 cm)', () => {
    const r1 = clickGroup(rcc, 'R1');
    expect(r1).toHaveLength(6);
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: r1 }, { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R2') });
    expect(d.findings.map((f) => [f.side, f.calcificationIds.length, f.groupedBy])).toEqual([['right', 7, 'proximity']]);
    expect(d.revision).toBe(2);
    expect(new Set(d.calcifications.map((c) => c.id)).size).toBe(7);
  });

  it('starts a new finding for a calcification more than 1 cm from every other on the image, and when joining would make the group wider than 2 cm', () => {
    const [one] = clickGroup(rcc, 'R2');
    if (one === undefined) throw new Error('no suture measured');
    const spacing = rcc.draftImage.calibration.columnSpacingMm as number;
    // The same measured calcification placed further along the row, 8 mm apart each: each is within 1 cm of the last.
    const at = (mmAlong: number): NewCalcification => {
      const c = one.measurements.centre;
      return { ...one, measurements: { ...one.measurements, centre: { x: c.x + mmAlong / spacing, y: c.y } } };
    };
    const chain = apply(sampleDraft([rcc]), ...[0, 8, 16, 24].map((d) => ({ type: 'addCalcifications' as const, imageId: 'RCC', items: [at(d)] })));
    // 0, 8 and 16 mm: extent 16 mm; the fourth at 24 mm would make it 24 mm (> 2 cm): a finding of its own.
    expect(chain.findings.map((f) => f.calcificationIds.length)).toEqual([3, 1]);
    const apart = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: [at(0)] }, { type: 'addCalcifications', imageId: 'RCC', items: [at(10.5)] });
    expect(apart.findings).toHaveLength(2);
    const inside = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: [at(0)] }, { type: 'addCalcifications', imageId: 'RCC', items: [at(9.5)] });
    expect(inside.findings).toHaveLength(1);
  });

  it('joins four clicks on the fine pleomorphic group (extent about 8 mm) into one finding, whichever four and in whatever order', () => {
    const l2 = clickGroup(lcc, 'L2');
    expect(l2).toHaveLength(9);
    for (const pick of [[0, 1, 2, 3], [8, 0, 4, 6], [5, 7, 1, 3], [2, 8, 6, 0]]) {
      const d = apply(sampleDraft([lcc]), ...pick.map((i) => ({ type: 'addCalcifications' as const, imageId: 'LCC', items: [l2[i] as NewCalcification] })));
      expect(d.findings.map((f) => f.calcificationIds.length), String(pick)).toEqual([4]);
    }
  });

  it('adds each later click within the grouping gap to the existing finding instead of making a new one', () => {
    const r1 = clickGroup(rcc, 'R1');
    // Click order: always the calcification nearest to those already clicked.
    const order = [r1[0] as NewCalcification];
    const rest = r1.slice(1);
    const gap = (a: NewCalcification, b: NewCalcification): number => Math.hypot(a.measurements.centre.x - b.measurements.centre.x, a.measurements.centre.y - b.measurements.centre.y);
    while (rest.length > 0) {
      rest.sort((a, b) => Math.min(...order.map((o) => gap(o, a))) - Math.min(...order.map((o) => gap(o, b))));
      order.push(rest.shift() as NewCalcification);
    }
    const d = apply(sampleDraft([rcc]), ...order.map((item) => ({ type: 'addCalcifications' as const, imageId: 'RCC', items: [item] })));
    expect(only(d.findings).calcificationIds).toHaveLength(6);
    expect(d.revision).toBe(6);
  });

  it('derives the count, the size range with its calibration kind and a suggestion from the real measurements', () => {
    const items = clickGroup(lcc, 'L2');
    const d = apply(sampleDraft([lcc]), { type: 'addCalcifications', imageId: 'LCC', items });
    const f = derived(d, only(d.findings).id);
    const sizes = items.map((i) => i.measurements.longAxis.mm as number);
    expect(f.count).toBe(9);
    expect(f.finding.side).toBe('left');
    const [lo, hi] = [Math.min(...sizes), Math.max(...sizes)];
    expect(f.sizeRange).toEqual({ min: lo, max: hi, unit: 'mm', calibration: 'magnification-corrected', words: `${fmtMmWords(lo)}–${fmtMmWords(hi)} mm, magnification-corrected` });
    expect(f.sizeRange.max).toBeLessThan(1);
    // The card's largest size is the wording's: the same digits.
    expect(f.wording).toContain(`up to ${fmtMmWords(hi)} mm`);
    expect(f.facts.count).toBe('9 calcifications');
    expect(f.facts.assessment).toBe(`BI-RADS ${f.suggestion.assessment}`);
    expect(f.suggested.distribution).toEqual(['grouped']);
    expect(f.suggestion.reasons.length).toBeGreaterThan(0);
    expect(f.wording).toMatch(/^Left breast/);
  });

  it('refuses an unknown image and an empty list, leaving the draft as it was', () => {
    const d = sampleDraft([rcc]);
    expect(applyDraftAction(d, { type: 'addCalcifications', imageId: 'nope', items: clickGroup(rcc, 'R2') })).toMatchObject({ ok: false, error: { kind: 'bad-argument' } });
    expect(applyDraftAction(d, { type: 'addCalcifications', imageId: 'RCC', items: [] }).ok).toBe(false);
    expect(d.calcifications).toHaveLength(0);
    expect(d.revision).toBe(0);
  });
});

describe('removing and editing calcifications', () => {
  it('removes one calcification from its finding and the finding with its last calcification', () => {
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R2') });
    const c = only(d.calcifications);
    const gone = apply(d, { type: 'removeCalcification', id: c.id });
    expect(gone.calcifications).toEqual([]);
    expect(gone.findings).toEqual([]);
    expect(applyDraftAction(gone, { type: 'removeCalcification', id: c.id }).ok).toBe(false);
  });

  it('keeps an edited outline with its new measurements and marks it edited', () => {
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R2') });
    const c = only(d.calcifications);
    const bigger = { ...c.measurements, longAxis: { px: c.measurements.longAxis.px * 2, mm: (c.measurements.longAxis.mm as number) * 2 } } as typeof c.measurements;
    const contour = c.contour.map((p) => ({ x: p.x + 1, y: p.y }));
    const e = apply(d, { type: 'editOutline', id: c.id, contour, measurements: bigger });
    const after = only(e.calcifications);
    expect(after.edited).toBe(true);
    expect(after.contour).toEqual(contour);
    expect(derived(e, only(e.findings).id).sizeRange.max).toBeCloseTo(2 * (c.measurements.longAxis.mm as number), 9);
    expect(applyDraftAction(e, { type: 'editOutline', id: c.id, contour: contour.slice(0, 2), measurements: bigger }).ok).toBe(false);
  });
});

describe('grouping edits', () => {
  function twoViews(): ExamDraft {
    return apply(
      sampleDraft([rcc, rmlo, lcc]),
      { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1') },
      { type: 'addCalcifications', imageId: 'RMLO', items: clickGroup(rmlo, 'R1') },
      { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') },
    );
  }

  it('merges the CC and MLO findings of one group, counts on the fuller view and locates it from both views', () => {
    const d = twoViews();
    const right = d.findings.filter((f) => f.side === 'right');
    expect(right.length).toBeGreaterThanOrEqual(2);
    const onCc = derived(d, (right[0] as { id: string }).id);
    expect(onCc.location?.quadrant ?? null).toBeNull();
    const m = apply(d, { type: 'mergeFindings', findingIds: right.map((f) => f.id) });
    const merged = only(m.findings.filter((f) => f.side === 'right'));
    expect(merged.id).toBe((right[0] as { id: string }).id);
    const f = derived(m, merged.id);
    expect(f.count).toBe(6);
    expect(f.countByImage).toEqual({ RCC: 6, RMLO: 6 });
    // Truth: subareolar, anterior third, 1.8 cm from the nipple — judged from both views together.
    expect(f.location?.special).toBe('subareolar');
    expect(f.location?.depth).toBe('anterior');
    expect(f.location?.distanceFromNippleCm).toBeCloseTo(1.82, 0);
    expect(f.location?.evidence.join(' ')).toMatch(/in both views/);
    expect(onCc.location?.special).toBeNull();
    expect(onCc.location?.evidence.join(' ')).toMatch(/one view only/);
  });

  it('refuses to merge findings of different breasts or a single finding', () => {
    const d = twoViews();
    const r = d.findings.find((f) => f.side === 'right');
    const l = d.findings.find((f) => f.side === 'left');
    if (r === undefined || l === undefined) throw new Error('fixture');
    expect(applyDraftAction(d, { type: 'mergeFindings', findingIds: [r.id, l.id] })).toMatchObject({ ok: false });
    expect(applyDraftAction(d, { type: 'mergeFindings', findingIds: [r.id] }).ok).toBe(false);
    expect(applyDraftAction(d, { type: 'mergeFindings', findingIds: [r.id, 'nope'] }).ok).toBe(false);
  });

  it('splits calcifications off into a new finding of the same breast and keeps at least one behind', () => {
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1') }, { type: 'setChange', findingId: 'f1-1', change: { kind: 'stable', years: 2 } });
    const f = only(d.findings);
    const out = f.calcificationIds.slice(0, 2);
    const s = apply(d, { type: 'splitFinding', findingId: f.id, calcificationIds: out });
    expect(s.findings.map((x) => x.calcificationIds.length)).toEqual([4, 2]);
    const split = s.findings[1];
    expect(split?.side).toBe('right');
    expect(split?.change).toEqual({ kind: 'stable', years: 2 });
    expect(applyDraftAction(d, { type: 'splitFinding', findingId: f.id, calcificationIds: f.calcificationIds }).ok).toBe(false);
    expect(applyDraftAction(d, { type: 'splitFinding', findingId: f.id, calcificationIds: ['c99-1'] }).ok).toBe(false);
    expect(applyDraftAction(d, { type: 'splitFinding', findingId: f.id, calcificationIds: [] }).ok).toBe(false);
  });

  it('moves one calcification between findings of one breast and drops the emptied finding', () => {
    const d0 = apply(
      sampleDraft([rcc, lcc]),
      { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1') },
      { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R2') },
    );
    // The suture joins the group by proximity (within 1 cm); the radiologist splits it off, then clicks the left group.
    const joined = only(d0.findings);
    const d = apply(
      d0,
      { type: 'splitFinding', findingId: joined.id, calcificationIds: [joined.calcificationIds[6] as string] },
      { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') },
    );
    const [group, suture, left] = d.findings;
    if (group === undefined || suture === undefined || left === undefined) throw new Error('fixture');
    const sutureCalc = suture.calcificationIds[0] as string;
    const m = apply(d, { type: 'moveCalcification', id: sutureCalc, toFindingId: group.id });
    expect(m.findings.map((f) => f.id)).toEqual([group.id, left.id]);
    expect(m.findings[0]?.calcificationIds).toContain(sutureCalc);
    expect(applyDraftAction(d, { type: 'moveCalcification', id: sutureCalc, toFindingId: left.id }).ok).toBe(false);
    expect(applyDraftAction(d, { type: 'moveCalcification', id: sutureCalc, toFindingId: suture.id }).ok).toBe(false);
  });
});

describe('terms, context and report text', () => {
  function oneGroup(): ExamDraft {
    return apply(sampleDraft([lcc]), { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') });
  }

  it('recomputes the suggestion from an overridden morphology, lists the override and clears it again', () => {
    const d = oneGroup();
    const id = only(d.findings).id;
    const before = derived(d, id);
    // The sample's L2 group is drawn fine pleomorphic and suggested so: override it to amorphous.
    expect(before.suggested.morphology).toContain('fine pleomorphic');
    const o = apply(d, { type: 'overrideTerms', findingId: id, overrides: { morphology: ['amorphous'] } });
    const after = derived(o, id);
    expect(before.suggested.morphology).not.toContain('amorphous');
    expect(after.finding.morphology).toEqual(['amorphous']);
    expect(after.suggestion.assessment).toBe('4B');
    expect(after.overridden).toEqual(['morphology']);
    expect(after.wording).toMatch(/amorphous/);
    const both = apply(o, { type: 'overrideTerms', findingId: id, overrides: { assessment: '4C' } });
    expect(derived(both, id).suggestion.assessment).toBe('4C');
    expect(derived(both, id).overridden).toEqual(['morphology', 'assessment']);
    // What the rules give for the overridden terms, shown beside the radiologist's category: derived in the core with the count.
    expect(derived(both, id).rulesAssessment).toBe('4B');
    expect(after.rulesAssessment).toBe(after.suggestion.assessment);
    const cleared = apply(both, { type: 'clearOverrides', findingId: id, terms: ['morphology', 'assessment'] });
    expect(derived(cleared, id).suggestion.assessment).toBe(before.suggestion.assessment);
    expect(derived(cleared, id).overridden).toEqual([]);
  });

  it('words the change since the prior with its date and refuses a malformed date', () => {
    const d = oneGroup();
    const id = only(d.findings).id;
    const c = apply(d, { type: 'setChange', findingId: id, change: { kind: 'new' } }, { type: 'setPriorDate', date: '2024-03-12' });
    expect(derived(c, id).wording).toMatch(/new since 2024-03-12/);
    expect(applyDraftAction(c, { type: 'setPriorDate', date: '12/03/2024' })).toMatchObject({ ok: false, error: { kind: 'bad-argument' } });
    expect(applyDraftAction(c, { type: 'setChange', findingId: id, change: { kind: 'stable', years: -1 } }).ok).toBe(false);
  });

  it('takes composition, history and a treated-site relation into the suggestion and wording', () => {
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1') });
    const id = only(d.findings).id;
    const history = { ...EMPTY_HISTORY, events: [{ kind: 'lumpectomy' as const, side: 'right' as const, date: '2019', site: 'upper outer quadrant' }] };
    const c = apply(
      d,
      { type: 'setComposition', composition: 'c' },
      { type: 'setHistory', history },
      { type: 'setRelation', findingId: id, relation: '  at the lumpectomy site ' },
      { type: 'overrideTerms', findingId: id, overrides: { morphology: ['dystrophic'] } },
    );
    expect(c.findings[0]?.relation).toBe('at the lumpectomy site');
    const f = derived(c, id);
    expect(f.wording).toMatch(/at the lumpectomy site/);
    expect(f.suggestion.assessment).toBe('2');
    expect(f.suggestion.reasons.join(' ')).toMatch(/lumpectomy/);
    expect(c.composition).toBe('c');
    expect(c.revision).toBe(d.revision + 4);
  });

  it('measures from the radiologist\'s nipple marker rather than the detected nipple, and removes it again', () => {
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1') });
    const id = only(d.findings).id;
    const detected = derived(d, id).location?.distanceFromNippleCm as number;
    const nipple = rcc.draftImage.geometry?.nipple;
    if (nipple === undefined) throw new Error('breast not found');
    const marked = apply(d, { type: 'placeNipple', imageId: 'RCC', point: { x: nipple.x - 108, y: nipple.y } });
    const moved = derived(marked, id).location?.distanceFromNippleCm as number;
    expect(moved).toBeGreaterThan(detected + 0.5);
    const removed = apply(marked, { type: 'placeNipple', imageId: 'RCC', point: null });
    expect(removed.nippleMarkers).toEqual({});
    expect(derived(removed, id).location?.distanceFromNippleCm).toBeCloseTo(detected, 9);
    expect(applyDraftAction(d, { type: 'placeNipple', imageId: 'nope', point: nipple }).ok).toBe(false);
    expect(applyDraftAction(d, { type: 'placeNipple', imageId: 'RCC', point: { x: Number.NaN, y: 1 } }).ok).toBe(false);
  });

  it('keeps the typed report text until it is reset', () => {
    const d = apply(oneGroup(), { type: 'editReportText', text: 'my words' });
    expect(d.reportText).toBe('my words');
    expect(apply(d, { type: 'resetReportText' }).reportText).toBeNull();
  });

  it('refuses actions on a finding that does not exist', () => {
    const d = oneGroup();
    for (const a of [
      { type: 'overrideTerms', findingId: 'nope', overrides: { morphology: ['round'] } },
      { type: 'clearOverrides', findingId: 'nope', terms: ['morphology'] },
      { type: 'setChange', findingId: 'nope', change: { kind: 'new' } },
      { type: 'setRelation', findingId: 'nope', relation: 'x' },
    ] as const) {
      expect(applyDraftAction(d, a)).toMatchObject({ ok: false, error: { kind: 'bad-argument' } });
    }
    expect(deriveFinding(d, 'nope').ok).toBe(false);
  });
});

describe('grouping does not depend on the order of the clicks', () => {
  it('joins findings grouped by proximity when a later click bridges them, in every click order tried', () => {
    const r1 = clickGroup(rcc, 'R1');
    const orders = [r1, [...r1].reverse(), [r1[0], r1[5], r1[2], r1[4], r1[1], r1[3]]] as NewCalcification[][];
    for (const order of orders) {
      const d = apply(sampleDraft([rcc]), ...order.map((item) => ({ type: 'addCalcifications' as const, imageId: 'RCC', items: [item] })));
      expect(d.findings).toHaveLength(1);
      expect(d.findings[0]?.calcificationIds).toHaveLength(6);
      expect(d.findings[0]?.groupedBy).toBe('proximity');
    }
  });

  it('never merges findings the radiologist split, even when a later click lies between them', () => {
    const r1 = clickGroup(rcc, 'R1');
    const last = r1[r1.length - 1] as NewCalcification;
    const d = apply(sampleDraft([rcc]), { type: 'addCalcifications', imageId: 'RCC', items: r1.slice(0, -1) });
    const f = only(d.findings);
    const s = apply(d, { type: 'splitFinding', findingId: f.id, calcificationIds: f.calcificationIds.slice(0, 2) });
    expect(s.findings.map((x) => x.groupedBy)).toEqual(['radiologist', 'radiologist']);
    const after = apply(s, { type: 'addCalcifications', imageId: 'RCC', items: [last] });
    expect(after.findings).toHaveLength(2);
    expect(after.findings.reduce((n, x) => n + x.calcificationIds.length, 0)).toBe(6);
  });
});
