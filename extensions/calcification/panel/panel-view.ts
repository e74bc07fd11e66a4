/**
 * The panel's view of an exam draft, recomputed from the draft with the core's derivations:
 * every term, suggestion and wording follows the draft at once.
 */
import { deriveFinding, type DerivedFinding } from 'calcscribe/draft';
import { deriveReport } from 'calcscribe/draft';
import { calcificationsOf, findFinding, findImage } from 'calcscribe/draft';
import type { DraftFinding, ExamDraft } from 'calcscribe/draft';
import type { Result } from 'calcscribe/core';
import type { PanelFinding, PanelReport } from './panel-model.js';

export interface PanelView {
  /** Right breast first, in the order they were made. */
  readonly findings: readonly PanelFinding[];
  readonly report: PanelReport;
  /** Findings that could not be derived, with why. */
  readonly warnings: readonly string[];
}

/** Derives what the panel shows from a draft. */
export function panelView(draft: ExamDraft): PanelView {
  return viewOf(draft, deriveFinding, () => null, () => undefined);
}

/**
 * Everything a finding's derivation and its panel entry read from the draft: the finding itself,
 * its calcifications and their images (each replaced, never changed, when edited), the nipple
 * markers of those images, the history, the composition, the prior's date and the indication.
 */
function inputsOf(draft: ExamDraft, f: DraftFinding): readonly unknown[] {
  const calcs = calcificationsOf(draft, f);
  const images = calcs.map((c) => findImage(draft, c.imageId));
  return [f, draft.history, draft.composition, draft.priorDate, draft.indication ?? null, calcs.length, ...calcs, ...images, ...images.map((im) => (im === undefined ? undefined : draft.nippleMarkers[im.imageId]))];
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

interface Kept {
  readonly inputs: readonly unknown[];
  readonly derived: Result<DerivedFinding>;
  panel: PanelFinding | null;
}

/**
 * A panelView that keeps each finding's derivation and panel entry while what it is computed from
 * is unchanged: a click that adds a calcification to one finding recomputes that finding (and the
 * report text) only, and the other findings keep their objects, so their cards need not redraw.
 * Gives what panelView gives for every draft.
 */
export function panelViewer(): (draft: ExamDraft) => PanelView {
  let kept = new Map<string, Kept>();
  return (draft) => {
    const now = new Map<string, Kept>();
    const derive = (d: ExamDraft, id: string): Result<DerivedFinding> => {
      const f = findFinding(d, id);
      if (f === undefined) return deriveFinding(d, id);
      const inputs = inputsOf(d, f);
      const before = kept.get(id);
      const entry = before !== undefined && sameInputs(before.inputs, inputs) ? before : { inputs, derived: deriveFinding(d, id), panel: null };
      now.set(id, entry);
      return entry.derived;
    };
    const view = viewOf(
      draft,
      derive,
      (id) => now.get(id)?.panel ?? null,
      (id, p) => {
        const entry = now.get(id);
        if (entry !== undefined) entry.panel = p;
      },
    );
    kept = now;
    return view;
  };
}

function viewOf(
  draft: ExamDraft,
  derive: (draft: ExamDraft, findingId: string) => Result<DerivedFinding>,
  keptPanel: (findingId: string) => PanelFinding | null,
  keep: (findingId: string, p: PanelFinding) => void,
): PanelView {
  const report = deriveReport(draft, derive);
  const findings: PanelFinding[] = [];
  for (const d of report.findingsDerived) {
    const f = findFinding(draft, d.id);
    if (f === undefined) continue;
    const earlier = keptPanel(d.id);
    if (earlier !== null) {
      findings.push(earlier);
      continue;
    }
    const p: PanelFinding = {
      id: d.id,
      side: f.side,
      count: d.count,
      calcifications: calcificationsOf(draft, f),
      morphology: d.finding.morphology,
      distribution: d.finding.distribution,
      morphologyDescription: d.morphology,
      distributionDescription: d.distribution,
      suggestedMorphology: d.suggested.morphology,
      suggestedDistribution: d.suggested.distribution,
      location: d.location,
      change: f.change,
      overrides: f.overrides,
      suggestion: d.suggestion,
      rulesAssessment: d.rulesAssessment,
      overridden: d.overridden,
      wording: d.wording,
      relation: f.relation,
      knownCancer: f.knownCancer ?? null,
      warnings: d.warnings,
      imageNotes: d.imageNotes,
      size: d.sizeRange.words,
      facts: d.facts,
    };
    keep(d.id, p);
    findings.push(p);
  }
  return {
    findings,
    report: {
      suggestedText: report.suggestedText,
      editedText: draft.reportText,
      overallAssessment: report.findingsDerived.length > 0 ? report.overall.assessment : null,
      edited: report.edited,
      differences: report.differences,
    },
    warnings: report.warnings,
  };
}
