import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GROUPING_RULE } from '../../src/core/measure/grouping-rule.js';
import { groupByProximity } from '../../src/core/measure/group-by-proximity.js';
import { mm } from '../../src/core/units.js';
import type { PhantomTruth } from '../../test-data/generator/truth.js';

const root = fileURLToPath(new URL('../../test-data/sample/', import.meta.url));
const RIGHT_VIEWS = ['RCC', 'RMLO', 'prior/RCC', 'prior/RMLO'] as const;

function truthOf(view: string): PhantomTruth {
  return JSON.parse(readFileSync(`${root}${view}.truth.json`, 'utf8')) as PhantomTruth;
}

function calibrationOf(t: PhantomTruth) {
  return { kind: t.calibration.kind, rowSpacingMm: mm(t.calibration.spacingMm), columnSpacingMm: mm(t.calibration.spacingMm), source: t.calibration.source };
}

/**
 * The committed sample exam's post-lumpectomy group must read as one finding from any reader's
 * clicks, not only from clicks that land on the drawn centres: its deposits are joined by
 * neighbours well inside the grouping gap, and the suture at the same site is a separate finding.
 */
describe('the sample exam, right breast', () => {
  it('draws the six post-lumpectomy dystrophic deposits as one group even at 80 % of the grouping gap, on every right view', () => {
    const clearlyInside = GROUPING_RULE.maxGapMm * 0.8;
    for (const view of RIGHT_VIEWS) {
      const t = truthOf(view);
      const r1 = t.calcifications.filter((c) => c.groupId === 'R1');
      expect(r1, view).toHaveLength(6);
      expect(new Set(r1.map((c) => c.morphology)), view).toEqual(new Set(['dystrophic']));
      expect(groupByProximity(r1, calibrationOf(t), clearlyInside), view).toHaveLength(1);
    }
  });

  it('keeps the suture calcification beyond the grouping gap from every dystrophic deposit, on every right view', () => {
    for (const view of RIGHT_VIEWS) {
      const t = truthOf(view);
      const r1 = t.calcifications.filter((c) => c.groupId === 'R1');
      const r2 = t.calcifications.filter((c) => c.groupId === 'R2');
      expect(r2, view).toHaveLength(1);
      const groups = groupByProximity([...r1, ...r2], calibrationOf(t));
      expect(groups, view).toEqual([r1.map((_, i) => i), [r1.length]]);
    }
  });
});
