import { ASSESSMENT_CODES, CHANGE_CODES, CLOCK_CODES, codeFor, COMPOSITION_CODES, DEPTH_CODES, DISTRIBUTION_CODES, FOLLOW_UP_CODES, formatCode, MORPHOLOGY_CODES, QUADRANT_CODES, SIDE_CODES, type CodedConcept } from '../codes.js';
import { CATEGORY_TABLE } from '../assess/categories.js';
import type { DraftReport } from './draft-report.js';
import type { Exam, Finding, FindingComparison } from './finding.js';
import { wordFinding } from './word-finding.js';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json | undefined };

/** JSON with object keys sorted at every level, two-space indented: the same value, the same text. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort()
          .map((k) => [k, sort(o[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2);
}

const coded = (term: string, code: CodedConcept): Json => ({ term, code: formatCode(code), meaning: code.meaning });

/** The change since prior with its code; a change not stated has no kind and no code. */
function changeJson(c: FindingComparison): Json {
  const priorDate = c.priorDate ?? null;
  if (c.stated === false) return { kind: null, stated: false, years: null, newPosition: false, priorDate, code: null };
  const ch = c.change;
  return {
    kind: ch.kind,
    stated: true,
    years: ch.years ?? null,
    newPosition: ch.newPosition ?? false,
    priorDate,
    code: ch.kind === 'no-priors' ? null : formatCode(CHANGE_CODES[ch.kind]),
  };
}

function findingJson(f: Finding): Json {
  const loc = f.location;
  const clock = loc.clockFace ?? null;
  return {
    side: coded(f.side, SIDE_CODES[f.side]),
    location: {
      clockFace: clock === null ? null : coded(`${clock} o'clock`, CLOCK_CODES[`${clock} o'clock`]),
      quadrant: loc.quadrant ? coded(loc.quadrant, QUADRANT_CODES[loc.quadrant]) : null,
      half: loc.half ?? null,
      special: loc.special ? coded(loc.special, CLOCK_CODES[loc.special]) : null,
      depth: loc.depth ? coded(loc.depth, DEPTH_CODES[loc.depth]) : null,
      distanceFromNippleCm: loc.distanceFromNippleCm ?? null,
      caveats: [...new Set(loc.caveats ?? [])],
    },
    count: f.measurements.count,
    largestMm: f.measurements.largest?.mm ?? null,
    largestPx: f.measurements.largest?.px ?? null,
    calibration: f.measurements.calibration,
    morphology: f.morphology.map((t) => coded(t, MORPHOLOGY_CODES[t])),
    distribution: f.distribution.map((t) => coded(t, DISTRIBUTION_CODES[t])),
    change: changeJson(f.comparison),
    suggestion: {
      assessment: coded(f.suggestion.assessment, ASSESSMENT_CODES[f.suggestion.assessment]),
      management: f.suggestion.management,
      followUp: coded(CATEGORY_TABLE[f.suggestion.assessment].followUp, FOLLOW_UP_CODES[CATEGORY_TABLE[f.suggestion.assessment].followUp]),
      reasons: [...f.suggestion.reasons],
      ruleIds: [...f.suggestion.ruleIds],
      differential: [...f.suggestion.differential],
    },
    evidence: {
      morphology: [...(f.descriptions?.morphology?.evidence ?? [])],
      distribution: [...(f.descriptions?.distribution?.evidence ?? [])],
    },
    text: wordFinding(f),
  };
}

/** The exam and its draft as JSON with codes beside every term (per breast and overall), keys in a stable order. */
export function renderReportJson(exam: Exam, draft: DraftReport): string {
  return stableJson(codedReport(exam, draft));
}

/** The value renderReportJson writes: every term with its code, the findings' evidence and rules, the report sections. */
export function codedReport(exam: Exam, draft: DraftReport): Json {
  const overall = draft.overall.assessment;
  return {
    composition: exam.composition === null ? null : coded(exam.composition, COMPOSITION_CODES[exam.composition]),
    priorDate: exam.priorDate ?? null,
    findings: exam.findings.map(findingJson),
    overall: {
      assessment: coded(overall, codeFor('assessment', overall)),
      management: draft.overall.management,
      decidedBy: draft.overall.decidedBy,
    },
    // The assessment of each breast; decidedBy indexes `findings` (null: no finding in that breast).
    bySide: Object.fromEntries(
      (['right', 'left'] as const).map((side) => {
        const o = draft.bySide[side];
        return [side, { assessment: coded(o.assessment, codeFor('assessment', o.assessment)), decidedBy: o.decidedBy }];
      }),
    ),
    recommendation: draft.recommendation,
    text: draft.text,
  };
}
