/**
 * The panel's view of an exam draft, recomputed from the draft with the core's derivations:
 * every term, suggestion and wording follows the draft at once.
 */
import { applyOverrides, assess } from '../../../src/core/assess/overrides.js';
import { deriveReport } from '../../../src/core/draft/derive-report.js';
import { UNSTATED_CHANGE_FOR_RULES } from '../../../src/core/draft/comparison.js';
import { calcificationsOf, findFinding } from '../../../src/core/draft/draft-lookup.js';
import type { ExamDraft } from '../../../src/core/draft/exam-draft.js';
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
  const report = deriveReport(draft);
  const findings: PanelFinding[] = [];
  for (const d of report.findingsDerived) {
    const f = findFinding(draft, d.id);
    if (f === undefined) continue;
    const { assessment: _set, ...termOverrides } = f.overrides;
    const rules = applyOverrides(
      assess({ ...d.suggested, change: f.change ?? UNSTATED_CHANGE_FOR_RULES, history: draft.history, composition: draft.composition, side: f.side }),
      termOverrides,
    );
    findings.push({
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
      rulesAssessment: rules.suggestion.assessment,
      overridden: d.overridden,
      wording: d.wording,
      relation: f.relation,
      warnings: d.warnings,
    });
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
