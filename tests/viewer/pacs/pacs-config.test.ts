import { describe, expect, it } from 'vitest';
import { fetchPacsConfig, NO_PACS } from '../../../src/viewer/pacs/pacs-config.js';

const answering = (status: number, body: string): typeof fetch => ((url: string) => {
  expect(url).toBe('/dicomweb-config');
  return Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));
}) as typeof fetch;

describe('whether the viewer offers a PACS', () => {
  it('offers the configured one under its label', async () => {
    expect(await fetchPacsConfig(answering(200, '{"configured":true,"label":"Orthanc (test)"}'))).toEqual({ configured: true, label: 'Orthanc (test)' });
    expect(await fetchPacsConfig(answering(200, '{"configured":true}'))).toEqual({ configured: true, label: 'PACS' });
  });

  it('offers none when none is configured, or the server does not answer as expected', async () => {
    expect(await fetchPacsConfig(answering(200, '{"configured":false,"label":"x"}'))).toBe(NO_PACS);
    expect(await fetchPacsConfig(answering(404, 'not found'))).toBe(NO_PACS);
    expect(await fetchPacsConfig(answering(200, '<html>'))).toBe(NO_PACS);
    expect(await fetchPacsConfig(answering(200, 'null'))).toBe(NO_PACS);
    expect(await fetchPacsConfig((() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).toBe(NO_PACS);
  });
});
