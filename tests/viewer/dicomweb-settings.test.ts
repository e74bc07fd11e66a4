/**
 * Which PACS `npm start` proxies: `--dicomweb URL` or CALCSCRIBE_DICOMWEB_URL, the Authorization
 * from the environment, and the checks made once at start (with messages that never carry the
 * Authorization value).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_TIMEOUT_MS, dicomWebOptionsFrom, dicomWebTarget } from '../../src/viewer/serve/dicomweb-settings.js';

const SECRET = 'Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M=';

describe('dicomWebOptionsFrom (npm start)', () => {
  it('is none when neither the flag nor the environment names a server', () => {
    expect(dicomWebOptionsFrom(['--no-build'], {})).toEqual({ ok: true, value: null });
    expect(dicomWebOptionsFrom([], { CALCSCRIBE_DICOMWEB_URL: '' })).toEqual({ ok: true, value: null });
  });

  it('takes --dicomweb URL or --dicomweb=URL, before the environment', () => {
    const env = { CALCSCRIBE_DICOMWEB_URL: 'http://env.example/dicom-web' };
    expect(dicomWebOptionsFrom(['--dicomweb', 'http://flag.example:8042/dicom-web'], env)).toEqual({ ok: true, value: { url: 'http://flag.example:8042/dicom-web' } });
    expect(dicomWebOptionsFrom(['--no-build', '--dicomweb=http://flag.example/dw'], env)).toEqual({ ok: true, value: { url: 'http://flag.example/dw' } });
    expect(dicomWebOptionsFrom([], env)).toEqual({ ok: true, value: { url: 'http://env.example/dicom-web' } });
  });

  it('adds the Authorization and the timeout from the environment', () => {
    const r = dicomWebOptionsFrom(['--dicomweb', 'http://pacs.example/dicom-web'], { CALCSCRIBE_DICOMWEB_AUTHORIZATION: SECRET, CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS: '2.5' });
    expect(r).toEqual({ ok: true, value: { url: 'http://pacs.example/dicom-web', authorization: SECRET, timeoutMs: 2500 } });
  });

  it('refuses a flag without a URL and a timeout that is not a positive number', () => {
    const noUrl = dicomWebOptionsFrom(['--dicomweb'], {});
    expect(!noUrl.ok && noUrl.error.message).toMatch(/^--dicomweb needs the DICOMweb URL/);
    const beforeFlag = dicomWebOptionsFrom(['--dicomweb', '--no-build'], {});
    expect(beforeFlag.ok).toBe(false);
    for (const t of ['0', '-3', 'soon']) {
      const r = dicomWebOptionsFrom(['--dicomweb', 'http://pacs.example'], { CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS: t });
      expect(!r.ok && r.error.message).toContain('CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS must be a positive number');
    }
  });
});

describe('dicomWebTarget', () => {
  it('keeps scheme, host, port and path, without a trailing slash, with the defaults', () => {
    const r = dicomWebTarget({ url: 'http://10.0.0.2:8042/dicom-web/', authorization: SECRET });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.root.href).toBe('http://10.0.0.2:8042/dicom-web');
    expect(r.value.label).toBe('http://10.0.0.2:8042/dicom-web');
    expect(r.value.authorization).toBe(SECRET);
    expect(r.value.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(r.value.maxUploadBytes).toBe(DEFAULT_MAX_UPLOAD_BYTES);
  });

  it('names a PACS at the root of its server without a trailing slash', () => {
    const r = dicomWebTarget({ url: 'http://10.0.0.2:8042' });
    expect(r.ok && r.value.label).toBe('http://10.0.0.2:8042');
  });

  it.each([
    ['not a url', 'is not a URL'],
    ['ftp://pacs.example/dicom-web', 'must start with http:// or https://'],
    ['file:///etc/passwd', 'must start with http:// or https://'],
    ['http://user:pass@pacs.example/dicom-web', 'must not carry a user name or password'],
    ['http://pacs.example/dicom-web?token=1', 'must not have a query'],
    ['http://pacs.example/dicom-web#x', 'must not have a query or a fragment'],
  ])('refuses the URL %s', (url, why) => {
    const r = dicomWebTarget({ url });
    expect(!r.ok && r.error.message).toContain(why);
  });

  it('refuses an Authorization that is empty or not one line, without repeating it', () => {
    for (const authorization of ['', '   ', `${SECRET}\r\nX-Injected: 1`]) {
      const r = dicomWebTarget({ url: 'http://pacs.example', authorization });
      expect(!r.ok && r.error.message).toContain('Authorization value must be one non-empty line');
      expect(!r.ok && r.error.message).not.toContain('c2VjcmV0');
    }
  });

  it('refuses a timeout or upload limit that is not positive', () => {
    expect(dicomWebTarget({ url: 'http://pacs.example', timeoutMs: 0 }).ok).toBe(false);
    expect(dicomWebTarget({ url: 'http://pacs.example', timeoutMs: Number.NaN }).ok).toBe(false);
    expect(dicomWebTarget({ url: 'http://pacs.example', maxUploadBytes: -1 }).ok).toBe(false);
    expect(dicomWebTarget({ url: 'http://pacs.example', maxUploadBytes: 1.5 }).ok).toBe(false);
  });
});
