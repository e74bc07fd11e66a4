/**
 * What the panel shows and what it asks for. The panel renders a finding as derived from the
 * exam draft (terms, suggestion and wording always recomputed from the draft) and reports the
 * radiologist's edits as intents; whoever hosts it turns them into draft actions.
 */
import type { AssessmentCategory, ChangeSincePrior, DetailedSuggestion, DistributionDescription, DistributionTerm, FindingLocation, KnownCancerRelation, MammoImage, MorphologyDescription, MorphologyTerm, OverriddenTerm, Overrides, Side } from 'calcscribe/core';
import type { DraftAction, DraftCalcification, FindingFacts, LineChange } from 'calcscribe/draft';

/** One finding as the panel shows it. */
export interface PanelFinding {
  readonly id: string;
  readonly side: Side;
  /** Calcifications counted on the view holding most of them (CC and MLO show the same ones). */
  readonly count: number;
  readonly calcifications: readonly DraftCalcification[];
  /** The terms in force (overridden or suggested). */
  readonly morphology: readonly MorphologyTerm[];
  readonly distribution: readonly DistributionTerm[];
  /** What the measurements suggest, with confidence and evidence. */
  readonly morphologyDescription: MorphologyDescription;
  readonly distributionDescription: DistributionDescription | null;
  /** The terms the rules chose from the descriptions (before any override). */
  readonly suggestedMorphology: readonly MorphologyTerm[];
  readonly suggestedDistribution: readonly DistributionTerm[];
  readonly location: (FindingLocation & { readonly evidence?: readonly string[] }) | null;
  /** Null while not stated (the exam has a comparison exam and the radiologist has not said). */
  readonly change: ChangeSincePrior | null;
  readonly overrides: Overrides;
  /** The suggestion in force (with any overridden assessment). */
  readonly suggestion: DetailedSuggestion;
  /** The category the rules gave before any radiologist-set assessment. */
  readonly rulesAssessment: AssessmentCategory;
  readonly overridden: readonly OverriddenTerm[];
  readonly wording: string;
  readonly relation: string | null;
  /** The finding is the known cancer, or next to it; null: neither. */
  readonly knownCancer: KnownCancerRelation | null;
  /** What could not be worked out (e.g. location not stated), in words; the images' notes last. */
  readonly warnings: readonly string[];
  /** What was read about the images it is measured on, each naming its image (the last of `warnings`). */
  readonly imageNotes: readonly string[];
  /** The size range as the core words it ("0.42–2.4 mm, magnification-corrected"). */
  readonly size: string;
  /** The rest of what the card states, worded by the core (count, location, terms, confidences, category). */
  readonly facts: FindingFacts;
}

/** The report as suggested from the draft, and the draft's own (edited) text. */
export interface PanelReport {
  readonly suggestedText: string;
  /** The radiologist's text; null while the suggestion is used. */
  readonly editedText: string | null;
  readonly overallAssessment: AssessmentCategory | null;
  /** True when the radiologist's text differs from the suggestion. */
  readonly edited: boolean;
  /** The radiologist's text line by line against the suggestion ('same' throughout when not edited). */
  readonly differences: readonly LineChange[];
}

/** What the panel asks of its host besides draft actions. */
export interface PanelCallbacks {
  /** Every edit, as a draft action (the store recomputes terms, suggestion and wording). */
  dispatch(action: DraftAction): void;
  selectCalcification?(calcificationId: string | null): void;
  /** Asked only after the radiologist confirmed. */
  discardDraft?(): void;
}

/** Pixels for the zoomed view and profile of the selected calcification. */
export type ImageLookup = (imageId: string) => MammoImage | null;
