/**
 * Every coded concept calcscribe writes or reads, each with the DICOM PS3.16 context group (CID)
 * it comes from. No other module writes a code literal: they look terms up here.
 *
 * Schemes: SCT = SNOMED CT, DCM = DICOM (PS3.16 Annex D), NCIt = NCI Thesaurus,
 * BI = ACR BI-RADS (the designator PS3.16 CID 6027 uses for 4A / 4B / 4C / 6).
 */
import type { CalibrationKind, MammoView, ViewModifier } from './image.js';
import type {
  AssessmentCategory,
  BreastComposition,
  ChangeKind,
  DistributionTerm,
  Indication,
  MorphologyTerm,
  Side,
} from './lexicon.js';
import type { ClockHour, Depth, Quadrant, SpecialLocation } from './locate/location.js';
import { err, ok, type Result } from './result.js';

export type CodingScheme = 'SCT' | 'DCM' | 'NCIt' | 'BI' | 'UMLS' | 'UCUM' | 'RFC5646' | typeof PRIVATE_SCHEME;

/** A code triplet plus the context group it is taken from. */
export interface CodedConcept {
  readonly scheme: CodingScheme;
  readonly value: string;
  readonly meaning: string;
  /** The PS3.16 context group, e.g. "CID 6011". */
  readonly cid: string;
  /** Why a lexicon term maps to a differently named code, when it does. */
  readonly note?: string;
  /**
   * Coding Scheme Version, only where PS3.16 gives one because the designator alone does not
   * identify the code (the BI-RADS codes of CID 6027: "BI [4.0]").
   */
  readonly version?: string;
}

const c = (scheme: CodingScheme, value: string, meaning: string, cid: string, note?: string): CodedConcept =>
  note === undefined ? { scheme, value, meaning, cid } : { scheme, value, meaning, cid, note };

/** Calcification type, CID 6010 (includes CID 6011 "Calcification Type from BI-RADS"). */
export const MORPHOLOGY_CODES: Readonly<Record<MorphologyTerm, CodedConcept>> = {
  skin: c('SCT', '129757003', 'Calcified skin of breast', 'CID 6011'),
  vascular: c('SCT', '129759000', 'Vascular calcification', 'CID 6011'),
  coarse: c('SCT', '129749001', 'Coarse (popcorn-like) calcification', 'CID 6011'),
  'large rod-like': c('SCT', '129752009', 'Large rod-like calcification', 'CID 6011'),
  round: c('SCT', '129756007', 'Round shaped calcification', 'CID 6011'),
  punctate: c('SCT', '129755006', 'Punctate calcification', 'CID 6011'),
  rim: c(
    'SCT',
    '129751002',
    'Eggshell calcification',
    'CID 6011',
    'BI-RADS 5th edition "rim" has no code of its own: written as eggshell; lucent-centred (SCT 129754005) is read back as rim too',
  ),
  dystrophic: c('SCT', '129750001', 'Dystrophic calcification', 'CID 6011'),
  'milk of calcium': c('SCT', '129753004', 'Milk of calcium calcification', 'CID 6011'),
  suture: c('SCT', '129758008', 'Calcified suture material', 'CID 6011'),
  amorphous: c('SCT', '129760005', 'Amorphous calcification', 'CID 6011'),
  'coarse heterogeneous': c(
    'SCT',
    '129763007',
    'Heterogeneous calcification',
    'CID 6011',
    'BI-RADS 5th edition "coarse heterogeneous" has no code of its own: written as heterogeneous',
  ),
  'fine pleomorphic': c('DCM', '111344', 'Fine pleomorphic calcification', 'CID 6011'),
  'fine linear': c('SCT', '129761009', 'Fine, linear (casting) calcification', 'CID 6011'),
  'fine-linear branching': c('SCT', '129762002', 'Fine linear, branching (casting) calcification', 'CID 6011'),
};

/** Older names that are read back as a lexicon term (never written). */
export const MORPHOLOGY_READ_ALIASES: readonly { readonly code: CodedConcept; readonly term: MorphologyTerm }[] = [
  { code: c('SCT', '129754005', 'Lucent-centered calcification', 'CID 6011'), term: 'rim' },
];

/**
 * CID 6011 codes that name calcifications without a BI-RADS morphology (PS3.16 CID 6011 lists them
 * beside the lexicon terms). Read as "calcifications present, morphology not characterised".
 */
export const MORPHOLOGY_UNCHARACTERISED_CODES: readonly CodedConcept[] = [
  c('SCT', '44771000', 'Microcalcifications of the breast', 'CID 6011'),
  c('DCM', '111345', 'Macrocalcifications', 'CID 6011'),
];

/** Calcification distribution, CID 6012 (includes CID 6013). */
export const DISTRIBUTION_CODES: Readonly<Record<DistributionTerm, CodedConcept>> = {
  diffuse: c('SCT', '129764001', 'Diffuse calcification distribution', 'CID 6013'),
  regional: c('SCT', '129767008', 'Regional calcification distribution', 'CID 6013'),
  grouped: c('SCT', '129766004', 'Grouped calcification distribution', 'CID 6013'),
  linear: c('SCT', '129765000', 'Linear calcification distribution', 'CID 6013'),
  segmental: c('SCT', '129768003', 'Segmental calcification distribution', 'CID 6013'),
};

export type FindingConcept =
  | 'calcification cluster'
  | 'individual calcification'
  | 'number of calcifications'
  | 'distance from nipple'
  | 'distance from skin'
  | 'distance from chest wall';

/** Finding-level concepts used by the mammography CAD / report templates (TID 4000 family). */
export const FINDING_CODES: Readonly<Record<FindingConcept, CodedConcept>> = {
  'calcification cluster': c('SCT', '129769006', 'Calcification Cluster', 'CID 6015'),
  'individual calcification': c('SCT', '129770007', 'Individual Calcification', 'CID 6015'),
  'number of calcifications': c('DCM', '111038', 'Number of calcifications', 'PS3.16 Annex D'),
  'distance from nipple': c('DCM', '121242', 'Distance from nipple', 'PS3.16 Annex D'),
  'distance from skin': c('DCM', '121243', 'Distance from skin', 'PS3.16 Annex D'),
  'distance from chest wall': c('DCM', '121244', 'Distance from chest wall', 'PS3.16 Annex D'),
};

export type ClockOrRegion = `${ClockHour} o'clock` | SpecialLocation;

/** Clockface location or region, CID 6018 (includes CID 6019). */
export const CLOCK_CODES: Readonly<Record<ClockOrRegion, CodedConcept>> = {
  "1 o'clock": c('SCT', '129772004', "1 o'clock position", 'CID 6019'),
  "2 o'clock": c('SCT', '129773009', "2 o'clock position", 'CID 6019'),
  "3 o'clock": c('SCT', '129774003', "3 o'clock position", 'CID 6019'),
  "4 o'clock": c('SCT', '129775002', "4 o'clock position", 'CID 6019'),
  "5 o'clock": c('SCT', '129776001', "5 o'clock position", 'CID 6019'),
  "6 o'clock": c('SCT', '129777005', "6 o'clock position", 'CID 6019'),
  "7 o'clock": c('SCT', '129778000', "7 o'clock position", 'CID 6019'),
  "8 o'clock": c('SCT', '129779008', "8 o'clock position", 'CID 6019'),
  "9 o'clock": c('SCT', '129780006', "9 o'clock position", 'CID 6019'),
  "10 o'clock": c('SCT', '129781005', "10 o'clock position", 'CID 6019'),
  "11 o'clock": c('SCT', '129782003', "11 o'clock position", 'CID 6019'),
  "12 o'clock": c('SCT', '129783008', "12 o'clock position", 'CID 6019'),
  subareolar: c('SCT', '129784002', 'Subareolar region', 'CID 6019'),
  'axillary tail': c('SCT', '129785001', 'Axillary tail region', 'CID 6019'),
  central: c('SCT', '129786000', 'Central region of breast', 'CID 6019'),
};

/** Quadrant location, CID 6020 (includes CID 6021). */
export const QUADRANT_CODES: Readonly<Record<Quadrant, CodedConcept>> = {
  'upper outer': c('SCT', '76365002', 'Upper outer quadrant of breast', 'CID 6021'),
  'upper inner': c('SCT', '77831004', 'Upper inner quadrant of breast', 'CID 6021'),
  'lower outer': c('SCT', '33564002', 'Lower outer quadrant of breast', 'CID 6021'),
  'lower inner': c('SCT', '19100000', 'Lower inner quadrant of breast', 'CID 6021'),
};

/** Side, CID 6022 (includes CID 6023). */
export const SIDE_CODES: Readonly<Record<Side, CodedConcept>> = {
  right: c('SCT', '73056007', 'Right breast', 'CID 6023'),
  left: c('SCT', '80248007', 'Left breast', 'CID 6023'),
  both: c('SCT', '63762007', 'Both breasts', 'CID 6023'),
};

/** Depth, CID 6024 (includes CID 6025). */
export const DEPTH_CODES: Readonly<Record<Depth, CodedConcept>> = {
  anterior: c('SCT', '255549009', 'Anterior', 'CID 6025'),
  middle: c('NCIt', 'C25569', 'Middle', 'CID 6025'),
  posterior: c('SCT', '255551008', 'Posterior', 'CID 6025'),
};

/** Overall breast composition, CID 6000 (includes CID 6001). */
export const COMPOSITION_CODES: Readonly<Record<BreastComposition, CodedConcept>> = {
  a: c('SCT', '129716005', 'Almost entirely fat', 'CID 6001'),
  b: c('SCT', '129717001', 'Scattered fibroglandular densities', 'CID 6001'),
  c: c('SCT', '129718006', 'Heterogeneously dense', 'CID 6001'),
  d: c('SCT', '129719003', 'Extremely dense', 'CID 6001'),
};

/** Change since last mammogram, CID 6002 (includes CID 6003). "no-priors" has no code. */
export const CHANGE_CODES: Readonly<Record<Exclude<ChangeKind, 'no-priors'>, CodedConcept>> = {
  new: c('SCT', '129721008', 'New finding', 'CID 6003'),
  stable: c('SCT', '129723006', 'No significant changes in the finding', 'CID 6003'),
  increased: c('SCT', '129726003', 'Increase in number of calcifications', 'CID 6003'),
  decreased: c('SCT', '129727007', 'Decrease in number of calcifications', 'CID 6003'),
};

/** Coding Scheme Version of the BI codes as PS3.16 CID 6027 lists them ("BI 4.0"; PS3.16 section 7.2.1 example "DT (MA.II.A.5.4A, BI [4.0], …)"). */
const BI_RADS_VERSION = '4.0';

/**
 * Assessment, CID 6026 (includes CID 6027 "Assessment from BI-RADS"). PS3.16 codes 0–5 in SCT and
 * 4A / 4B / 4C / 6 in the BI-RADS scheme. DCM 111170–111173 are equipment concepts (J wire,
 * pacemaker, paddle, collimator) and are never used for assessments.
 */
export const ASSESSMENT_CODES: Readonly<Record<AssessmentCategory, CodedConcept>> = {
  '0': c('SCT', '397138000', '0 - Incomplete - Need additional imaging evaluation +/- priors', 'CID 6027'),
  '1': c('SCT', '397140005', '1 - Negative', 'CID 6027'),
  '2': c('SCT', '397141009', '2 - Benign', 'CID 6027'),
  '3': c('SCT', '397143007', '3 - Probably Benign', 'CID 6027'),
  '4A': { ...c('BI', 'MA.II.A.5.4A', '4A - Low suspicion', 'CID 6027'), version: BI_RADS_VERSION },
  '4B': { ...c('BI', 'MA.II.A.5.4B', '4B - Intermediate suspicion', 'CID 6027'), version: BI_RADS_VERSION },
  '4C': { ...c('BI', 'MA.II.A.5.4C', '4C - Moderate suspicion', 'CID 6027'), version: BI_RADS_VERSION },
  '5': c('SCT', '397145000', '5 - Highly suggestive of malignancy', 'CID 6027'),
  '6': { ...c('BI', 'MA.II.A.5.6', '6 - Known biopsy proven malignancy', 'CID 6027'), version: BI_RADS_VERSION },
};

/** Codes other systems use for assessments, read back but never written. */
export const ASSESSMENT_READ_ALIASES: readonly { readonly code: CodedConcept; readonly term: AssessmentCategory }[] = [
  { code: c('SCT', '397144001', '4 - Suspicious', 'CID 6027'), term: '4A' },
  { code: c('SCT', '6111000179101', 'Mammography assessment (Category 6)', 'HL7 breast radiology'), term: '6' },
];

export type FollowUp =
  | 'normal interval follow-up'
  | 'short interval follow-up'
  | 'additional projections'
  | 'spot magnification views'
  | 'old films for comparison'
  | 'biopsy should be considered'
  | 'biopsy should be strongly considered'
  | 'highly suggestive of malignancy, take appropriate action'
  | 'known biopsy proven malignancy, take appropriate action';

/** Recommended follow-up, CID 6028 (includes CID 6029). */
export const FOLLOW_UP_CODES: Readonly<Record<FollowUp, CodedConcept>> = {
  'normal interval follow-up': c('DCM', '111140', 'Normal interval follow-up', 'CID 6029'),
  'short interval follow-up': c('DCM', '111142', 'Follow-up at short interval (1-11 months)', 'CID 6029'),
  'additional projections': c('DCM', '111135', 'Additional projections', 'CID 6029'),
  'spot magnification views': c('DCM', '111136', 'Spot magnification view(s)', 'CID 6029'),
  'old films for comparison': c('DCM', '111138', 'Old films for comparison', 'CID 6029'),
  'biopsy should be considered': c('DCM', '111143', 'Biopsy should be considered', 'CID 6029'),
  'biopsy should be strongly considered': c('DCM', '111148', 'Biopsy should be strongly considered', 'CID 6029'),
  'highly suggestive of malignancy, take appropriate action': c(
    'DCM',
    '111149',
    'Highly suggestive of malignancy - take appropriate action',
    'CID 6029',
  ),
  'known biopsy proven malignancy, take appropriate action': c(
    'DCM',
    '111122',
    'Known biopsy proven malignancy - take appropriate action',
    'CID 6029',
  ),
};

/**
 * A view or view modifier as images carry it: SNOMED CT code, the legacy SNOMED RT code that older
 * files still carry, and the ACR MQCM 1999 abbreviation used in View Position (0018,5101).
 * `value` is null for a concept the pipeline does not name.
 */
export interface ViewCodeEntry<T> {
  readonly value: T | null;
  readonly sct: string;
  readonly srt: string;
  readonly meaning: string;
  readonly abbreviation: string;
}

/** CID 4014 View for Mammography. `value` null: a view the pipeline does not name. */
export const MAMMOGRAPHY_VIEW_CODES: readonly ViewCodeEntry<MammoView>[] = [
  { value: 'ML', sct: '399260004', srt: 'R-10224', meaning: 'medio-lateral', abbreviation: 'ML' },
  { value: 'MLO', sct: '399368009', srt: 'R-10226', meaning: 'medio-lateral oblique', abbreviation: 'MLO' },
  { value: 'LM', sct: '399352003', srt: 'R-10228', meaning: 'latero-medial', abbreviation: 'LM' },
  { value: 'LMO', sct: '399099002', srt: 'R-10230', meaning: 'latero-medial oblique', abbreviation: 'LMO' },
  { value: 'CC', sct: '399162004', srt: 'R-10242', meaning: 'cranio-caudal', abbreviation: 'CC' },
  { value: 'FB', sct: '399196006', srt: 'R-10244', meaning: 'caudo-cranial (from below)', abbreviation: 'FB' },
  { value: 'SIO', sct: '399188001', srt: 'R-102D0', meaning: 'superolateral to inferomedial oblique', abbreviation: 'SIO' },
  { value: null, sct: '441555000', srt: 'R-40AAA', meaning: 'inferomedial to superolateral oblique', abbreviation: 'ISO' },
  { value: 'XCCL', sct: '399192008', srt: 'R-1024A', meaning: 'cranio-caudal exaggerated laterally', abbreviation: 'XCCL' },
  { value: 'XCCM', sct: '399101009', srt: 'R-1024B', meaning: 'cranio-caudal exaggerated medially', abbreviation: 'XCCM' },
  { value: null, sct: '127457009', srt: 'G-8310', meaning: 'tissue specimen from breast', abbreviation: 'SPECIMEN' },
];

/** CID 4015 View Modifier for Mammography. `value` null: a modifier the pipeline does not name. */
export const MAMMOGRAPHY_VIEW_MODIFIER_CODES: readonly ViewCodeEntry<ViewModifier>[] = [
  { value: 'cleavage', sct: '399161006', srt: 'R-102D2', meaning: 'cleavage', abbreviation: 'CV' },
  { value: null, sct: '399011000', srt: 'R-102D1', meaning: 'axillary tail', abbreviation: 'AT' },
  { value: 'rolled-lateral', sct: '399197002', srt: 'R-102D3', meaning: 'rolled lateral', abbreviation: 'RL' },
  { value: 'rolled-medial', sct: '399226006', srt: 'R-102D4', meaning: 'rolled medial', abbreviation: 'RM' },
  { value: null, sct: '414493004', srt: 'R-102CA', meaning: 'rolled inferior', abbreviation: 'RI' },
  { value: null, sct: '415670009', srt: 'R-102C9', meaning: 'rolled superior', abbreviation: 'RS' },
  { value: 'implant-displaced', sct: '399209000', srt: 'R-102D5', meaning: 'implant displaced', abbreviation: 'ID' },
  { value: 'magnification', sct: '399163009', srt: 'R-102D6', meaning: 'magnification', abbreviation: 'M' },
  { value: 'spot-compression', sct: '399055006', srt: 'R-102D7', meaning: 'spot compression', abbreviation: 'S' },
  { value: 'tangential', sct: '399110001', srt: 'R-102C2', meaning: 'tangential', abbreviation: 'TAN' },
  { value: null, sct: '442581004', srt: 'R-40AB3', meaning: 'nipple in profile', abbreviation: 'NP' },
  { value: null, sct: '441752004', srt: 'P2-00161', meaning: 'anterior compression', abbreviation: 'AC' },
  { value: null, sct: '442593008', srt: 'R-40ABE', meaning: 'infra-mammary fold', abbreviation: 'IMF' },
  { value: null, sct: '442580003', srt: 'R-40AB2', meaning: 'axillary tissue', abbreviation: 'AX' },
];

function viewConcept(e: ViewCodeEntry<unknown>, cid: string): CodedConcept {
  return c('SCT', e.sct, e.meaning, cid);
}

function entryFor<T>(table: readonly ViewCodeEntry<T>[], pick: (e: ViewCodeEntry<T>) => boolean, what: string): ViewCodeEntry<T> {
  const e = table.find(pick);
  if (e === undefined) throw new Error(`codes.ts: no ${what} in the view tables`);
  return e;
}

const VIEW_NAMES: readonly MammoView[] = ['CC', 'MLO', 'ML', 'LM', 'LMO', 'XCCL', 'XCCM', 'FB', 'SIO', 'AT', 'CV'];

/**
 * View for mammography, CID 4014, by the short names readers use. AT and CV are ACR view names
 * that PS3.16 codes as view modifiers (CID 4015) used in place of a view.
 */
export const VIEW_CODES: Readonly<Record<MammoView, CodedConcept>> = Object.fromEntries(
  VIEW_NAMES.map((v) => {
    const asView = MAMMOGRAPHY_VIEW_CODES.find((e) => e.value === v);
    if (asView !== undefined) return [v, viewConcept(asView, 'CID 4014')];
    return [v, viewConcept(entryFor(MAMMOGRAPHY_VIEW_MODIFIER_CODES, (e) => e.abbreviation === v, `view ${v}`), 'CID 4015')];
  }),
) as Record<MammoView, CodedConcept>;

const MODIFIER_NAMES: readonly ViewModifier[] = ['magnification', 'spot-compression', 'implant-displaced', 'tangential', 'rolled-lateral', 'rolled-medial', 'cleavage'];

/** View modifier for mammography, CID 4015. */
export const VIEW_MODIFIER_CODES: Readonly<Record<ViewModifier, CodedConcept>> = Object.fromEntries(
  MODIFIER_NAMES.map((m) => [m, viewConcept(entryFor(MAMMOGRAPHY_VIEW_MODIFIER_CODES, (e) => e.value === m, `modifier ${m}`), 'CID 4015')]),
) as Record<ViewModifier, CodedConcept>;

/** Every table by name, for lookups in both directions. */
export const CODE_TABLES = {
  morphology: MORPHOLOGY_CODES,
  distribution: DISTRIBUTION_CODES,
  finding: FINDING_CODES,
  clock: CLOCK_CODES,
  quadrant: QUADRANT_CODES,
  side: SIDE_CODES,
  depth: DEPTH_CODES,
  composition: COMPOSITION_CODES,
  change: CHANGE_CODES,
  assessment: ASSESSMENT_CODES,
  followUp: FOLLOW_UP_CODES,
  view: VIEW_CODES,
  viewModifier: VIEW_MODIFIER_CODES,
} as const;

export type CodeKind = keyof typeof CODE_TABLES;
export type TermOf<K extends CodeKind> = keyof (typeof CODE_TABLES)[K] & string;

/** One term a code stands for. */
export interface CodeMatch {
  readonly kind: CodeKind;
  readonly term: string;
  readonly code: CodedConcept;
}

/** The term an uncharacterised calcification code (CID 6011, no lexicon morphology) stands for in lookups. */
export const UNCHARACTERISED = 'uncharacterised calcifications';

/** The code written for a term, e.g. `codeFor('morphology', 'rim')` → SCT 129751002. */
export function codeFor<K extends CodeKind>(kind: K, term: TermOf<K>): CodedConcept {
  return (CODE_TABLES[kind] as Readonly<Record<string, CodedConcept>>)[term] as CodedConcept;
}

/** "SCT:129751002" — the form used in JSON output and accepted on input. */
export function formatCode(code: CodedConcept): string {
  return `${code.scheme}:${code.value}`;
}

const SCHEMES: readonly CodingScheme[] = ['SCT', 'DCM', 'NCIt', 'BI'];

function buildIndex(): ReadonlyMap<string, readonly CodeMatch[]> {
  const index = new Map<string, CodeMatch[]>();
  const add = (m: CodeMatch): void => {
    for (const key of [formatCode(m.code), m.code.value]) {
      const list = index.get(key) ?? [];
      list.push(m);
      index.set(key, list);
    }
  };
  for (const kind of Object.keys(CODE_TABLES) as CodeKind[]) {
    for (const [term, code] of Object.entries(CODE_TABLES[kind] as Readonly<Record<string, CodedConcept>>)) {
      add({ kind, term, code });
    }
  }
  for (const a of MORPHOLOGY_READ_ALIASES) add({ kind: 'morphology', term: a.term, code: a.code });
  for (const a of ASSESSMENT_READ_ALIASES) add({ kind: 'assessment', term: a.term, code: a.code });
  for (const u of MORPHOLOGY_UNCHARACTERISED_CODES) add({ kind: 'morphology', term: UNCHARACTERISED, code: u });
  return index;
}

const INDEX = buildIndex();

/** Normalises "sct:129751002", "(111344, DCM, …)", " 129751002 " to the index key. */
function codeKey(text: string): string | null {
  const s = text.trim();
  const triplet = /^\(\s*([^,\s]+)\s*,\s*([A-Za-z]+)\s*(?:,.*)?\)$/.exec(s);
  const pair = /^([A-Za-z]+)\s*:\s*(\S+)$/.exec(s);
  const raw = triplet ? { scheme: triplet[2] ?? '', value: triplet[1] ?? '' } : pair ? { scheme: pair[1] ?? '', value: pair[2] ?? '' } : null;
  if (raw === null) return /^[A-Za-z0-9.]+$/.test(s) ? s : null;
  const scheme = SCHEMES.find((x) => x.toLowerCase() === raw.scheme.toLowerCase());
  return scheme === undefined ? null : `${scheme}:${raw.value}`;
}

/** Every term a code string stands for, across all tables (empty when unknown). */
export function findCode(text: string): readonly CodeMatch[] {
  const key = codeKey(text);
  return key === null ? [] : (INDEX.get(key) ?? []);
}

/**
 * The term of one table a code stands for: `termForCode('morphology', 'DCM:111344')` →
 * 'fine pleomorphic'. Accepts "SCT:129751002", "129751002" or "(111344, DCM, …)".
 */
export function termForCode<K extends CodeKind>(kind: K, text: string): Result<TermOf<K>> {
  const match = findCode(text).find((m) => m.kind === kind && m.term !== UNCHARACTERISED);
  if (match === undefined) return err('unknown-term', `no ${kind} term has the code "${text.slice(0, 60)}"`);
  return ok(match.term as TermOf<K>);
}

/** The uncharacterised-calcification concept a CID 6011 code stands for (SCT 44771000, DCM 111345), or null. */
export function uncharacterisedCode(text: string): CodedConcept | null {
  return findCode(text).find((m) => m.term === UNCHARACTERISED)?.code ?? null;
}

/**
 * For an error message: the context group and table a known code belongs to when it was given in
 * the wrong place, e.g. "SCT:129764001 is a distribution code (CID 6013)". Null for an unknown code.
 */
export function codeGroupOf(text: string): string | null {
  const m = findCode(text)[0];
  return m === undefined ? null : `${formatCode(m.code)} is a ${m.kind} code (${m.code.cid}, "${m.code.meaning}")`;
}

// ---------------------------------------------------------------------------------------------
// DICOM Structured Report (Comprehensive SR, TID 1500 Measurement Report) — written by
// src/core/report/sr/. Standard codes first, each with the template or table that defines it;
// then calcscribe's private codes (scheme PRIVATE_SCHEME, declared in the SR's Coding Scheme
// Identification Sequence and listed in docs/structured-report.md) for concepts PS3.16 has no
// code for.
// ---------------------------------------------------------------------------------------------

/** calcscribe's private coding scheme designator (PS3.3 C.12.1.1.2: private designators start with "99"). */
export const PRIVATE_SCHEME = '99CALCSCRIBE';

export type SrConcept =
  | 'imaging measurement report'
  | 'language'
  | 'english'
  | 'observer type'
  | 'person'
  | 'device'
  | 'person observer name'
  | 'device observer uid'
  | 'device observer name'
  | 'device observer model name'
  | 'procedure reported'
  | 'mammography'
  | 'image library'
  | 'image library group'
  | 'imaging measurements'
  | 'measurement group'
  | 'tracking identifier'
  | 'tracking uid'
  | 'finding'
  | 'finding site'
  | 'breast'
  | 'laterality'
  | 'long axis'
  | 'area'
  | 'image region'
  | 'qualitative evaluations'
  | 'calcification type'
  | 'calcification distribution'
  | 'clockface or region'
  | 'quadrant location'
  | 'depth'
  | 'assessment category'
  | 'recommended follow-up'
  | 'breast composition'
  | 'narrative summary'
  | 'reason for procedure';

/**
 * Structure of the Measurement Report. Sources: PS3.16 TID 1500 / 1501 / 1410 / 1204 / 1002 /
 * 1004, Table D-1 (DCM), and the same codes as dcmjs 0.52 writes them (node_modules/dcmjs,
 * TID1500MeasurementReport, TID1501MeasurementGroup, TID300 Polyline).
 */
export const SR_CODES: Readonly<Record<SrConcept, CodedConcept>> = {
  'imaging measurement report': c('DCM', '126000', 'Imaging Measurement Report', 'CID 7021'),
  language: c('DCM', '121049', 'Language of Content Item and Descendants', 'TID 1204'),
  english: c('RFC5646', 'en', 'English', 'CID 5000'),
  'observer type': c('DCM', '121005', 'Observer Type', 'TID 1002'),
  person: c('DCM', '121006', 'Person', 'CID 270'),
  device: c('DCM', '121007', 'Device', 'CID 270'),
  'person observer name': c('DCM', '121008', 'Person Observer Name', 'TID 1003'),
  'device observer uid': c('DCM', '121012', 'Device Observer UID', 'TID 1004'),
  'device observer name': c('DCM', '121013', 'Device Observer Name', 'TID 1004'),
  'device observer model name': c('DCM', '121015', 'Device Observer Model Name', 'TID 1004'),
  'procedure reported': c('DCM', '121058', 'Procedure reported', 'TID 1500'),
  mammography: c('SCT', '71651007', 'Mammography', 'TID 1500 (Procedure reported)'),
  'image library': c('DCM', '111028', 'Image Library', 'TID 1600'),
  'image library group': c('DCM', '126200', 'Image Library Group', 'TID 1600'),
  'imaging measurements': c('DCM', '126010', 'Imaging Measurements', 'TID 1500'),
  'measurement group': c('DCM', '125007', 'Measurement Group', 'TID 1501'),
  'tracking identifier': c('DCM', '112039', 'Tracking Identifier', 'TID 4108'),
  'tracking uid': c('DCM', '112040', 'Tracking Unique Identifier', 'TID 4108'),
  finding: c('DCM', '121071', 'Finding', 'TID 1501'),
  'finding site': c('SCT', '363698007', 'Finding Site', 'TID 1501'),
  breast: c('SCT', '76752008', 'Breast', 'TID 1501 (Finding Site)'),
  laterality: c('SCT', '272741003', 'Laterality', 'TID 1501'),
  'long axis': c('SCT', '103339001', 'Long Axis', 'TID 1410 / dcmjs TID 300'),
  area: c('SCT', '42798000', 'Area', 'TID 1410 / dcmjs TID 300'),
  'image region': c(
    'DCM',
    '111030',
    'Image Region',
    'TID 1410',
    'Table D-1 marks it retired as a purpose of reference; dcmjs and @cornerstonejs/adapters still name outlines so, and OHIF reads them',
  ),
  'qualitative evaluations': c('UMLS', 'C0034375', 'Qualitative Evaluations', 'TID 1500'),
  'calcification type': c('DCM', '111009', 'Calcification Type', 'PS3.16 Table D-1'),
  'calcification distribution': c('DCM', '111008', 'Calcification Distribution', 'PS3.16 Table D-1'),
  'clockface or region': c('DCM', '111014', 'Clockface or region', 'PS3.16 Table D-1'),
  'quadrant location': c('DCM', '111048', 'Quadrant location', 'PS3.16 Table D-1'),
  depth: c('DCM', '111020', 'Depth', 'PS3.16 Table D-1'),
  'assessment category': c('DCM', '111005', 'Assessment Category', 'PS3.16 Table D-1'),
  'recommended follow-up': c('DCM', '111053', 'Recommended Follow-up', 'PS3.16 Table D-1'),
  'breast composition': c('SCT', '129715009', 'Breast composition', 'CID 6000', 'DCM 111006 "Breast composition" is retired in Table D-1'),
  'narrative summary': c('DCM', '111412', 'Narrative Summary', 'PS3.16 Table D-1'),
  'reason for procedure': c('DCM', '111401', 'Reason for procedure', 'CID 6052', 'Breast Imaging Report section (TID 4200); its values are CID 6051'),
};

/**
 * Why the exam is done (lexicon Indication), CID 6051 "Breast Procedure Reason", where the
 * context group has the term: only the short-interval follow-up. Screening and diagnostic are no
 * reason of CID 6051 (its terms are recalls, histories and additional evaluations): they stay
 * private (SR_PRIVATE_CODES.indication, as text).
 */
export const INDICATION_CODES: Readonly<Partial<Record<Indication, CodedConcept>>> = {
  'short-interval follow-up': c('DCM', '111416', 'Follow-up at short interval from prior study', 'CID 6051'),
};

/** Laterality of a finding site, CID 244. */
export const SR_LATERALITY_CODES: Readonly<Record<Side, CodedConcept>> = {
  right: c('SCT', '24028007', 'Right', 'CID 244'),
  left: c('SCT', '7771000', 'Left', 'CID 244'),
  both: c('SCT', '51440002', 'Right and left', 'CID 244'),
};

export type SrUnit = 'mm' | 'mm2' | 'cm' | 'px' | 'px2' | 'count' | 'year';

/**
 * Units of measurement, UCUM (CID 82 and PS3.16 TID 1602's "{pixels}"). Lengths and areas on an
 * uncalibrated image are written in pixels: UCUM annotations (a dimensionless unit with a name),
 * so that no reader takes them for millimetres.
 */
export const SR_UNITS: Readonly<Record<SrUnit, CodedConcept>> = {
  mm: c('UCUM', 'mm', 'millimeter', 'UCUM'),
  mm2: c('UCUM', 'mm2', 'square millimeter', 'UCUM'),
  cm: c('UCUM', 'cm', 'centimeter', 'UCUM'),
  px: c('UCUM', '{pixels}', 'pixels', 'TID 1602'),
  px2: c('UCUM', '{square_pixels}', 'square pixels', 'private use of a UCUM annotation'),
  count: c('UCUM', '1', 'no units', 'UCUM'),
  year: c('UCUM', 'a', 'year', 'UCUM'),
};

const p = (value: string, meaning: string): CodedConcept => c(PRIVATE_SCHEME, value, meaning, 'private');

export type SrPrivateConcept =
  | 'calcification identifier'
  | 'finding identifier'
  | 'member calcification'
  | 'seed point'
  | 'nipple marker'
  | 'outline origin'
  | 'segmented'
  | 'edited by radiologist'
  | 'calibration kind'
  | 'statement origin'
  | 'suggested'
  | 'chosen by radiologist'
  | 'suggestion'
  | 'change since prior'
  | 'no prior examination'
  | 'years stable'
  | 'new position'
  | 'relation to treated site'
  | 'breast half'
  | 'known cancer relation'
  | 'grouped by'
  | 'overrides'
  | 'finding wording'
  | 'not reported'
  | 'assessment reason'
  | 'management'
  | 'indication'
  | 'clinical history'
  | 'comparison examination date'
  | 'calcification record'
  | 'change before override'
  | 'draft record'
  | 'exam key'
  | 'draft revision'
  | 'draft images'
  | 'draft order'
  | 'nipple marker points'
  | 'text endings';

/** calcscribe's private codes (PRIVATE_SCHEME): concepts PS3.16 has no code for. Values are at most 16 characters (SH). */
export const SR_PRIVATE_CODES: Readonly<Record<SrPrivateConcept, CodedConcept>> = {
  'calcification identifier': p('CALC_ID', 'Calcification identifier'),
  'finding identifier': p('FINDING_ID', 'Finding identifier'),
  'member calcification': p('MEMBER_CALC', 'Member calcification'),
  'seed point': p('SEED', 'Seed point'),
  'nipple marker': p('NIPPLE', 'Nipple placed by the radiologist'),
  'outline origin': p('OUTLINE_ORIGIN', 'Outline origin'),
  segmented: p('SEGMENTED', 'Segmented'),
  'edited by radiologist': p('EDITED', 'Edited by the radiologist'),
  'calibration kind': p('CALIBRATION', 'Calibration kind'),
  'statement origin': p('ORIGIN', 'Statement origin'),
  suggested: p('SUGGESTED', 'Suggested by calcscribe'),
  'chosen by radiologist': p('RADIOLOGIST', 'Chosen by the radiologist'),
  suggestion: p('SUGGESTION', 'calcscribe suggestion'),
  'change since prior': p('CHANGE', 'Change since prior examination'),
  'no prior examination': p('NO_PRIORS', 'No prior examination'),
  'years stable': p('YEARS_STABLE', 'Years stable'),
  'new position': p('NEW_POSITION', 'In a new position'),
  'relation to treated site': p('RELATION', 'Relation to a treated site'),
  'breast half': p('BREAST_HALF', 'Half of the breast'),
  'known cancer relation': p('KNOWN_CANCER', 'Relation to the known cancer'),
  'grouped by': p('GROUPED_BY', 'Grouped by'),
  overrides: p('OVERRIDES', 'Terms replaced by the radiologist'),
  'finding wording': p('WORDING', 'Finding wording'),
  'not reported': p('NOT_REPORTED', 'Not reported, because'),
  'assessment reason': p('REASON', 'Assessment reason'),
  management: p('MANAGEMENT', 'Suggested management'),
  indication: p('INDICATION', 'Indication'),
  'clinical history': p('HISTORY', 'Clinical history'),
  'comparison examination date': p('COMPARISON_DATE', 'Comparison examination date'),
  'calcification record': p('CALC_RECORD', 'Calcification as measured (exact)'),
  'change before override': p('CHANGE_STATED', 'Change as stated before the override'),
  'draft record': p('DRAFT', 'calcscribe exam draft'),
  'exam key': p('EXAM_KEY', 'Exam key'),
  'draft revision': p('REVISION', 'Draft revision'),
  'draft images': p('DRAFT_IMAGES', 'Images of the exam'),
  'draft order': p('DRAFT_ORDER', 'Order of findings and calcifications'),
  'nipple marker points': p('NIPPLE_POINTS', 'Nipple markers (exact)'),
  'text endings': p('TEXT_ENDINGS', 'Texts ending in spaces (exact)'),
};

/** Calibration kinds (src/core/image.ts CalibrationKind), private codes. */
export const SR_CALIBRATION_CODES: Readonly<Record<CalibrationKind, CodedConcept>> = {
  fiducial: p('CAL_FIDUCIAL', 'Calibrated with a fiducial'),
  geometry: p('CAL_GEOMETRY', 'Calibrated from the acquisition geometry'),
  'magnification-corrected': p('CAL_MAG', 'Magnification corrected'),
  detector: p('CAL_DETECTOR', 'Detector pixel spacing'),
  'film-scanner': p('CAL_FILM', 'Film digitiser pixel spacing'),
  uncalibrated: p('CAL_NONE', 'Uncalibrated'),
};

/** How calcscribe's private scheme is declared in the SR (Coding Scheme Identification Sequence, PS3.3 C.12.1.1.2). */
export const PRIVATE_SCHEME_IDENTIFICATION = {
  designator: PRIVATE_SCHEME,
  name: 'calcscribe private codes',
  version: '1',
  responsibleOrganization: 'calcscribe',
} as const;

/** Every SR code by table (for the documentation test and readers). */
export const SR_CODE_TABLES = {
  structure: SR_CODES,
  laterality: SR_LATERALITY_CODES,
  units: SR_UNITS,
  private: SR_PRIVATE_CODES,
  calibration: SR_CALIBRATION_CODES,
} as const;
