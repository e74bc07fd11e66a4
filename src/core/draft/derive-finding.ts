import { checkAssessmentInput } from '../assess/check-input.js';
import { applyOverrides, assess, type OverriddenTerm } from '../assess/overrides.js';
import type { DetailedSuggestion } from '../assess/suggest-assessment.js';
import { chosenTerms } from '../describe/chosen-terms.js';
import { describeCalcifications, heldAloneWarnings } from '../describe/describe-calcifications.js';
import { describeDistribution } from '../describe/describe-distribution.js';
import type { DistributionDescription, MorphologyDescription } from '../describe/description.js';
import type { DistributionTerm, MorphologyTerm } from '../lexicon.js';
import type { LocatedFinding } from '../locate/location.js';
import { measureGroup } from '../measure/measure-group.js';
import type { GroupMeasurements } from '../measure/measurements.js';
import { qualifiersFrom, summariseMeasurements } from '../report/finding-measurements.js';
import type { Finding } from '../report/finding.js';
import { CHANGE_NOT_STATED, wordFinding } from '../report/word-finding.js';
import { err, ok, type Result } from '../result.js';
import { UNSTATED_CHANGE_FOR_RULES } from './comparison.js';
import { calcificationsOf, calibrationOf, findFinding, findImage, imageLabel } from './draft-lookup.js';
import type { DraftCalcification, DraftImage, ExamDraft } from './exam-draft.js';
import { findingFacts, type FindingFacts } from './finding-facts.js';
import { locateDraftFinding, nippleOf } from './locate-draft-finding.js';
import { sizeRangeOf, type SizeRange } from './size-range.js';

/**
 * Everything a radiologist reads about one finding, recomputed from the draft: the panel, the
 * outline labels and the exported report only show it.
 */
export interface DerivedFinding {
  readonly id: string;
  /** The finding as the report wording reads it (draftReport takes a list of these). */
  readonly finding: Finding;
  readonly suggestion: DetailedSuggestion;
  /** The terms as suggested from the measurements, before any override. */
  readonly suggested: { readonly morphology: readonly MorphologyTerm[]; readonly distribution: readonly DistributionTerm[] };
  readonly morphology: MorphologyDescription;
  /** Null for a single calcification on every view (no distribution to describe). */
  readonly distribution: DistributionDescription | null;
  readonly group: GroupMeasurements;
  readonly location: LocatedFinding | null;
  /** Calcifications on the view with the most of them (the same calcification on CC and MLO counts once). */
  readonly count: number;
  readonly countByImage: Readonly<Record<string, number>>;
  /** The size range with the words the card shows (its digits as the report sentence gives sizes). */
  readonly sizeRange: SizeRange;
  /** Everything else the card states, in words (count, location, terms, confidences, category). */
  readonly facts: FindingFacts;
  readonly overridden: readonly OverriddenTerm[];
  /** The category the rules give for the finding's terms (overridden terms included), before an assessment the radiologist set. */
  readonly rulesAssessment: DetailedSuggestion['assessment'];
  /**
   * False while the change since prior is not stated: the rules then read it as new
   * (UNSTATED_CHANGE_FOR_RULES) and the wording says it is not stated.
   */
  readonly changeStated: boolean;
  readonly wording: string;
  /** The finding's own warnings, then its images' notes (`imageNotes`, last). */
  readonly warnings: readonly string[];
  /**
   * What was read about the images it is measured on, each naming its image (imageNotesOf): the
   * last entries of `warnings`, kept apart too so that a list of findings can state each image's
   * notes once rather than once per finding.
   */
  readonly imageNotes: readonly string[];
}

function byImageOf(draft: ExamDraft, calcs: readonly DraftCalcification[]): Map<DraftImage, DraftCalcification[]> {
  const out = new Map<DraftImage, DraftCalcification[]>();
  for (const c of calcs) {
    const image = findImage(draft, c.imageId);
    if (image === undefined) continue;
    out.set(image, [...(out.get(image) ?? []), c]);
  }
  return out;
}

/**
 * Recomputes one finding from the draft: morphology of all its calcifications
 * (describeCalcifications), the group measured on the view holding most of them with that view's
 * nipple (the radiologist's marker first, then the detected one), the distribution, the location
 * (CC and MLO combined when both hold calcifications of the finding), the suggestion from the
 * rules with the radiologist's overrides applied, and the wording.
 */
export function deriveFinding(draft: ExamDraft, findingId: string): Result<DerivedFinding> {
  const f = findFinding(draft, findingId);
  if (f === undefined) return err('bad-argument', `no finding ${findingId}`);
  const calcs = calcificationsOf(draft, f);
  if (calcs.length === 0) return err('bad-argument', `finding ${findingId} has no calcifications`);
  const byImage = byImageOf(draft, calcs);
  const ranked = [...byImage.entries()].sort((a, b) => b[1].length - a[1].length);
  const first = ranked[0];
  if (first === undefined) return err('bad-argument', `the images of finding ${findingId} are not in this exam`);
  const [primary, onPrimary] = first;
  const warnings: string[] = [];

  const ctx = { view: primary.view, viewModifiers: primary.viewModifiers };
  const ms = calcs.map((c) => c.measurements);
  const morphology = describeCalcifications(ms, ctx);
  const group = measureGroup(onPrimary.map((c) => c.measurements), calibrationOf(primary), nippleOf(draft, primary));
  const distribution =
    onPrimary.length >= 2
      ? describeDistribution(group, { ...ctx, breastAreaMm2: primary.geometry?.breastArea.mm2 ?? null, breastAreaPx2: primary.geometry?.breastArea.px2 ?? null })
      : null;
  const suggested = { morphology: chosenTerms(morphology), distribution: distribution === null ? [] : chosenTerms(distribution) };
  warnings.push(...heldAloneWarnings(morphology, suggested.morphology));
  const location = locateDraftFinding(draft, byImage, primary, warnings);

  const changeStated = f.change !== null || f.overrides.change !== undefined;
  if (!changeStated) warnings.push(`${CHANGE_NOT_STATED}: the suggestion treats the calcifications as new until it is stated`);
  const imageNotes = imageNotesOf(ranked.map(([image]) => image));
  warnings.push(...imageNotes);
  const input = {
    ...suggested,
    change: f.change ?? UNSTATED_CHANGE_FOR_RULES,
    history: draft.history,
    composition: draft.composition,
    side: f.side,
    count: onPrimary.length,
    notCharacterised: morphology.notCharacterised?.words ?? null,
    indication: draft.indication ?? null,
    examDate: examDateOf(draft),
    knownCancer: f.knownCancer ?? null,
  };
  // Contradictory context (a procedure dated after the exam, stable in a new position …) is refused, naming the field.
  const checked = checkAssessmentInput(input, null);
  if (!checked.ok) return checked;
  const assessed = applyOverrides(assess(input), f.overrides);
  const { assessment: setByRadiologist, ...termOverrides } = f.overrides;
  const rulesAssessment = setByRadiologist === undefined ? assessed.suggestion.assessment : applyOverrides(assess(input), termOverrides).suggestion.assessment;
  const measurements = { ...summariseMeasurements(ms, group.extent), count: onPrimary.length };
  const finding: Finding = {
    side: assessed.input.side ?? f.side,
    location: location ?? {},
    measurements,
    morphology: assessed.input.morphology,
    distribution: assessed.input.distribution,
    qualifiers: qualifiersFrom(ms),
    relation: f.relation,
    // Not stated: the rules read the change as new, the report says it is not stated.
    comparison: { change: assessed.input.change, priorDate: draft.priorDate, stated: changeStated },
    suggestion: assessed.suggestion,
    descriptions: { morphology, ...(distribution === null ? {} : { distribution }) },
  };
  const count = onPrimary.length;
  return ok({
    id: f.id,
    finding,
    suggestion: assessed.suggestion,
    suggested,
    morphology,
    distribution,
    group,
    location,
    count,
    countByImage: Object.fromEntries(ranked.map(([im, cs]) => [im.imageId, cs.length])),
    sizeRange: sizeRangeOf(ms),
    facts: findingFacts({ finding, count, location, suggested, morphologyTerms: morphology.terms, rulesAssessment }),
    overridden: assessed.overridden,
    rulesAssessment,
    changeStated,
    wording: wordFinding(finding),
    warnings,
    imageNotes,
  });
}

/**
 * What was read about the images a finding is measured on (digitised film, lossy compression, a
 * calibration not trusted …), each naming its image ("LCC: lossy compressed image (JPEG): …"): the
 * measurements rest on them, so the finding states them wherever it is shown (command line, panel).
 */
export function imageNotesOf(images: readonly DraftImage[]): string[] {
  return images.flatMap((image) => (image.notes ?? []).map((note) => `${imageLabel(image)}: ${note}`));
}

/** The current exam's date (YYYY-MM-DD) from its images' Study Date; null when none carries one. */
export function examDateOf(draft: ExamDraft): string | null {
  return draft.images.find((i) => i.role === 'current' && (i.studyDate ?? null) !== null)?.studyDate ?? null;
}
