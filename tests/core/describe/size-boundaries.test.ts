import { describe, expect, it } from 'vitest';
import { describeCalcification, describeCalcifications } from '../../../src/core/describe/index.js';
import { calc, type CalcSpec } from './fixtures.js';

const top = (s: CalcSpec) => describeCalcification(calc(s)).terms[0]?.term ?? null;
const evidence = (s: CalcSpec) => describeCalcification(calc(s)).evidence.join(' | ');

/** A solid, dense, smooth sphere: its edge falls like a sphere's chord (sharpness about √3 / r per pixel). */
const sphere = (longMm: number, mmPerPx = 0.1): CalcSpec => {
  const radiusPx = longMm / 1.05 / mmPerPx / 2;
  return { longMm, elongation: 1.05, circularity: 0.97, solidity: 0.99, cnr: 15, lucent: 0.03, margin: (0.85 * Math.sqrt(3)) / radiusPx, mmPerPx };
};

describe('round has no upper size (atlas: "under 1 mm" is typical, not a limit)', () => {
  it('a 3 mm round, dense, smooth, solid calcification is round', () => {
    const d = describeCalcification(calc(sphere(3)));
    expect(d.terms[0]?.term).toBe('round');
    expect(d.evidence[0]).toContain('long axis 3.0 mm ≥ 1 mm (larger than the typical round, still round)');
    expect(d.notCharacterised).toBeNull();
  });

  it('a 1.7 × 1.4 mm sphere (the size of the GE calcification) is round', () => {
    expect(top(sphere(1.7))).toBe('round');
  });

  it('large and round needs density and a solid centre: a faint smudge or a shell is not round', () => {
    expect(top({ ...sphere(3), cnr: 7.9 })).not.toBe('round');
    expect(top({ ...sphere(3), lucent: 0.15 })).toBe('rim');
  });

  it('a flat lump with a step edge and a round outline is not taken for a sphere: round by its outline, at lower confidence, the steep edge said', () => {
    // Phantom dystrophic lumps measure up to 4 × a sphere's chord slope; the sharpness here is 0.85 × √3 / r.
    const s = sphere(3);
    const lump = describeCalcification(calc({ ...s, margin: (s.margin ?? 0) * 3.5 }));
    const ball = describeCalcification(calc(s));
    expect(lump.terms[0]?.term).toBe('round');
    expect(lump.terms[0]?.confidence).toBeLessThan(ball.terms[0]?.confidence ?? 0);
    expect(lump.notCharacterised).toBeNull();
    const words = lump.evidence.join(' | ');
    expect(words).not.toContain('edge falls like a sphere');
    expect(words).toMatch(/edge steeper than a sphere's \(sharpness [\d.]+ > [\d.]+ = 2\.5 × √3 \/ r, r = [\d.]+ px\): a flat lump \(dystrophic\) or a sphere sharpened by the image processing, benign either way/);
    // The steep edge alone never makes round: a lump with an irregular outline is not round.
    const small = sphere(1.5);
    expect(top({ ...small, margin: (small.margin ?? 0) * 3.5, circularity: 0.8 })).toBe('dystrophic');
  });

  it('a sphere whose centre absorbs nearly every photon (flat top, steeper edge, up to 2.5 × the chord) is still round', () => {
    const s = sphere(3);
    expect(top({ ...s, margin: (s.margin ?? 0) * 2.8 })).toBe('round');
  });

  it('at 1 mm the two round rules meet without a gap', () => {
    expect(top({ ...sphere(0.99), cnr: 15 })).toBe('round');
    expect(top(sphere(1))).toBe('round');
    expect(top(sphere(1.01))).toBe('round');
  });

  it('at 0.5 mm punctate ends and round begins', () => {
    expect(top({ longMm: 0.49 })).toBe('punctate');
    expect(top({ longMm: 0.5 })).toBe('round');
  });
});

describe('numbers are compared at the precision they are shown', () => {
  it('0.497 mm is shown as 0.50 mm and read as 0.50 mm: round, never "0.50 mm < 0.5 mm"', () => {
    expect(top({ longMm: 0.497 })).toBe('round');
    expect(evidence({ longMm: 0.497 })).toContain('long axis 0.50 mm within 0.5 to under 1 mm');
    expect(evidence({ longMm: 0.497 })).not.toContain('0.50 mm < 0.5 mm');
  });

  it('0.494 mm is shown as 0.49 mm: punctate', () => {
    expect(top({ longMm: 0.494 })).toBe('punctate');
    expect(evidence({ longMm: 0.494 })).toContain('long axis 0.49 mm < 0.5 mm');
  });

  it('no evidence line states a comparison its own numbers contradict', () => {
    const sizes = [0.2951, 0.4949, 0.4951, 0.9949, 0.9951, 0.9999, 1.0001, 1.049, 1.051, 2.049, 2.051];
    for (const longMm of sizes) {
      for (const spec of [{ longMm }, { longMm, cnr: 3 }, sphere(longMm), { longMm, circularity: 0.6, cnr: 12, lucent: 0.3 }]) {
        const text = describeCalcification(calc(spec)).evidence.join(' | ');
        for (const m of text.matchAll(/(\d+\.\d+) mm (<|≥|>|≤) (\d+(?:\.\d+)?) mm/g)) {
          const [, a, rel, b] = m;
          const x = Number(a);
          const y = Number(b);
          const holds = rel === '<' ? x < y : rel === '≥' ? x >= y : rel === '>' ? x > y : x <= y;
          expect(holds, `${m[0]} in "${text}"`).toBe(true);
        }
      }
    }
  });
});

describe('a solitary calcification is described as one', () => {
  it('describeCalcifications of one calcification is that calcification, never a set', () => {
    const one = describeCalcifications([calc(sphere(1.7))], { view: 'MLO' });
    expect(one.terms[0]?.term).toBe('round');
    expect(one.evidence.join(' | ')).not.toMatch(/majority|of 1 calcifications/);
  });
});

describe('caveats for the whole finding are stated once', () => {
  it('a set on one CC view states the skin and milk-of-calcium caveats once, not per calcification', () => {
    const ms = [0.3, 0.32, 0.35, 0.31, 0.33].map((longMm) => calc({ longMm }));
    const d = describeCalcifications(ms, { view: 'CC' });
    const ev = d.evidence;
    expect(ev.filter((e) => e.includes('tangential view'))).toHaveLength(1);
    expect(ev.filter((e) => e.includes('ML or LM view'))).toHaveLength(1);
    for (const m of ms) expect(describeCalcification(m, { view: 'CC' }).evidence.join(' | ')).not.toContain('tangential view');
  });
});
