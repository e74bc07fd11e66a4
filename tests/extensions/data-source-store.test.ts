/**
 * storeThroughDataSource's answers for what a data source may do (the OHIF integration, with the
 * real @ohif/core managers and a real Orthanc, is tests/ohif/save-to-pacs.test.tsx): the bytes it
 * is handed, and each failure as a one-line reason with the server's or data source's text cleaned.
 */
import { describe, expect, it } from 'vitest';
import { storeThroughDataSource, type DataSourceHost } from '../../extensions/calcification/data-source-store.js';

const host = (dicom: ((d: ArrayBuffer) => Promise<unknown>) | undefined, name = 'pacs'): DataSourceHost => ({
  activeDataSourceName: name,
  getActiveDataSource: () => [dicom === undefined ? {} : { store: { dicom } }],
});

describe('storing through the active data source', () => {
  it('hands the data source exactly the bytes of the view, not the whole buffer under it', async () => {
    const under = new Uint8Array([9, 9, 1, 2, 3, 9]);
    let got: number[] = [];
    const r = await storeThroughDataSource(host(async (d) => void (got = [...new Uint8Array(d)])), under.subarray(2, 5));
    expect(r).toEqual({ ok: true, value: { dataSourceName: 'pacs' } });
    expect(got).toEqual([1, 2, 3]);
  });

  it('sends nothing where nothing can store (bad-argument)', async () => {
    expect(await storeThroughDataSource({ getActiveDataSource: () => [] }, new Uint8Array(1))).toMatchObject({ ok: false, error: { kind: 'bad-argument', message: 'OHIF has no active data source to store the report in' } });
    expect(await storeThroughDataSource(host(undefined, 'static'), new Uint8Array(1))).toMatchObject({ ok: false, error: { kind: 'bad-argument', message: 'the data source "static" cannot store DICOM objects' } });
  });

  it('gives the HTTP answer of a refused request, its text cleaned and clipped (not-stored)', async () => {
    const refused = Object.assign(new Error('request failed'), { request: { status: 507, statusText: `Insufficient\u0000 Storage${'!'.repeat(200)}` } });
    const r = await storeThroughDataSource(host(() => Promise.reject(refused)), new Uint8Array(1));
    if (r.ok) throw new Error('stored');
    expect(r.error.kind).toBe('not-stored');
    expect(r.error.message).toMatch(/^the data source "pacs" did not store it: the server answered HTTP 507 Insufficient Storage!+…$/);
    expect(r.error.message.length).toBeLessThan(160);
    // The server's own words from the answer's body, as the viewer's PACS client shows them.
    const orthanc = Object.assign(new Error('request failed'), { status: 400, response: JSON.stringify({ HttpStatus: 400, Message: 'Bad file format', Details: 'Cannot parse\u0007 an invalid DICOM file' }), request: { status: 400, statusText: 'Bad Request' } });
    expect(await storeThroughDataSource(host(() => Promise.reject(orthanc)), new Uint8Array(1))).toMatchObject({
      ok: false,
      error: { kind: 'not-stored', message: 'the data source "pacs" did not store it: the server answered HTTP 400 Bad Request: Bad file format — Cannot parse an invalid DICOM file' },
    });
    const textOnly = Object.assign(new Error('request failed'), { request: { status: 503, statusText: 'Service Unavailable', responseText: '<html><body><h1>down</h1> for maintenance</body></html>' } });
    expect(await storeThroughDataSource(host(() => Promise.reject(textOnly)), new Uint8Array(1))).toMatchObject({ ok: false, error: { message: 'the data source "pacs" did not store it: the server answered HTTP 503 Service Unavailable: down for maintenance' } });
    const unreadable = Object.assign(new Error('request failed'), { request: { status: 502, statusText: 'Bad Gateway', get responseText(): string { throw new Error('InvalidStateError'); } } });
    expect(await storeThroughDataSource(host(() => Promise.reject(unreadable)), new Uint8Array(1))).toMatchObject({ ok: false, error: { message: 'the data source "pacs" did not store it: the server answered HTTP 502 Bad Gateway' } });
    const unreachable = Object.assign(new Error('request failed'), { request: { status: 0, statusText: '' } });
    expect(await storeThroughDataSource(host(() => Promise.reject(unreachable)), new Uint8Array(1))).toMatchObject({ ok: false, error: { message: 'the data source "pacs" did not store it: the server could not be reached' } });
  });

  it('gives a data source\'s own error message cleaned, or says it gave none', async () => {
    const r = await storeThroughDataSource(host(() => Promise.reject(new Error('quota\u001b[31m exceeded\n'))), new Uint8Array(1));
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-stored', message: 'the data source "pacs" did not store it: quota[31m exceeded' } });
    expect(await storeThroughDataSource(host(() => Promise.reject('no')), new Uint8Array(1))).toMatchObject({ ok: false, error: { message: 'the data source "pacs" did not store it: the data source refused it without a reason' } });
  });

  it('says so when the data source does not answer in time', async () => {
    const r = await storeThroughDataSource(host(() => new Promise(() => undefined)), new Uint8Array(1), 50);
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-stored' } });
    if (!r.ok) expect(r.error.message).toBe('the data source "pacs" did not answer within 50 ms; it may still store the report: look for it in the study before storing again');
  });
});
