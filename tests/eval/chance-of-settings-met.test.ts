import { describe, expect, it } from 'vitest';
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import { atlasDescriptorMorphology, chanceOfSettingsMet, type SettingResult } from './acquisition-settings.js';
import { confusion } from './confusion.js';

/** A setting's result as the sentence reads it: its scored groups and its missed groups. */
const setting = (groups: number, misses: number): SettingResult => ({ groups, misses: Array.from({ length: misses }, () => 'amorphous→punctate') }) as unknown as SettingResult;

describe('the chance that every setting meets 90 %', () => {
  it('states the overall rate and the binomial share of settings that miss by chance (13 groups: two misses fail)', () => {
    // 24 settings of 13 groups, 22 of the 312 groups missed.
    const results = [...Array.from({ length: 22 }, () => setting(13, 1)), setting(13, 0), setting(13, 0)];
    const text = chanceOfSettingsMet(results);
    expect(text).toContain('290 of 312 scored groups are right (92.9 %)');
    expect(text).toContain('at most 1 miss:');
    // 1 − p¹³ − 13 (1 − p) p¹² at p = 290 / 312.
    const p = 290 / 312;
    const fail = 1 - p ** 13 - 13 * (1 - p) * p ** 12;
    expect(text).toContain(`${(100 * fail).toFixed(1)} % of settings would miss the target by chance alone`);
    expect(text).toContain(`about ${(fail * 24).toFixed(1)} of 24`);
    // Every one of 24 settings met with probability ½ needs (1 − fail)²⁴ = ½: about 98 %.
    const even = /needs about (\d+\.\d) % of groups right/.exec(text);
    expect(Number(even?.[1])).toBeGreaterThan(97.5);
    expect(Number(even?.[1])).toBeLessThan(98.5);
  });

  it('says nothing without settings', () => {
    expect(chanceOfSettingsMet([])).toBe('');
  });
});

describe('morphology at the atlas descriptor level', () => {
  it('counts fine linear read as fine-linear branching (and back) as right, and every other miss as a miss', () => {
    const morph = confusion<MorphologyTerm | 'none'>();
    const right: MorphologyTerm[] = ['punctate', 'round', 'rim', 'dystrophic', 'coarse', 'large rod-like', 'vascular', 'milk of calcium', 'coarse heterogeneous', 'fine pleomorphic'];
    for (const t of right) morph.add(t, t);
    morph.add('amorphous', 'punctate');
    morph.add('fine linear', 'fine-linear branching');
    morph.add('fine-linear branching', 'fine linear');
    const r = { morph } as unknown as SettingResult;
    // 12 descriptors (fine linear and fine-linear branching one), amorphous the only miss.
    expect(atlasDescriptorMorphology(r)).toBeCloseTo(11 / 12, 10);
  });
});
