import { describe, expect, it } from 'vitest';
import { describeCalcifications, describeDistribution, uncalibratedEvidence } from '../../../src/core/describe/index.js';
import { FILM_SCAN_PITCH_MM } from '../../../src/core/film-scan-pitch.js';
import { atK, calc, group } from './fixtures.js';

const UNCALIBRATED_EVIDENCE = uncalibratedEvidence(FILM_SCAN_PITCH_MM);

// Size CV 0.5 or more: punctate deposits over their whole 0.1–0.5 mm range reach a CV of 0.4.
const varied = [0.1, 0.45, 0.3, 0.1, 0.45, 0.15].map((longMm, i) => calc({ longMm, circularity: i % 2 === 0 ? 0.9 : 0.82 }));

describe('describeCalcifications', () => {
  it('suggests fine pleomorphic when small calcifications vary in size', () => {
    const d = describeCalcifications(varied);
    expect(d.terms[0]).toEqual({ term: 'fine pleomorphic', confidence: 0.6 });
    expect(d.evidence.join(' ')).toContain('median long axis 0.22 mm < 0.5 mm');
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

  it('fine pleomorphic when small dots and short rods mix (elongation spread ≥ 0.25)', () => {
    const mixed = [1.1, 1.7, 1.2, 1.9, 1.1, 1.5].map((elongation) => calc({ longMm: 0.32, elongation, circularity: 0.9, cnr: 8 }));
    const d = describeCalcifications(mixed);
    expect(d.terms[0]?.term).toBe('fine pleomorphic');
    expect(d.evidence.join(' ')).toContain('varied: elongation spread 0.31 ≥ 0.25');
    // Noise alone spreads the elongation of uniform dots up to about 0.25 on 0.05 mm pixels.
    const noisy = [1.1, 1.5, 1.2, 1.7, 1.1, 1.4].map((elongation) => calc({ longMm: 0.32, elongation, circularity: 0.9, cnr: 8 }));
    expect(describeCalcifications(noisy).terms[0]?.term).not.toBe('fine pleomorphic');
    const uniform = [1.1, 1.12, 1.08, 1.15, 1.1, 1.12].map((elongation) => calc({ longMm: 0.32, elongation, cnr: 8 }));
    expect(describeCalcifications(uniform).terms[0]?.term).toBe('punctate');
  });

  it('punctate as a set: small conspicuous dots of one size and shape, read on the medians', () => {
    // Each dot's outline moved by the noise: elongation 1.3–1.45 fails the single round shape (≤ 1.25).
    const noisy = [1.3, 1.35, 1.32, 1.4, 1.3].map((elongation, i) => calc({ longMm: 0.3 + i * 0.01, elongation, circularity: 0.85 }));
    const d = describeCalcifications(noisy);
    expect(d.terms[0]).toEqual({ term: 'punctate', confidence: 0.6 });
    expect(d.evidence.join(' ')).toContain('round: median elongation 1.32 ≤ 1.5');
    // Rods of 1.6 and more are not round as a set.
    const rods = [1.6, 1.7, 1.65, 1.6, 1.7].map((elongation) => calc({ longMm: 0.3, elongation, circularity: 0.85 }));
    expect(describeCalcifications(rods).terms.map((t) => t.term)).not.toContain('punctate');
    // Faint dots are not punctate (amorphous decides).
    const faint = [1.3, 1.35, 1.32, 1.4, 1.3].map((elongation) => calc(atK({ longMm: 0.3, elongation }, 8)));
    expect(describeCalcifications(faint).terms[0]?.term).toBe('amorphous');
  });

  it('reads variation in shape on the calcifications whose shapes are seen above the noise', () => {
    // Four clear round dots (k 25) and two faint specks (k 6) whose outlines the noise stretched.
    const clear = [1.1, 1.15, 1.12, 1.08].map((elongation) => calc(atK({ longMm: 0.32, elongation, circularity: 0.95 }, 25)));
    const specks = [1.9, 2.1].map((elongation) => calc(atK({ longMm: 0.3, elongation, circularity: 0.8 }, 6)));
    const d = describeCalcifications([...clear, ...specks]);
    expect(d.terms[0]?.term).toBe('punctate');
    expect(d.terms.map((t) => t.term)).not.toContain('fine pleomorphic');
    expect(d.evidence).toContain(
      'shapes read on 4 of 6 calcifications: the others too faint to show their shape (contrast-to-noise over their areas < 8)',
    );
    // The same rods seen clearly (k 25) are variation in shape: fine pleomorphic.
    const rods = [1.9, 2.1].map((elongation) => calc(atK({ longMm: 0.3, elongation, circularity: 0.8 }, 25)));
    const fp = describeCalcifications([...clear, ...rods]);
    expect(fp.terms[0]?.term).toBe('fine pleomorphic');
    expect(fp.evidence.join(' ')).not.toContain('shapes read on');
    // Fewer than 3 seen clearly (median k 15.5, conspicuous): the shapes are read on all of them, as before.
    const twoClear = describeCalcifications([...clear.slice(0, 2), ...specks]);
    expect(twoClear.evidence.join(' ')).not.toContain('shapes read on');
    expect(twoClear.terms[0]?.term).toBe('fine pleomorphic');
  });

  it('circularity that varies with the outline noise alone does not make dots pleomorphic', () => {
    // Circularity 0.6–0.95 (a 6 px dot's outline at high noise), one size, one elongation.
    const dots = [0.95, 0.6, 0.9, 0.65, 0.85, 0.7].map((circularity) => calc({ longMm: 0.3, elongation: 1.15, circularity }));
    const d = describeCalcifications(dots);
    expect(d.terms.map((t) => t.term)).not.toContain('fine pleomorphic');
    expect(d.terms[0]?.term).toBe('punctate');
  });

  it('one outline merged with tissue (over 2 × the median long axis, notched) does not make a set varied', () => {
    const dots = [0.3, 0.31, 0.29, 0.3, 0.32].map((longMm) => calc({ longMm }));
    const merged = calc({ longMm: 1.4, circularity: 0.3, elongation: 1.4, solidity: 0.7 });
    const d = describeCalcifications([...dots, merged]);
    expect(d.terms[0]?.term).toBe('punctate');
    expect(d.terms.map((t) => t.term)).not.toContain('fine pleomorphic');
    // A smooth, convex rod four times the dots' length is variation in size and shape, not a merged outline.
    const rod = calc({ longMm: 1.2, elongation: 2.4, circularity: 0.7, solidity: 0.97 });
    expect(describeCalcifications([...dots.slice(0, 3), rod]).terms[0]?.term).toBe('fine pleomorphic');
    // Up to 2 × the median, the largest counts: real variation in size (0.45 mm against a median of 0.22 mm).
    expect(describeCalcifications(varied).terms[0]?.term).toBe('fine pleomorphic');
    // Every notched outline over 2 × the median is left out, not only the largest.
    const second = calc({ longMm: 1.0, circularity: 0.35, elongation: 1.8, solidity: 0.72 });
    const two = describeCalcifications([...dots, merged, second]);
    expect(two.terms[0]?.term).toBe('punctate');
    expect(two.terms.map((t) => t.term)).not.toContain('fine pleomorphic');
  });

  it('amorphous when small calcifications are faint as a set (median contrast-to-noise over their areas < 11)', () => {
    // Shapes within the noise: elongation 1.1–1.3 (SD 0.10).
    const spec = (i: number) => ({ longMm: 0.25 + i * 0.01, elongation: 1.1 + (i % 2) * 0.2 });
    const faint = [10.9, 6, 13, 8, 15].map((k, i) => calc(atK(spec(i), k)));
    const d = describeCalcifications(faint);
    expect(d.terms[0]).toEqual({ term: 'amorphous', confidence: 0.65 });
    expect(d.evidence.join(' ')).toContain('faint: median contrast-to-noise over their areas 10.9 < 11');
    const readable = [11, 6, 13, 8, 15].map((k, i) => calc(atK(spec(i), k)));
    expect(describeCalcifications(readable).terms[0]?.term).not.toBe('amorphous');
    // Dots and rods (elongation 1.1 and 1.9) that are as conspicuous are fine pleomorphic.
    const mixed = (i: number) => ({ ...spec(i), elongation: 1.1 + (i % 2) * 0.8 });
    expect(describeCalcifications([11, 6, 13, 8, 15].map((k, i) => calc(atK(mixed(i), k)))).terms[0]?.term).toBe('fine pleomorphic');
  });

  it('faint dots and rods whose shapes vary beyond the noise are fine pleomorphic, not amorphous', () => {
    // Elongation 1.1 and 1.9 alternating. The deposit at k 6 is too faint to show its shape and is
    // left out of the shape spread: SD 0.35 over the other four, whose root-mean-square k is 10.8,
    // so the spread is SD × k = 3.7 (dots of one shape measure about 1.5 from the noise alone).
    const spec = (i: number) => ({ longMm: 0.25 + i * 0.01, elongation: 1.1 + (i % 2) * 0.8 });
    const faint = [10.9, 6, 13, 8, 15].map((k, i) => calc(atK(spec(i), k)));
    const d = describeCalcifications(faint);
    expect(d.terms[0]).toEqual({ term: 'fine pleomorphic', confidence: 0.6 });
    expect(d.evidence.join(' ')).toContain('shapes varied beyond the noise: elongation spread 0.35 (≥ 0.25), 3.7 × the noise\'s (≥ 3)');
    expect(d.evidence).toContain('shapes read on 4 of 5 calcifications: the others too faint to show their shape (contrast-to-noise over their areas < 8)');
    // The same spread on fainter deposits (k 4–7.5, median under 8) is what the noise makes: amorphous.
    const fainter = [7, 4, 7.5, 6, 7.5].map((k, i) => calc(atK(spec(i), k)));
    expect(describeCalcifications(fainter).terms[0]?.term).toBe('amorphous');
    // A spread under 3 × the noise's stays amorphous: elongation 1.1 and 1.7 (SD 0.29) at k 8–9
    // (root-mean-square k 8.4: 2.5 × the noise's).
    const within = [9, 8, 8.5, 8, 8.5].map((k, i) => calc(atK({ ...spec(i), elongation: 1.1 + (i % 2) * 0.6 }, k)));
    const w = describeCalcifications(within);
    expect(w.terms[0]?.term).toBe('amorphous');
    expect(w.evidence.join(' ')).toContain(
      'no shape determined: shapes within the noise (elongation spread 0.29, 2.5 × the noise\'s < 3) and not round dots (elongation spread 0.29 ≥ 0.25)',
    );
    // The same shapes with the rods at k 6–7: too faint to show their shape, read on the dots at
    // k 8.5–9 only (spread 0), and still amorphous.
    const fainterRods = [9, 6, 8.5, 7, 8.5].map((k, i) => calc(atK({ ...spec(i), elongation: 1.1 + (i % 2) * 0.6 }, k)));
    expect(describeCalcifications(fainterRods).terms[0]?.term).toBe('amorphous');
    expect(d.evidence.join(' ')).not.toContain('no shape determined');
    expect(describeCalcifications(fainter).evidence.join(' ')).toContain('no shape determined: median contrast-to-noise over their areas 7.0 < 8');
  });

  it('faint uniform dots that stay round are punctate: their shape was determined', () => {
    // 0.35 mm dots (3.5 px at 0.1 mm), one size, elongation 1.1–1.2, median k 9.5.
    const dot = (i: number) => ({ longMm: 0.35 + (i % 2) * 0.01, elongation: 1.1 + (i % 3) * 0.05, circularity: 0.85 });
    const round = [9.5, 8, 10, 9, 10.5].map((k, i) => calc(atK(dot(i), k)));
    const d = describeCalcifications(round);
    expect(d.terms[0]).toEqual({ term: 'punctate', confidence: 0.6 });
    expect(d.evidence.join(' ')).toContain('round: median elongation 1.15 ≤ 1.25');
    expect(d.evidence.join(' ')).toContain('faint: median contrast-to-noise over their areas 9.5 < 11');
    // Oval on the median (1.35): no shape determined, amorphous.
    const oval = [9.5, 8, 10, 9, 10.5].map((k, i) => calc(atK({ ...dot(i), elongation: 1.3 + (i % 3) * 0.05 }, k)));
    const o = describeCalcifications(oval);
    expect(o.terms[0]?.term).toBe('amorphous');
    expect(o.evidence.join(' ')).toContain('not round dots (median elongation 1.35 > 1.25)');
    // Below k 8 the roundness is the noise's: amorphous.
    const fainter = [7.5, 6, 7, 7.5, 6.5].map((k, i) => calc(atK(dot(i), k)));
    expect(describeCalcifications(fainter).terms[0]?.term).toBe('amorphous');
    // Under 3 px the shape is not read: amorphous (0.25 mm dots at 0.1 mm pixels).
    const tiny = [9.5, 8, 10, 9, 10.5].map((k, i) => calc(atK({ ...dot(i), longMm: 0.25 }, k)));
    const t = describeCalcifications(tiny);
    expect(t.terms[0]?.term).toBe('amorphous');
    expect(t.evidence.join(' ')).toContain('not round dots (median long axis 2.5 px < 3 px)');
  });

  it('two short rods read as fine linear among small deposits that fit no single rule do not make the set linear', () => {
    const rods = [0, 1].map(() => calc({ longMm: 0.45, elongation: 3.2, calibreMm: 0.14 }));
    const blobs = [0, 1, 2, 3, 4, 5].map((i) => calc({ longMm: 0.3 + i * 0.01, elongation: 1.6, circularity: 0.6 }));
    expect(describeCalcifications([rods[0] as never]).terms[0]?.term).toBe('fine linear');
    const d = describeCalcifications([...rods, ...blobs]);
    expect(d.evidence).toContain('majority fine linear: 2 of 8 calcifications');
    expect(d.terms[0]?.term).toBe('fine pleomorphic');
    expect(d.evidence.join(' ')).toContain('2 of 8 calcifications linear forms (fewer than half)');
    // Half or more linear forms: the set is not read as fine pleomorphic.
    const linear = [...rods, ...rods, ...blobs.slice(0, 4)];
    expect(describeCalcifications(linear).terms.map((t) => t.term)).not.toContain('fine pleomorphic');
  });

  it('fine-linear branching when linear casts hold one branching piece', () => {
    const cast = (branches: number) => calc({ longMm: 1.6, elongation: 5, calibreMm: 0.3, circularity: 0.4, branches });
    const withBranch = [cast(0), cast(0), cast(1), cast(0), cast(0)];
    const d = describeCalcifications(withBranch);
    expect(d.terms[0]).toEqual({ term: 'fine-linear branching', confidence: 0.75 });
    expect(d.evidence.join(' ')).toContain('1 calcification with a branch point');
    expect(describeCalcifications([cast(0), cast(0), cast(0), cast(0)]).terms[0]?.term).toBe('fine linear');
    // A branch point in a set that is not linear does not make it branching.
    const dots = [0.3, 0.31, 0.29, 0.3].map((longMm, i) => calc({ longMm, branches: i === 0 ? 1 : 0 }));
    expect(describeCalcifications(dots).terms.map((t) => t.term)).not.toContain('fine-linear branching');
  });

  it('one cast among other forms is not a duct pattern, however the votes tie: it is named beside the finding', () => {
    // Pieces of a calcified vessel's walls on film: one reads fine linear, a lumpy one with a branch
    // point coarse heterogeneous, three no term. The cast ties for the plurality; before, that and the
    // branch point made the set fine-linear branching (BI-RADS 4C).
    const cast = calc({ longMm: 1.6, elongation: 5, calibreMm: 0.3, circularity: 0.4 });
    const lumpy = calc({ longMm: 0.8, elongation: 1.8, circularity: 0.6, solidity: 0.8, cnr: 10, branches: 1 });
    const plain = calc({ longMm: 3, elongation: 2, circularity: 0.3, solidity: 0.6, cnr: 3 });
    const d = describeCalcifications([cast, lumpy, plain, plain, plain]);
    expect(d.terms.map((t) => t.term)).not.toContain('fine-linear branching');
    expect(d.notCharacterised?.words).toBe('the calcifications do not agree on a term');
    expect(d.heldAlone).toContainEqual({ term: 'fine linear', count: 1, of: 5, confidence: 0.65 });
    // Two casts and the branch point: the pattern is read.
    const two = describeCalcifications([cast, cast, lumpy, plain, plain]);
    expect(two.terms[0]).toEqual({ term: 'fine-linear branching', confidence: 0.75 });
    expect(two.evidence.join(' ')).toContain('2 of 5 calcifications read fine linear or fine-linear branching alone (at least 2)');
  });

  it('describes an empty set as nothing', () => {
    expect(describeCalcifications([]).terms).toEqual([]);
  });

  it('decides a set\'s size on uncalibrated film where every film scan pitch agrees', () => {
    // Four rims 40 px across: over 1.6 mm at any pitch (0.042–0.2 mm per pixel), so the set rules
    // for dots under 0.5 mm (punctate, fine pleomorphic) do not fire; the rims' own term stands.
    const rims = [4, 4.2, 3.8, 4.1].map((longMm) =>
      calc({ longMm, lucent: 0.15, elongation: 1.02, circularity: 0.99, margin: 0.42, cnr: 20, calibration: 'uncalibrated' }),
    );
    const d = describeCalcifications(rims);
    expect(d.terms[0]?.term).toBe('rim');
    expect(d.terms.map((t) => t.term)).not.toContain('punctate');
    // Faint specks of 4 px are under 1 mm at every pitch (0.8 mm at 0.2 mm per pixel): amorphous's size holds.
    const specks = [0.4, 0.42, 0.38, 0.4].map((longMm) => calc({ longMm, cnr: 2, calibration: 'uncalibrated' }));
    const a = describeCalcifications(specks);
    expect(a.terms[0]?.term).toBe('amorphous');
    expect(a.evidence.join(' ')).toMatch(/median long axis 4 px \(0\.17–0\.80 mm at a film scan pitch of 0\.042–0\.2 mm per pixel, uncalibrated\) < 1 mm/);
  });

  it('uses the relative size spread on an uncalibrated image, at lower confidence', () => {
    const unc = [0.1, 0.45, 0.3, 0.1, 0.45].map((longMm) => calc({ longMm, calibration: 'uncalibrated' }));
    const d = describeCalcifications(unc);
    expect(d.terms[0]).toEqual({ term: 'fine pleomorphic', confidence: 0.3 });
    // Stated once for the finding, after the evidence (not repeated per calcification).
    expect(d.caveats?.[0]).toBe(UNCALIBRATED_EVIDENCE);
    expect(d.evidence.filter((e) => e === UNCALIBRATED_EVIDENCE)).toHaveLength(1);
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

  it('linear only when each calcification is within 1 cm of the next: three in a line 2.5 cm apart are scattered', () => {
    expect(dist({ count: 3, extentMm: 9, linearity: 0.9, stepMm: 4 })).toContain('linear');
    expect(dist({ count: 3, extentMm: 21, linearity: 0.9, stepMm: 10 })).toContain('linear');
    const apart = describeDistribution(group({ count: 3, extentMm: 50, linearity: 0.9, stepMm: 25 }));
    expect(apart.terms.map((t) => t.term)).toEqual(['regional']);
    expect(apart.evidence).toContain(
      'regional: 3 calcifications; extent 5.0 cm > 2 cm; not ductal: largest step between neighbouring calcifications 2.5 cm > 1 cm, no wedge toward the nipple',
    );
    // Compared at the precision shown (cm, one decimal): 10.4 mm is 1.0 cm, 10.5 mm is 1.1 cm.
    expect(dist({ count: 5, extentMm: 30, linearity: 0.9, stepMm: 10.4 })).toContain('linear');
    expect(dist({ count: 5, extentMm: 30, linearity: 0.9, stepMm: 10.6 })).not.toContain('linear');
    // The duct pointing at the nipple needs the same closeness.
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 20, stepMm: 15 })).not.toContain('linear');
    // Within 2 cm and spread apart: grouped stays (the extent decides it), never linear.
    expect(dist({ count: 3, extentMm: 18, linearity: 0.95, stepMm: 11 })).toEqual(['grouped']);
  });

  it('when no distribution fits, names the nearest and the one condition it misses', () => {
    // A loose line (linearity 0.7) of close calcifications over 3 cm, not toward the nipple: not linear
    // (< 0.8), not a duct to the nipple, not regional (roughly linear and close), not grouped (> 2 cm).
    const d = describeDistribution(group({ count: 5, extentMm: 30, linearity: 0.7, stepMm: 5, orientationDeg: 60 }));
    expect(d.terms).toEqual([]);
    expect(d.evidence).toContain('no distribution rule matched this group');
    expect(d.evidence).toContain(
      'nearest term segmental, not given: not wedge toward the nipple: does not fan out from the nipple toward the chest wall (no wedge) (for it: 5 calcifications; extent 3.0 cm > 2 cm)',
    );
  });

  it('on film (no spacing) the 1 cm step is decided only where it holds or fails at every scan pitch', () => {
    const film = (stepPx: number) =>
      describeDistribution(group({ count: 5, extentMm: 12, linearity: 0.9, calibration: 'uncalibrated', stepMm: stepPx * 0.1 }));
    // 300 px: 12.6–60 mm apart at 0.042–0.2 mm per pixel, over 1 cm at every pitch.
    expect(film(300).terms.map((t) => t.term)).not.toContain('linear');
    // 40 px: 1.7–8 mm, within 1 cm at every pitch.
    expect(film(40).terms.find((t) => t.term === 'linear')?.confidence).toBe(0.7);
    // 100 px: 4.2–20 mm, depends on the pitch: not applied, linear at half confidence.
    expect(film(100).terms.find((t) => t.term === 'linear')?.confidence).toBe(0.35);
  });

  it('segmental: a wedge toward the nipple larger than 2 cm', () => {
    expect(dist({ count: 8, extentMm: 30, wedge: true })[0]).toBe('segmental');
    expect(dist({ count: 8, extentMm: 20, wedge: true })).not.toContain('segmental');
  });

  it('linear: a roughly linear line (≥ 0.6) pointing at the nipple without a wedge is a duct, not a segment', () => {
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 20 })[0]).toBe('linear');
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 20 })).not.toContain('segmental');
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 35 })).not.toContain('linear');
    expect(dist({ count: 8, extentMm: 30, linearity: 0.59, orientationDeg: 20 })).not.toContain('linear');
    // With a wedge toward the nipple it stays segmental.
    expect(dist({ count: 8, extentMm: 30, linearity: 0.65, orientationDeg: 20, wedge: true })[0]).toBe('segmental');
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
