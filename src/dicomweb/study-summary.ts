/**
 * QIDO-RS study search: a StudyQuery → query parameters, and the server's DICOM JSON answer →
 * StudySummary[]. The answer must be a JSON array of data sets (anything else is 'malformed');
 * inside a data set, missing or wrongly typed attributes give empty values, so one odd study does
 * not hide the others.
 */
import { ok } from '../core/result.js';
import { TAG } from './dicomweb-tags.js';
import { datasetsOf, integerValue, personNameValue, textValue, textValues, uidValue, validDate, type DicomJsonDataset } from './dicom-json.js';
import { pacsError, type PacsResult, type StudyQuery, type StudySummary } from './pacs-types.js';

/** Attributes asked for beyond QIDO-RS's defaults for a study (PS3.18 Table 6.7.1-2). */
const INCLUDE_FIELDS = [TAG.StudyDescription, TAG.ModalitiesInStudy, TAG.NumberOfStudyRelatedInstances].join(',');

/** The largest limit the client asks for: a search is for a screen, not for a whole archive. */
export const MAX_STUDY_LIMIT = 1000;

/** Query parameters for a study search, or why the query cannot be sent. */
export function studyQueryParams(query: StudyQuery): PacsResult<Record<string, string>> {
  const params: Record<string, string> = {};
  const text = (name: string, key: string, value: string | undefined): string | null => {
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string') return `${name} must be text`;
    // eslint-disable-next-line no-control-regex -- refusing control characters is the purpose
    if (/[\u0000-\u001f\u007f]/.test(value)) return `${name} contains a control character`;
    if (value.length > 64) return `${name} is longer than 64 characters`;
    params[key] = value;
    return null;
  };
  const problems = [
    text('patient ID', TAG.PatientID, query.patientId),
    text('patient name', TAG.PatientName, query.patientName),
    text('accession number', TAG.AccessionNumber, query.accessionNumber),
    text('modality', TAG.ModalitiesInStudy, query.modality),
  ].filter((p): p is string => p !== null);
  const from = query.studyDateFrom ?? '';
  const to = query.studyDateTo ?? '';
  if (from !== '' && validDate(from) === '') problems.push(`study date from "${from}" is not a date YYYYMMDD`);
  if (to !== '' && validDate(to) === '') problems.push(`study date to "${to}" is not a date YYYYMMDD`);
  if (from !== '' && to !== '' && from > to) problems.push(`study date from ${from} is after study date to ${to}`);
  if (from !== '' || to !== '') params[TAG.StudyDate] = from === to ? from : `${from}-${to}`;
  if (query.limit !== undefined) {
    if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_STUDY_LIMIT) {
      problems.push(`limit must be a whole number from 1 to ${MAX_STUDY_LIMIT}`);
    } else params.limit = String(query.limit);
  }
  if (problems.length > 0) return pacsError('invalid-request', `study search not sent: ${problems.join('; ')}`);
  params.includefield = INCLUDE_FIELDS;
  return ok(params);
}

/** One study data set → StudySummary (never fails: absent values are empty). */
export function studySummary(ds: DicomJsonDataset): StudySummary {
  return {
    studyInstanceUid: uidValue(ds, TAG.StudyInstanceUID),
    patientId: textValue(ds, TAG.PatientID),
    patientName: personNameValue(ds, TAG.PatientName),
    accessionNumber: textValue(ds, TAG.AccessionNumber),
    studyDate: validDate(textValue(ds, TAG.StudyDate)),
    studyTime: /^\d{2,6}(\.\d{1,6})?$/.test(textValue(ds, TAG.StudyTime)) ? textValue(ds, TAG.StudyTime) : '',
    studyDescription: textValue(ds, TAG.StudyDescription),
    modalities: textValues(ds, TAG.ModalitiesInStudy).filter((m) => /^[A-Z0-9_ ]{1,16}$/.test(m)),
    numberOfInstances: integerValue(ds, TAG.NumberOfStudyRelatedInstances),
  };
}

/** A QIDO-RS study answer (already JSON-parsed; null when it was not JSON) → studies. */
export function parseStudies(json: unknown): PacsResult<StudySummary[]> {
  const datasets = datasetsOf(json, 'study search');
  return datasets.ok ? ok(datasets.value.map((ds) => studySummary(ds))) : datasets;
}

/** Newest first: by study date then time; studies without a date last. */
export function newestFirst(a: StudySummary, b: StudySummary): number {
  const ka = `${a.studyDate}${a.studyTime.padEnd(13, '0')}`;
  const kb = `${b.studyDate}${b.studyTime.padEnd(13, '0')}`;
  if (a.studyDate === '' || b.studyDate === '') return a.studyDate === '' ? (b.studyDate === '' ? 0 : 1) : -1;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}
