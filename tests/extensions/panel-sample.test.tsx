// @vitest-environment jsdom
/**
 * The panel over the bundled sample exam: the right CC image ingested from its DICOM file, the
 * clicks of annotations.json measured by the core, the clinical history of the exam.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CalcificationPanel } from '../../extensions/calcification/panel/index.js';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import { applyDraftAction } from '../../src/core/draft/apply-draft-action.js';
import { deriveReport } from '../../src/core/draft/derive-report.js';
import type { DraftAction } from '../../src/core/draft/draft-action.js';
import type { ExamDraft } from '../../src/core/draft/exam-draft.js';
import { draftImageFrom, newExamDraft } from '../../src/core/draft/new-exam-draft.js';
import { analyzeFinding, findBreast, ingestDicom, type ClinicalHistory, type MammoImage } from '../../src/core/index.js';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../../test-data/sample');

interface Annotations {
  readonly history: ClinicalHistory;
  readonly findings: readonly { readonly views: readonly { readonly image: string; readonly at: readonly (readonly [number, number])[] }[] }[];
}

let image: MammoImage;
let draft: ExamDraft;
let clicks = 0;
beforeAll(async () => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  const ann = JSON.parse(readFileSync(join(SAMPLE, 'annotations.json'), 'utf8')) as Annotations;
  const r = await ingestDicom(new Uint8Array(readFileSync(join(SAMPLE, 'RCC.dcm'))));
  if (!r.ok) throw new Error(r.error.message);
  image = r.value;
  const geometry = findBreast(image);
  const view = ann.findings.flatMap((f) => f.views).find((v) => v.image === 'RCC.dcm');
  if (view === undefined) throw new Error('no RCC clicks in annotations.json');
  const seeds = view.at.map(([x, y]) => ({ x, y }));
  clicks = seeds.length;
  const analysed = analyzeFinding(image, { seeds }, geometry.ok ? geometry.value : null);
  if (!analysed.ok) throw new Error(analysed.error.message);
  const actions: DraftAction[] = [
    { type: 'addCalcifications', imageId: 'RCC', items: analysed.value.calcifications.map((c, i) => ({ seed: seeds[i] ?? c.outline.seed, contour: c.outline.contour, measurements: c.measurements })) },
    { type: 'setHistory', history: ann.history },
    { type: 'setComposition', composition: 'b' },
  ];
  let d = newExamDraft(image.meta.studyInstanceUid ?? 'sample', [draftImageFrom(image, 'RCC', 'current', geometry.ok ? geometry.value : null)]);
  for (const a of actions) {
    const next = applyDraftAction(d, a);
    if (!next.ok) throw new Error(next.error.message);
    d = next.value;
  }
  draft = d;
});
afterEach(() => cleanup());

describe('CalcificationPanel on the sample exam', () => {
  it('shows every clicked calcification with magnification-corrected sizes, location and the derived category', () => {
    render(<CalcificationPanel store={createDraftStore(draft)} images={() => image} />);
    const cards = within(screen.getByTestId('side-right')).getAllByTestId('finding');
    const counts = cards.map((c) => Number(/^(\d+) calcification/.exec(within(c).getByTestId('finding-count').textContent ?? '')?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(clicks);
    for (const c of cards) {
      expect(within(c).getByTestId('finding-size').textContent).toMatch(/^\d+\.\d(–\d+\.\d)? mm, magnification-corrected$/);
      expect(within(c).getByTestId('finding-location').textContent).toMatch(/^Right breast, .*cm from the nipple$/);
    }
    const report = deriveReport(draft);
    expect(cards.map((c) => within(c).getByTestId('assessment').textContent)).toEqual(report.findingsDerived.map((f) => `BI-RADS ${f.suggestion.assessment}`));
    expect(cards.map((c) => within(c).getByTestId('wording').textContent)).toEqual(report.findingsDerived.map((f) => f.wording));
    const text = (screen.getByTestId('report-text') as HTMLTextAreaElement).value;
    expect(text).toBe(report.suggestedText);
    expect(text).toMatch(/^Breast composition: .*scattered/i);
    expect((screen.getByLabelText('Site of event 1') as HTMLInputElement).value).toBe('upper outer quadrant');
  });
});
