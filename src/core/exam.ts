/**
 * A whole examination from the command line: the radiologist's findings (each clicked on one or
 * more views) and the exam's clinical context → an exam draft, the same model the viewer builds
 * click by click, and its report derived by the one core derivation (deriveReport).
 */
import { analyseCalcifications } from './analyze.js';
import type { Overrides } from './assess/overrides.js';
import { parseChange, parseDistribution, parseKnownCancer, parseList, parseMorphology } from './assess/parse-terms.js';
import { defaultChange } from './draft/comparison.js';
import { deriveFinding } from './draft/derive-finding.js';
import { deriveReport, type DerivedReport } from './draft/derive-report.js';
import { sideOfImage } from './draft/draft-lookup.js';
import type { DraftCalcification, DraftFinding, DraftImage, ExamDraft } from './draft/exam-draft.js';
import { withExamContext } from './draft/with-exam-context.js';
import { draftImageFrom, newExamDraft } from './draft/new-exam-draft.js';
import { parseExamContext, type ExamContext } from './exam-context.js';
import type { MammoImage } from './image.js';
import type { ChangeSincePrior, KnownCancerRelation } from './lexicon.js';
import { findBreast } from './locate/find-breast.js';
import { err, ok, type Result } from './result.js';
import type { PointPx, RectPx } from './units.js';

/** One finding as marked by the radiologist, on one view or on several views of the same breast. */
export interface FindingAnnotation {
  readonly views: readonly { readonly image: string; readonly at: readonly PointPx[]; readonly roi: RectPx | null }[];
  /** Null when the file does not say: the draft's default applies (defaultChange). */
  readonly change: ChangeSincePrior | null;
  readonly relation: string | null;
  readonly overrides: Overrides;
  /** The finding is the biopsy-proven cancer of the history, or next to it; missing → null. */
  readonly knownCancer?: KnownCancerRelation | null;
}

/** The exam's context (parseExamContext, kept whole) and the radiologist's findings. */
export interface ExamAnnotations extends ExamContext {
  readonly findings: readonly FindingAnnotation[];
}

export interface ExamAnalysis {
  /** The exam as the viewer would hold it: one finding per annotated finding, grouped by the radiologist. */
  readonly draft: ExamDraft;
  readonly report: DerivedReport;
  /** Clicks left out, each naming the finding and image (an image's own notes come with each finding derived on it). */
  readonly warnings: readonly string[];
}

/**
 * The exam draft of annotated findings: every view's clicks and regions outlined and measured
 * (analyseCalcifications), each annotated finding one finding of the draft as the radiologist
 * grouped it (never re-grouped by proximity), the change since prior as stated in the file or,
 * when not stated, the draft's default (defaultChange: "no priors" only without a comparison).
 * Draft images are named by file name.
 */
export function examDraftFromAnnotations(images: ReadonlyMap<string, MammoImage>, a: ExamAnnotations): Result<{ draft: ExamDraft; warnings: string[] }> {
  const names = [...new Set(a.findings.flatMap((f) => f.views.map((v) => v.image)))];
  const draftImages: DraftImage[] = [];
  for (const name of names) {
    const image = images.get(name);
    if (image === undefined) return err('bad-argument', `image "${name}" is not in the exam`);
    const geo = findBreast(image);
    draftImages.push(draftImageFrom(image, name, 'current', geo.ok ? geo.value : null));
  }
  const first = names[0] === undefined ? undefined : images.get(names[0]);
  const examKey = first?.meta.studyInstanceUid ?? `files:${names.join('|')}`;
  let draft = withExamContext(newExamDraft(examKey, draftImages), a);
  const warnings: string[] = [];
  for (const [i, f] of a.findings.entries()) {
    const where = `finding ${i + 1}`;
    const calcs: DraftCalcification[] = [];
    let side: DraftFinding['side'] | null = null;
    for (const v of f.views) {
      const image = images.get(v.image) as MammoImage;
      const di = draftImages.find((d) => d.imageId === v.image) as DraftImage;
      const s = sideOfImage(di);
      if (side !== null && s !== side) return err('bad-argument', `${where}: views of the ${side} and ${s} breast cannot be one finding`);
      side = s;
      const r = analyseCalcifications(image, { seeds: v.at, roi: v.roi, skipUnusableSeeds: true });
      if (!r.ok) return err(r.error.kind, `${where}, ${v.image}: ${r.error.message}`);
      // The image's own notes come with the derived finding (deriveFinding: imageNotesOf), once per image.
      warnings.push(...r.value.warnings.filter((w) => !image.meta.warnings.includes(w)).map((w) => `${where}, ${v.image}: ${w}`));
      for (const c of r.value.calcifications) {
        calcs.push({ id: `c${i + 1}-${calcs.length + 1}`, imageId: v.image, seed: c.outline.seed, contour: [...c.outline.contour], edited: false, measurements: c.measurements });
      }
    }
    if (side === null) return err('bad-argument', `${where} has no views`);
    const finding: DraftFinding = {
      id: `f${i + 1}`,
      side,
      calcificationIds: calcs.map((c) => c.id),
      change: f.change ?? defaultChange(draft),
      overrides: f.overrides,
      relation: f.relation,
      knownCancer: f.knownCancer ?? null,
      groupedBy: 'radiologist',
    };
    draft = { ...draft, calcifications: [...draft.calcifications, ...calcs], findings: [...draft.findings, finding] };
  }
  // A finding the draft cannot derive (contradictory context: a procedure dated after the exam,
  // "stable" in a new position …) is an error of the file naming the field, never a finding left out.
  for (const [i, f] of draft.findings.entries()) {
    const d = deriveFinding(draft, f.id);
    if (!d.ok) return err(d.error.kind, `finding ${i + 1}: ${d.error.message}`);
  }
  return ok({ draft, warnings: [...new Set(warnings)] });
}

/**
 * Analyses every finding of an exam: the draft (examDraftFromAnnotations) and its report
 * (deriveReport), exactly as the viewer derives the report of the same draft.
 */
export function analyzeExam(images: ReadonlyMap<string, MammoImage>, a: ExamAnnotations): Result<ExamAnalysis> {
  const built = examDraftFromAnnotations(images, a);
  if (!built.ok) return built;
  return ok({ draft: built.value.draft, report: deriveReport(built.value.draft), warnings: built.value.warnings });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function point(v: unknown, where: string): Result<PointPx> {
  if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return ok({ x: v[0] as number, y: v[1] as number });
  }
  return err('bad-argument', `${where}: a point is [x, y] (column, row)`);
}

/**
 * Reads an annotations document: the exam context (parseExamContext: composition, history,
 * priorDate) and `findings: [{ views: [{ image, at: [[x, y], …], roi? }], change?, relation?, overrides?, knownCancer? }]`.
 */
export function parseExamAnnotations(doc: unknown): Result<ExamAnnotations> {
  if (!isObject(doc)) return err('bad-argument', 'annotations must be a JSON object');
  const context = parseExamContext(doc);
  if (!context.ok) return context;
  const list = doc['findings'];
  if (!Array.isArray(list)) return err('bad-argument', 'annotations need a "findings" list');
  const findings: FindingAnnotation[] = [];
  for (const [i, raw] of list.entries()) {
    const where = `finding ${i + 1}`;
    if (!isObject(raw) || !Array.isArray(raw['views']) || raw['views'].length === 0) return err('bad-argument', `${where}: needs "views": [{ image, at }]`);
    const views: FindingAnnotation['views'][number][] = [];
    for (const v of raw['views'] as unknown[]) {
      if (!isObject(v) || typeof v['image'] !== 'string') return err('bad-argument', `${where}: each view needs an "image" file name`);
      const at: PointPx[] = [];
      for (const p of Array.isArray(v['at']) ? v['at'] : []) {
        const q = point(p, where);
        if (!q.ok) return q;
        at.push(q.value);
      }
      let roi: RectPx | null = null;
      if (v['roi'] !== undefined) {
        const r = v['roi'];
        if (!Array.isArray(r) || r.length !== 4 || !r.every((n) => typeof n === 'number')) return err('bad-argument', `${where}: roi is [x0, y0, x1, y1]`);
        roi = { x0: r[0] as number, y0: r[1] as number, x1: r[2] as number, y1: r[3] as number };
      }
      if (at.length === 0 && roi === null) return err('bad-argument', `${where}, ${v['image']}: give "at" points or a "roi"`);
      views.push({ image: v['image'], at, roi });
    }
    let change: ChangeSincePrior | null = null;
    if (raw['change'] !== undefined && raw['change'] !== null) {
      const c = parseChange(raw['change']);
      if (!c.ok) return c;
      change = c.value;
    }
    const overrides: { morphology?: Overrides['morphology']; distribution?: Overrides['distribution'] } = {};
    const o = raw['overrides'];
    if (isObject(o)) {
      if (o['morphology'] !== undefined) {
        const m = parseList(o['morphology'], 'morphology', parseMorphology);
        if (!m.ok) return m;
        overrides.morphology = m.value;
      }
      if (o['distribution'] !== undefined) {
        const d = parseList(o['distribution'], 'distribution', parseDistribution);
        if (!d.ok) return d;
        overrides.distribution = d.value;
      }
    }
    const relation = typeof raw['relation'] === 'string' ? raw['relation'] : null;
    const knownCancer = parseKnownCancer(raw['knownCancer']);
    if (!knownCancer.ok) return err(knownCancer.error.kind, `findings[${i}].${knownCancer.error.message}`);
    findings.push({ views, change, relation, overrides, knownCancer: knownCancer.value });
  }
  return ok({ ...context.value, findings });
}
