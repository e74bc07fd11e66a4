/**
 * The PACS client (src/dicomweb/) against a real Orthanc with DICOMweb: the sample exam and its
 * prior stored with STOW-RS, found with QIDO-RS, retrieved with WADO-RS unchanged; then faults
 * injected by a proxy in front of it — each a PacsError value, nothing thrown, the caller's data
 * intact, and the same call succeeding once the fault clears.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installXmlHttpRequest } from '../../src/cli/xhr-host.js';
import {
  findPriorMammograms,
  listInstances,
  retrieveInstance,
  searchStudies,
  storeInstances,
  type PacsConfig,
  type PacsResult,
  type StudySummary,
} from '../../src/dicomweb/index.js';
import { isQido, isStow, isWado, startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startOrthanc, type OrthancServer } from './orthanc.js';
import { unusedPort } from './unused-port.js';
import { CURRENT_FILES, PRIOR_FILES, part10Facts, readPart10, reidentified, type Part10Facts } from './sample-exams.js';

let pacs: OrthancServer;
let proxy: FaultProxy;
let direct: PacsConfig;
let viaProxy: PacsConfig;

const current = CURRENT_FILES.map(readPart10);
const prior = PRIOR_FILES.map(readPart10);
/** Further studies of the same patient and of another one, made from the current RCC image. */
const olderPrior = reidentified(current[0]!, 11, { StudyDate: '20220315', AccessionNumber: 'SCR2022' });
const laterStudy = reidentified(current[0]!, 12, { StudyDate: '20270101', AccessionNumber: 'SCR2027' });
const ultrasound = reidentified(current[0]!, 13, { StudyDate: '20250601', AccessionNumber: 'US2025', Modality: 'US' });
const otherPatient = reidentified(current[0]!, 14, { StudyDate: '20230101', AccessionNumber: 'OTH2023', PatientID: 'PH-OTHER-1', PatientName: 'OTHER^PATIENT' });
const facts = (b: ArrayBuffer): Part10Facts => part10Facts(b);
const cur = facts(current[0]!);
const pri = facts(prior[0]!);

const value = <T>(r: PacsResult<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
};
const hash = (b: ArrayBuffer): string => createHash('sha256').update(new Uint8Array(b)).digest('hex');

beforeAll(async () => {
  installXmlHttpRequest();
  pacs = await startOrthanc();
  proxy = await startFaultProxy(pacs.dicomWebUrl);
  direct = { url: pacs.dicomWebUrl, timeoutMs: 20_000 };
  viaProxy = { url: proxy.dicomWebUrl, timeoutMs: 20_000 };
});
afterAll(async () => {
  await proxy?.stop();
  await pacs?.stop();
});

describe('against a real Orthanc', () => {
  it('stores the current exam and its prior with STOW-RS: every file stored, in the order sent', async () => {
    const progress: [number, number][] = [];
    const files = [...current, ...prior];
    const outcome = value(await storeInstances(direct, files, (sent, total) => progress.push([sent, total])));
    expect(outcome.status).toBe(200);
    expect(outcome.instances).toEqual(files.map((f, index) => ({ index, sopInstanceUid: facts(f).sopInstanceUid, status: 'stored' })));
    const total = files.reduce((s, f) => s + f.byteLength, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([s], i) => i === 0 || s >= progress[i - 1]![0])).toBe(true);
    value(await storeInstances(direct, [olderPrior, laterStudy, ultrasound, otherPatient]));
  });

  it('finds studies by patient ID, by name with a wildcard, by accession number and by date range', async () => {
    const byId = value(await searchStudies(direct, { patientId: cur.patientId }));
    expect(byId.map((s) => s.accessionNumber).sort()).toEqual(['SCR2022', 'SCR2026C', 'SCR2026P', 'SCR2027', 'US2025']);
    const byName = value(await searchStudies(direct, { patientName: 'PHANTOM^SCR*' }));
    expect(byName.map((s) => s.accessionNumber).sort()).toEqual(['SCR2022', 'SCR2026C', 'SCR2026P', 'SCR2027', 'US2025']);
    const other = value(await searchStudies(direct, { patientName: 'OTHER*' }));
    expect(other.map((s) => s.patientId)).toEqual(['PH-OTHER-1']);
    const byAccession = value(await searchStudies(direct, { accessionNumber: 'SCR2026C' }));
    expect(byAccession).toHaveLength(1);
    expect(byAccession[0]).toMatchObject({
      studyInstanceUid: cur.studyInstanceUid,
      patientId: 'PH-SCR-2026',
      patientName: 'PHANTOM^SCREENING^A',
      studyDate: '20260310',
      studyDescription: 'SCREENING MAMMOGRAPHY BILATERAL',
      modalities: ['MG'],
      numberOfInstances: 4,
    });
    const range = value(await searchStudies(direct, { studyDateFrom: '20240101', studyDateTo: '20261231' }));
    expect(range.map((s) => s.accessionNumber).sort()).toEqual(['SCR2026C', 'SCR2026P', 'US2025']);
    const mg = value(await searchStudies(direct, { patientId: cur.patientId, modality: 'MG' }));
    expect(mg.map((s) => s.accessionNumber).sort()).toEqual(['SCR2022', 'SCR2026C', 'SCR2026P', 'SCR2027']);
  });

  it('finds the prior mammograms newest first, without the current study, a later one, another modality or patient', async () => {
    const priors = value(await findPriorMammograms(direct, { patientId: cur.patientId, before: cur.studyDate, excludeStudyUid: cur.studyInstanceUid }));
    expect(priors.map((s: StudySummary) => [s.accessionNumber, s.studyDate])).toEqual([
      ['SCR2026P', '20240312'],
      ['SCR2022', '20220315'],
    ]);
    expect(priors[0]!.studyInstanceUid).toBe(pri.studyInstanceUid);
  });

  it('offers as priors only studies of an earlier date: not the current study, not another study of the same day', async () => {
    // A patient of her own, with MG studies on several dates: screening and a diagnostic work-up the
    // same day (2026-03-10), one the day before, one two years before, one a year later.
    const patient = { PatientID: 'PH-PRIORS-1', PatientName: 'PHANTOM^PRIORS' };
    const screening = reidentified(current[0]!, 21, { ...patient, StudyDate: '20260310', AccessionNumber: 'PRI-SCR' });
    const sameDay = reidentified(current[0]!, 22, { ...patient, StudyDate: '20260310', AccessionNumber: 'PRI-DIAG' });
    const dayBefore = reidentified(current[0]!, 23, { ...patient, StudyDate: '20260309', AccessionNumber: 'PRI-0309' });
    const twoYears = reidentified(current[0]!, 24, { ...patient, StudyDate: '20240312', AccessionNumber: 'PRI-2024' });
    const later = reidentified(current[0]!, 25, { ...patient, StudyDate: '20270310', AccessionNumber: 'PRI-2027' });
    value(await storeInstances(direct, [screening, sameDay, dayBefore, twoYears, later]));
    const all = value(await searchStudies(direct, { patientId: 'PH-PRIORS-1' }));
    expect(all.map((s) => s.accessionNumber).sort()).toEqual(['PRI-0309', 'PRI-2024', 'PRI-2027', 'PRI-DIAG', 'PRI-SCR']);

    const studyOf = (b: ArrayBuffer): string => facts(b).studyInstanceUid;
    const forScreening = value(await findPriorMammograms(direct, { patientId: 'PH-PRIORS-1', before: '20260310', excludeStudyUid: studyOf(screening) }));
    expect(forScreening.map((s) => [s.accessionNumber, s.studyDate])).toEqual([
      ['PRI-0309', '20260309'],
      ['PRI-2024', '20240312'],
    ]);
    // Opened from the same-day work-up, the screening of that morning is no prior either.
    const forWorkUp = value(await findPriorMammograms(direct, { patientId: 'PH-PRIORS-1', before: '20260310', excludeStudyUid: studyOf(sameDay) }));
    expect(forWorkUp.map((s) => s.accessionNumber)).toEqual(['PRI-0309', 'PRI-2024']);
    // The current study is left out by its UID, whatever date it is given with.
    const mislabelled = value(await findPriorMammograms(direct, { patientId: 'PH-PRIORS-1', before: '20280101', excludeStudyUid: studyOf(later) }));
    expect(mislabelled.map((s) => s.accessionNumber).sort()).toEqual(['PRI-0309', 'PRI-2024', 'PRI-DIAG', 'PRI-SCR']);
    expect(mislabelled.map((s) => s.studyDate)).toEqual(['20260310', '20260310', '20260309', '20240312']);
  });

  it('lists every instance of a study and retrieves each with WADO-RS: same SOP instance, same pixel data, same transfer syntax', async () => {
    for (const [files, studyUid] of [
      [current, cur.studyInstanceUid],
      [prior, pri.studyInstanceUid],
    ] as const) {
      const instances = value(await listInstances(direct, studyUid));
      expect(instances.map((i) => i.sopInstanceUid).sort()).toEqual(files.map((f) => facts(f).sopInstanceUid).sort());
      expect(instances.every((i) => i.modality === 'MG' && i.sopClassUid === '1.2.840.10008.5.1.4.1.1.1.2')).toBe(true);
      for (const file of files) {
        const sent = facts(file);
        const got = facts(value(await retrieveInstance(direct, { study: studyUid, series: sent.seriesInstanceUid, instance: sent.sopInstanceUid })));
        expect(got.sopInstanceUid).toBe(sent.sopInstanceUid);
        expect(got.transferSyntaxUid).toBe(sent.transferSyntaxUid); // the JPEG-LS prior is not transcoded
        expect(Buffer.compare(Buffer.from(got.pixelData), Buffer.from(sent.pixelData))).toBe(0);
      }
    }
  });

  it('a study the server does not have has no instances; an instance it does not have is refused with 404', async () => {
    expect(value(await listInstances(direct, '1.2.3.4.5'))).toEqual([]);
    const r = await retrieveInstance(direct, { study: cur.studyInstanceUid, series: cur.seriesInstanceUid, instance: '1.2.3.4.5' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('refuses to ask for a UID that is not a DICOM UID (nothing sent)', async () => {
    const before = proxy.seen.length;
    const r = await retrieveInstance(viaProxy, { study: cur.studyInstanceUid, series: '../../system', instance: cur.sopInstanceUid });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect((await listInstances(viaProxy, '1.2.3/../../tools')).ok).toBe(false);
    expect(proxy.seen.length).toBe(before);
  });
});

describe('faults: a clear PacsError, nothing thrown, nothing lost, and a retry succeeds once the fault clears', () => {
  /** The report being saved in these tests: the caller's bytes, checked unchanged after every fault. */
  const draftFile = reidentified(current[1]!, 21, { StudyDate: '20260311', AccessionNumber: 'DRAFT1', PatientID: 'PH-DRAFT-1', PatientName: 'DRAFT^TEST' });
  const draftHash = hash(draftFile);
  const draftUid = facts(draftFile).sopInstanceUid;

  afterAll(() => proxy.setFault(null));

  it('server down (a closed port): unreachable', async () => {
    const down: PacsConfig = { url: `http://127.0.0.1:${await unusedPort()}/dicom-web`, timeoutMs: 10_000 };
    const stored = await storeInstances(down, [draftFile]);
    expect(stored).toEqual({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(/^cannot store 1 instance: no connection to http:\/\/127\.0\.0\.1:\d+\/dicom-web/) } });
    const searched = await searchStudies(down, { patientId: cur.patientId });
    expect(searched.ok || searched.error.kind).toBe('unreachable');
    expect(hash(draftFile)).toBe(draftHash);
  });

  it('500 on STOW with a reason: refused, with the status and the reason; the retry stores', async () => {
    proxy.setFault({ kind: 'status', status: 500, statusText: 'Internal Server Error', body: 'storage area full: 0 bytes left', match: isStow });
    const r = await storeInstances(viaProxy, [draftFile]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('refused');
      expect(r.error.status).toBe(500);
      expect(r.error.message).toContain('answered HTTP 500 — Internal Server Error: storage area full: 0 bytes left');
    }
    expect(hash(draftFile)).toBe(draftHash);
    proxy.setFault(null);
    expect(value(await storeInstances(viaProxy, [draftFile])).instances).toEqual([{ index: 0, sopInstanceUid: draftUid, status: 'stored' }]);
  });

  it('a server that never answers: timeout after the configured time, the request given up', async () => {
    proxy.setFault({ kind: 'hang' });
    const t0 = Date.now();
    const r = await storeInstances({ ...viaProxy, timeoutMs: 1500 }, [draftFile]);
    const took = Date.now() - t0;
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('did not answer within 1.5 s') } });
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(5000);
    const q = await searchStudies({ ...viaProxy, timeoutMs: 800 }, { patientId: cur.patientId });
    expect(q.ok || q.error.kind).toBe('timeout');
    expect(hash(draftFile)).toBe(draftHash);
    proxy.setFault(null);
    expect(value(await searchStudies(viaProxy, { accessionNumber: 'SCR2026C' }))).toHaveLength(1);
    expect(value(await storeInstances(viaProxy, [draftFile])).instances).toEqual([{ index: 0, sopInstanceUid: draftUid, status: 'stored' }]);
  });

  it('a slow server (answers after a delay shorter than the time limit): succeeds', async () => {
    proxy.setFault({ kind: 'delay', ms: 1200 });
    const t0 = Date.now();
    const studies = value(await searchStudies({ ...viaProxy, timeoutMs: 6000 }, { accessionNumber: 'SCR2026C' }));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1100);
    expect(studies.map((s) => s.studyInstanceUid)).toEqual([cur.studyInstanceUid]);
    const bytes = value(await retrieveInstance({ ...viaProxy, timeoutMs: 6000 }, { study: cur.studyInstanceUid, series: cur.seriesInstanceUid, instance: cur.sopInstanceUid }));
    expect(facts(bytes).sopInstanceUid).toBe(cur.sopInstanceUid);
  });

  it.each([
    ['truncated JSON', '[{"0020000D": {"vr": "UI", "Value": ["1.2.3"'],
    ['an HTML error page with status 200', '<html><body>Login required</body></html>'],
    ['a JSON object instead of an array', '{"0020000D": {"vr": "UI"}}'],
    ['an array of garbage', '[1, "two", null]'],
  ])('malformed JSON on QIDO (%s): malformed; the search works again after', async (_name, body) => {
    proxy.setFault({ kind: 'body', body, contentType: 'application/dicom+json', match: isQido });
    const r = await searchStudies(viaProxy, { patientId: cur.patientId });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('malformed');
      expect(r.error.message).toMatch(/^the study search answer is not DICOM JSON/);
    }
    const i = await listInstances(viaProxy, cur.studyInstanceUid);
    expect(i.ok || i.error.kind).toBe('malformed');
    proxy.setFault(null);
    expect(value(await searchStudies(viaProxy, { patientId: cur.patientId })).length).toBe(5);
  });

  it('a broken WADO-RS answer (multipart without parts, or not DICOM): malformed, nothing thrown', async () => {
    const ref = { study: cur.studyInstanceUid, series: cur.seriesInstanceUid, instance: cur.sopInstanceUid };
    proxy.setFault({ kind: 'body', body: 'garbage with no boundary at all', contentType: 'multipart/related; type="application/dicom"; boundary=x', match: isWado });
    const a = await retrieveInstance(viaProxy, ref);
    expect(a.ok || a.error.kind).toBe('malformed');
    proxy.setFault({ kind: 'body', body: Buffer.alloc(64, 7), contentType: 'application/dicom', match: isWado });
    const b = await retrieveInstance(viaProxy, ref);
    expect(b.ok || b.error.message).toMatch(/is not a DICOM Part 10 file \(64 bytes without the DICM marker\)/);
    proxy.setFault(null);
    expect(facts(value(await retrieveInstance(viaProxy, ref))).sopInstanceUid).toBe(cur.sopInstanceUid);
  });

  it("a STOW answer that lists the file as failed: the server's Failure Reason, as an outcome", async () => {
    proxy.setFault({
      kind: 'body',
      status: 409,
      contentType: 'application/dicom+json',
      body: JSON.stringify({ '00081198': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: [draftUid] }, '00081197': { vr: 'US', Value: [0xa700] } }] } }),
      match: isStow,
    });
    const r = value(await storeInstances(viaProxy, [draftFile]));
    expect(r).toEqual({ status: 409, instances: [{ index: 0, sopInstanceUid: draftUid, status: 'failed', reason: '0xA700 refused: out of resources', failureReason: 0xa700 }] });
  });
});
