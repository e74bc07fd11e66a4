/**
 * The sample exam as the viewer builds it and as the command line prints it: each click of
 * annotations.json analysed alone as the viewer's worker does (analyseCalcifications), added to the
 * viewer's draft store as the viewer adds it (grouped by the core's rule), then regrouped by hand,
 * with the change, relation and overrides set as a radiologist sets them in the panel. The exam's
 * clinical context reaches the viewer's new draft through the same core parse (parseExamContext).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDraftStore, type DraftStore } from '../../extensions/calcification/draft-store.js';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { draftImageFrom, newExamDraft, withExamContext, type DraftAction, type DraftImage, type ExamDraft } from '../../src/core/draft/index.js';
import { parseExamAnnotations, type FindingAnnotation } from '../../src/core/exam.js';
import { parseExamContext } from '../../src/core/exam-context.js';
import { findBreast, ingestDicom, type MammoImage } from '../../src/core/index.js';

// The project folder (a path, not a URL: the browser-like test environment has its own URL).
const root = `${join(dirname(fileURLToPath(import.meta.url)), '../..')}/`;
const sample = `${root}test-data/sample/`;

/** What `calcscribe ARGS` prints (the bundle `npm run build` made), run from the project folder. */
export function cli(args: string[]): string {
  if (!existsSync(`${root}dist/cli/main.js`)) throw new Error('dist/cli/ is missing: run `npm run build` (npm test does it first)');
  const r = spawnSync(process.execPath, [`${root}bin/calcscribe.js`, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`calcscribe ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function must(r: { ok: true; value: ExamDraft } | { ok: false; error: { message: string } }, what: string): ExamDraft {
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value;
}

interface Loaded {
  readonly file: string;
  readonly image: MammoImage;
  readonly draftImage: DraftImage;
}

/** The sample's images as the viewer loads them: every file of exam.json, named in the draft by SOP Instance UID. */
async function loadAsViewer(): Promise<Loaded[]> {
  const desc = JSON.parse(readFileSync(`${sample}exam.json`, 'utf8')) as { studies: { role: 'current' | 'prior'; images: { file: string }[] }[] };
  const out: Loaded[] = [];
  for (const study of desc.studies) {
    for (const { file } of study.images) {
      const r = await ingestDicom(new Uint8Array(readFileSync(`${sample}${file}`)));
      if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
      const geo = findBreast(r.value);
      const id = r.value.meta.sopInstanceUid ?? `file:${file}`;
      out.push({ file, image: r.value, draftImage: draftImageFrom(r.value, id, study.role, geo.ok ? geo.value : null) });
    }
  }
  return out;
}

/** The calcifications of one annotated view, clicked one by one (a rectangle: its calcifications in one step, together). */
function click(store: DraftStore, view: FindingAnnotation['views'][number], loaded: Loaded): string[] {
  const before = new Set(store.getState().calcifications.map((c) => c.id));
  const requests = [...view.at.map((seed) => ({ seeds: [seed] })), ...(view.roi === null ? [] : [{ roi: view.roi }])];
  for (const req of requests) {
    const r = analyseCalcifications(loaded.image, req);
    if (!r.ok) continue; // the viewer shows why and adds nothing
    const items = r.value.calcifications.map((c) => ({ seed: 'seeds' in req ? (req.seeds[0] as { x: number; y: number }) : c.outline.seed, contour: c.outline.contour, measurements: c.measurements }));
    must(store.dispatch({ type: 'addCalcifications', imageId: loaded.draftImage.imageId, items, ...('roi' in req ? { together: true } : {}) }), 'click');
  }
  return store.getState().calcifications.filter((c) => !before.has(c.id)).map((c) => c.id);
}

/** What the radiologist does in the panel so that exactly these calcifications are one finding: split off the others, merge the rest. */
function regroup(store: DraftStore, ids: readonly string[], handActions: DraftAction['type'][]): string {
  const mine = new Set(ids);
  for (const f of store.getState().findings) {
    const ours = f.calcificationIds.filter((c) => mine.has(c));
    if (ours.length > 0 && ours.length < f.calcificationIds.length) {
      must(store.dispatch({ type: 'splitFinding', findingId: f.id, calcificationIds: ours }), 'split');
      handActions.push('splitFinding');
    }
  }
  const holding = store.getState().findings.filter((f) => f.calcificationIds.some((c) => mine.has(c))).map((f) => f.id);
  if (holding.length > 1) {
    must(store.dispatch({ type: 'mergeFindings', findingIds: holding }), 'merge');
    handActions.push('mergeFindings');
  }
  const f = store.getState().findings.find((x) => x.calcificationIds.some((c) => mine.has(c)));
  if (f === undefined) throw new Error('no finding holds the clicked calcifications');
  return f.id;
}

/** The viewer's draft store after the sample's clicks and the radiologist's grouping, and the hand actions it took. */
export async function sampleViewerStore(): Promise<{ readonly store: DraftStore; readonly handActions: readonly DraftAction['type'][] }> {
  const doc = JSON.parse(readFileSync(`${sample}annotations.json`, 'utf8')) as unknown;
  const annotations = parseExamAnnotations(doc);
  const context = parseExamContext(doc);
  if (!annotations.ok || !context.ok) throw new Error('annotations.json could not be read');
  const loaded = await loadAsViewer();
  const current = loaded.filter((l) => l.draftImage.role === 'current');
  const examKey = current.find((l) => l.image.meta.studyInstanceUid !== null)?.image.meta.studyInstanceUid ?? 'sample';
  const store = createDraftStore(withExamContext(newExamDraft(examKey, loaded.map((l) => l.draftImage)), context.value));
  const handActions: DraftAction['type'][] = [];
  for (const f of annotations.value.findings) {
    const ids = f.views.flatMap((v) => {
      const l = current.find((x) => x.file === v.image);
      if (l === undefined) throw new Error(`${v.image} is not a current image of the sample`);
      return click(store, v, l);
    });
    const id = regroup(store, ids, handActions);
    if (f.change !== null) must(store.dispatch({ type: 'setChange', findingId: id, change: f.change }), 'change');
    if (f.relation !== null) must(store.dispatch({ type: 'setRelation', findingId: id, relation: f.relation }), 'relation');
    if (Object.keys(f.overrides).length > 0) must(store.dispatch({ type: 'overrideTerms', findingId: id, overrides: f.overrides }), 'overrides');
  }
  return { store, handActions };
}
