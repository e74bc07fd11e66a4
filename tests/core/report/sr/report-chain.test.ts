/** The saved reports of an exam as a chain of amendments, newest first; UIDs from UUIDs; observer names for people. */
import { describe, expect, it } from 'vitest';
import { newestFirst, personNameForDisplay, reportChain, uidFromUuid, type SavedReportStamp } from '../../../../src/core/report/sr/index.js';

const study = '2.25.1';
const stamp = (sop: string, predecessor: string | null, observerName: string | null, contentDateTime: string | null): SavedReportStamp => ({
  instance: { sopInstanceUid: sop, seriesInstanceUid: `${sop}.9`, studyInstanceUid: study },
  predecessor: predecessor === null ? null : { sopInstanceUid: predecessor, seriesInstanceUid: `${predecessor}.9`, studyInstanceUid: study },
  observerName,
  contentDateTime,
});

const first = stamp('2.25.10', null, 'Dr Ada Reader^', '2026-03-10T11:30:05Z');
const second = stamp('2.25.11', '2.25.10', 'Dr Bo Second^', '2026-03-11T08:00:00Z');
const third = stamp('2.25.12', '2.25.11', 'Dr Cy Third^', '2026-03-12T09:00:00Z');

describe('reportChain', () => {
  it('follows the predecessors back to the first report, oldest first', () => {
    expect(reportChain(third, [second, third, first])).toEqual({ chain: [first, second, third], missing: null });
  });

  it('names a predecessor that is not among the reports, and ends the chain there', () => {
    expect(reportChain(third, [third, second])).toEqual({ chain: [second, third], missing: first.instance });
  });

  it('ends a chain that loops (a hostile file naming itself as its own predecessor)', () => {
    const loop = stamp('2.25.20', '2.25.20', null, null);
    expect(reportChain(loop, [loop])).toEqual({ chain: [loop], missing: null });
  });
});

describe('newestFirst', () => {
  it('orders by content date and time, newest first, whatever order they came in', () => {
    expect(newestFirst([second, first, third]).map((r) => r.instance.sopInstanceUid)).toEqual(['2.25.12', '2.25.11', '2.25.10']);
  });

  it('puts an amendment before the report it amends when both carry the same time, and reports without a time last', () => {
    const same = '2026-03-10T11:30:05Z';
    const a = stamp('2.25.30', null, null, same);
    const b = stamp('2.25.31', '2.25.30', null, same);
    const undated = stamp('2.25.32', null, null, null);
    expect(newestFirst([undated, a, b]).map((r) => r.instance.sopInstanceUid)).toEqual(['2.25.31', '2.25.30', '2.25.32']);
  });

  it('compares times with different offsets as instants', () => {
    const utc = stamp('2.25.40', null, null, '2026-03-10T11:00:00Z');
    const paris = stamp('2.25.41', null, null, '2026-03-10T11:30:00+01:00'); // 10:30 UTC: older
    expect(newestFirst([paris, utc]).map((r) => r.instance.sopInstanceUid)).toEqual(['2.25.40', '2.25.41']);
  });
});

describe('personNameForDisplay', () => {
  it('shows the components of a PN in order, without the carets', () => {
    expect(personNameForDisplay('Dr Ada Reader^')).toBe('Dr Ada Reader');
    expect(personNameForDisplay('Doe^Jane')).toBe('Doe Jane');
    expect(personNameForDisplay('Yamada^Taro=山田^太郎')).toBe('Yamada Taro');
    expect(personNameForDisplay('^^')).toBeNull();
    expect(personNameForDisplay(null)).toBeNull();
  });
});

describe('uidFromUuid', () => {
  it('writes the UUID as 2.25 and its 128 bits in decimal (PS3.5 B.2)', () => {
    expect(uidFromUuid('00000000-0000-0000-0000-000000000001')).toEqual({ ok: true, value: '2.25.1' });
    const r = uidFromUuid('f81d4fae-7dec-11d0-a765-00a0c91e6bf6');
    // The example of PS3.5 B.2.
    expect(r).toEqual({ ok: true, value: '2.25.329800735698586629295641978511506172918' });
  });

  it('always fits a UI value (at most 64 characters, digits and dots, no leading zero)', () => {
    for (let i = 0; i < 200; i++) {
      const r = uidFromUuid(crypto.randomUUID());
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.length).toBeLessThanOrEqual(64);
      expect(r.value).toMatch(/^2\.25\.(0|[1-9]\d*)$/);
    }
    expect(uidFromUuid('ffffffff-ffff-ffff-ffff-ffffffffffff')).toEqual({ ok: true, value: `2.25.${(2n ** 128n - 1n).toString()}` });
  });

  it('refuses what is not a UUID', () => {
    expect(uidFromUuid('not-a-uuid').ok).toBe(false);
    expect(uidFromUuid('f81d4fae7dec11d0a76500a0c91e6bf6').ok).toBe(false);
  });
});
