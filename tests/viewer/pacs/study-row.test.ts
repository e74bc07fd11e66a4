import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../src/viewer/pacs/pacs-connection.js';
import { mayHoldMammograms, priorLabel, studyRow } from '../../../src/viewer/pacs/study-row.js';

const study: StudySummary = {
  studyInstanceUid: '2.25.1',
  patientId: 'PH-SCR-2026',
  patientName: 'PHANTOM^SCREENING^A',
  accessionNumber: 'SCR2026C',
  studyDate: '20260310',
  studyTime: '',
  studyDescription: 'SCREENING MAMMOGRAPHY BILATERAL',
  modalities: ['MG', 'SR'],
  numberOfInstances: 5,
};

describe('a study found on the PACS as listed', () => {
  it('shows the patient, ID, date, accession, description, modalities and images', () => {
    expect(studyRow(study)).toEqual({
      key: '2.25.1',
      patient: 'PHANTOM SCREENING A',
      patientId: 'PH-SCR-2026',
      date: '2026-03-10',
      accession: 'SCR2026C',
      description: 'SCREENING MAMMOGRAPHY BILATERAL',
      modalities: 'MG, SR',
      instances: '5',
    });
  });

  it('shows absent values as such, never as an empty cell or a wrong date', () => {
    const row = studyRow({ ...study, patientName: '', patientId: '', accessionNumber: '', studyDate: '', studyDescription: ' ', modalities: [], numberOfInstances: null });
    expect(row).toMatchObject({ patient: 'unnamed patient', patientId: '—', date: 'date unknown', accession: '—', description: '—', modalities: '—', instances: '—' });
  });

  it('keeps markup in names as the text it is', () => {
    expect(studyRow({ ...study, patientName: '<img src=x onerror=alert(1)>^EVE' }).patient).toBe('<img src=x onerror=alert(1)> EVE');
  });

  it('offers a prior by its date, description and number of images', () => {
    expect(priorLabel({ ...study, studyDate: '20240312', numberOfInstances: 4 })).toBe('2024-03-12, SCREENING MAMMOGRAPHY BILATERAL (4 images)');
    expect(priorLabel({ ...study, studyDescription: '', numberOfInstances: null })).toBe('2026-03-10, mammography');
  });

  it('opens only studies that may hold mammograms', () => {
    expect(mayHoldMammograms(study)).toBe(true);
    expect(mayHoldMammograms({ ...study, modalities: ['US'] })).toBe(false);
    expect(mayHoldMammograms({ ...study, modalities: [] })).toBe(true);
  });
});
