/**
 * STOW-RS answers → one outcome per file sent, and the server's words for a refusal.
 */
import { describe, expect, it } from 'vitest';
import { failureReasonWords, parseInstances } from '../../src/dicomweb/index.js';
import { serverReason, serverWords } from '../../src/core/server-words.js';
import { isStoreResponse, storeOutcomes } from '../../src/dicomweb/store-response.js';

const ref = (uid: string) => ({ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.1.2'] }, '00081155': { vr: 'UI', Value: [uid] } });
const failed = (uid: string, code?: unknown) => ({ ...ref(uid), ...(code === undefined ? {} : { '00081197': { vr: 'US', Value: [code] } }) });

describe('Store Instances Response → outcomes', () => {
  it('stored, failed with its Failure Reason, and not mentioned at all, in the order sent', () => {
    const answer = { '00081199': { vr: 'SQ', Value: [ref('1.2.3')] }, '00081198': { vr: 'SQ', Value: [failed('1.2.4', 0xa900), failed('1.2.6')] } };
    expect(isStoreResponse(answer)).toBe(true);
    expect(storeOutcomes(['1.2.4', '1.2.3', '1.2.5', null, '1.2.6'], answer, 409)).toEqual([
      { index: 0, sopInstanceUid: '1.2.4', status: 'failed', reason: '0xA900 data set does not match SOP class', failureReason: 0xa900 },
      { index: 1, sopInstanceUid: '1.2.3', status: 'stored' },
      { index: 2, sopInstanceUid: '1.2.5', status: 'failed', reason: "the server's answer does not confirm it was stored (HTTP 409)" },
      {
        index: 3,
        sopInstanceUid: null,
        status: 'failed',
        reason: 'not a DICOM Part 10 file (no SOP Instance UID in its file meta information); the server did not store it (HTTP 409)',
      },
      { index: 4, sopInstanceUid: '1.2.6', status: 'failed', reason: 'the server listed it as failed without a reason (HTTP 409)' },
    ]);
  });

  it('a stored instance with a Warning Reason keeps it (the server changed something)', () => {
    const answer = { '00081199': { vr: 'SQ', Value: [{ ...ref('1.2.3'), '00081196': { vr: 'US', Value: [0xb000] } }, { ...ref('1.2.4'), '00081196': { vr: 'US', Value: [0xb123] } }] } };
    expect(storeOutcomes(['1.2.3', '1.2.4'], answer, 202)).toEqual([
      { index: 0, sopInstanceUid: '1.2.3', status: 'stored', warning: '0xB000 coercion of data elements' },
      { index: 1, sopInstanceUid: '1.2.4', status: 'stored', warning: 'warning reason 0xB123' },
    ]);
  });

  it('reads the answer Orthanc gives when one part is not DICOM (HTTP 400, empty Failed SOP Sequence)', () => {
    const answer = { '00080005': { vr: 'CS', Value: ['ISO_IR 100'] }, '00081198': { vr: 'SQ' }, '00081199': { vr: 'SQ', Value: [ref('2.25.1')] } };
    const out = storeOutcomes(['2.25.1', null], answer, 400);
    expect(out.map((o) => o.status)).toEqual(['stored', 'failed']);
  });

  it('a JSON answer without either sequence is not a store response', () => {
    expect(isStoreResponse({ Message: 'oops' })).toBe(false);
    expect(isStoreResponse([])).toBe(false);
    expect(isStoreResponse(null)).toBe(false);
  });

  it('names the PS3.18 failure reasons, by family where the standard gives one, and shows any other code as hex', () => {
    expect(failureReasonWords(0xc122)).toBe('0xC122 referenced transfer syntax not supported');
    expect(failureReasonWords(0xc005)).toBe('0xC005 cannot understand');
    expect(failureReasonWords(0xa701)).toBe('0xA701 refused: out of resources');
    expect(failureReasonWords(0x0122)).toBe('0x0122 SOP class not supported');
    expect(failureReasonWords(0x0272)).toBe('failure reason 0x0272');
  });
});

describe("the server's reason for a refusal", () => {
  it("reads Orthanc's JSON error", () => {
    expect(serverReason(JSON.stringify({ HttpError: 'Bad Request', HttpStatus: 400, Message: 'Bad file format', Details: 'Cannot parse an invalid DICOM file' }), 'Bad Request')).toBe(
      'Bad Request: Bad file format — Cannot parse an invalid DICOM file',
    );
  });
  it('reads plain text and HTML bodies, without markup or control characters, clipped to one line', () => {
    expect(serverReason('disk full\u001b[2J\n', 'Internal Server Error')).toBe('Internal Server Error: disk full[2J');
    expect(serverReason('<html><body><h1>503</h1><p>maintenance</p></body></html>', '')).toBe('503 maintenance');
    expect(serverReason('x'.repeat(10_000), '').length).toBe(300);
  });
  it('falls back on the status text', () => {
    expect(serverReason('', 'Gateway Timeout')).toBe('Gateway Timeout');
    expect(serverReason(undefined, '')).toBe('');
  });
  it('reads the words of a JSON refusal kept as parsed JSON, as text, or as bytes (an answer asked for as DICOM)', () => {
    const said = { message: 'The PACS at http://pacs:8042/dicom-web refused the connection.' };
    const bytes = new TextEncoder().encode(JSON.stringify(said));
    const inLarger = new Uint8Array(bytes.length + 8);
    inLarger.set(bytes, 4);
    for (const body of [said, JSON.stringify(said), bytes.slice().buffer, inLarger.subarray(4, 4 + bytes.length)]) {
      expect(serverWords(body)).toBe(said.message);
    }
    expect(serverReason(bytes.slice().buffer, 'Bad Gateway')).toBe(`Bad Gateway: ${said.message}`);
    expect(serverWords(new TextEncoder().encode('<h1>502 Bad Gateway</h1>nginx').buffer)).toBe('502 Bad Gateway nginx');
    expect(serverWords(null)).toBe('');
  });
});

describe('instance search answer → instances', () => {
  it('keeps every data set, UIDs as sent (checked when retrieved)', () => {
    const r = parseInstances([
      { '0020000E': { vr: 'UI', Value: ['1.2.3'] }, '00080018': { vr: 'UI', Value: ['1.2.3.4'] }, '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.1.2'] }, '00080060': { vr: 'CS', Value: ['MG'] } },
      { '00080018': { vr: 'UI', Value: ['../../etc/passwd'] } },
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { seriesInstanceUid: '1.2.3', sopInstanceUid: '1.2.3.4', sopClassUid: '1.2.840.10008.5.1.4.1.1.1.2', modality: 'MG' },
        { seriesInstanceUid: '', sopInstanceUid: '../../etc/passwd', sopClassUid: '', modality: '' },
      ],
    });
  });
  it('refuses an answer that is not an array of data sets', () => {
    expect(parseInstances({}).ok).toBe(false);
    expect(parseInstances([1, 2]).ok).toBe(false);
    expect(parseInstances(null).ok).toBe(false);
  });
});
