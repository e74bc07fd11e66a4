import { BREAST_COMPOSITIONS, CHANGE_KINDS, INDICATIONS, KNOWN_CANCER_RELATIONS } from '../lexicon.js';
import { ISO_DATE } from '../exam-context.js';
import { err, ok, type Result } from '../result.js';
import { DRAFT_IMAGE_DICOM_KEYS, EXAM_DRAFT_SCHEMA, type ExamDraft } from './exam-draft.js';

/** The draft as JSON text (for autosave and files). */
export function serializeDraft(draft: ExamDraft): string {
  return JSON.stringify(draft);
}

type Obj = Record<string, unknown>;

const TOP_KEYS = ['schema', 'examKey', 'images', 'calcifications', 'findings', 'composition', 'history', 'priorDate', 'nippleMarkers', 'reportText', 'revision'];
const IMAGE_KEYS = ['imageId', 'laterality', 'view', 'viewModifiers', 'calibration', 'geometry', 'role', 'rows', 'columns', 'patientOrientation', 'studyDate', 'dicom', 'notes'];
const CALC_KEYS = ['id', 'imageId', 'seed', 'contour', 'edited', 'measurements'];
const FINDING_KEYS = ['id', 'side', 'calcificationIds', 'change', 'overrides', 'relation', 'groupedBy', 'knownCancer'];
const FINDING_REQUIRED = FINDING_KEYS.slice(0, -2);
const SIDES = ['right', 'left', 'both'];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPoint = (v: unknown): boolean => isObj(v) && Number.isFinite(v['x']) && Number.isFinite(v['y']);
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** The first problem found, or null. */
type Check = string | null;

function keysCheck(o: Obj, allowed: readonly string[], required: readonly string[], where: string): Check {
  const extra = Object.keys(o).find((k) => !allowed.includes(k));
  if (extra !== undefined) return `${where}: unknown field "${extra}"`;
  const missing = required.find((k) => !(k in o));
  return missing === undefined ? null : `${where}: missing field "${missing}"`;
}

function checkImage(v: unknown, i: number): Check {
  const where = `images[${i}]`;
  if (!isObj(v)) return `${where} is not an object`;
  const k = keysCheck(v, IMAGE_KEYS, ['imageId', 'laterality', 'view', 'viewModifiers', 'calibration', 'geometry', 'role'], where);
  if (k !== null) return k;
  if (typeof v['imageId'] !== 'string') return `${where}.imageId is not text`;
  if (v['role'] !== 'current' && v['role'] !== 'prior') return `${where}.role must be current or prior`;
  if (!isObj(v['calibration']) || typeof v['calibration']['kind'] !== 'string') return `${where}.calibration has no kind`;
  if (!Array.isArray(v['viewModifiers'])) return `${where}.viewModifiers is not a list`;
  if (v['studyDate'] !== undefined && v['studyDate'] !== null && (typeof v['studyDate'] !== 'string' || !ISO_DATE.test(v['studyDate']))) return `${where}.studyDate must be a date YYYY-MM-DD`;
  if (v['notes'] !== undefined && (!Array.isArray(v['notes']) || !v['notes'].every((n) => typeof n === 'string'))) return `${where}.notes is not a list of text`;
  return v['dicom'] === undefined ? null : checkDicom(v['dicom'], `${where}.dicom`);
}

/** The header's identity and attributes: every field present, text (the SOP Class UID) or text or null. */
function checkDicom(v: unknown, where: string): Check {
  if (!isObj(v)) return `${where} is not an object`;
  const k = keysCheck(v, DRAFT_IMAGE_DICOM_KEYS, DRAFT_IMAGE_DICOM_KEYS, where);
  if (k !== null) return k;
  if (typeof v['sopClassUid'] !== 'string') return `${where}.sopClassUid is not text`;
  const bad = DRAFT_IMAGE_DICOM_KEYS.find((key) => !isStrOrNull(v[key]));
  return bad === undefined ? null : `${where}.${bad} is not text or null`;
}

function checkCalcification(v: unknown, i: number): Check {
  const where = `calcifications[${i}]`;
  if (!isObj(v)) return `${where} is not an object`;
  const k = keysCheck(v, CALC_KEYS, CALC_KEYS, where);
  if (k !== null) return k;
  if (typeof v['id'] !== 'string' || typeof v['imageId'] !== 'string') return `${where}: id and imageId must be text`;
  if (!isPoint(v['seed'])) return `${where}.seed is not a point`;
  if (!Array.isArray(v['contour']) || !v['contour'].every(isPoint)) return `${where}.contour is not a list of points`;
  if (typeof v['edited'] !== 'boolean') return `${where}.edited is not true or false`;
  const m = v['measurements'];
  if (!isObj(m) || typeof m['calibration'] !== 'string' || !isPoint(m['centre']) || !isObj(m['longAxis']) || !Number.isFinite(m['longAxis']['px'])) {
    return `${where}.measurements are incomplete`;
  }
  return null;
}

function checkFinding(v: unknown, i: number): Check {
  const where = `findings[${i}]`;
  if (!isObj(v)) return `${where} is not an object`;
  const k = keysCheck(v, FINDING_KEYS, FINDING_REQUIRED, where);
  if (k !== null) return k;
  if (typeof v['id'] !== 'string') return `${where}.id is not text`;
  if (!SIDES.includes(v['side'] as string)) return `${where}.side must be right, left or both`;
  if (!Array.isArray(v['calcificationIds']) || !v['calcificationIds'].every((c) => typeof c === 'string')) return `${where}.calcificationIds is not a list of ids`;
  if (v['change'] !== null && (!isObj(v['change']) || !(CHANGE_KINDS as readonly string[]).includes(v['change']['kind'] as string))) return `${where}.change has an unknown kind`;
  if (!isObj(v['overrides'])) return `${where}.overrides is not an object`;
  if (!isStrOrNull(v['relation'])) return `${where}.relation is not text`;
  if (v['groupedBy'] !== undefined && v['groupedBy'] !== 'proximity' && v['groupedBy'] !== 'radiologist') return `${where}.groupedBy must be proximity or radiologist`;
  if (v['knownCancer'] !== undefined && v['knownCancer'] !== null && !(KNOWN_CANCER_RELATIONS as readonly unknown[]).includes(v['knownCancer'])) {
    return `${where}.knownCancer must be ${KNOWN_CANCER_RELATIONS.join(' or ')} or null`;
  }
  return null;
}

function checkDraft(o: Obj): Check {
  const k = keysCheck(o, [...TOP_KEYS, 'indication'], TOP_KEYS, 'draft');
  if (k !== null) return k;
  if (typeof o['examKey'] !== 'string') return 'draft.examKey is not text';
  if (!Number.isInteger(o['revision']) || (o['revision'] as number) < 0) return 'draft.revision is not a whole number ≥ 0';
  for (const key of ['images', 'calcifications', 'findings']) if (!Array.isArray(o[key])) return `draft.${key} is not a list`;
  const checks: Check[] = [
    ...(o['images'] as unknown[]).map(checkImage),
    ...(o['calcifications'] as unknown[]).map(checkCalcification),
    ...(o['findings'] as unknown[]).map(checkFinding),
  ];
  const first = checks.find((c) => c !== null);
  if (first !== undefined) return first;
  if (o['composition'] !== null && !(BREAST_COMPOSITIONS as readonly unknown[]).includes(o['composition'])) return 'draft.composition must be a, b, c, d or null';
  const h = o['history'];
  if (!isObj(h) || !Array.isArray(h['events']) || !Array.isArray(h['conditions']) || typeof h['implants'] !== 'boolean' || typeof h['injections'] !== 'boolean') {
    return 'draft.history is incomplete';
  }
  if (!isStrOrNull(o['priorDate'])) return 'draft.priorDate is not text';
  if (o['indication'] !== undefined && o['indication'] !== null && !(INDICATIONS as readonly unknown[]).includes(o['indication'])) {
    return `draft.indication must be ${INDICATIONS.join(', ')} or null`;
  }
  if (!isStrOrNull(o['reportText'])) return 'draft.reportText is not text';
  const markers = o['nippleMarkers'];
  if (!isObj(markers) || !Object.values(markers).every(isPoint)) return 'draft.nippleMarkers is not a map of points';
  const calcIds = new Set((o['calcifications'] as Obj[]).map((c) => c['id']));
  for (const f of o['findings'] as Obj[]) {
    const stray = (f['calcificationIds'] as string[]).find((id) => !calcIds.has(id));
    if (stray !== undefined) return `finding ${String(f['id'])} names calcification ${stray}, which is not in the draft`;
  }
  return null;
}

/**
 * Reads a draft back from JSON. The text must be a draft of this schema
 * (`calcscribe-exam-draft/1`) with every field known: a draft from a newer version, or with
 * fields this version does not know, is refused rather than read with fields dropped.
 */
export function parseDraft(text: string): Result<ExamDraft> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err('bad-argument', `the draft is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObj(value)) return err('bad-argument', 'the draft is not a JSON object');
  const schema = value['schema'];
  if (schema !== EXAM_DRAFT_SCHEMA) {
    return err(
      'bad-argument',
      typeof schema === 'string' && schema.startsWith('calcscribe-exam-draft/')
        ? `the draft was saved as ${schema}, which this version (${EXAM_DRAFT_SCHEMA}) cannot read`
        : `not a calcscribe exam draft (schema ${JSON.stringify(schema ?? null)})`,
    );
  }
  const problem = checkDraft(value);
  if (problem !== null) return err('bad-argument', `the draft cannot be read: ${problem}`);
  // Drafts saved before the indication existed read as null (diagnostic).
  return ok({ ...(value as unknown as ExamDraft), indication: (value['indication'] as ExamDraft['indication']) ?? null });
}
