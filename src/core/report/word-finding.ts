import type { ChangeSincePrior } from '../lexicon.js';
import type { Finding, FindingComparison, FindingMeasurements } from './finding.js';
import { wordDifferential, wordSuggestion } from './word-suggestion.js';
import { wordLocation, wordLocationCaveats } from './word-location.js';
import { wordMorphology } from './word-morphology.js';
import { DISTRIBUTION_WORDS, fmtMmWords, fmtNumber, listInWords } from './words.js';

export const UNCALIBRATED_SIZE_WORDS = 'size not stated: image uncalibrated';

/** What a finding's wording says while its change since the prior is not stated. */
export const CHANGE_NOT_STATED = 'change since the prior examination not stated';

function wordSize(m: FindingMeasurements): string {
  if (m.calibration === 'uncalibrated' || (m.largest !== null && m.largest.mm === null)) {
    return ` (${UNCALIBRATED_SIZE_WORDS})`;
  }
  const mm = m.largest?.mm ?? null;
  return mm !== null ? ` measuring up to ${fmtMmWords(mm)} mm` : '';
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

function wordCalcifications(f: Finding): string {
  const n = f.measurements.count;
  const { terms, remark } = wordMorphology(f);
  const noun = n === 1 ? 'calcification' : 'calcifications';
  // One calcification is never a group: "a single round calcification".
  const others = f.distribution.filter((d) => d !== 'grouped').map((d) => DISTRIBUTION_WORDS[d]);
  const spread = others.length > 0 && n !== 1 ? ` in ${listInWords(others)}` : '';
  const size = wordSize(f.measurements);
  const quals = (f.qualifiers ?? []).map((q) => ` ${q}`).join('');
  const what = terms === null ? noun : `${terms} ${noun}`;
  const after = terms === null ? `, ${remark}` : remark === '' ? '' : ` ${remark}`;
  if (n === 1) return `a single ${what}${size}${quals}${after}`;
  if (f.distribution.includes('grouped')) {
    const count = n === null ? '' : `${n} `;
    return `a group of ${count}${what}${size}${quals}${after}${spread}`;
  }
  return `${n === null ? '' : `${n} `}${what}${size}${quals}${after}${spread}`;
}

/**
 * The findings sentence(s) for one finding, deterministic, in report order: location, count,
 * morphology, size (or why it is not stated), distribution, relation, comparison; then what
 * limits the location (e.g. the nipple not in profile on a view; left out with
 * `locationCaveats: false`), the suggested assessment and the differential when there is one.
 *
 * @example "Right breast, upper outer quadrant, 10 o'clock, middle depth, 4 cm from the nipple: a
 * group of 6 coarse dystrophic calcifications measuring up to 2.4 mm with lucent centres, at the
 * lumpectomy site, stable for 2 years. Suggested assessment: BI-RADS 2 — benign; expected
 * post-treatment change."
 */
export function wordFinding(f: Finding, options: { readonly locationCaveats?: boolean } = {}): string {
  const clauses = [wordCalcifications(f)];
  if (f.relation) clauses.push(f.relation);
  clauses.push(wordChange(f.comparison));
  // A report of several findings states the caveats once for all of them (draftReport).
  const caveats = (options.locationCaveats ?? true) ? wordLocationCaveats(f.location) : [];
  const sentences = [`${wordLocation(f.side, f.location)}: ${clauses.join(', ')}.`, ...caveats, wordSuggestion(f.suggestion)];
  const differential = wordDifferential(f.suggestion);
  if (differential !== '') sentences.push(differential);
  return sentences.join(' ');
}
