import { describe, it, expect } from 'vitest';
import { depthThird, posteriorNippleLine } from '../../../src/core/locate/depth.js';
import type { BreastGeometry } from '../../../src/core/locate/breast-geometry.js';
import { px2 } from '../../../src/core/units.js';

function geometry(over: Partial<BreastGeometry>): BreastGeometry {
  return {
    chestWallEdge: 'right',
    nipple: { x: 199.5, y: 400 },
    breastArea: { px2: px2(1), mm2: null },
    pectoralLine: null,
    source: { chestWall: 'image', nipple: 'marker' },
    breastThreshold: 0,
    warnings: [],
    ...over,
  };
}
const IMAGE = { rows: 800, columns: 600 };

describe('depthThird', () => {
  it('splits the posterior nipple line in thirds, boundaries going deeper', () => {
    expect(depthThird(0)).toBe('anterior');
    expect(depthThird(0.333)).toBe('anterior');
    expect(depthThird(1 / 3)).toBe('middle');
    expect(depthThird(0.666)).toBe('middle');
    expect(depthThird(2 / 3)).toBe('posterior');
    expect(depthThird(1)).toBe('posterior');
  });
  it('treats points in front of the nipple as anterior and behind the chest wall as posterior', () => {
    expect(depthThird(-0.2)).toBe('anterior');
    expect(depthThird(1.4)).toBe('posterior');
  });
});

describe('posteriorNippleLine', () => {
  it('runs perpendicular to the chest-wall edge when there is no pectoral line', () => {
    const pnl = posteriorNippleLine(geometry({}), IMAGE, true);
    expect(pnl).toEqual({ direction: { x: 1, y: 0 }, lengthPx: 400, towards: 'chest-wall edge' });
    const left = posteriorNippleLine(geometry({ chestWallEdge: 'left', nipple: { x: 249.5, y: 10 } }), IMAGE, true);
    expect(left).toEqual({ direction: { x: -1, y: 0 }, lengthPx: 250, towards: 'chest-wall edge' });
  });

  it('runs perpendicular to the pectoral line on MLO', () => {
    // Line x − y − 300 = 0; nipple (200, 500) is 600 / √2 px from it.
    const g = geometry({ nipple: { x: 200, y: 500 }, pectoralLine: { p0: { x: 300, y: 0 }, p1: { x: 600, y: 300 } } });
    const pnl = posteriorNippleLine(g, IMAGE, true);
    expect(pnl?.towards).toBe('pectoral line');
    expect(pnl?.lengthPx).toBeCloseTo(600 / Math.SQRT2, 9);
    expect(pnl?.direction.x).toBeCloseTo(Math.SQRT1_2, 9);
    expect(pnl?.direction.y).toBeCloseTo(-Math.SQRT1_2, 9);
  });

  it('ignores the pectoral line when told to, or when it lies in front of the nipple', () => {
    const line = { p0: { x: 300, y: 0 }, p1: { x: 600, y: 300 } };
    expect(posteriorNippleLine(geometry({ nipple: { x: 200, y: 500 }, pectoralLine: line }), IMAGE, false)?.towards).toBe('chest-wall edge');
    const inFront = { p0: { x: 100, y: 0 }, p1: { x: 100, y: 800 } };
    expect(posteriorNippleLine(geometry({ pectoralLine: inFront }), IMAGE, true)?.towards).toBe('chest-wall edge');
  });

  it('returns null when the nipple sits on the chest wall', () => {
    expect(posteriorNippleLine(geometry({ nipple: { x: 600, y: 400 } }), IMAGE, false)).toBeNull();
  });
});
