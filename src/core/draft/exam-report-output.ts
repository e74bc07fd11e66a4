/**
 * The exam report as the command line prints it (`calcscribe exam`, text and --json), derived
 * from an exam draft by deriveReport: the same words and numbers whichever host built the draft
 * (the command line from annotations.json, the viewer click by click).
 */
import { describeCalibration } from '../info.js';
import { codedReport } from '../report/render-json.js';
import { deriveReport, type DerivedReport } from './derive-report.js';
import type { DerivedFinding } from './derive-finding.js';
import { calcificationsOf, calibrationOf, findFinding, findImage, imageLabel } from './draft-lookup.js';
import type { DraftCalcification, DraftFinding, DraftImage, ExamDraft } from './exam-draft.js';

/** The finding's calcifications by image, images in the order the finding first shows them. */
function byImage(draft: ExamDraft, d: DerivedFinding): { image: DraftImage; calcs: DraftCalcification[] }[] {
  const f = findFinding(draft, d.id);
  if (f === undefined) return [];
  const out: { image: DraftImage; calcs: DraftCalcification[] }[] = [];
  for (const c of calcificationsOf(draft, f)) {
    const image = findImage(draft, c.imageId);
    if (image === undefined) continue;
    const entry = out.find((e) => e.image === image);
    if (entry === undefined) out.push({ image, calcs: [c] });
    else entry.calcs.push(c);
  }
  return out;
}

/**
 * The caller's warnings (e.g. clicks left out), the report's, the images' notes (each names its
 * image, stated once however many findings are measured on it), then each finding's own, naming
 * the finding; once each.
 */
function warningsOf(report: DerivedReport, extra: readonly string[]): string[] {
  const images = report.findingsDerived.flatMap((d) => d.imageNotes);
  const own = report.findingsDerived.flatMap((d, i) => d.warnings.filter((w) => !d.imageNotes.includes(w)).map((w) => `finding ${i + 1}: ${w}`));
  return [...new Set([...extra, ...report.warnings, ...images, ...own])];
}

/**
 * The report as text: per finding and image the count and long axes with the image's calibration,
 * the suggested category with its reasons, the warnings, then the draft report.
 */
export function examReportText(draft: ExamDraft, extraWarnings: readonly string[] = []): string {
  const report = deriveReport(draft);
  const lines: string[] = ['Measurements (calibration shown for each image):'];
  for (const [i, d] of report.findingsDerived.entries()) {
    for (const { image, calcs } of byImage(draft, d)) {
      const sizes = calcs.map((c) => (c.measurements.longAxis.mm === null ? `${c.measurements.longAxis.px.toFixed(1)} px` : `${c.measurements.longAxis.mm.toFixed(2)} mm`));
      lines.push(`  finding ${i + 1}, ${imageLabel(image)}: ${calcs.length} calcification(s), long axes ${sizes.join(', ')}`);
      lines.push(`    calibration ${describeCalibration(calibrationOf(image), image)}`);
    }
    lines.push(`    suggested BI-RADS ${d.suggestion.assessment}: ${d.suggestion.reasons.join('; ')}`);
  }
  const warnings = warningsOf(report, extraWarnings);
  if (warnings.length > 0) lines.push('', 'Warnings:', ...warnings.map((w) => `  ${w}`));
  lines.push('', 'Draft report (suggested wording — to be reviewed and signed by the radiologist):', '', report.text);
  return lines.join('\n');
}

/** What deriveReport adds for the panel (the derived findings, the exam it read, the line changes, the warnings, the findings left out): not report sections. */
const DRAFT_ONLY: ReadonlySet<string> = new Set(['findingsDerived', 'exam', 'differences', 'warnings', 'leftOut']);

const SIDE_ORDER = { right: 0, left: 1, both: 2 } as const;

/**
 * The draft as the report JSON carries it, so that a report (`calcscribe report`) can be written
 * from the JSON alone: everything the radiologist made (every finding, the report leaves out or
 * not, every calcification with its outline, seed and measurements, the overrides, the exam's
 * context and the typed text) and each image's DICOM header, named the same way whichever host
 * built the draft — images by SOP Instance UID (else their draft id), findings `f1`… in report
 * order, calcifications `c1`… in the order of their findings; only the images holding
 * calcifications (in the order of their calcifications) or a nipple marker; no revision counter
 * (the host's autosave order).
 */
export function portableDraft(draft: ExamDraft): Omit<ExamDraft, 'revision'> {
  const findings = [...draft.findings].sort((a, b) => SIDE_ORDER[a.side] - SIDE_ORDER[b.side]);
  const inFindings = findings.flatMap((f) => f.calcificationIds);
  const calcOrder = [...new Set([...inFindings, ...draft.calcifications.map((c) => c.id)])];
  const calcIds = new Map(calcOrder.map((id, i) => [id, `c${i + 1}`]));
  const calcs = calcOrder.flatMap((id) => draft.calcifications.filter((c) => c.id === id).slice(0, 1));
  // Images in the order their calcifications come, then those holding only a nipple marker.
  const order = [...new Set([...calcs.map((c) => c.imageId), ...draft.images.map((i) => i.imageId).filter((id) => id in draft.nippleMarkers)])];
  const kept = order.flatMap((id) => draft.images.filter((i) => i.imageId === id).slice(0, 1));
  const imageIds = new Map<string, string>();
  for (const i of kept) {
    const uid = i.dicom?.sopInstanceUid ?? null;
    imageIds.set(i.imageId, uid !== null && ![...imageIds.values()].includes(uid) ? uid : i.imageId);
  }
  const imageId = (id: string): string => imageIds.get(id) ?? id;
  return {
    schema: draft.schema,
    examKey: draft.examKey,
    images: kept.map((i) => ({ ...i, imageId: imageId(i.imageId) })),
    calcifications: calcs.map((c): DraftCalcification => ({ ...c, id: calcIds.get(c.id) ?? c.id, imageId: imageId(c.imageId) })),
    // Fields in one order whichever host made the finding; knownCancer absent (older drafts, the viewer's new findings) and null say the same: written null.
    findings: findings.map(
      (f, i): DraftFinding => ({
        id: `f${i + 1}`,
        side: f.side,
        calcificationIds: f.calcificationIds.map((id) => calcIds.get(id) ?? id),
        change: f.change,
        overrides: f.overrides,
        relation: f.relation,
        ...(f.groupedBy === undefined ? {} : { groupedBy: f.groupedBy }),
        knownCancer: f.knownCancer ?? null,
      }),
    ),
    composition: draft.composition,
    history: draft.history,
    priorDate: draft.priorDate,
    indication: draft.indication ?? null,
    nippleMarkers: Object.fromEntries(Object.entries(draft.nippleMarkers).filter(([id]) => imageIds.has(id)).map(([id, p]) => [imageId(id), p])),
    reportText: draft.reportText,
  };
}

/**
 * The report as JSON: the `exam --json` contract and the viewer's "Export JSON", the same bytes
 * for the same draft whichever host built it (docs/report.md, "The report as JSON").
 *
 * - `examKey`: the exam's Study Instance UID (or the files it was read from).
 * - `findings`, in report order: the views (image labels) with the calcifications counted on each
 *   (`countByView`), the first view's calibration, `count` (the view with the most
 *   calcifications), `size` (the range the finding's card shows, with its words), the terms in
 *   force, the terms the radiologist `overridden`, the location and the suggestion.
 * - `report`: the report sections; `text` is the radiologist's text when edited (`edited`), with
 *   `suggestedText` beside it.
 * - `coded`: the same report with the code (SCT / DCM) beside every term, each finding's evidence,
 *   rules, differential, change and follow-up (renderReportJson's content).
 * - `warnings`: the caller's, the derivation's, each image's notes once (naming the image), then each
 *   finding's own (naming the finding).
 * - `draft`: the draft itself (portableDraft), with each image's DICOM header: what
 *   `calcscribe report` writes the structured report from (readFindingsJson).
 */
export function examReportJson(draft: ExamDraft, extraWarnings: readonly string[] = []): string {
  const report = deriveReport(draft);
  const sections = Object.fromEntries(Object.entries(report).filter(([k]) => !DRAFT_ONLY.has(k)));
  return JSON.stringify({
    examKey: draft.examKey,
    findings: report.findingsDerived.map((d) => {
      const views = byImage(draft, d);
      const first = views[0]?.image;
      return {
        views: views.map((v) => imageLabel(v.image)),
        countByView: views.map((v) => v.calcs.length),
        calibration: first === undefined ? null : { ...first.calibration },
        count: d.count,
        size: d.sizeRange,
        morphology: d.finding.morphology,
        distribution: d.finding.distribution,
        overridden: d.overridden,
        location: d.finding.location,
        suggestion: { assessment: d.suggestion.assessment, management: d.suggestion.management, reasons: d.suggestion.reasons },
      };
    }),
    report: sections,
    coded: codedReport(report.exam, report),
    warnings: warningsOf(report, extraWarnings),
    draft: portableDraft(draft),
  });
}
