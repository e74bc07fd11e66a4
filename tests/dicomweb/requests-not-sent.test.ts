/**
 * What the PACS client refuses before anything is sent: a server address that is not http(s),
 * a header that would break the request (its value never shown: it may be a credential), a time
 * limit that is not one, a prior search that could match other patients, UIDs that are not UIDs.
 * No server and no XMLHttpRequest is needed for any of them.
 */
import { describe, expect, it } from 'vitest';
import { findPriorMammograms, listInstances, retrieveInstance, searchStudies, storeInstances } from '../../src/dicomweb/index.js';

const url = 'http://127.0.0.1:9/dicom-web';

describe('requests refused before sending', () => {
  it('a server address that is not http(s) or a path on this site', async () => {
    for (const bad of ['ftp://pacs/dicom-web', 'pacs:8042', '//pacs/dicom-web', '']) {
      const r = await searchStudies({ url: bad }, {});
      expect(r.ok || r.error.kind).toBe('invalid-request');
    }
  });

  it('a header with a line break in its value, or a bad name; the value is never in the message', async () => {
    const r = await searchStudies({ url, headers: { Authorization: 'Bearer secret\r\nX-Evil: 1' } }, {});
    expect(r).toEqual({ ok: false, error: { kind: 'invalid-request', message: 'cannot search studies: the configured header "Authorization" is not a valid HTTP header (bad name, or a line break in its value)' } });
    const n = await searchStudies({ url, headers: { 'Bad Name': 'x' } }, {});
    expect(n.ok || n.error.kind).toBe('invalid-request');
  });

  it('a time limit that is not a positive number', async () => {
    for (const timeoutMs of [0, -5, Number.NaN]) {
      const r = await listInstances({ url, timeoutMs }, '1.2.3');
      expect(r.ok || r.error.message).toBe('cannot list the instances of study 1.2.3: the time limit must be a positive number of milliseconds');
    }
  });

  it('a prior search with an empty patient ID, a wildcard in it, or a date that is not YYYYMMDD', async () => {
    const cases = [
      [{ patientId: ' ', before: '20260310', excludeStudyUid: '1.2' }, 'prior search not sent: the patient ID is empty'],
      [{ patientId: 'PH*', before: '20260310', excludeStudyUid: '1.2' }, 'prior search not sent: the patient ID contains a wildcard (* or ?) or a backslash, so it would match other patients'],
      [{ patientId: 'PH-1', before: '2026-03-10', excludeStudyUid: '1.2' }, 'prior search not sent: "2026-03-10" is not a date YYYYMMDD'],
    ] as const;
    for (const [args, message] of cases) expect(await findPriorMammograms({ url }, args)).toEqual({ ok: false, error: { kind: 'invalid-request', message } });
  });

  it('UIDs that are not DICOM UIDs, and nothing to store', async () => {
    expect((await listInstances({ url }, '1.2.3/../x')).ok).toBe(false);
    const r = await retrieveInstance({ url }, { study: '1.2', series: '1.2.3', instance: '1.2.3.4\u0000' });
    expect(r.ok || r.error).toEqual({ kind: 'invalid-request', message: 'retrieval not sent: the SOP instance UID "1.2.3.4\u0000" is not a DICOM UID' });
    expect(await storeInstances({ url }, [])).toEqual({ ok: false, error: { kind: 'invalid-request', message: 'store not sent: no files to store' } });
  });
});
