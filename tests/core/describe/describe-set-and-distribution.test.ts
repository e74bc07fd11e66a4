import { describe, expect, it } from 'vitest';
import { describeCalcifications, describeDistribution, UNCALIBRATED_EVIDENCE } from '../../../src/core/describe/index.js';
import { calc, group } from './fixtures.js';

const varied = [0.2, 0.45, 0.3, 0.15, 0.4, 0.25].map((longMm, i) => calc({ longMm, circularity: i % 2 === 0 ? 0.9 : 0.82 }));

describe('describeCalcifications', () => {
  it('suggests fine pleomorphic when small calcifications vary in size', () => {
    const d = describeCalcifications(varied);
    expect(d.terms[0]).toEqual({ term: 'fine pleomorphic', confidence: 0.6 });
    expect(d.evidence.join(' ')).toContain('median long axis 0.28 mm < 0.5 mm');
  });

  it('keeps the majority when sizes and shapes are uniform', () => {
    const uniform = [0.3, 0.31, 0.29, 0.3].map((longMm) => calc({ longMm }));
    const d = describeCalcifications(uniform);
    expect(d.terms.map((t) => t.term)).toEqual(['punctate']);
    expect(d.evidence).toContain('majority punctate: 4 of 4 calcifications');
  });

  it('does not call larger varied calcifications fine pleomorphic', () => {
    const larger = [0.55, 0.9, 0.6, 0.95, 0.7].map((longMm) => calc({ longMm }));
    expect(describeCalcifications(larger).terms.map((t) => t.term)).not.toContain('fine pleomorphic');
  });

  it('needs at least 3 calcifications for pleomorphism', () => {
    expect(describeCalcifications(varied.slice(0, 2)).terms.map((t) => t.term)).not.toContain('fine pleomorphic');
  });

  it('describes an empty set as nothing', () => {
    expect(describeCalcifications([]).terms).toEqual([]);
  });

  it('uses the relative size spread on an uncalibrated image, at lower confidence', () => {
    const unc = [0.2, 0.45, 0.3, 0.15, 0.4].map((longMm) => calc({ longMm, calibration: 'uncalibrated' }));
    const d = describeCalcifications(unc);
    expect(d.terms[0]).toEqual({ term: 'fine pleomorphic', confidence: 0.3 });
    expect(d.evidence[0]).toBe(UNCALIBRATED_EVIDENCE);
  });
});

const dist = (g: Parameters<typeof group>[0], ctx = {}) => describeDistribution(group(g), ctx).terms.map((t) => t.term);

describe('describeDistribution', () => {
  it('grouped within 2 cm; regional just beyond', () => {
    expect(dist({ count: 6, extentMm: 14 })).toEqual(['grouped']);
    expect(dist({ count: 6, extentMm: 20 })).toEqual(['grouped']);
    expect(dist({ count: 6, extentMm: 21 })).toEqual(['regional']);
  });

  it('linear from a linearity of 0.8', () => {
    expect(dist({ count: 5, extentMm: 12, linearity: 0.85 })).toContain('linear');
    expect(dist({ count: 5, extentMm: 12, linearity: 0.79 })).not.toContain('linear');
  });

  it('segmental: a wedge toward the nipple larger than 2 cm', () => {
    expect(dist({ count: 8, extentMm: 30, wedge: true })[0]).toBe('segmental');
    expect(dist({ count: 8, extentMm: 20, wedge: true })).not.toContain('segmental');
  });

  it('segmental: a ductal line pointing at the nipple, larger than 2 cm', () => {
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 20 })).toContain('segmental');
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 35 })).not.toContain('segmental');
  });

  it('diffuse when spread over a quarter of the breast, and only with the breast size', () => {
    expect(dist({ count: 30, extentMm: 80, hullMm2: 3000 }, { breastAreaMm2: 10000 })).toContain('diffuse');
    expect(dist({ count: 30, extentMm: 80, hullMm2: 2400 }, { breastAreaMm2: 10000 })).not.toContain('diffuse');
    const d = describeDistribution(group({ count: 30, extentMm: 80, hullMm2: 3000 }));
    expect(d.terms.map((t) => t.term)).not.toContain('diffuse');
    expect(d.evidence).toContain('breast size unknown: diffuse not assessed');
  });

  it('states the extent in centimetres', () => {
    expect(describeDistribution(group({ count: 6, extentMm: 14 })).evidence).toContain(
      'grouped: 6 calcifications; extent 1.4 cm ≤ 2 cm',
    );
  });

  it('on an uncalibrated image cannot tell grouped from regional and says so', () => {
    const d = describeDistribution(group({ count: 6, extentMm: 14, calibration: 'uncalibrated' }), { breastAreaPx2: 1e7 });
    expect(d.sizeThresholdsApplied).toBe(false);
    expect(d.evidence[0]).toBe(UNCALIBRATED_EVIDENCE);
    expect(d.terms).toEqual([
      { term: 'grouped', confidence: 0.35 },
      { term: 'regional', confidence: 0.3 },
    ]);
  });

  it('reports an unknown nipple position', () => {
    const d = describeDistribution(group({ count: 6, extentMm: 30, orientationDeg: null, wedge: null }));
    expect(d.evidence).toContain('nipple position unknown: segmental not assessed');
  });
});
