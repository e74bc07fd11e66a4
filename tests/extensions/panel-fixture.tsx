/**
 * A panel host for component tests: a real exam draft made by running the core pipeline on a
 * synthetic image, in the extension's draft store; the panel derives findings and report from it
 * as it does in the viewer.
 */
import { CalcificationPanel, type PanelStore } from '../../extensions/calcification/panel/index.js';
import { createDraftStore, type DraftStore } from '../../extensions/calcification/draft-store.js';
import { draftImageFrom } from '../../src/core/draft/new-exam-draft.js';
import { EXAM_DRAFT_SCHEMA, type DraftCalcification, type DraftFinding, type ExamDraft } from '../../src/core/draft/exam-draft.js';
import { analyzeFinding, EMPTY_HISTORY, makeMammoImage, type MammoImage } from '../../src/core/index.js';
import { renderScene, type Shape } from '../core/segment/synthetic.js';

export const SPACING_MM = 0.07;
export const IMAGE_ID = 'synthetic-RCC';

/** Four small calcifications, one elongated: the core calls the group fine pleomorphic. */
export const GROUP: readonly Shape[] = [
  { kind: 'disc', cx: 3, cy: 3, r: 0.2, contrast: 300 },
  { kind: 'disc', cx: 4.2, cy: 3.6, r: 0.25, contrast: 300 },
  { kind: 'disc', cx: 3.5, cy: 4.8, r: 0.18, contrast: 300 },
  { kind: 'ellipse', cx: 5, cy: 5, a: 0.6, b: 0.25, angleDeg: 30, contrast: 300 },
];

export function syntheticImage(opts: { uncalibrated?: boolean } = {}): MammoImage {
  const base = renderScene({ rows: 120, columns: 120, rowSpacingMm: SPACING_MM, columnSpacingMm: SPACING_MM, shapes: GROUP, noise: 6, seed: 2, uncalibrated: opts.uncalibrated ?? false });
  return makeMammoImage({ rows: base.rows, columns: base.columns, stored: base.stored, calibration: base.calibration, meta: { laterality: 'R', view: 'CC', sopInstanceUid: IMAGE_ID } });
}

function centreOf(s: Shape): { x: number; y: number } {
  if (s.kind === 'lines') throw new Error('not used');
  return { x: Math.round(s.cx / SPACING_MM), y: Math.round(s.cy / SPACING_MM) };
}

/** A draft with one finding made of the group's calcifications, as the viewer would record it. */
export function draftFromPipeline(image: MammoImage, over: Partial<ExamDraft> = {}): ExamDraft {
  const seeds = GROUP.map(centreOf);
  const r = analyzeFinding(image, { seeds });
  if (!r.ok) throw new Error(r.error.message);
  const calcifications: DraftCalcification[] = r.value.calcifications.map((c, i) => ({
    id: `calc-${i + 1}`,
    imageId: IMAGE_ID,
    seed: seeds[i] ?? c.outline.seed,
    contour: c.outline.contour,
    edited: false,
    measurements: c.measurements,
  }));
  const finding: DraftFinding = {
    id: 'finding-1',
    side: 'right',
    calcificationIds: calcifications.map((c) => c.id),
    change: { kind: 'no-priors' },
    overrides: {},
    relation: null,
  };
  return {
    schema: EXAM_DRAFT_SCHEMA,
    examKey: '2.25.42',
    images: [draftImageFrom(image, IMAGE_ID, 'current', null)],
    calcifications,
    findings: [finding],
    composition: null,
    history: EMPTY_HISTORY,
    priorDate: null,
    nippleMarkers: {},
    reportText: null,
    revision: 1,
    ...over,
  };
}

/** The extension's draft store over a draft, with every revision it went through. */
export function testStore(initial: ExamDraft): DraftStore & { readonly revisions: ExamDraft[] } {
  const store = createDraftStore(initial);
  const revisions: ExamDraft[] = [];
  store.subscribe(() => revisions.push(store.getState()));
  return Object.assign(store, { revisions });
}

/** The panel over a store, with the synthetic image's pixels for the pictures. */
export function PanelHost(props: { readonly image: MammoImage; readonly store: PanelStore; readonly onDiscard?: () => void }) {
  return (
    <CalcificationPanel
      store={props.store}
      images={(id) => (id === IMAGE_ID ? props.image : null)}
      {...(props.onDiscard ? { onDiscardDraft: props.onDiscard } : {})}
    />
  );
}
