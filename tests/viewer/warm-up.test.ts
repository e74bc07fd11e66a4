import { describe, expect, it } from 'vitest';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { warmUpScene } from '../../src/viewer/workers/warm-up.js';

/**
 * The worker's warm-up scene must run the paths a radiologist's clicks take (else it compiles the
 * wrong code): specks outlined against the ring plane and against the texture, a deposit wider than
 * the first patch, a long wall followed on the texture background with its parallel partner seen,
 * and a click on background refused.
 */
describe('warm-up scene', () => {
  it('holds specks, a wide deposit, a vessel with both walls and background', () => {
    const { image, clicks } = warmUpScene();
    const results = clicks.map((seed) => analyseCalcifications(image, { seeds: [seed] }));
    const found = results.flatMap((r) => (r.ok ? r.value.calcifications : []));
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.kind))).toEqual(['seed-on-background']);
    const sizes = found.map((c) => c.longAxisMm ?? 0);
    expect(Math.min(...sizes)).toBeLessThan(0.5);
    expect(sizes.some((s) => s > 2 && s < 4)).toBe(true);
    const vessel = found.find((c) => c.measurements.vessel?.parallelWall != null);
    expect(vessel?.longAxisMm).toBeGreaterThan(15);
    expect(vessel?.measurements.vessel?.parallelWall?.separation.mm).toBeCloseTo(1.5, 1);
  });
});
