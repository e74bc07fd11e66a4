/**
 * A whole examination: the radiologist's findings (each clicked on one or more views), exam-level
 * context (composition, history, prior date) → one analysis per finding and the draft report.
 */
import { analyzeFinding, type FindingAnalysis } from './analyze.js';
import type { Overrides } from './assess/overrides.js';
import { parseChange, parseComposition, parseDistribution, parseHistory, parseIndication, parseList, parseMorphology } from './assess/parse-terms.js';
import type { MammoImage } from './image.js';
import type { BreastComposition, ChangeSincePrior, ClinicalHistory, Indication } from './lexicon.js';
import { combineViews } from './locate/combine-views.js';
import { draftReport, type DraftReport } from './report/draft-report.js';
import type { Finding } from './report/finding.js';
import { err, ok, type Result } from './result.js';
import type { PointPx, RectPx } from './units.js';

/** One finding as marked by the radiologist, on one view or on several views of the same breast. */
export interface FindingAnnotation {
  readonly views: readonly { readonly image: string; readonly at: readonly PointPx[]; readonly roi: RectPx | null }[];
  readonly change: ChangeSincePrior;
  readonly relation: string | null;
  readonly overrides: Overrides;
}

export interface ExamAnnotations {
  readonly composition: BreastComposition | null;
  readonly history: ClinicalHistory;
  readonly priorDate: string | null;
  /** Why the exam is done; missing → null (diagnostic). */
  readonly indication?: Indication | null;
  readonly findings: readonly FindingAnnotation[];
}

export interface ExamAnalysis {
  readonly findings: readonly { readonly annotation: FindingAnnotation; readonly views: readonly FindingAnalysis[]; readonly finding: Finding }[];
  readonly report: DraftReport;
  /** Everything left out or doubtful, each naming the finding and image. */
  readonly warnings: readonly string[];
}

/**
 * Analyses every finding; the first view gives the measurements and terms, a CC + MLO pair gives
 * the clock face and quadrant.
 */
export function analyzeExam(images: ReadonlyMap<string, MammoImage>, a: ExamAnnotations): Result<ExamAnalysis> {
  const out: ExamAnalysis['findings'][number][] = [];
  const warnings: string[] = [];
  for (const [i, f] of a.findings.entries()) {
    const views: FindingAnalysis[] = [];
    for (const v of f.views) {
      const image = images.get(v.image);
      if (image === undefined) return err('bad-argument', `finding ${i + 1}: image "${v.image}" is not in the exam`);
      const r = analyzeFinding(image, {
        seeds: v.at,
        roi: v.roi,
        history: a.history,
        change: f.change,
        composition: a.composition,
        overrides: f.overrides,
        relation: f.relation,
        priorDate: a.priorDate,
        indication: a.indication ?? null,
        skipUnusableSeeds: true,
      });
      if (!r.ok) return err(r.error.kind, `finding ${i + 1}, ${v.image}: ${r.error.message}`);
      views.push(r.value);
      warnings.push(...r.value.warnings.map((w) => `finding ${i + 1}, ${v.image}: ${w}`));
    }
    const first = views[0];
    if (first === undefined) return err('bad-argument', `finding ${i + 1} has no views`);
    let finding = first.finding;
    const cc = views.find((v) => v.viewLocation?.view === 'CC' || v.viewLocation?.view === 'XCCL')?.viewLocation;
    const lat = views.find((v) => v.viewLocation?.view === 'MLO' || v.viewLocation?.view === 'ML' || v.viewLocation?.view === 'LM')?.viewLocation;
    if (cc && lat && (finding.side === 'right' || finding.side === 'left')) {
      const both = combineViews(cc, lat, finding.side);
      if (both.ok) finding = { ...finding, location: both.value };
    }
    out.push({ annotation: f, views, finding });
  }
  const report = draftReport({ composition: a.composition, findings: out.map((f) => f.finding), priorDate: a.priorDate });
  return ok({ findings: out, report, warnings: [...new Set(warnings)] });
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
 * Reads an annotations document:
 * `{ composition?, history?, priorDate?, findings: [{ views: [{ image, at: [[x, y], …], roi? }], change?, relation?, overrides? }] }`.
 */
export function parseExamAnnotations(doc: unknown): Result<ExamAnnotations> {
  if (!isObject(doc)) return err('bad-argument', 'annotations must be a JSON object');
  const composition = parseComposition(doc['composition']);
  if (!composition.ok) return composition;
  const history = parseHistory(doc['history']);
  if (!history.ok) return history;
  const indication = parseIndication(doc['indication']);
  if (!indication.ok) return indication;
  const priorDate = doc['priorDate'];
  if (priorDate !== undefined && priorDate !== null && typeof priorDate !== 'string') return err('bad-argument', 'priorDate must be a date string');
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
    const change = parseChange(raw['change'] ?? 'no-priors');
    if (!change.ok) return change;
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
    findings.push({ views, change: change.value, relation, overrides });
  }
  return ok({ composition: composition.value, history: history.value, priorDate: (priorDate as string | undefined) ?? null, indication: indication.value, findings });
}
