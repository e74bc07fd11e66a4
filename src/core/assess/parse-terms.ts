/**
 * Terms from text: lexicon words (any case, older names accepted), or codes ("DCM:111344",
 * "129751002"). Everything a command line or a JSON line may carry; failures are Result values.
 */
import { codeGroupOf, formatCode, termForCode, uncharacterisedCode, type CodedConcept } from '../codes.js';
import {
  BREAST_COMPOSITIONS,
  CHANGE_KINDS,
  CONDITIONS,
  INDICATIONS,
  KNOWN_CANCER_RELATIONS,
  PROCEDURE_KINDS,
  isDistributionTerm,
  isMorphologyTerm,
  type BreastComposition,
  type ChangeKind,
  type ChangeSincePrior,
  type ClinicalHistory,
  type DistributionTerm,
  type HistoryEvent,
  type Indication,
  type KnownCancerRelation,
  type KnownMalignancy,
  type MorphologyTerm,
  type ProcedureKind,
  type Side,
} from '../lexicon.js';
import { err, ok, type Result } from '../result.js';

/** Older or informal names read as lexicon terms. */
export const MORPHOLOGY_ALIASES: Readonly<Record<string, MorphologyTerm>> = {
  eggshell: 'rim',
  'lucent-centred': 'rim',
  'lucent-centered': 'rim',
  'lucent centred': 'rim',
  'lucent centered': 'rim',
  popcorn: 'coarse',
  'popcorn-like': 'coarse',
  heterogeneous: 'coarse heterogeneous',
  'fine linear branching': 'fine-linear branching',
  'fine-linear-branching': 'fine-linear branching',
  'fine linear-branching': 'fine-linear branching',
  'rod-like': 'large rod-like',
  'large rodlike': 'large rod-like',
  'fine-linear': 'fine linear',
  'milk-of-calcium': 'milk of calcium',
  'coarse-heterogeneous': 'coarse heterogeneous',
  'fine-pleomorphic': 'fine pleomorphic',
};

export const DISTRIBUTION_ALIASES: Readonly<Record<string, DistributionTerm>> = {
  clustered: 'grouped',
  scattered: 'diffuse',
};

const norm = (s: string): string => s.trim().toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ');
const shown = (s: string): string => JSON.stringify(s.slice(0, 60));

/** A morphology term from a word ("fine pleomorphic", "eggshell") or a code ("DCM:111344"). */
export function parseMorphology(text: string): Result<MorphologyTerm> {
  if (isMorphologyTerm(text)) return ok(text);
  const s = norm(text);
  if (isMorphologyTerm(s)) return ok(s);
  const alias = MORPHOLOGY_ALIASES[s];
  if (alias !== undefined) return ok(alias);
  const coded = termForCode('morphology', text);
  if (coded.ok) return coded;
  const unspecific = uncharacterisedCode(text);
  if (unspecific !== null) {
    return err(
      'unknown-term',
      `morphology ${shown(text)} (${unspecific.meaning}, ${unspecific.cid}) names no BI-RADS morphology: give it in a morphology list, where it reads as calcifications not characterised`,
    );
  }
  return err('unknown-term', `unknown morphology ${shown(text)}: ${wrongGroup(text) ?? 'use a BI-RADS term (e.g. "fine pleomorphic") or a calcification type code (CID 6010 / 6011)'}`);
}

/** "… is a distribution code (CID 6013 …), not a morphology" for a code from another table. */
function wrongGroup(text: string): string | null {
  const g = codeGroupOf(text);
  return g === null ? null : `${g}, not one of this field's codes`;
}

/** A morphology list: lexicon terms, plus CID 6011 codes that name calcifications without a BI-RADS morphology. */
export interface MorphologyList {
  readonly terms: readonly MorphologyTerm[];
  /** CID 6011 codes read as "calcifications, morphology not characterised" (SCT 44771000, DCM 111345). */
  readonly uncharacterised: readonly CodedConcept[];
}

/** Parses a morphology list; the CID 6011 codes without a lexicon term are kept apart, not refused. */
export function parseMorphologyList(v: unknown): Result<MorphologyList> {
  const items = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(items)) return err('bad-argument', 'morphology must be a list of terms or codes');
  const uncharacterised: CodedConcept[] = [];
  const rest: unknown[] = [];
  for (const item of items) {
    const u = typeof item === 'string' ? uncharacterisedCode(item) : null;
    if (u === null) rest.push(item);
    else if (!uncharacterised.includes(u)) uncharacterised.push(u);
  }
  const terms = parseList(rest, 'morphology', parseMorphology);
  if (!terms.ok) return terms;
  return ok({ terms: terms.value, uncharacterised });
}

/** The reason a finding given only uncharacterised codes has no morphology, in report words. */
export function uncharacterisedWords(codes: readonly CodedConcept[]): string {
  return `coded only as ${codes.map((c) => `${c.meaning.toLowerCase()} (${formatCode(c)})`).join(' and ')}, without a BI-RADS morphology`;
}

/** A distribution term from a word or a code. */
export function parseDistribution(text: string): Result<DistributionTerm> {
  if (isDistributionTerm(text)) return ok(text);
  const s = norm(text);
  if (isDistributionTerm(s)) return ok(s);
  const alias = DISTRIBUTION_ALIASES[s];
  if (alias !== undefined) return ok(alias);
  const coded = termForCode('distribution', text);
  if (coded.ok) return coded;
  return err('unknown-term', `unknown distribution ${shown(text)}: ${wrongGroup(text) ?? 'use diffuse, regional, grouped, linear or segmental, or a CID 6013 code'}`);
}

const isChangeKind = (s: string): s is ChangeKind => (CHANGE_KINDS as readonly string[]).includes(s);
const CHANGE_ALIASES: Readonly<Record<string, ChangeKind>> = {
  'no priors': 'no-priors',
  none: 'no-priors',
  baseline: 'no-priors',
  increasing: 'increased',
  decreasing: 'decreased',
  unchanged: 'stable',
};

function validYears(y: unknown): y is number {
  return typeof y === 'number' && Number.isFinite(y) && y >= 0 && y <= 100;
}

/**
 * Change since prior from "new", "stable:2", "increased", "no-priors", a CID 6003 code, or an
 * object { kind, years?, newPosition? }.
 */
export function parseChange(v: unknown): Result<ChangeSincePrior> {
  if (typeof v === 'string') {
    const [head = '', years] = norm(v).split(':');
    const kind = isChangeKind(head) ? head : CHANGE_ALIASES[head];
    if (kind === undefined) {
      const coded = termForCode('change', v);
      if (coded.ok) return ok({ kind: coded.value });
      return err('unknown-term', `unknown change ${shown(v)}: ${wrongGroup(v) ?? 'use new, stable, stable:<years>, increased, decreased, no-priors or a CID 6003 code'}`);
    }
    if (years === undefined) return ok({ kind });
    const n = Number(years);
    if (kind !== 'stable' || years.trim() === '' || !validYears(n)) {
      return err('bad-argument', `change ${shown(v)}: only "stable:<years>" takes a number of years (0–100)`);
    }
    return ok({ kind, years: n });
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => !['kind', 'years', 'newPosition'].includes(k));
    if (extra.length > 0) return err('bad-argument', `change: unknown field ${shown(extra[0] ?? '')}`);
    if (typeof o.kind !== 'string' || !isChangeKind(o.kind)) return err('bad-argument', 'change.kind must be one of ' + CHANGE_KINDS.join(', '));
    if (o.years !== undefined && !validYears(o.years)) return err('bad-argument', 'change.years must be a number from 0 to 100');
    if (o.newPosition !== undefined && typeof o.newPosition !== 'boolean') return err('bad-argument', 'change.newPosition must be true or false');
    if (o.kind === 'stable' && o.newPosition === true) {
      return err('bad-argument', 'change.newPosition: calcifications "stable" since the prior cannot be in a new position; give "new" or "increased" with newPosition');
    }
    if (o.kind !== 'stable' && o.years !== undefined) return err('bad-argument', 'change.years: only a "stable" change takes a number of years');
    return ok({
      kind: o.kind,
      ...(o.years !== undefined ? { years: o.years as number } : {}),
      ...(o.newPosition !== undefined ? { newPosition: o.newPosition as boolean } : {}),
    });
  }
  return err('bad-argument', 'change must be a string such as "stable:2" or an object { kind, years }');
}

const SIDES: readonly Side[] = ['right', 'left', 'both'];
/** "right" | "left" | "both" (also "R", "L", "B"), or a CID 6023 code. */
export function parseSide(v: unknown): Result<Side | null> {
  if (v === null || v === undefined) return ok(null);
  if (typeof v !== 'string') return err('bad-argument', 'side must be right, left or both');
  const s = norm(v);
  const short: Readonly<Record<string, Side>> = { r: 'right', l: 'left', b: 'both', bilateral: 'both' };
  const side = (SIDES as readonly string[]).includes(s) ? (s as Side) : short[s];
  if (side !== undefined) return ok(side);
  const coded = termForCode('side', v);
  return coded.ok ? coded : err('unknown-term', `unknown side ${shown(v)}: ${wrongGroup(v) ?? 'use right, left or both, or a CID 6023 code'}`);
}

/** Breast composition a–d, or a CID 6001 code. */
export function parseComposition(v: unknown): Result<BreastComposition | null> {
  if (v === null || v === undefined) return ok(null);
  if (typeof v !== 'string') return err('bad-argument', 'composition must be a, b, c or d');
  const s = norm(v);
  if ((BREAST_COMPOSITIONS as readonly string[]).includes(s)) return ok(s as BreastComposition);
  const coded = termForCode('composition', v);
  return coded.ok ? coded : err('unknown-term', `unknown composition ${shown(v)}: ${wrongGroup(v) ?? 'use a, b, c or d, or a CID 6001 code'}`);
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A history date as the rules read it: YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2019", "2019-06"). */
export function isHistoryDate(s: string): boolean {
  const m = DATE.exec(s);
  if (m === null) return false;
  const [y, mo, d] = s.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (mo === undefined) return true;
  if (mo < 1 || mo > 12) return false;
  if (d === undefined) return true;
  // A day that exists in that month (29 February only in a leap year).
  return d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function parseEvent(v: unknown, i: number): Result<HistoryEvent> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return err('bad-argument', `history.events[${i}] must be an object`);
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['kind', 'side', 'date', 'site'].includes(k));
  if (extra.length > 0) return err('bad-argument', `history.events[${i}]: unknown field ${shown(extra[0] ?? '')}`);
  if (typeof o.kind !== 'string' || !(PROCEDURE_KINDS as readonly string[]).includes(o.kind)) {
    return err('bad-argument', `history.events[${i}].kind must be one of ${PROCEDURE_KINDS.join(', ')}`);
  }
  const side = parseSide(o.side);
  if (!side.ok) return side;
  const date = o.date ?? null;
  if (date !== null && (typeof date !== 'string' || !isHistoryDate(date))) {
    return err('bad-argument', `history.events[${i}].date must be YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  const site = o.site ?? null;
  if (site !== null && typeof site !== 'string') return err('bad-argument', `history.events[${i}].site must be text`);
  return ok({ kind: o.kind as ProcedureKind, side: side.value, date, site });
}

/** One biopsy-proven malignancy: { side (required), site, date }. */
function parseMalignancy(v: unknown, i: number): Result<KnownMalignancy> {
  const where = `history.malignancies[${i}]`;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return err('bad-argument', `${where} must be an object { side, site, date }`);
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['side', 'site', 'date'].includes(k));
  if (extra.length > 0) return err('bad-argument', `${where}: unknown field ${shown(extra[0] ?? '')}`);
  const side = parseSide(o.side);
  if (!side.ok) return err(side.error.kind, `${where}.side: ${side.error.message}`);
  if (side.value === null) return err('bad-argument', `${where}.side is required (right, left or both)`);
  const date = o.date ?? null;
  if (date !== null && (typeof date !== 'string' || !isHistoryDate(date))) return err('bad-argument', `${where}.date must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const site = o.site ?? null;
  if (site !== null && typeof site !== 'string') return err('bad-argument', `${where}.site must be text`);
  return ok({ side: side.value, site, date });
}

/** Every item of a history list read by `parse` (given its index for the message); missing → none; the first failure is returned. */
function parseEach<T>(v: unknown, notAList: string, parse: (item: unknown, i: number) => Result<T>): Result<T[]> {
  const items = v ?? [];
  if (!Array.isArray(items)) return err('bad-argument', notAList);
  const out: T[] = [];
  for (const [i, item] of items.entries()) {
    const r = parse(item, i);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** Clinical history from { events: [{ kind, side, date, site }], implants, injections, conditions }. */
export function parseHistory(v: unknown): Result<ClinicalHistory> {
  if (v === null || v === undefined) return ok({ events: [], implants: false, injections: false, conditions: [] });
  if (typeof v !== 'object' || Array.isArray(v)) return err('bad-argument', 'history must be an object');
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['events', 'malignancies', 'implants', 'injections', 'conditions'].includes(k));
  if (extra.length > 0) return err('bad-argument', `history: unknown field ${shown(extra[0] ?? '')}`);
  const events = parseEach(o.events, 'history.events must be a list', parseEvent);
  if (!events.ok) return events;
  const malignancies = parseEach(o.malignancies, 'history.malignancies must be a list of { side, site, date }', parseMalignancy);
  if (!malignancies.ok) return malignancies;
  for (const k of ['implants', 'injections'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') return err('bad-argument', `history.${k} must be true or false`);
  }
  const rawConditions = o.conditions ?? [];
  if (!Array.isArray(rawConditions) || !rawConditions.every((c) => typeof c === 'string' && (CONDITIONS as readonly string[]).includes(c))) {
    return err('bad-argument', `history.conditions must list some of ${CONDITIONS.join(', ')}`);
  }
  return ok({
    events: events.value,
    ...(o.malignancies !== undefined ? { malignancies: malignancies.value } : {}),
    implants: o.implants === true,
    injections: o.injections === true,
    conditions: rawConditions as ClinicalHistory['conditions'],
  });
}

/** A list of terms (or a single one) parsed with `parse`; the first failure is returned. */
export function parseList<T>(v: unknown, what: string, parse: (s: string) => Result<T>): Result<T[]> {
  const items = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(items)) return err('bad-argument', `${what} must be a list of terms or codes`);
  const out: T[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return err('bad-argument', `${what} must be a list of terms or codes`);
    const r = parse(item);
    if (!r.ok) return r;
    if (!out.includes(r.value)) out.push(r.value);
  }
  return ok(out);
}

/** The exam indication: screening, diagnostic or short-interval follow-up; missing → null (read as diagnostic). */
export function parseIndication(v: unknown): Result<Indication | null> {
  if (v === null || v === undefined) return ok(null);
  const key = (x: string): string => norm(x).replace(/[-\s]/g, '');
  const found = typeof v === 'string' ? INDICATIONS.find((x) => key(x) === key(v)) : undefined;
  if (found !== undefined) return ok(found);
  return err('bad-argument', `indication ${typeof v === 'string' ? `${shown(v)} ` : ''}must be one of ${INDICATIONS.join(', ')}`);
}

/** How the finding stands to a known malignancy: "this finding" (it is the cancer) or "adjacent"; missing → null. */
export function parseKnownCancer(v: unknown): Result<KnownCancerRelation | null> {
  if (v === null || v === undefined) return ok(null);
  const key = (x: string): string => norm(x).replace(/[-\s]/g, '');
  const found = typeof v === 'string' ? KNOWN_CANCER_RELATIONS.find((x) => key(x) === key(v)) : undefined;
  return found !== undefined ? ok(found) : err('bad-argument', `knownCancer must be one of ${KNOWN_CANCER_RELATIONS.map((x) => `"${x}"`).join(', ')}`);
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar date YYYY-MM-DD that exists; missing → null. `field` names the field in the message. */
export function parseExamDate(v: unknown, field = 'examDate'): Result<string | null> {
  if (v === null || v === undefined) return ok(null);
  const m = typeof v === 'string' ? FULL_DATE.exec(v.trim()) : null;
  if (m === null) return err('bad-argument', `${field} must be a date YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return err('bad-argument', `${field} ${shown(String(v))} is not a calendar date`);
  }
  return ok((v as string).trim());
}
