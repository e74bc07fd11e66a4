import { isTypicallyBenign, type ChangeSincePrior, type DistributionTerm } from '../lexicon.js';
import type { Finding, FindingComparison, FindingMeasurements } from './finding.js';
import { needsAction } from './needs-action.js';
import { wordDifferential, wordSuggestion } from './word-suggestion.js';
import { wordLocation, wordLocationCaveats } from './word-location.js';
import { wordMorphology } from './word-morphology.js';
import { DISTRIBUTION_WORDS, fmtMmWords, fmtNumber, SIDE_WORDS } from './words.js';

export const UNCALIBRATED_SIZE_WORDS = 'size not stated: image uncalibrated';

/** What a finding's wording says while its change since the prior is not stated. */
export const CHANGE_NOT_STATED = 'change since the prior examination not stated';

/**
 * Vascular calcifications are named as such and nothing more: not counted, measured or located
 * (ACR BI-RADS Atlas 5th ed., Mammography, calcifications, typically benign: vascular — parallel
 * tracks along a vessel, of no clinical concern apart from their association with vascular disease).
 */
export function isVascularOnly(f: Pick<Finding, 'morphology'>): boolean {
  return f.morphology.length > 0 && f.morphology.every((t) => t === 'vascular');
}

/** Whether any of the finding's terms is a suspicious morphology (amorphous … fine-linear branching). */
export function hasSuspiciousMorphology(f: Pick<Finding, 'morphology'>): boolean {
  return f.morphology.some((t) => !isTypicallyBenign(t));
}

/**
 * The one distribution of a finding: a group of calcifications has a single distribution (the
 * first term, as chosen or overridden), never "grouped, regional". Null for a single calcification.
 */
export function distributionOf(f: Pick<Finding, 'distribution' | 'measurements'>): DistributionTerm | null {
  return f.measurements.count === 1 ? null : (f.distribution[0] ?? null);
}

/**
 * The size words. A suspicious group is sized by its extent ("spanning 4.1 mm"), the largest
 * calcification as supporting detail: the atlas defines the distributions by their extent
 * (ACR BI-RADS Atlas 5th ed., Mammography, calcifications, distribution: grouped within 1–2 cm,
 * regional > 2 cm), and a biopsy or excision is planned on the extent, not on one calcification.
 * Stating the span in millimetres is reporting practice, not atlas text (docs/assessment-rules.md,
 * Open questions 5); the span of a group also carries risk (a published nomogram of 699 pure
 * grouped amorphous calcifications, "Comprehensive quantitative malignant risk prediction of pure
 * grouped amorphous calcifications", uses the group's maximum span as a predictor of malignancy).
 * Other findings are sized by their largest calcification ("measuring up to 2.4 mm").
 */
function wordSize(f: Finding): string {
  const m: FindingMeasurements = f.measurements;
  if (m.calibration === 'uncalibrated' || (m.largest !== null && m.largest.mm === null)) {
    return ` (${UNCALIBRATED_SIZE_WORDS})`;
  }
  const largest = m.largest?.mm ?? null;
  const extent = m.extent?.mm ?? null;
  if (hasSuspiciousMorphology(f) && m.count !== 1 && extent !== null) {
    return ` spanning ${fmtMmWords(extent)} mm${largest === null ? '' : ` (individually up to ${fmtMmWords(largest)} mm)`}`;
  }
  return largest !== null ? ` measuring up to ${fmtMmWords(largest)} mm` : '';
}

function since(c: FindingComparison, what: string): string {
  return c.priorDate ? `${what} since ${c.priorDate}` : `${what} since the prior examination`;
}

const years = (n: number): string => `${fmtNumber(n)} year${n === 1 ? '' : 's'}`;

/**
 * "new since 2024-11-20", "stable for 2 years", "no prior examinations for comparison", or
 * "change since the prior examination not stated" while it is not stated (`stated: false`).
 */
export function wordChange(c: FindingComparison): string {
  if (c.stated === false) return CHANGE_NOT_STATED;
  const ch: ChangeSincePrior = c.change;
  const base =
    ch.kind === 'new'
      ? since(c, 'new')
      : ch.kind === 'increased'
        ? since(c, 'increased')
        : ch.kind === 'decreased'
          ? since(c, 'decreased')
          : ch.kind === 'stable'
            ? ch.years !== undefined
              ? `stable for ${years(ch.years)}`
              : c.priorDate
                ? `stable since ${c.priorDate}`
                : 'stable'
            : 'no prior examinations for comparison';
  return ch.newPosition === true ? `${base}, in a new position` : base;
}

/**
 * "a single round calcification measuring 0.80 mm", "9 grouped fine pleomorphic calcifications
 * spanning 4.1 mm (individually up to 0.50 mm)", "14 fine-linear branching calcifications … in a
 * segmental distribution": the lexicon words as chosen, one distribution.
 */
function wordCalcifications(f: Finding): string {
  const n = f.measurements.count;
  const { terms, remark } = wordMorphology(f);
  const noun = n === 1 ? 'calcification' : 'calcifications';
  const distribution = distributionOf(f);
  const grouped = distribution === 'grouped' ? 'grouped ' : '';
  const spread = distribution !== null && distribution !== 'grouped' ? ` in ${DISTRIBUTION_WORDS[distribution]}` : '';
  const size = wordSize(f);
  const quals = (f.qualifiers ?? []).map((q) => ` ${q}`).join('');
  const what = terms === null ? `${grouped}${noun}` : `${grouped}${terms} ${noun}`;
  const after = terms === null ? `, ${remark}` : remark === '' ? '' : ` ${remark}`;
  const lead = n === 1 ? 'a single ' : n === null ? '' : `${n} `;
  return `${lead}${what}${size}${quals}${after}${spread}`;
}

/**
 * The findings sentence(s) for one finding, deterministic, in report order: location, count,
 * morphology, size (or why it is not stated), distribution, relation, comparison; then what
 * limits the location (e.g. the nipple not in profile on a view; left out with
 * `locationCaveats: false`), the suggested assessment and the differential when there is one.
 * A finding that needs action is placed on the clock face (or says why it cannot be); vascular
 * calcifications are only named.
 *
 * @example "Right breast, upper outer quadrant, 10 o'clock, middle depth, 4 cm from the nipple: 6
 * grouped dystrophic calcifications measuring up to 2.4 mm with lucent centres, at the lumpectomy
 * site, stable for 2 years. Suggested assessment: BI-RADS 2 — benign."
 */
export function wordFinding(f: Finding, options: { readonly locationCaveats?: boolean } = {}): string {
  // The rule's summary names the rule, not this finding: the finding's own words come from its terms.
  const suggestion = wordSuggestion({ ...f.suggestion, summary: null });
  if (isVascularOnly(f)) return `${SIDE_WORDS[f.side]}: vascular calcifications. ${suggestion}`;
  const clauses = [wordCalcifications(f)];
  if (f.relation) clauses.push(f.relation);
  clauses.push(wordChange(f.comparison));
  // A report of several findings states the caveats once for all of them (draftReport).
  const caveats = (options.locationCaveats ?? true) ? wordLocationCaveats(f.location) : [];
  const where = wordLocation(f.side, f.location, { action: needsAction(f.suggestion.assessment) });
  const sentences = [`${where}: ${clauses.join(', ')}.`, ...caveats, suggestion];
  const differential = wordDifferential(f.suggestion);
  if (differential !== '') sentences.push(differential);
  return sentences.join(' ');
}
