/**
 * The radiologist's clicks on one image: each calcification outlined, measured and described
 * (analyseCalcifications, what the viewer's worker runs per click), and analyzeFinding, one
 * finding on one image derived through the exam draft as every finding is (deriveFinding).
 */
import type { Overrides, OverriddenTerm } from './assess/overrides.js';
import type { DetailedSuggestion } from './assess/suggest-assessment.js';
import { describeMembers } from './describe/on-vessel.js';
import type { DistributionDescription, MorphologyDescription } from './describe/description.js';
import type { MammoImage } from './image.js';
import { defaultChange } from './draft/comparison.js';
import { deriveFinding, imageNotesOf } from './draft/derive-finding.js';
import { sideOfImage } from './draft/draft-lookup.js';
import type { DraftFinding, DraftImage, ExamDraft } from './draft/exam-draft.js';
import { draftImageFrom, newExamDraft } from './draft/new-exam-draft.js';
import { withExamContext } from './draft/with-exam-context.js';
import { calibrationJson, type CalibrationJson } from './info.js';
import {
  EMPTY_HISTORY,
  type BreastComposition,
  type ChangeSincePrior,
  type ClinicalHistory,
  type DistributionTerm,
  type Indication,
  type MorphologyTerm,
} from './lexicon.js';
import { findBreast } from './locate/find-breast.js';
import type { LocatedFinding } from './locate/location.js';
import type { BreastGeometry } from './locate/breast-geometry.js';
import { measureCalcification } from './measure/measure-calcification.js';
import type { CalcificationMeasurements, GroupMeasurements } from './measure/measurements.js';
import type { Finding } from './report/finding.js';
import { err, ok, type Result } from './result.js';
import { segmentAtSeed } from './segment/segment-at-seed.js';
import { searchRegion } from './region-search.js';
import { leftOutWords, type LeftOutDensity } from './left-out-densities.js';
import type { CalcificationOutline } from './segment/outline.js';
import type { PointPx, RectPx } from './units.js';

/** What the radiologist gave for one finding on one image. */
export interface FindingRequest {
  /** Clicked calcifications (x = column, y = row). */
  readonly seeds?: readonly PointPx[];
  /** A rectangle: every calcification inside is added. */
  readonly roi?: RectPx | null;
  /** A freehand outline: every calcification inside is added. */
  readonly polygon?: readonly PointPx[] | null;
  readonly history?: ClinicalHistory;
  readonly change?: ChangeSincePrior;
  readonly composition?: BreastComposition | null;
  /** A nipple marker placed by the radiologist, used instead of the detected nipple. */
  readonly nipple?: PointPx | null;
  /** Terms the radiologist replaced; the suggestion is recomputed from them. */
  readonly overrides?: Overrides;
  /** Relation to a treated site, in words, e.g. "at the lumpectomy site". */
  readonly relation?: string | null;
  /** Date of the prior compared with, YYYY-MM-DD. */
  readonly priorDate?: string | null;
  /** Why the exam is done; missing → null (read as diagnostic). */
  readonly indication?: Indication | null;
  /**
   * When true, a click that outlines nothing (on background, too faint, too large) is left out
   * with a warning naming it instead of failing the whole finding. Default false.
   */
  readonly skipUnusableSeeds?: boolean;
}

/** Suggested terms for one calcification with the evidence, best first. */
export interface AnalysedCalcification {
  readonly x: number;
  readonly y: number;
  readonly longAxisMm: number | null;
  readonly shortAxisMm: number | null;
  readonly areaMm2: number | null;
  readonly longAxisPx: number;
  readonly shortAxisPx: number;
  readonly morphology: readonly MorphologyTerm[];
  readonly confidence: number;
  readonly evidence: readonly string[];
  readonly measurements: CalcificationMeasurements;
  readonly outline: CalcificationOutline;
}

export interface FindingAnalysis {
  readonly calibration: CalibrationJson;
  readonly calcifications: readonly AnalysedCalcification[];
  readonly group: {
    readonly count: number;
    readonly extentMm: number | null;
    readonly extentPx: number;
    readonly morphology: readonly MorphologyTerm[];
    readonly distribution: readonly DistributionTerm[];
    readonly morphologyDescription: MorphologyDescription;
    readonly distributionDescription: DistributionDescription | null;
    readonly measurements: GroupMeasurements;
  };
  readonly location: LocatedFinding | null;
  readonly suggestion: DetailedSuggestion & { readonly overridden: readonly OverriddenTerm[] };
  /** The finding as the report wording reads it (draftReport takes a list of these). */
  readonly finding: Finding;
  readonly wording: string;
  readonly warnings: readonly string[];
  /** What a rectangle or freehand outline found and left out as tissue (region-search.ts). */
  readonly leftOutDensities: readonly LeftOutDensity[];
  /** The one-image exam draft the finding was derived from: what a structured report is written from. */
  readonly draft: ExamDraft;
}

interface Outlined {
  readonly outlines: CalcificationOutline[];
  readonly leftOut: LeftOutDensity[];
}

function outlinesFor(
  image: MammoImage,
  req: FindingRequest,
  warnings: string[],
  measured: Map<CalcificationOutline, CalcificationMeasurements>,
): Result<Outlined> {
  const outlines: CalcificationOutline[] = [];
  const leftOut: LeftOutDensity[] = [];
  for (const seed of req.seeds ?? []) {
    const r = segmentAtSeed(image, seed);
    if (r.ok) outlines.push(r.value);
    else if (req.skipUnusableSeeds === true && r.error.kind !== 'seed-outside-image') warnings.push(`click left out: ${r.error.message}`);
    else return r;
  }
  for (const region of [req.roi ? { roi: req.roi } : null, req.polygon ? { polygon: req.polygon } : null]) {
    if (region === null) continue;
    const r = searchRegion(image, region, measured);
    if (!r.ok) return r;
    outlines.push(...r.value.outlines);
    leftOut.push(...r.value.leftOut);
  }
  const words = leftOutWords(leftOut);
  if (words !== null) warnings.push(words);
  return ok({ outlines: dropRepeats(outlines), leftOut });
}

/** A calcification clicked twice, or clicked and inside a rectangle, counts once. */
function dropRepeats(outlines: readonly CalcificationOutline[]): CalcificationOutline[] {
  const kept: CalcificationOutline[] = [];
  for (const o of outlines) {
    const c = centreOf(o);
    const repeat = kept.some((k) => {
      const m = k.mask;
      const x = Math.floor(c.x) - m.x0;
      const y = Math.floor(c.y) - m.y0;
      return x >= 0 && y >= 0 && x < m.width && y < m.height && m.data[y * m.width + x] === 1;
    });
    if (!repeat) kept.push(o);
  }
  return kept;
}

function centreOf(o: CalcificationOutline): PointPx {
  const n = o.contour.length;
  if (n === 0) return o.seed;
  let x = 0;
  let y = 0;
  for (const p of o.contour) {
    x += p.x;
    y += p.y;
  }
  return { x: x / n, y: y / n };
}

/** The calcifications of a request, each outlined, measured and described on its own. */
export interface AnalysedCalcifications {
  readonly calibration: CalibrationJson;
  readonly calcifications: readonly AnalysedCalcification[];
  readonly warnings: readonly string[];
  /** Densities a rectangle or freehand outline found and left out as tissue (region-search.ts). */
  readonly leftOutDensities: readonly LeftOutDensity[];
}

/**
 * The calcifications a request gives (clicks, rectangle, outline), each outlined, measured and
 * described on its own: the part of analyzeFinding a click needs before the finding it joins is
 * derived again (the viewer's draft does that with every calcification of the finding).
 * @example
 * const r = analyseCalcifications(image, { seeds: [{ x: 410, y: 388 }] });
 * if (r.ok) console.log(r.value.calcifications[0]?.longAxisMm);
 */
export function analyseCalcifications(image: MammoImage, req: FindingRequest): Result<AnalysedCalcifications> {
  const warnings: string[] = [...image.meta.warnings];
  const measured = new Map<CalcificationOutline, CalcificationMeasurements>();
  const outlined = outlinesFor(image, req, warnings, measured);
  if (!outlined.ok) return outlined;
  const { outlines, leftOut } = outlined.value;
  if (outlines.length === 0) {
    const why = [...warnings.filter((w) => w.startsWith('click left out')), leftOutWords(leftOut) ?? ''].filter((w) => w !== '').join('; ');
    return err('seed-on-background', `no calcification found${why ? ` (${why})` : ''}: give a point on a calcification or a region containing some`);
  }
  const ctx = { view: image.meta.view, viewModifiers: image.meta.viewModifiers };
  const ms = outlines.map((outline) => measured.get(outline) ?? measureCalcification(image, outline));
  // Described as the finding's members: one on a vessel another shows reads as that vessel's (describe/on-vessel.ts).
  const described = describeMembers(ms, ctx);
  return ok({
    calibration: calibrationJson(image.calibration),
    calcifications: outlines.map((outline, i) => {
      const m = ms[i] as CalcificationMeasurements;
      const d = described[i] as MorphologyDescription;
      return {
        x: round(m.centre.x, 2),
        y: round(m.centre.y, 2),
        longAxisMm: m.longAxis.mm === null ? null : round(m.longAxis.mm, 3),
        shortAxisMm: m.shortAxis.mm === null ? null : round(m.shortAxis.mm, 3),
        areaMm2: m.area.mm2 === null ? null : round(m.area.mm2, 4),
        longAxisPx: round(m.longAxis.px, 2),
        shortAxisPx: round(m.shortAxis.px, 2),
        morphology: d.terms.map((t) => t.term),
        confidence: d.terms[0]?.confidence ?? 0,
        evidence: d.evidence,
        measurements: m,
        outline,
      };
    }),
    warnings,
    leftOutDensities: leftOut,
  });
}

/**
 * Analyses one finding on one image: the calcifications of the request (analyseCalcifications)
 * as one finding of a one-image exam draft, derived as every finding is (deriveFinding). The
 * change since prior not given is the draft's default (defaultChange: "no priors" without a
 * prior date, "not stated" with one).
 * @example
 * const r = analyzeFinding(image, { seeds: [{ x: 410, y: 388 }, { x: 431, y: 402 }] });
 * if (r.ok) console.log(r.value.suggestion.assessment, r.value.wording);
 */
export function analyzeFinding(image: MammoImage, req: FindingRequest, geometry?: BreastGeometry | null): Result<FindingAnalysis> {
  const analysed = analyseCalcifications(image, req);
  if (!analysed.ok) return analysed;
  const warnings: string[] = [...analysed.value.warnings];
  let geo: BreastGeometry | null = geometry ?? null;
  if (geo === null) {
    const g = findBreast(image, req.nipple ? { nippleMarker: req.nipple } : {});
    if (g.ok) geo = g.value;
    else warnings.push(`location not stated: ${g.error.message}`);
  }
  if (geo) warnings.push(...geo.warnings);

  const imageId = 'image';
  const empty = newExamDraft(image.meta.studyInstanceUid ?? imageId, [draftImageFrom(image, imageId, 'current', geo)]);
  const draft = withExamContext(empty, { composition: req.composition ?? null, history: req.history ?? EMPTY_HISTORY, priorDate: req.priorDate ?? null, indication: req.indication ?? null });
  const calcifications = analysed.value.calcifications.map((c, i) => ({
    id: `c${i + 1}`,
    imageId,
    seed: c.outline.seed,
    contour: c.outline.contour,
    edited: false,
    measurements: c.measurements,
  }));
  const finding: DraftFinding = {
    id: 'f1',
    side: sideOfImage(draft.images[0] as DraftImage),
    calcificationIds: calcifications.map((c) => c.id),
    change: req.change ?? defaultChange(draft),
    overrides: req.overrides ?? {},
    relation: req.relation ?? null,
    groupedBy: 'radiologist',
  };
  const withFinding: ExamDraft = { ...draft, calcifications, findings: [finding] };
  const derived = deriveFinding(withFinding, finding.id);
  if (!derived.ok) return derived;
  const d = derived.value;
  const imageNotes = new Set(imageNotesOf(withFinding.images));
  return ok({
    calibration: analysed.value.calibration,
    calcifications: analysed.value.calcifications,
    group: {
      count: d.count,
      extentMm: d.group.extent.mm === null ? null : round(d.group.extent.mm, 2),
      extentPx: round(d.group.extent.px, 1),
      morphology: d.finding.morphology,
      distribution: d.finding.distribution,
      morphologyDescription: d.morphology,
      distributionDescription: d.distribution,
      measurements: d.group,
    },
    location: d.location,
    suggestion: { ...d.suggestion, overridden: d.overridden },
    finding: d.finding,
    wording: d.wording,
    // The image's own notes are stated once, as read (the derivation names them by image, for exams of several).
    warnings: [...new Set([...warnings, ...d.warnings.filter((w) => !imageNotes.has(w))])],
    leftOutDensities: analysed.value.leftOutDensities,
    draft: withFinding,
  });
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
