import { describe, expect, it } from 'vitest';
import type { InstanceRef, PacsConnection, PacsResult, StudySummary } from '../../../src/viewer/pacs/pacs-connection.js';
import { PARALLEL_RETRIEVALS, retrieveMammograms } from '../../../src/viewer/pacs/retrieve-study.js';

const study: StudySummary = {
  studyInstanceUid: '2.25.10',
  patientId: 'P1',
  patientName: 'DOE^JANE',
  accessionNumber: 'ACC1',
  studyDate: '20260310',
  studyTime: '',
  studyDescription: '',
  modalities: ['MG', 'SR'],
  numberOfInstances: 6,
};

const instance = (sop: string, modality: string): InstanceRef => ({ seriesInstanceUid: `${sop}.s`, sopInstanceUid: sop, sopClassUid: '1.2.840.10008.5.1.4.1.1.1.2', modality });

/** A PACS holding the given instances; bytes are the SOP Instance UID's characters; `failing` ones answer with the reason. */
function pacsWith(instances: readonly InstanceRef[], failing: Record<string, string> = {}): PacsConnection & { inFlightMax: number; retrieved: string[] } {
  let inFlight = 0;
  const self = {
    inFlightMax: 0,
    retrieved: [] as string[],
    searchStudies: () => Promise.resolve({ ok: true, value: [] } as PacsResult<readonly StudySummary[]>),
    findPriorMammograms: () => Promise.resolve({ ok: true, value: [] } as PacsResult<readonly StudySummary[]>),
    listInstances: (uid: string): Promise<PacsResult<readonly InstanceRef[]>> =>
      Promise.resolve(uid === study.studyInstanceUid ? { ok: true, value: instances } : { ok: false, error: { kind: 'refused', message: 'HTTP 404: unknown study', status: 404 } }),
    retrieveInstance: async (uid: string, i: InstanceRef): Promise<PacsResult<ArrayBuffer>> => {
      expect(uid).toBe(study.studyInstanceUid);
      inFlight++;
      self.inFlightMax = Math.max(self.inFlightMax, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      self.retrieved.push(i.sopInstanceUid);
      const reason = failing[i.sopInstanceUid];
      if (reason !== undefined) return { ok: false, error: { kind: 'refused', message: reason, status: 500 } };
      return { ok: true, value: new TextEncoder().encode(i.sopInstanceUid).buffer as ArrayBuffer };
    },
  };
  return self;
}

describe("retrieving a study's mammograms from the PACS", () => {
  it('retrieves the MG instances only, telling n of m as each arrives, a few at a time', async () => {
    const instances = [...['1', '2', '3', '4', '5'].map((n) => instance(`2.25.10.${n}`, 'MG')), instance('2.25.10.9', 'SR')];
    const pacs = pacsWith(instances);
    const told: string[] = [];
    const r = await retrieveMammograms(pacs, study, (done, total) => told.push(`${done}/${total}`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(told).toEqual(['0/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(r.value.skipped).toBe(1);
    expect(pacs.retrieved).not.toContain('2.25.10.9');
    expect(r.value.files.map((f) => new TextDecoder().decode(f.bytes)).sort()).toEqual(['2.25.10.1', '2.25.10.2', '2.25.10.3', '2.25.10.4', '2.25.10.5']);
    expect(r.value.files.map((f) => f.name)).toContain('PACS ACC1/2.25.10.3');
    expect(pacs.inFlightMax).toBe(PARALLEL_RETRIEVALS);
  });

  it('names an image that could not be retrieved with the server reason, and loads the others', async () => {
    const pacs = pacsWith([instance('2.25.10.1', 'MG'), instance('2.25.10.2', 'MG')], { '2.25.10.2': 'HTTP 500: disk full' });
    const r = await retrieveMammograms(pacs, study, () => undefined);
    expect(r.ok && r.value.files.length).toBe(1);
    expect(r.ok && r.value.failed).toEqual([{ name: 'PACS ACC1/2.25.10.2', message: 'HTTP 500: disk full' }]);
  });

  it('reads an image again from the PACS when it is shown again, and says so when it no longer can', async () => {
    const failing: Record<string, string> = {};
    const pacs = pacsWith([instance('2.25.10.1', 'MG')], failing);
    const r = await retrieveMammograms(pacs, study, () => undefined);
    if (!r.ok) throw new Error(r.error.message);
    const file = r.value.files[0];
    if (file === undefined) throw new Error('no file');
    expect(new TextDecoder().decode(await file.reread())).toBe('2.25.10.1');
    failing['2.25.10.1'] = 'HTTP 503: maintenance';
    await expect(file.reread()).rejects.toThrow('HTTP 503: maintenance');
  });

  it('gives the failure of the instance list, and says when the study holds no mammogram', async () => {
    const gone = await retrieveMammograms(pacsWith([]), { ...study, studyInstanceUid: '2.25.99' }, () => undefined);
    expect(gone).toEqual({ ok: false, error: { kind: 'refused', message: 'HTTP 404: unknown study', status: 404 } });
    const srOnly = await retrieveMammograms(pacsWith([instance('2.25.10.9', 'SR')]), study, () => undefined);
    expect(srOnly).toEqual({ ok: false, error: { kind: 'no-mammograms', message: 'the study holds no mammogram (only SR)' } });
  });
});
