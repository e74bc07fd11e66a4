import type { AssessmentCategory } from '../lexicon.js';
import { CATEGORY_TABLE, overallRank } from './categories.js';

export interface OverallAssessment {
  readonly assessment: AssessmentCategory;
  readonly management: string;
  /** Index of the finding that decided it; null for an exam without findings (negative). */
  readonly decidedBy: number | null;
}

/**
 * The exam's overall assessment: the most urgent of the findings' categories in the order
 * 1 < 2 < 3 < 6 < 0 < 4A < 4B < 4C < 5 (see OVERALL_ORDER for why 0 and 6 sit where they do).
 * An exam without findings is negative (1). Ties go to the first finding.
 */
export function overallAssessment(findings: readonly { readonly assessment: AssessmentCategory }[]): OverallAssessment {
  let best: AssessmentCategory = '1';
  let decidedBy: number | null = null;
  findings.forEach((f, i) => {
    if (decidedBy === null || overallRank(f.assessment) > overallRank(best)) {
      best = f.assessment;
      decidedBy = i;
    }
  });
  return { assessment: best, management: CATEGORY_TABLE[best].management, decidedBy };
}

/** Overall assessment per breast, for reports that give one per side; a bilateral finding counts for both. */
export function overallAssessmentBySide(
  findings: readonly { readonly side: 'right' | 'left' | 'both'; readonly assessment: AssessmentCategory }[],
): { readonly right: OverallAssessment; readonly left: OverallAssessment } {
  const of = (side: 'right' | 'left'): OverallAssessment => {
    const indices = findings.map((f, i) => (f.side === side || f.side === 'both' ? i : -1)).filter((i) => i >= 0);
    const o = overallAssessment(indices.map((i) => findings[i] as { readonly assessment: AssessmentCategory }));
    return { ...o, decidedBy: o.decidedBy === null ? null : (indices[o.decidedBy] ?? null) };
  };
  return { right: of('right'), left: of('left') };
}
