/**
 * A study found on the PACS as the results list shows it: patient, Patient ID, date, accession
 * number, description, modalities and number of images. Text from the server is kept as text (React
 * renders it as such); absent values are shown as a dash.
 */
import { formatDate, patientLabel } from '../loading/opened-exams.js';
import type { StudySummary } from './pacs-connection.js';

export interface StudyRow {
  readonly key: string;
  readonly patient: string;
  readonly patientId: string;
  readonly date: string;
  readonly accession: string;
  readonly description: string;
  readonly modalities: string;
  readonly instances: string;
}

const dash = (s: string): string => (s.trim() === '' ? '—' : s);

export function studyRow(s: StudySummary): StudyRow {
  return {
    key: s.studyInstanceUid,
    patient: patientLabel(s.patientName, null),
    patientId: dash(s.patientId),
    date: formatDate(s.studyDate === '' ? null : s.studyDate),
    accession: dash(s.accessionNumber),
    description: dash(s.studyDescription),
    modalities: s.modalities.length === 0 ? '—' : s.modalities.join(', '),
    instances: s.numberOfInstances === null ? '—' : String(s.numberOfInstances),
  };
}

/** "2024-03-12, SCREENING MAMMOGRAPHY BILATERAL (4 images)": a prior as it is offered. */
export function priorLabel(s: StudySummary): string {
  const what = s.studyDescription.trim() === '' ? 'mammography' : s.studyDescription;
  const n = s.numberOfInstances;
  const count = n === null ? '' : ` (${n} image${n === 1 ? '' : 's'})`;
  return `${formatDate(s.studyDate === '' ? null : s.studyDate)}, ${what}${count}`;
}

/** Whether a study holds mammograms, as far as its listed modalities say (unlisted: it may). */
export function mayHoldMammograms(s: StudySummary): boolean {
  return s.modalities.length === 0 || s.modalities.includes('MG');
}
