import { describe, expect, it } from 'vitest';
import { failureText } from '../../../src/viewer/pacs/failure-text.js';

describe('a PACS failure in words', () => {
  it("says what the viewer's server answered for the PACS: not reachable (502), no answer in time (504)", () => {
    expect(failureText('Search', { kind: 'refused', status: 502, message: 'cannot search studies: /dicomweb answered HTTP 502 — Bad Gateway' })).toBe(
      "Search failed: the PACS could not be reached from the viewer's server (cannot search studies: /dicomweb answered HTTP 502 — Bad Gateway)",
    );
    expect(failureText('Retrieving the study', { kind: 'refused', status: 504, message: 'HTTP 504' })).toBe('Retrieving the study failed: the PACS did not answer in time (HTTP 504)');
  });

  it("says the viewer's server's own reason for a 502 / 504 when it gave one (refused, no answer within its time)", () => {
    const refused = {
      kind: 'refused',
      status: 502,
      message: 'cannot search studies: /dicomweb answered HTTP 502 — Bad Gateway: The PACS at http://pacs:8042/dicom-web refused the connection.',
      serverWords: 'The PACS at http://pacs:8042/dicom-web refused the connection.',
    };
    expect(failureText('Search', refused)).toBe("Search failed: the PACS at http://pacs:8042/dicom-web refused the connection (HTTP 502 from the viewer's server)");
    const late = { kind: 'refused', status: 504, message: 'HTTP 504', serverWords: 'The PACS at http://pacs:8042/dicom-web did not answer within 30 s.' };
    expect(failureText('Looking for priors on the PACS', late)).toBe(
      "Looking for priors on the PACS failed: the PACS at http://pacs:8042/dicom-web did not answer within 30 s (HTTP 504 from the viewer's server)",
    );
    // Words with another status are the PACS's own: they stay in the client's message.
    expect(failureText('Search', { kind: 'refused', status: 400, message: 'HTTP 400 — Bad Request: unknown tag', serverWords: 'unknown tag' })).toBe('Search failed: HTTP 400 — Bad Request: unknown tag');
    expect(failureText('Search', { kind: 'refused', status: 502, message: 'HTTP 502', serverWords: '  ' })).toBe("Search failed: the PACS could not be reached from the viewer's server (HTTP 502)");
  });

  it("gives a refusal of the PACS itself with the server's reason as it came", () => {
    expect(failureText('Search', { kind: 'refused', status: 400, message: 'HTTP 400 — Bad Request: unknown tag' })).toBe('Search failed: HTTP 400 — Bad Request: unknown tag');
  });

  it("names the viewer's server unreachable, a timeout and an unreadable answer", () => {
    expect(failureText('Search', { kind: 'unreachable', message: 'm' })).toBe("Search failed: the viewer's server could not be reached (m)");
    expect(failureText('Search', { kind: 'timeout', message: 'm' })).toBe('Search failed: no answer in time (m)');
    expect(failureText('Search', { kind: 'malformed', message: 'm' })).toBe('Search failed: the answer could not be read (m)');
    expect(failureText('Retrieving the study', { kind: 'no-mammograms', message: 'the study holds no mammogram (only SR)' })).toBe('Retrieving the study failed: the study holds no mammogram (only SR)');
  });
});
