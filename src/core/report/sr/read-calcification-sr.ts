/**
 * calcscribe's SR (buildCalcificationSr) read back into the exam draft: the content tree is
 * walked by concept code, never by position. What is not an SR of ours (not DICOM, cut short,
 * another SOP class or template, no content) is refused with a message saying which; a part that
 * is broken (a calcification group without its record, a member UID naming no group, an unknown
 * code) is left out with a warning and the rest is imported. The draft read is checked by the
 * draft's own validation (parseDraft) before it is given back.
 */
import { COMPOSITION_CODES, CHANGE_CODES, INDICATION_CODES, SR_CODES, SR_LATERALITY_CODES, SR_PRIVATE_CODES, type CodedConcept } from '../../codes.js';
import { parseDraft } from '../../draft/serialize-draft.js';
import { EXAM_DRAFT_SCHEMA, type DraftCalcification, type DraftFinding, type ExamDraft } from '../../draft/exam-draft.js';
import { EMPTY_HISTORY, INDICATIONS, KNOWN_CANCER_RELATIONS, type ChangeSincePrior, type Indication, type KnownCancerRelation } from '../../lexicon.js';
import { err, ok, type Result } from '../../result.js';
import type { ContentItem } from './content-items.js';
import { contourFromBase64 } from './contour-record.js';
import { COMPREHENSIVE_SR_SOP_CLASS, type SrPredecessor } from './sr-options.js';
import { childrenOf, codeValueOf, first, jsonOf, named, namedOne, nameOf, numberOf, readDataset, sameConcept, str, termOf, textOf, type Dataset } from './read-sr-dataset.js';

export interface ReadCalcificationSr {
  readonly draft: ExamDraft;
  /** Parts left out or read with a default, each saying what and why. */
  readonly warnings: readonly string[];
  /** The SR this one amends, when it names one. */
  readonly predecessor: SrPredecessor | null;
  /** This SR's own identity: an amendment of it names these. */
  readonly instance: SrPredecessor;
  /** Who reported (the person observer, PN as stored) and the device that suggested the wording. */
  readonly observer: { readonly name: string | null; readonly device: string | null };
  /** Content Date and Time as stored, as ISO 8601 (UTC offset when the SR gives one); null when absent. */
  readonly contentDateTime: string | null;
}

const SIDE_OF: Readonly<Record<keyof typeof SR_LATERALITY_CODES, DraftFinding['side']>> = { right: 'right', left: 'left', both: 'both' };

/** A value from the file, quoted in a message: one line, at most 64 characters. */
function describe(v: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = v.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}

function personNameOf(v: unknown): string | null {
  const x = first(v);
  if (typeof x === 'string') return x;
  if (typeof x === 'object' && x !== null) return str((x as Dataset)['Alphabetic']);
  return null;
}

function dateTimeOf(ds: Dataset): string | null {
  const d = str(ds['ContentDate']);
  const t = str(ds['ContentTime']) ?? '';
  if (d === null || !/^\d{8}$/.test(d)) return null;
  const tm = /^(\d{2})(\d{2})?(\d{2})?/.exec(t);
  const time = tm === null ? '' : `T${tm[1]}:${tm[2] ?? '00'}:${tm[3] ?? '00'}`;
  const tz = str(ds['TimezoneOffsetFromUTC']);
  const zone = time !== '' && tz !== null && /^[+-]\d{4}$/.test(tz) ? (tz === '+0000' ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(3)}`) : '';
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}${time}${zone}`;
}

function referenceOf(item: unknown): SrPredecessor | null {
  if (typeof item !== 'object' || item === null) return null;
  const study = str((item as Dataset)['StudyInstanceUID']);
  const series = first((item as Dataset)['ReferencedSeriesSequence']) as Dataset | undefined;
  const sop = series === undefined ? undefined : (first(series['ReferencedSOPSequence']) as Dataset | undefined);
  const seriesUid = series === undefined ? null : str(series['SeriesInstanceUID']);
  const sopUid = sop === undefined ? null : str(sop['ReferencedSOPInstanceUID']);
  return study === null || seriesUid === null || sopUid === null ? null : { studyInstanceUid: study, seriesInstanceUid: seriesUid, sopInstanceUid: sopUid };
}

/** The statement-origin marker of an item: true when the radiologist chose it. */
const byRadiologist = (item: ContentItem): boolean => sameConcept(codeValueOf(namedOne(item, SR_PRIVATE_CODES['statement origin'])), SR_PRIVATE_CODES['chosen by radiologist']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ReadCalc {
  readonly calc: DraftCalcification;
  readonly trackingUid: string | null;
}

function readCalcification(group: ContentItem, warnings: string[]): ReadCalc | null {
  const id = textOf(namedOne(group, SR_PRIVATE_CODES['calcification identifier']));
  const trackingUid = textOf(namedOne(group, SR_CODES['tracking uid']));
  const label = id === null ? `a calcification group${trackingUid === null ? '' : ` (tracking UID ${describe(trackingUid)})`}` : `calcification ${describe(id)}`;
  if (id === null) {
    warnings.push(`${label} has no calcification identifier: left out`);
    return null;
  }
  const record = jsonOf(namedOne(group, SR_PRIVATE_CODES['calcification record']));
  if (record === 'absent') {
    const hasOutline = named(group, SR_CODES['long axis']).some((n) => named(n, SR_CODES['image region']).length > 0);
    warnings.push(`${label} has no calcscribe record ${hasOutline ? '(its outline and measurements as the SR rounds them are not enough to rebuild it)' : 'and no outline'}: left out`);
    return null;
  }
  if (record === 'not JSON' || !isObj(record.value)) {
    warnings.push(`${label}: its record is damaged (not JSON): left out`);
    return null;
  }
  const r = record.value;
  const origin = codeValueOf(namedOne(group, SR_PRIVATE_CODES['outline origin']));
  const edited = sameConcept(origin, SR_PRIVATE_CODES['edited by radiologist']);
  if (!edited && !sameConcept(origin, SR_PRIVATE_CODES.segmented)) warnings.push(`${label}: outline origin missing or unknown, read as segmented`);
  // The outline as base64 doubles (contourF64), or as a JSON array in records written before.
  const contour = Array.isArray(r['contour']) ? r['contour'] : contourFromBase64(r['contourF64']);
  if (contour === null) {
    warnings.push(`${label}: its record has no readable outline (contourF64 is not base64 of whole, finite coordinate pairs): left out`);
    return null;
  }
  const calc = { id, imageId: r['imageId'], seed: r['seed'], contour, edited, measurements: r['measurements'] } as unknown as DraftCalcification;
  return { calc, trackingUid };
}

function readChange(group: ContentItem, label: string, warnings: string[]): ChangeSincePrior | null {
  const item = namedOne(group, SR_PRIVATE_CODES['change since prior']);
  if (item === undefined) return null;
  const code = codeValueOf(item);
  const kind = sameConcept(code, SR_PRIVATE_CODES['no prior examination']) ? 'no-priors' : termOf(item, CHANGE_CODES);
  if (kind === null) {
    warnings.push(`${label}: change since prior has an unknown code ${describe(code === null ? '(none)' : `${code.scheme} ${code.value}`)}: read as not stated`);
    return null;
  }
  const years = numberOf(namedOne(item, SR_PRIVATE_CODES['years stable']));
  const newPosition = textOf(namedOne(item, SR_PRIVATE_CODES['new position'])) === 'yes';
  return { kind, ...(years === null ? {} : { years }), ...(newPosition ? { newPosition: true } : {}) };
}

function readFinding(group: ContentItem, calcByUid: ReadonlyMap<string, string>, warnings: string[]): DraftFinding | null {
  const id = textOf(namedOne(group, SR_PRIVATE_CODES['finding identifier']));
  if (id === null) return null;
  const label = `finding ${describe(id)}`;
  const site = namedOne(group, SR_CODES['finding site']);
  const side = termOf(site === undefined ? undefined : namedOne(site, SR_CODES.laterality), SR_LATERALITY_CODES);
  if (side === null) {
    warnings.push(`${label} has no known laterality: left out`);
    return null;
  }
  const calcificationIds: string[] = [];
  for (const m of named(group, SR_PRIVATE_CODES['member calcification'])) {
    const uid = textOf(m) ?? '';
    const calcId = calcByUid.get(uid);
    if (calcId === undefined) warnings.push(`${label}: member calcification ${describe(uid)} names no calcification group of this SR: left out of the finding`);
    else calcificationIds.push(calcId);
  }
  if (calcificationIds.length === 0) {
    warnings.push(`${label} has none of its calcifications in this SR: left out`);
    return null;
  }
  const overridesJson = jsonOf(namedOne(group, SR_PRIVATE_CODES.overrides));
  let overrides: DraftFinding['overrides'] = {};
  if (overridesJson !== 'absent') {
    if (overridesJson !== 'not JSON' && isObj(overridesJson.value)) overrides = overridesJson.value as DraftFinding['overrides'];
    else warnings.push(`${label}: the replaced terms are damaged (not JSON): read as none replaced`);
  }
  let change = readChange(group, label, warnings);
  if (overrides.change !== undefined) {
    // The change item is the override in force; the change stated before it is kept beside it.
    const before = jsonOf(namedOne(group, SR_PRIVATE_CODES['change before override']));
    if (before !== 'absent' && before !== 'not JSON' && (before.value === null || isObj(before.value))) {
      change = before.value as ChangeSincePrior | null;
    } else {
      warnings.push(`${label}: the change stated before the radiologist's override is missing: read as not stated`);
      change = null;
    }
  }
  const relation = textOf(namedOne(group, SR_PRIVATE_CODES['relation to treated site']));
  const known = textOf(namedOne(group, SR_PRIVATE_CODES['known cancer relation']));
  const knownCancer = known !== null && (KNOWN_CANCER_RELATIONS as readonly string[]).includes(known) ? (known as KnownCancerRelation) : null;
  if (known !== null && knownCancer === null) warnings.push(`${label}: unknown relation to the known cancer "${describe(known)}": read as none`);
  const grouped = textOf(namedOne(group, SR_PRIVATE_CODES['grouped by']));
  const groupedBy = grouped === 'proximity' || grouped === 'radiologist' ? grouped : undefined;
  if (grouped !== null && groupedBy === undefined) warnings.push(`${label}: unknown grouping "${describe(grouped)}": ignored`);
  return {
    id,
    side: SIDE_OF[side],
    calcificationIds,
    change,
    overrides,
    relation,
    ...(groupedBy === undefined ? {} : { groupedBy }),
    // Absent and null say the same (neither); drafts made today hold null.
    knownCancer,
  };
}

/** Sorts items by the order the draft record gives (those it does not name last, in SR order). */
function inOrder<T extends { readonly id: string }>(items: readonly T[], order: unknown): T[] {
  if (!Array.isArray(order)) return [...items];
  const rank = new Map(order.map((id, i) => [id, i] as const));
  return [...items].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

function readExamLevel(evaluations: ContentItem | undefined, warnings: string[]) {
  const composition = termOf(namedOne(evaluations, SR_CODES['breast composition']), COMPOSITION_CODES);
  const reason = namedOne(evaluations, SR_CODES['reason for procedure']);
  const codedIndication = termOf(reason, INDICATION_CODES as Readonly<Record<Indication, CodedConcept>>);
  if (reason !== undefined && codedIndication === null) warnings.push('a reason for procedure calcscribe has no indication for: read as not given');
  const indicationText = textOf(namedOne(evaluations, SR_PRIVATE_CODES.indication));
  const textIndication = indicationText !== null && (INDICATIONS as readonly string[]).includes(indicationText) ? (indicationText as Indication) : null;
  if (indicationText !== null && textIndication === null) warnings.push(`unknown indication "${describe(indicationText)}": read as not given`);
  const indication = codedIndication ?? textIndication;
  const history = jsonOf(namedOne(evaluations, SR_PRIVATE_CODES['clinical history']));
  const date = str(namedOne(evaluations, SR_PRIVATE_CODES['comparison examination date'])?.['Date']);
  const priorDate = date !== null && /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : null;
  const narrative = named(evaluations, SR_CODES['narrative summary'])[0];
  const reportText = narrative !== undefined && byRadiologist(narrative) ? textOf(narrative) : null;
  const record = namedOne(evaluations, SR_PRIVATE_CODES['draft record']);
  return { composition, indication, history, priorDate, reportText, record };
}

/**
 * Reads an SR written by buildCalcificationSr back into the draft it was written from. Refused:
 * not DICOM, cut short, not Comprehensive SR, not a TID 1500 Measurement Report, no content, or
 * not written by calcscribe (no draft record). Partial, with warnings: broken groups.
 */
export function readCalcificationSr(bytes: Uint8Array): Result<ReadCalcificationSr> {
  const read = readDataset(bytes);
  if (!read.ok) return read;
  const ds = read.value;
  const sopClass = str(ds['SOPClassUID']);
  // A file cut at an element boundary reads without error, up to the cut: what is missing says so.
  if (sopClass === null) return err('truncated', 'the dataset has no SOP Class UID: not an SR, or the file is cut short');
  if (sopClass !== COMPREHENSIVE_SR_SOP_CLASS) {
    return err('bad-argument', `not a Comprehensive SR: SOP Class UID ${describe(sopClass)}${str(ds['Modality']) === null ? '' : `, modality ${describe(str(ds['Modality']) ?? '')}`}`);
  }
  const template = first(ds['ContentTemplateSequence']);
  const templateId = isObj(template) ? str(template['TemplateIdentifier']) : null;
  if (templateId === null && ds['ContentSequence'] === undefined) return err('truncated', 'the SR has neither its template nor its content: the file is cut short, or not a Measurement Report');
  if (templateId !== '1500' || !sameConcept(nameOf(ds), SR_CODES['imaging measurement report'])) {
    return err('bad-argument', `not a Measurement Report (TID 1500): template ${templateId === null ? '(none)' : describe(templateId)}`);
  }
  const root = childrenOf(ds);
  if (root.length === 0) return err('bad-argument', 'the SR has no content (its root container is empty or missing; the file may be cut short)');
  const measurements = namedOne(ds, SR_CODES['imaging measurements']);
  const evaluations = namedOne(ds, SR_CODES['qualitative evaluations']);
  const warnings: string[] = [];
  const exam = readExamLevel(evaluations, warnings);
  if (exam.record === undefined) return err('bad-argument', 'not written by calcscribe: the SR has no calcscribe draft record, so there is no draft to read back');

  // Calcification groups first (findings name them by tracking UID), then findings.
  const groups = named(measurements, SR_CODES['measurement group']);
  const calcs: DraftCalcification[] = [];
  const calcByUid = new Map<string, string>();
  for (const g of groups) {
    if (namedOne(g, SR_PRIVATE_CODES['finding identifier']) !== undefined) continue;
    const c = readCalcification(g, warnings);
    if (c === null) continue;
    if (calcs.some((x) => x.id === c.calc.id)) {
      warnings.push(`calcification ${describe(c.calc.id)} is given twice: the second is left out`);
      continue;
    }
    calcs.push(c.calc);
    if (c.trackingUid !== null) calcByUid.set(c.trackingUid, c.calc.id);
  }
  const findings: DraftFinding[] = [];
  for (const g of groups) {
    if (namedOne(g, SR_PRIVATE_CODES['finding identifier']) === undefined) continue;
    const f = readFinding(g, calcByUid, warnings);
    if (f !== null) findings.push(f);
  }

  const record = exam.record;
  const examKey = textOf(namedOne(record, SR_PRIVATE_CODES['exam key'])) ?? str(ds['StudyInstanceUID']) ?? '';
  const revision = numberOf(namedOne(record, SR_PRIVATE_CODES['draft revision'])) ?? 0;
  const images = jsonOf(namedOne(record, SR_PRIVATE_CODES['draft images']));
  const order = jsonOf(namedOne(record, SR_PRIVATE_CODES['draft order']));
  const nipples = jsonOf(namedOne(record, SR_PRIVATE_CODES['nipple marker points']));
  const endings = jsonOf(namedOne(record, SR_PRIVATE_CODES['text endings']));
  const exact = typeof endings === 'object' && isObj(endings.value) ? endings.value : {};
  /** A text as read, with the trailing spaces UT dropped given back when the record has them for that very text. */
  const withEnding = (read: string | null, stored: unknown): string | null =>
    read !== null && typeof stored === 'string' && stored.replace(/ +$/, '') === read ? stored : read;
  const relations = isObj(exact['relations']) ? exact['relations'] : {};
  const findingsExact = findings.map((f) => ({ ...f, relation: withEnding(f.relation, relations[f.id]) }));
  const orderOf = (key: string): unknown => (typeof order === 'object' && isObj(order.value) ? order.value[key] : undefined);
  if (typeof images !== 'object' || !Array.isArray(images.value)) return err('bad-argument', 'the calcscribe draft record has no readable image list: the calcifications cannot be placed');
  if (typeof exam.history !== 'object') warnings.push('the clinical history is missing or damaged: read as empty');
  const candidate = {
    schema: EXAM_DRAFT_SCHEMA,
    examKey: withEnding(examKey, exact['examKey']),
    images: images.value,
    calcifications: inOrder(calcs, orderOf('calcifications')),
    findings: inOrder(findingsExact, orderOf('findings')),
    composition: exam.composition,
    history: typeof exam.history === 'object' ? exam.history.value : EMPTY_HISTORY,
    priorDate: exam.priorDate,
    indication: exam.indication,
    nippleMarkers: typeof nipples === 'object' && isObj(nipples.value) ? nipples.value : {},
    reportText: withEnding(exam.reportText, exact['reportText']),
    revision,
  };
  const draft = parseDraft(JSON.stringify(candidate));
  if (!draft.ok) return err('bad-argument', `the SR does not give a valid draft: ${draft.error.message}`);

  const person = named(ds, SR_CODES['person observer name'])[0];
  const device = textOf(namedOne(ds, SR_CODES['device observer name']));
  const instance = { sopInstanceUid: str(ds['SOPInstanceUID']) ?? '', seriesInstanceUid: str(ds['SeriesInstanceUID']) ?? '', studyInstanceUid: str(ds['StudyInstanceUID']) ?? '' };
  return ok({
    draft: draft.value,
    warnings,
    predecessor: referenceOf(first(ds['PredecessorDocumentsSequence'])),
    instance,
    observer: { name: person === undefined ? null : personNameOf(person['PersonName']), device },
    contentDateTime: dateTimeOf(ds),
  });
}
