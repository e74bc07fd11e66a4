import { describe, expect, it } from 'vitest';
import {
  parseChange,
  parseComposition,
  parseDistribution,
  parseHistory,
  parseMorphology,
  parseSide,
  suggestFromJson,
} from '../../../src/core/assess/index.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const errorKind = (r: { ok: boolean; error?: { kind: string } }): string | undefined => (r.ok ? undefined : r.error?.kind);

describe('parseMorphology', () => {
  it('reads lexicon words in any case and spacing', () => {
    expect(value(parseMorphology('fine pleomorphic'))).toBe('fine pleomorphic');
    expect(value(parseMorphology('  Fine   Pleomorphic '))).toBe('fine pleomorphic');
    expect(value(parseMorphology('FINE_LINEAR'))).toBe('fine linear');
  });

  it('reads older names', () => {
    expect(value(parseMorphology('eggshell'))).toBe('rim');
    expect(value(parseMorphology('lucent-centered'))).toBe('rim');
    expect(value(parseMorphology('popcorn'))).toBe('coarse');
    expect(value(parseMorphology('fine linear branching'))).toBe('fine-linear branching');
  });

  it('reads codes', () => {
    expect(value(parseMorphology('DCM:111344'))).toBe('fine pleomorphic');
    expect(value(parseMorphology('129750001'))).toBe('dystrophic');
  });

  it('refuses anything else with unknown-term', () => {
    expect(errorKind(parseMorphology('pleomorphic-ish'))).toBe('unknown-term');
    expect(errorKind(parseMorphology(''))).toBe('unknown-term');
  });
});

describe('parseDistribution, parseSide, parseComposition', () => {
  it('read words, historical names and codes', () => {
    expect(value(parseDistribution('Segmental'))).toBe('segmental');
    expect(value(parseDistribution('clustered'))).toBe('grouped');
    expect(value(parseDistribution('SCT:129765000'))).toBe('linear');
    expect(errorKind(parseDistribution('ductal'))).toBe('unknown-term');
    expect(value(parseSide('R'))).toBe('right');
    expect(value(parseSide('SCT:80248007'))).toBe('left');
    expect(value(parseSide(undefined))).toBeNull();
    expect(errorKind(parseSide(3))).toBe('bad-argument');
    expect(value(parseComposition('C'))).toBe('c');
    expect(errorKind(parseComposition('e'))).toBe('unknown-term');
  });
});

describe('parseChange', () => {
  it('reads "new", "stable:2", aliases, codes and objects', () => {
    expect(value(parseChange('new'))).toEqual({ kind: 'new' });
    expect(value(parseChange('stable:2'))).toEqual({ kind: 'stable', years: 2 });
    expect(value(parseChange('stable:1.5'))).toEqual({ kind: 'stable', years: 1.5 });
    expect(value(parseChange('baseline'))).toEqual({ kind: 'no-priors' });
    expect(value(parseChange('SCT:129726003'))).toEqual({ kind: 'increased' });
    expect(value(parseChange({ kind: 'new', newPosition: true }))).toEqual({ kind: 'new', newPosition: true });
  });

  it('refuses years on other kinds, bad numbers and bad objects', () => {
    expect(errorKind(parseChange('new:2'))).toBe('bad-argument');
    expect(errorKind(parseChange('stable:'))).toBe('bad-argument');
    expect(errorKind(parseChange('stable:-1'))).toBe('bad-argument');
    expect(errorKind(parseChange('stable:abc'))).toBe('bad-argument');
    expect(errorKind(parseChange('sometimes'))).toBe('unknown-term');
    expect(errorKind(parseChange({ kind: 'grown' }))).toBe('bad-argument');
    expect(errorKind(parseChange({ kind: 'stable', years: '2' }))).toBe('bad-argument');
    expect(errorKind(parseChange({ kind: 'new', when: 'now' }))).toBe('bad-argument');
    expect(errorKind(parseChange(42))).toBe('bad-argument');
  });
});

describe('parseHistory', () => {
  it('reads events, implants, injections and conditions', () => {
    const h = value(
      parseHistory({
        events: [{ kind: 'radiation', side: 'left', date: '2022' }],
        implants: true,
        conditions: ['hyperparathyroidism'],
      }),
    );
    expect(h).toEqual({
      events: [{ kind: 'radiation', side: 'left', date: '2022', site: null }],
      implants: true,
      injections: false,
      conditions: ['hyperparathyroidism'],
    });
    expect(value(parseHistory(undefined)).events).toEqual([]);
  });

  it('names the bad field', () => {
    const bad: [unknown, string][] = [
      [{ events: [{ kind: 'surgery' }] }, 'history.events[0].kind'],
      [{ events: [{ kind: 'radiation', date: '22' }] }, 'history.events[0].date'],
      [{ events: {} }, 'history.events'],
      [{ implants: 'yes' }, 'history.implants'],
      [{ conditions: ['flu'] }, 'history.conditions'],
      [{ surgeries: [] }, 'unknown field'],
    ];
    for (const [v, name] of bad) {
      const r = parseHistory(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(name);
    }
  });
});

describe('suggestFromJson', () => {
  it('suggests from a batch line with terms', () => {
    const r = value(
      suggestFromJson({
        morphology: ['dystrophic'],
        distribution: ['grouped'],
        change: 'stable:2',
        history: { events: [{ kind: 'radiation', side: 'left', date: '2022' }], implants: false },
        side: 'left',
      }),
    );
    expect(r.assessment).toBe('2');
    expect(r.wording).toBe('Suggested assessment: BI-RADS 2 — benign; expected post-radiation change.');
    expect(r.management).toBe('Routine screening mammography.');
  });

  it('suggests from codes and words the differential', () => {
    expect(value(suggestFromJson({ morphology: ['DCM:111344'], distribution: ['SCT:129768003'] })).assessment).toBe('4C');
    expect(value(suggestFromJson({ morphology: 'dystrophic' })).wording).toBe(
      'Suggested assessment: BI-RADS 2 — benign. Other causes to consider: paraffin or silicone injections (augmentation), dermatomyositis, secondary hyperparathyroidism and Ehlers-Danlos syndrome.',
    );
  });

  it('defaults a missing change to no priors', () => {
    expect(value(suggestFromJson({ morphology: ['punctate'], distribution: ['grouped'] })).assessment).toBe('3');
  });

  it('refuses bad lines with a message naming the problem', () => {
    const bad: [unknown, string][] = [
      [null, 'JSON object'],
      [[1], 'JSON object'],
      [{}, 'morphology is required'],
      [{ morphology: ['fine pleomorphic'], morpholgy: [] }, 'unknown field "morpholgy"'],
      [{ morphology: [3] }, 'morphology must be a list'],
      [{ morphology: ['spiky'] }, 'unknown morphology'],
      [{ morphology: ['round'], change: 'stable:x' }, 'stable:<years>'],
      [{ morphology: ['round'], history: { events: [{ kind: 'x' }] } }, 'history.events[0].kind'],
    ];
    for (const [line, message] of bad) {
      const r = suggestFromJson(line);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(message);
    }
  });
});
