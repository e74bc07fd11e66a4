/**
 * The panel's view kept between revisions (panelViewer) against the view derived afresh
 * (panelView) over a radiologist's session on the sample exam: the same view at every step, and a
 * finding not touched by a step keeps its object (its card is not drawn again).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { panelView, panelViewer } from '../../extensions/calcification/panel/panel-view.js';
import { applyDraftAction, type DraftAction, type ExamDraft, type NewCalcification } from '../../src/core/draft/index.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from '../core/draft/sample-exam.js';

let rcc: SampleImage;
let rmlo: SampleImage;
let lcc: SampleImage;
beforeAll(async () => {
  [rcc, rmlo, lcc] = await Promise.all([loadSampleImage('RCC'), loadSampleImage('RMLO'), loadSampleImage('LCC')]);
});

function apply(draft: ExamDraft, a: DraftAction): ExamDraft {
  const r = applyDraftAction(draft, a);
  if (!r.ok) throw new Error(`${a.type}: ${r.error.message}`);
  return r.value;
}

const one = (items: readonly NewCalcification[], i: number): NewCalcification[] => [items[i] as NewCalcification];

describe('panelViewer', () => {
  it('gives the fresh view at every step and keeps the findings a step did not touch', () => {
    const r1 = clickGroup(rcc, 'R1');
    const r2 = clickGroup(rcc, 'R2');
    const l2 = clickGroup(lcc, 'L2');
    const r1mlo = clickGroup(rmlo, 'R1');
    expect(r1.length).toBeGreaterThanOrEqual(3);
    expect(l2.length).toBeGreaterThanOrEqual(3);
    const viewer = panelViewer();
    let draft = sampleDraft([rcc, rmlo, lcc]);
    let before = viewer(draft);
    expect(before).toEqual(panelView(draft));
    // Each step; 'context' when it changes what every finding is read with (composition, prior's date, a view added).
    const steps: { action: (d: ExamDraft) => DraftAction; context?: true }[] = [
      { action: () => ({ type: 'addCalcifications', imageId: 'RCC', items: one(r1, 0) }) },
      { action: () => ({ type: 'addCalcifications', imageId: 'LCC', items: one(l2, 0) }) },
      { action: () => ({ type: 'addCalcifications', imageId: 'RCC', items: one(r2, 0) }) },
      ...r1.slice(1).map((_, i) => ({ action: (): DraftAction => ({ type: 'addCalcifications', imageId: 'RCC', items: one(r1, i + 1) }) })),
      ...l2.slice(1).map((_, i) => ({ action: (): DraftAction => ({ type: 'addCalcifications', imageId: 'LCC', items: one(l2, i + 1) }) })),
      { action: () => ({ type: 'addCalcifications', imageId: 'RMLO', items: r1mlo }) },
      { action: (d) => ({ type: 'overrideTerms', findingId: findingWith(d, 'LCC', 0), overrides: { morphology: ['fine pleomorphic'] } }) },
      { action: () => ({ type: 'setComposition', composition: 'c' }), context: true },
      { action: (d) => ({ type: 'setRelation', findingId: findingWith(d, 'RCC', 0), relation: 'at the lumpectomy site' }) },
      { action: (d) => ({ type: 'editOutline', id: calcificationsOn(d, 'RCC')[0] as string, contour: (r2[0] as NewCalcification).contour, measurements: (r2[0] as NewCalcification).measurements }) },
      { action: () => ({ type: 'placeNipple', imageId: 'LCC', point: { x: 40, y: 500 } }) },
      { action: (d) => ({ type: 'removeCalcification', id: calcificationsOn(d, 'LCC')[1] as string }) },
      { action: () => ({ type: 'setPriorDate', date: '2024-03-01' }), context: true },
    ];
    let kept = 0;
    let derivedAgain = 0;
    for (const step of steps) {
      const a = step.action(draft);
      const earlierDraft = draft;
      draft = apply(draft, a);
      const view = viewer(draft);
      expect(view, a.type).toEqual(panelView(draft));
      for (const f of view.findings) {
        const earlier = before.findings.find((b) => b.id === f.id);
        if (earlier === undefined || step.context === true) continue;
        // A finding is untouched when the step left it, its calcifications and its images' nipple markers as they were.
        const was = earlierDraft.findings.find((x) => x.id === f.id);
        const is = draft.findings.find((x) => x.id === f.id);
        const markers = (d: ExamDraft): string => JSON.stringify(f.calcifications.map((c) => d.nippleMarkers[c.imageId] ?? null));
        const calcs = (d: ExamDraft): unknown[] => (d.findings.find((x) => x.id === f.id)?.calcificationIds ?? []).map((id) => d.calcifications.find((c) => c.id === id));
        const untouched = was === is && markers(earlierDraft) === markers(draft) && calcs(earlierDraft).every((c, i) => c === calcs(draft)[i]);
        if (untouched) {
          expect(f, `${a.type}: finding ${f.id} kept`).toBe(earlier);
          kept++;
        } else {
          expect(f, `${a.type}: finding ${f.id} derived again`).not.toBe(earlier);
          derivedAgain++;
        }
      }
      before = view;
    }
    expect(kept).toBeGreaterThan(5);
    expect(derivedAgain).toBeGreaterThan(5);
    expect(before.findings.length).toBeGreaterThanOrEqual(3);
  });
});

function calcificationsOn(d: ExamDraft, imageId: string): string[] {
  return d.calcifications.filter((c) => c.imageId === imageId).map((c) => c.id);
}

/** The finding holding the i-th calcification of an image. */
function findingWith(d: ExamDraft, imageId: string, i: number): string {
  const id = calcificationsOn(d, imageId)[i];
  const f = d.findings.find((x) => id !== undefined && x.calcificationIds.includes(id));
  if (f === undefined) throw new Error(`no finding holds calcification ${i} of ${imageId}`);
  return f.id;
}
