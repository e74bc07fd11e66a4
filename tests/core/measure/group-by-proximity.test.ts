import { describe, it, expect } from 'vitest';
import { groupByProximity } from '../../../src/core/measure/group-by-proximity.js';
import { GROUPING_RULE } from '../../../src/core/measure/grouping-rule.js';
import { mm } from '../../../src/core/units.js';
import { CAL_01, UNCAL, calcAt } from './group-fixtures.js';

describe('groupByProximity', () => {
  it('links neighbours within 5 mm by single linkage (a chain stays one group)', () => {
    // 0.1 mm pixels: 40 px = 4 mm steps along a chain, then a 6 mm gap.
    const calcs = [calcAt(0, 0), calcAt(40, 0), calcAt(80, 0), calcAt(140, 0), calcAt(500, 500)];
    expect(groupByProximity(calcs, CAL_01)).toEqual([[0, 1, 2], [3], [4]]);
  });

  it('treats the gap as inclusive and uses the given gap', () => {
    const calcs = [calcAt(0, 0), calcAt(50, 0)];
    expect(groupByProximity(calcs, CAL_01)).toEqual([[0, 1]]);
    expect(groupByProximity(calcs, CAL_01, 4.9)).toEqual([[0], [1]]);
    expect(GROUPING_RULE.maxGapMm).toBe(5);
  });

  it('measures distance in mm with anisotropic spacing', () => {
    const aniso = { ...CAL_01, rowSpacingMm: mm(0.2) };
    // 30 px apart vertically: 3 mm with 0.1 mm rows, 6 mm with 0.2 mm rows.
    const calcs = [calcAt(0, 0), calcAt(0, 30)];
    expect(groupByProximity(calcs, CAL_01)).toHaveLength(1);
    expect(groupByProximity(calcs, aniso)).toHaveLength(2);
  });

  it('uses the pixel gap when uncalibrated, and handles empty input', () => {
    const calcs = [calcAt(0, 0, 4, 0.9, null), calcAt(45, 0, 4, 0.9, null), calcAt(120, 0, 4, 0.9, null)];
    expect(groupByProximity(calcs, UNCAL)).toEqual([[0, 1], [2]]);
    expect(groupByProximity([], CAL_01)).toEqual([]);
  });

  it('orders groups by their first member', () => {
    const calcs = [calcAt(500, 0), calcAt(0, 0), calcAt(510, 0), calcAt(5, 0)];
    expect(groupByProximity(calcs, CAL_01)).toEqual([[0, 2], [1, 3]]);
  });
});
