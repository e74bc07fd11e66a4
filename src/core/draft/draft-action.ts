/**
 * Everything the radiologist can do to an exam draft, as plain data: one action per gesture in
 * the viewer (click a calcification, merge two findings, override a term, type in the report …).
 */
import type { Overrides, OverriddenTerm } from '../assess/overrides.js';
import type { BreastComposition, ChangeSincePrior, ClinicalHistory, Indication, KnownCancerRelation } from '../lexicon.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { PointPx } from '../units.js';

/** One calcification as segmented and measured on an image. */
export interface NewCalcification {
  /** Where the radiologist clicked (stored-image pixels). */
  readonly seed: PointPx;
  readonly contour: readonly PointPx[];
  readonly measurements: CalcificationMeasurements;
}

/** One radiologist action on the draft, discriminated by `type` (see applyDraftAction). */
export type DraftAction =
  /**
   * Adds calcifications of one image; they join findings by the proximity rule (GROUPING_RULE).
   * `together` (the calcifications of one rectangle or lasso): they also end in one finding — the
   * findings they start or join are merged as by 'mergeFindings' — all in this one step, so one
   * undo takes the whole region back.
   */
  | { readonly type: 'addCalcifications'; readonly imageId: string; readonly items: readonly NewCalcification[]; readonly together?: boolean }
  | { readonly type: 'removeCalcification'; readonly id: string }
  /** The radiologist redrew an outline; the new measurements come with it. */
  | { readonly type: 'editOutline'; readonly id: string; readonly contour: readonly PointPx[]; readonly measurements: CalcificationMeasurements }
  /** Joins findings of one breast into the first one listed. */
  | { readonly type: 'mergeFindings'; readonly findingIds: readonly string[] }
  /** Takes some calcifications out of a finding into a new finding. */
  | { readonly type: 'splitFinding'; readonly findingId: string; readonly calcificationIds: readonly string[] }
  | { readonly type: 'moveCalcification'; readonly id: string; readonly toFindingId: string }
  /** Replaces terms of a finding (merged with earlier overrides). */
  | { readonly type: 'overrideTerms'; readonly findingId: string; readonly overrides: Overrides }
  /** Goes back to the suggested value of the named terms. */
  | { readonly type: 'clearOverrides'; readonly findingId: string; readonly terms: readonly OverriddenTerm[] }
  /** Null: not stated (only when the exam has a comparison exam). */
  | { readonly type: 'setChange'; readonly findingId: string; readonly change: ChangeSincePrior | null }
  | { readonly type: 'setRelation'; readonly findingId: string; readonly relation: string | null }
  /** The finding is the known (biopsy-proven) cancer, or next to it; null: neither. */
  | { readonly type: 'setKnownCancer'; readonly findingId: string; readonly relation: KnownCancerRelation | null }
  | { readonly type: 'setComposition'; readonly composition: BreastComposition | null }
  | { readonly type: 'setHistory'; readonly history: ClinicalHistory }
  /** Why the exam is done; null: not stated (read as diagnostic). */
  | { readonly type: 'setIndication'; readonly indication: Indication | null }
  /**
   * Date of the comparison exam, YYYY-MM-DD, or null for none. With a comparison, findings saying
   * "no priors" become not stated; without one, findings not stated become "no priors".
   */
  | { readonly type: 'setPriorDate'; readonly date: string | null }
  /** Places (or, with null, removes) the nipple marker on an image. */
  | { readonly type: 'placeNipple'; readonly imageId: string; readonly point: PointPx | null }
  | { readonly type: 'editReportText'; readonly text: string }
  /** Drops the radiologist's report text: the suggested text is used again. */
  | { readonly type: 'resetReportText' };

/** The names of the actions, e.g. 'mergeFindings'. */
export type DraftActionType = DraftAction['type'];
