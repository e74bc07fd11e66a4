/**
 * One finding (a calcification cluster, or an individual calcification) as a TID 1501
 * Measurement Group: the terms as they stand in the draft (each marked as the suggestion kept or
 * the radiologist's choice), its location, count, change since prior, category and follow-up, its
 * wording, and a container holding calcscribe's suggestion as it was before any override.
 */
import { CATEGORY_TABLE } from '../../assess/categories.js';
import {
  ASSESSMENT_CODES,
  CHANGE_CODES,
  CLOCK_CODES,
  DEPTH_CODES,
  DISTRIBUTION_CODES,
  FINDING_CODES,
  FOLLOW_UP_CODES,
  MORPHOLOGY_CODES,
  QUADRANT_CODES,
  SR_CODES,
  SR_PRIVATE_CODES,
  SR_UNITS,
  type CodedConcept,
} from '../../codes.js';
import type { DerivedFinding } from '../../draft/derive-finding.js';
import type { DraftFinding } from '../../draft/exam-draft.js';
import type { ChangeSincePrior } from '../../lexicon.js';
import { findingSite } from './calcification-group.js';
import { utJson } from './sr-text.js';
import { codeValue, container, originMarker, numValue, textValue, uidValue, type ContentItem } from './content-items.js';

/** Tracking Identifier of a finding group: not a Cornerstone tool, so OHIF lists it without drawing it. */
export function findingTrackingIdentifier(index: number): string {
  return `calcscribe finding ${index + 1}`;
}


function changeItems(change: ChangeSincePrior, byRadiologist: boolean): ContentItem[] {
  const value: CodedConcept = change.kind === 'no-priors' ? SR_PRIVATE_CODES['no prior examination'] : CHANGE_CODES[change.kind];
  const details: ContentItem[] = [originMarker(byRadiologist)];
  if (change.newPosition === true) details.push(textValue('HAS CONCEPT MOD', SR_PRIVATE_CODES['new position'], 'yes'));
  // A NUM cannot modify a CODE in Comprehensive SR (PS3.3 Table A.35.3-2), it can be its property.
  if (change.years !== undefined) details.push(numValue('HAS PROPERTIES', SR_PRIVATE_CODES['years stable'], change.years, SR_UNITS.year));
  return [codeValue('CONTAINS', SR_PRIVATE_CODES['change since prior'], value, details)];
}

function locationItems(d: DerivedFinding): ContentItem[] {
  const loc = d.finding.location;
  const out: ContentItem[] = [];
  const clock = loc.clockFace ?? null;
  const special = loc.special ?? null;
  // Both when both are known: the wording names a benign finding behind the nipple by its region, one that needs action by its clock face.
  if (clock !== null) out.push(codeValue('CONTAINS', SR_CODES['clockface or region'], CLOCK_CODES[`${clock} o'clock`]));
  if (special !== null) out.push(codeValue('CONTAINS', SR_CODES['clockface or region'], CLOCK_CODES[special]));
  if ((loc.half ?? null) !== null) out.push(textValue('CONTAINS', SR_PRIVATE_CODES['breast half'], loc.half as string));
  if ((loc.quadrant ?? null) !== null) out.push(codeValue('CONTAINS', SR_CODES['quadrant location'], QUADRANT_CODES[loc.quadrant as keyof typeof QUADRANT_CODES]));
  if ((loc.depth ?? null) !== null) out.push(codeValue('CONTAINS', SR_CODES.depth, DEPTH_CODES[loc.depth as keyof typeof DEPTH_CODES]));
  return out;
}

/**
 * The finding's numbers as properties of the finding (HAS PROPERTIES, as the mammography CAD
 * templates give a cluster its count): the number of calcifications and the distance from the
 * nipple. Not at the top of the group: OHIF takes every top-level NUM of a group without an
 * outline for a measurement drawn from its SCOORD and fails on one that has none.
 */
function findingItem(d: DerivedFinding): ContentItem {
  const cm = d.finding.location.distanceFromNippleCm ?? null;
  // The count is taken on the view holding most of them: one calcification seen on CC and MLO is an individual calcification.
  return codeValue('CONTAINS', SR_CODES.finding, d.count >= 2 ? FINDING_CODES['calcification cluster'] : FINDING_CODES['individual calcification'], [
    numValue('HAS PROPERTIES', FINDING_CODES['number of calcifications'], d.count, SR_UNITS.count),
    ...(cm === null ? [] : [numValue('HAS PROPERTIES', FINDING_CODES['distance from nipple'], cm, SR_UNITS.cm)]),
  ]);
}

/** calcscribe's suggestion for the finding, before the radiologist's overrides. */
function suggestionContainer(d: DerivedFinding): ContentItem {
  const rulesCategory = d.rulesAssessment;
  return container('CONTAINS', SR_PRIVATE_CODES.suggestion, [
    ...d.suggested.morphology.map((t) => codeValue('CONTAINS', SR_CODES['calcification type'], MORPHOLOGY_CODES[t])),
    ...d.suggested.distribution.map((t) => codeValue('CONTAINS', SR_CODES['calcification distribution'], DISTRIBUTION_CODES[t])),
    codeValue('CONTAINS', SR_CODES['assessment category'], ASSESSMENT_CODES[rulesCategory]),
    codeValue('CONTAINS', SR_CODES['recommended follow-up'], FOLLOW_UP_CODES[CATEGORY_TABLE[rulesCategory].followUp]),
    ...d.suggestion.reasons.map((r) => textValue('CONTAINS', SR_PRIVATE_CODES['assessment reason'], r)),
  ]);
}

/** What the radiologist set on the finding beyond its terms, as the draft holds it, for a reader to rebuild the draft. */
function typedItems(f: DraftFinding): ContentItem[] {
  return [
    ...(f.relation === null ? [] : [textValue('CONTAINS', SR_PRIVATE_CODES['relation to treated site'], f.relation)]),
    ...((f.knownCancer ?? null) === null ? [] : [textValue('CONTAINS', SR_PRIVATE_CODES['known cancer relation'], f.knownCancer as string)]),
    ...(f.groupedBy === undefined ? [] : [textValue('CONTAINS', SR_PRIVATE_CODES['grouped by'], f.groupedBy)]),
    // The replaced terms exactly as the draft holds them (JSON).
    ...(Object.keys(f.overrides).length === 0 ? [] : [textValue('CONTAINS', SR_PRIVATE_CODES.overrides, utJson(f.overrides))]),
    // The change item is the one in force (the override); the change stated before it is kept for a reader.
    ...(f.overrides.change === undefined ? [] : [textValue('CONTAINS', SR_PRIVATE_CODES['change before override'], utJson(f.change))]),
  ];
}

/** Tracking Identifier of a finding the report leaves out. */
export function notReportedTrackingIdentifier(index: number): string {
  return `calcscribe finding not reported ${index + 1}`;
}

/**
 * A finding the rules refuse (deriveReport leaves it out of the report, e.g. "this finding" is the
 * known cancer but the history holds none): kept as the radiologist made it, marked Not reported
 * with the rules' reason, without terms, category or wording (the rules gave none).
 */
export function notReportedFindingGroup(f: DraftFinding, reason: string, index: number, trackingUid: string, memberUids: readonly string[]): ContentItem {
  return container('CONTAINS', SR_CODES['measurement group'], [
    textValue('HAS OBS CONTEXT', SR_CODES['tracking identifier'], notReportedTrackingIdentifier(index)),
    uidValue('HAS OBS CONTEXT', SR_CODES['tracking uid'], trackingUid),
    textValue('HAS OBS CONTEXT', SR_PRIVATE_CODES['finding identifier'], f.id),
    findingSite(f.side),
    ...memberUids.map((uid) => uidValue('CONTAINS', SR_PRIVATE_CODES['member calcification'], uid)),
    textValue('CONTAINS', SR_PRIVATE_CODES['not reported'], reason),
    ...(f.change === null ? [] : changeItems(f.change, f.change.kind !== 'no-priors')),
    ...typedItems(f),
  ]);
}

export function findingGroup(f: DraftFinding, d: DerivedFinding, index: number, trackingUid: string, memberUids: readonly string[]): ContentItem {
  const overridden = new Set<string>(d.overridden);
  const finalCategory = d.suggestion.assessment;
  const items: ContentItem[] = [
    textValue('HAS OBS CONTEXT', SR_CODES['tracking identifier'], findingTrackingIdentifier(index)),
    uidValue('HAS OBS CONTEXT', SR_CODES['tracking uid'], trackingUid),
    textValue('HAS OBS CONTEXT', SR_PRIVATE_CODES['finding identifier'], f.id),
    findingItem(d),
    findingSite(d.finding.side),
    ...memberUids.map((uid) => uidValue('CONTAINS', SR_PRIVATE_CODES['member calcification'], uid)),
    ...d.finding.morphology.map((t) => codeValue('CONTAINS', SR_CODES['calcification type'], MORPHOLOGY_CODES[t], [originMarker(overridden.has('morphology'))])),
    ...d.finding.distribution.map((t) => codeValue('CONTAINS', SR_CODES['calcification distribution'], DISTRIBUTION_CODES[t], [originMarker(overridden.has('distribution'))])),
    ...locationItems(d),
    // The change is stated by the radiologist; only "no prior examination" is ever set without them.
    ...(d.changeStated ? changeItems(d.finding.comparison.change, overridden.has('change') || (f.change !== null && f.change.kind !== 'no-priors')) : []),
    codeValue('CONTAINS', SR_CODES['assessment category'], ASSESSMENT_CODES[finalCategory], [originMarker(overridden.has('assessment'))]),
    codeValue('CONTAINS', SR_CODES['recommended follow-up'], FOLLOW_UP_CODES[CATEGORY_TABLE[finalCategory].followUp], [originMarker(overridden.has('assessment'))]),
    textValue('CONTAINS', SR_PRIVATE_CODES.management, d.suggestion.management),
    ...typedItems(f),
    textValue('CONTAINS', SR_PRIVATE_CODES['finding wording'], d.wording),
    suggestionContainer(d),
  ];
  return container('CONTAINS', SR_CODES['measurement group'], items);
}
