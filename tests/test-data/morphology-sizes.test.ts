import { describe, expect, it } from 'vitest';
import { generatePhantom, phantomOptions } from '../../test-data/generator/index.js';
import { makeStructure } from '../../test-data/generator/morphology-shapes.js';
import { drawnLongAxisMm, nominalLongAxisMm, scaleShape, sizeStructure, WHOLE_SIZE_RANGES } from '../../test-data/generator/morphology-sizes.js';
import { makeRandom } from '../../test-data/generator/random.js';
import type { CalcificationShape } from '../../test-data/generator/shape-primitives.js';

const ctx = { view: 'CC' as const, towardNipple: 0 };

describe('whole size ranges', () => {
  it('names a source for every rescaled term', () => {
    for (const [term, r] of Object.entries(WHOLE_SIZE_RANGES)) {
      expect(r.source.length, term).toBeGreaterThan(20);
      expect(r.minMm).toBeLessThan(r.maxMm);
    }
  });

  it('leaves typical sizes, and terms that are not rescaled, exactly as the recipe drew them', () => {
    const pieces = makeStructure('round', makeRandom(3), ctx);
    expect(sizeStructure('round', pieces, 'typical', makeRandom(4))).toBe(pieces);
    const fp = makeStructure('fine pleomorphic', makeRandom(3), ctx);
    expect(sizeStructure('fine pleomorphic', fp, 'whole', makeRandom(4))).toBe(fp);
  });

  it('spreads the long axis over the whole range, deterministically for a seed', () => {
    for (const term of ['round', 'punctate', 'coarse', 'dystrophic', 'rim'] as const) {
      const range = WHOLE_SIZE_RANGES[term];
      if (!range) throw new Error(term);
      const sizes = Array.from({ length: 60 }, (_, i) => {
        const s = sizeStructure(term, makeStructure(term, makeRandom(i), ctx), 'whole', makeRandom(1000 + i));
        return drawnLongAxisMm((s[0] as { shape: CalcificationShape }).shape);
      });
      // The drawn long axis, sampled at 1/160 of the box: within a sampling step of the range.
      expect(Math.min(...sizes), term).toBeGreaterThanOrEqual(range.minMm * 0.99);
      expect(Math.max(...sizes), term).toBeLessThanOrEqual(range.maxMm * 1.01);
      // Both ends are reached: the smallest in the lower fifth (log scale), the largest in the upper fifth.
      const span = Math.log(range.maxMm / range.minMm);
      expect(Math.log(Math.min(...sizes) / range.minMm) / span, term).toBeLessThan(0.2);
      expect(Math.log(range.maxMm / Math.max(...sizes)) / span, term).toBeLessThan(0.2);
      const again = sizeStructure(term, makeStructure(term, makeRandom(0), ctx), 'whole', makeRandom(1000));
      expect(drawnLongAxisMm((again[0] as { shape: CalcificationShape }).shape)).toBe(sizes[0]);
    }
  });

  it('measures the drawn long axis: a disc\'s diameter, and no more than the bounding box of a lobulated blob', () => {
    const disc: CalcificationShape = { primitives: [{ kind: 'ellipsoid', cx: 0, cy: 0, a: 1, b: 1, angle: 0, profile: 0.5 }], holes: [], density: 1 };
    expect(drawnLongAxisMm(disc)).toBeCloseTo(2, 1);
    const blob: CalcificationShape = { primitives: [{ kind: 'blob', cx: 0, cy: 0, radius: 1, elongation: 1, angle: 0, harmonics: [{ k: 3, amp: 0.3, phase: 0 }] }], holes: [], density: 1 };
    // r(θ) = 1 + 0.3 cos 3θ: three lobes of 1.3, with 0.7 opposite each; the box assumes 1.3 every way (2.6).
    expect(drawnLongAxisMm(blob)).toBeLessThan(0.95 * nominalLongAxisMm(blob));
    expect(drawnLongAxisMm(blob)).toBeGreaterThan(2);
  });

  it('keeps a rim\'s wall thin and thins an enlarged solid so it stays a plaque', () => {
    const rim: CalcificationShape = { primitives: [{ kind: 'shell', cx: 0, cy: 0, outer: 1, inner: 0.8 }], holes: [], density: 1.2 };
    const big = scaleShape(rim, 4);
    expect(big.primitives[0]).toMatchObject({ outer: 4, inner: 3.8 });
    expect(big.density).toBe(1.2);
    const ball: CalcificationShape = { primitives: [{ kind: 'ellipsoid', cx: 0.1, cy: 0, a: 0.5, b: 0.4, angle: 0, profile: 0.5 }], holes: [{ cx: 0, cy: 0, a: 0.2, b: 0.2, angle: 0, keep: 0.3 }], density: 1.5 };
    const grown = scaleShape(ball, 3);
    expect(grown.primitives[0]).toMatchObject({ cx: 0.1 * 3, a: 1.5, b: 0.4 * 3 });
    expect(grown.holes[0]?.a).toBeCloseTo(0.6, 10);
    expect(grown.holes[0]?.b).toBeCloseTo(0.6, 10);
    expect(grown.density).toBeCloseTo(0.5, 10);
    expect(scaleShape(ball, 0.5).density).toBe(1.5);
  });

  it('draws large round calcifications and sub-0.2 mm punctate ones in a phantom, with their true sizes in the truth', async () => {
    const p = await generatePhantom(phantomOptions({
      seed: 41,
      findings: [
        { morphology: 'round', distribution: 'regional', count: 14, sizeRange: 'whole' },
        { morphology: 'punctate', distribution: 'regional', count: 14, sizeRange: 'whole' },
      ],
    }));
    const round = p.truth.calcifications.filter((c) => c.morphology === 'round').map((c) => c.longAxisMm);
    const punctate = p.truth.calcifications.filter((c) => c.morphology === 'punctate').map((c) => c.longAxisMm);
    expect(Math.max(...round)).toBeGreaterThan(1.5);
    expect(Math.min(...round)).toBeGreaterThan(0.4);
    expect(Math.min(...punctate)).toBeLessThan(0.2);
    expect(Math.max(...punctate)).toBeLessThanOrEqual(0.55);
  });

  it('draws a solitary calcification as a group of one', async () => {
    const p = await generatePhantom(phantomOptions({ seed: 42, findings: [{ morphology: 'coarse', distribution: 'grouped', count: 1, sizeRange: 'whole', note: 'solitary' }] }));
    expect(p.truth.groups).toHaveLength(1);
    expect(p.truth.groups[0]?.count).toBe(1);
    expect(p.truth.calcifications).toHaveLength(1);
    expect(p.truth.groups[0]?.note).toBe('solitary');
  });
});
