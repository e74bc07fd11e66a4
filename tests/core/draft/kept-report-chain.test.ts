/** The reports of an exam kept in the browser: stamps only, read back as written, damaged text ignored. */
import { describe, expect, it } from 'vitest';
import { CHAIN_KEY_PREFIX, keepChain, keptChain, withReports, type ChainStorage } from '../../../src/core/draft/kept-report-chain.js';

function memoryStorage(): ChainStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const first = { instance: { sopInstanceUid: '2.25.1', seriesInstanceUid: '2.25.2', studyInstanceUid: '2.25.9' }, predecessor: null, observerName: 'Reader^Ada', contentDateTime: '2026-12-06T10:00:00Z' };
const amended = { instance: { sopInstanceUid: '2.25.3', seriesInstanceUid: '2.25.4', studyInstanceUid: '2.25.9' }, predecessor: first.instance, observerName: 'Second^Bo', contentDateTime: null };

describe('the report chain kept in the browser', () => {
  it('gives back the stamps as kept, per exam, without the reports\' drafts', () => {
    const storage = memoryStorage();
    const opened = { ...first, draft: { examKey: '2.25.9', calcifications: [] }, warnings: [], source: 'a.dcm' };
    expect(keepChain('2.25.9', { reports: [opened, amended], latest: amended }, storage)).toBe(true);
    expect(keptChain('2.25.9', storage)).toEqual({ reports: [first, amended], latest: amended });
    expect(storage.map.get(`${CHAIN_KEY_PREFIX}2.25.9`)).not.toContain('calcifications');
    expect(keptChain('2.25.8', storage)).toBeNull();
  });

  it('ignores what is not a chain (damaged, hand-edited, another shape)', () => {
    const storage = memoryStorage();
    for (const text of ['{', '[]', '{"reports":[{"instance":{}}],"latest":null}', '{"reports":[],"latest":{"instance":1}}', '{"reports":[{"instance":{"sopInstanceUid":"1","seriesInstanceUid":"2","studyInstanceUid":"3"},"predecessor":"x","observerName":null,"contentDateTime":null}],"latest":null}']) {
      storage.map.set(`${CHAIN_KEY_PREFIX}k`, text);
      expect(keptChain('k', storage), text).toBeNull();
    }
  });

  it('says when the browser will not keep it, and keeps it in memory for the page meanwhile', () => {
    const refusing = { getItem: (): string | null => null, setItem: (): void => { throw new Error('QuotaExceededError'); } };
    expect(keepChain('2.25.7', { reports: [first], latest: first }, refusing)).toBe(false);
    // The next save of the page still amends it.
    expect(keptChain('2.25.7', refusing)).toEqual({ reports: [first], latest: first });
    // Once the browser keeps chains again, what it keeps is read (the memory copy is dropped).
    const storage = memoryStorage();
    expect(keepChain('2.25.7', { reports: [first, amended], latest: amended }, storage)).toBe(true);
    expect(keptChain('2.25.7', refusing)).toBeNull();
    expect(keptChain('2.25.7', storage)).toEqual({ reports: [first, amended], latest: amended });
  });

  it('keeps the chain in memory where there is no browser storage at all', () => {
    const none = { getItem: (): string | null => { throw new Error('SecurityError'); }, setItem: (): void => { throw new Error('SecurityError'); } };
    expect(keepChain('2.25.6', { reports: [first], latest: first }, none)).toBe(false);
    expect(keptChain('2.25.6', none)).toEqual({ reports: [first], latest: first });
  });

  it('adds reports each once, by SOP Instance UID, a later copy replacing the earlier', () => {
    const relabelled = { ...first, observerName: 'Reader^Ada^Dr' };
    expect(withReports([first], [amended, relabelled])).toEqual([relabelled, amended]);
    expect(withReports([], [first, first])).toEqual([first]);
  });
});
