/**
 * The PACS search form into a QIDO-RS study query: patient ID, patient name (wildcards * and ?),
 * accession number and a study date range. At least one criterion is asked for: an empty search
 * would list every study the PACS holds.
 */
import { err, ok, type Result } from '../../core/result.js';
import type { StudyQuery } from './pacs-connection.js';

/** What the form holds: dates as an <input type="date"> gives them (YYYY-MM-DD, or empty). */
export interface StudySearchForm {
  readonly patientId: string;
  readonly patientName: string;
  readonly accessionNumber: string;
  readonly dateFrom: string;
  readonly dateTo: string;
}

export const EMPTY_SEARCH: StudySearchForm = { patientId: '', patientName: '', accessionNumber: '', dateFrom: '', dateTo: '' };

/** YYYY-MM-DD (a real calendar date) → YYYYMMDD; null when it is not one. */
function dicomDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}${m[2]}${m[3]}`;
}

/** Backslash separates values in DICOM: a criterion holding one would be read as several. */
function single(label: string, value: string): Result<string | undefined> {
  const v = value.trim();
  if (v === '') return ok(undefined);
  if (v.includes('\\')) return err('bad-argument', `${label} cannot contain a backslash`);
  return ok(v);
}

/** The query for a filled form, or why it cannot be searched. */
export function studyQueryOf(form: StudySearchForm): Result<StudyQuery> {
  const patientId = single('Patient ID', form.patientId);
  const patientName = single('Patient name', form.patientName);
  const accessionNumber = single('Accession number', form.accessionNumber);
  for (const r of [patientId, patientName, accessionNumber]) if (!r.ok) return r;
  const from = form.dateFrom.trim() === '' ? null : dicomDate(form.dateFrom.trim());
  const to = form.dateTo.trim() === '' ? null : dicomDate(form.dateTo.trim());
  if (form.dateFrom.trim() !== '' && from === null) return err('bad-argument', `the first study date ${form.dateFrom} is not a date`);
  if (form.dateTo.trim() !== '' && to === null) return err('bad-argument', `the last study date ${form.dateTo} is not a date`);
  if (from !== null && to !== null && from > to) return err('bad-argument', 'the first study date is after the last');
  const query: StudyQuery = {
    ...(patientId.ok && patientId.value !== undefined ? { patientId: patientId.value } : {}),
    ...(patientName.ok && patientName.value !== undefined ? { patientName: patientName.value } : {}),
    ...(accessionNumber.ok && accessionNumber.value !== undefined ? { accessionNumber: accessionNumber.value } : {}),
    ...(from !== null ? { studyDateFrom: from } : {}),
    ...(to !== null ? { studyDateTo: to } : {}),
  };
  if (Object.keys(query).length === 0) return err('bad-argument', 'give a patient ID, a patient name, an accession number or a study date');
  return ok(query);
}
