import { describe, expect, it } from 'vitest';
import { askedOnce, fetchPacsConfig, NO_PACS } from '../../../src/viewer/pacs/pacs-config.js';

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

describe('the page asks once', () => {
  it('every reader of the configuration shares the one answer, asked for once', async () => {
    let asked = 0;
    const counting = ((url: string) => {
      asked += 1;
      return answering(200, '{"configured":true,"label":"Orthanc (test)"}')(url);
    }) as typeof fetch;
    const config = askedOnce(counting);
    expect(asked).toBe(0);
    // The PACS dialog and Save to PACS, each asking as it mounts (twice each, as React's development checks do).
    const answers = await Promise.all([config(), config(), config(), config()]);
    expect(asked).toBe(1);
    expect(answers.every((a) => a === answers[0])).toBe(true);
    expect(answers[0]).toEqual({ configured: true, label: 'Orthanc (test)' });
    expect(await config()).toBe(answers[0]);
    expect(asked).toBe(1);
  });
});
