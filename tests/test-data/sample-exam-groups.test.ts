import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GROUPING_RULE } from '../../src/core/measure/grouping-rule.js';
import type { PhantomTruth } from '../../test-data/generator/truth.js';

const root = fileURLToPath(new URL('../../test-data/sample/', import.meta.url));
const RIGHT_VIEWS = ['RCC', 'RMLO', 'prior/RCC', 'prior/RMLO'] as const;

function truthOf(view: string): PhantomTruth {
  return JSON.parse(readFileSync(`${root}${view}.truth.json`, 'utf8')) as PhantomTruth;
}

type Centre = { readonly centre: { readonly x: number; readonly y: number } };

/** Centre-to-centre distance in mm on a truth's image. */
function gapMm(t: PhantomTruth, a: Centre, b: Centre): number {
  return Math.hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) * t.calibration.spacingMm;
}

/**
 * The committed sample exam's post-lumpectomy group must read as one finding from any reader's
 * clicks, not only from clicks that land on the drawn centres: every deposit has a neighbour well
 * inside the grouping distance and the whole group lies well within the 2 cm a group may span. The
 * suture at the same site lies within 1 cm of the group: by the atlas's "grouped" it joins the
 * group's finding, and the radiologist separates it by hand.
 */
describe('the sample exam, right breast', () => {
  it('draws the six post-lumpectomy dystrophic deposits as one group even at 80 % of the grouping distances, on every right view', () => {
    for (const view of RIGHT_VIEWS) {
      const t = truthOf(view);
      const r1 = t.calcifications.filter((c) => c.groupId === 'R1');
      expect(r1, view).toHaveLength(6);
      expect(new Set(r1.map((c) => c.morphology)), view).toEqual(new Set(['dystrophic']));
      for (const a of r1) expect(Math.min(...r1.filter((b) => b !== a).map((b) => gapMm(t, a, b))), view).toBeLessThanOrEqual(GROUPING_RULE.maxGapMm * 0.8);
      expect(Math.max(...r1.flatMap((a) => r1.map((b) => gapMm(t, a, b)))), view).toBeLessThanOrEqual(GROUPING_RULE.maxExtentMm * 0.8);
    }
  });

  it('places the suture calcification within the grouping distance of the dystrophic deposits, on every right view', () => {
    for (const view of RIGHT_VIEWS) {
      const t = truthOf(view);
      const r1 = t.calcifications.filter((c) => c.groupId === 'R1');
      const r2 = t.calcifications.filter((c) => c.groupId === 'R2');
      expect(r2, view).toHaveLength(1);
      const suture = r2[0] as Centre;
      expect(Math.min(...r1.map((a) => gapMm(t, a, suture))), view).toBeLessThanOrEqual(GROUPING_RULE.maxGapMm);
      expect(Math.max(...r1.map((a) => gapMm(t, a, suture))), view).toBeLessThanOrEqual(GROUPING_RULE.maxExtentMm);
    }
  });
});
