/**
 * The evidence a radiologist reads states only what the numbers shown say: a comparison whose own
 * numbers contradict it ("circularity 0.97 < 0.9", "long axis 1.4 mm within 0.5–1 mm") never appears,
 * whether the condition held or did not, alone or as part of a compound condition.
 */
import { describe, expect, it } from 'vitest';
import { describeCalcification } from '../../../src/core/describe/describe-calcification.js';
import { describeCalcifications } from '../../../src/core/describe/describe-calcifications.js';
import { describeDistribution } from '../../../src/core/describe/describe-distribution.js';
import type { MorphologyDescription } from '../../../src/core/describe/description.js';
import { asMeasured, eitherSay, negated } from '../../../src/core/describe/rule-table.js';
import { calc, group, type CalcSpec } from './fixtures.js';

/**
 * The comparisons of two plain numbers in a line that are false as written (checked here on their
 * own, not with the code under test): "a REL b", "a (REL b)" and "a within lo–hi", units allowed
 * after the number.
 */
function falseComparisons(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?<![\d.–-])(\d+(?:\.\d+)?)(?: ?(?:mm|px|%|°))?(?: \(| )(≥|<|>|≤) (\d+(?:\.\d+)?)/g)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const holds = { '≥': a >= b, '>': a > b, '<': a < b, '≤': a <= b }[m[2] as '≥' | '>' | '<' | '≤'];
    if (!holds) out.push(m[0]);
  }
  for (const m of line.matchAll(/(?<![\d.–-])(\d+(?:\.\d+)?)(?: ?(?:mm|px))? (within|outside) (\d+(?:\.\d+)?)(–| to under )(\d+(?:\.\d+)?)/g)) {
    const a = Number(m[1]);
    const hi = Number(m[5]);
    const inside = a >= Number(m[3]) && (m[4] === '–' ? a <= hi : a < hi);
    if (inside !== (m[2] === 'within')) out.push(m[0]);
  }
  return out;
}

function linesOf(d: MorphologyDescription): string[] {
  return [
    ...d.evidence,
    ...(d.caveats ?? []),
    ...(d.notCharacterised ? [d.notCharacterised.reason] : []),
    ...(d.cannotSeparate ?? []).map((c) => c.reason),
  ];
}

describe('comparisons written as measured', () => {
  it('a compound condition that failed turns only the part that failed', () => {
    expect(negated('circularity 0.97 ≥ 0.9, elongation 1.35 ≤ 1.25')).toBe('circularity 0.97 ≥ 0.9, elongation 1.35 > 1.25');
    expect(negated('convex crescent: solidity 0.99 ≥ 0.95, elongation 1.15 ≥ 2')).toBe('convex crescent: solidity 0.99 ≥ 0.95, elongation 1.15 < 2');
  });

  it('a single comparison that failed is turned round; a range is "outside"', () => {
    expect(negated('long axis 0.22 mm > 1 mm')).toBe('long axis 0.22 mm ≤ 1 mm');
    expect(negated('long axis 1.4 mm within 0.5–1 mm')).toBe('long axis 1.4 mm outside 0.5–1 mm');
    expect(negated('long axis 1.0 mm within 0.5 to under 1 mm')).toBe('long axis 1.0 mm outside 0.5 to under 1 mm');
    expect(negated('margin defined (edge width 0.33 mm ≤ 0.29 mm)')).toBe('margin defined (edge width 0.33 mm > 0.29 mm)');
  });

  it('a limit in brackets, and a comparison whose value is not a plain number, turn too', () => {
    expect(negated('main axis 60° from the nipple direction (≤ 40°)')).toBe('main axis 60° from the nipple direction (> 40°)');
    expect(negated('long axis 65 px (2.7–13.1 mm at a film scan pitch of 0.042–0.2 mm per pixel, uncalibrated) > 1 mm')).toBe(
      'long axis 65 px (2.7–13.1 mm at a film scan pitch of 0.042–0.2 mm per pixel, uncalibrated) ≤ 1 mm',
    );
  });

  it('numbers are compared as shown: 0.50 is not below 0.5', () => {
    expect(asMeasured('long axis 0.50 mm < 0.5 mm')).toBe('long axis 0.50 mm ≥ 0.5 mm');
    expect(asMeasured('long axis 0.49 mm < 0.5 mm')).toBe('long axis 0.49 mm < 0.5 mm');
  });

  it('an either-or condition names the parts that hold, or every part when none does', () => {
    const parts = [
      { words: 'circularity 0.87 < 0.9', holds: true },
      { words: 'elongation 1.20 > 1.25', holds: false },
    ];
    expect(eitherSay('irregular', parts)).toBe('irregular: circularity 0.87 < 0.9');
    const none = parts.map((p) => ({ ...p, holds: false }));
    expect(negated(eitherSay('irregular', [{ words: 'circularity 0.95 < 0.9', holds: false }, none[1]!]))).toBe(
      'irregular: circularity 0.95 ≥ 0.9, elongation 1.20 ≤ 1.25',
    );
  });
});

describe('no line of evidence contradicts its own numbers', () => {
  // A sweep over the measurements that decide the terms, on either side of each threshold.
  const specs: CalcSpec[] = [];
  for (const longMm of [0.2, 0.3, 0.45, 0.5, 0.6, 0.9, 1, 1.2, 1.8, 2.5, 3.5, 6, 12])
    for (const [elongation, circularity] of [
      [1.05, 0.97],
      [1.3, 0.97],
      [1.2, 0.88],
      [1.6, 0.6],
      [2.5, 0.5],
      [4, 0.3],
    ] as const)
      for (const [solidity, lucent] of [
        [0.98, 0],
        [0.8, 0.3],
        [0.96, 0.1],
      ] as const)
        for (const cnr of [3, 9, 14])
          for (const margin of [0.2, 0.6])
            for (const mmPerPx of [0.07, 0.1]) specs.push({ longMm, elongation, circularity, solidity, lucent, cnr, margin, mmPerPx, branches: longMm > 2 && elongation > 3 ? 2 : 0 });

  it(`one calcification (${specs.length} sets of measurements, calibrated and not)`, () => {
    const bad: string[] = [];
    let lines = 0;
    for (const s of specs)
      for (const calibration of ['geometry', 'uncalibrated'] as const) {
        for (const line of linesOf(describeCalcification(calc({ ...s, calibration }), { view: 'CC' }))) {
          lines++;
          const f = falseComparisons(line);
          if (f.length > 0) bad.push(`${f.join(' | ')} in: ${line}`);
        }
      }
    expect(lines).toBeGreaterThan(specs.length * 2);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('distributions of groups', () => {
    const bad: string[] = [];
    let lines = 0;
    for (const count of [1, 2, 3, 5, 12, 40])
      for (const extentMm of [4, 12, 20, 25, 60])
        for (const linearity of [0.2, 0.6, 0.9])
          for (const orientationDeg of [null, 10, 60])
            for (const wedge of [null, false, true])
              for (const calibration of ['geometry', 'uncalibrated'] as const)
                for (const breastAreaMm2 of [null, 2000, 15000]) {
                  const d = describeDistribution(group({ count, extentMm, linearity, orientationDeg, wedge, calibration }), { breastAreaMm2, breastAreaPx2: breastAreaMm2 === null ? null : breastAreaMm2 * 100 });
                  for (const line of d.evidence) {
                    lines++;
                    const f = falseComparisons(line);
                    if (f.length > 0) bad.push(`${f.join(' | ')} in: ${line}`);
                  }
                }
    expect(lines).toBeGreaterThan(1000);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('sets of calcifications', () => {
    const bad: string[] = [];
    for (let i = 0; i + 6 <= specs.length; i += 37) {
      const set = specs.slice(i, i + 6).map((s) => calc(s));
      for (const line of linesOf(describeCalcifications(set, { view: 'MLO' }))) {
        const f = falseComparisons(line);
        if (f.length > 0) bad.push(`${f.join(' | ')} in: ${line}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
