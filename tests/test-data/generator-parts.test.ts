import { describe, expect, it } from 'vitest';
import { makeRandom } from '../../test-data/generator/random.js';
import { feretDiameters, largestFilledParticle, traceBoundary } from '../../test-data/generator/outline-geometry.js';
import { powerLawGrid } from '../../test-data/generator/power-law-texture.js';
import { clockHour, depthThird, quadrant } from '../../test-data/generator/locate-finding.js';
import { makeBreastModel, viewGeometry } from '../../test-data/generator/breast-model.js';
import { uidFor } from '../../test-data/generator/uids.js';
import { ds } from '../../test-data/generator/write-dicom.js';

describe('makeRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = makeRandom(7);
    const b = makeRandom(7);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('gives forks that do not depend on how much the parent was used', () => {
    const a = makeRandom(3);
    const b = makeRandom(3);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('draws integers inclusive of both ends', () => {
    const r = makeRandom(11);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });
});

describe('outline geometry', () => {
  it('traces a 3 × 2 block as its four corners, clockwise on screen', () => {
    const w = 6;
    const h = 5;
    const m = new Uint8Array(w * h);
    for (let y = 1; y < 3; y++) for (let x = 2; x < 5; x++) m[y * w + x] = 1;
    expect(traceBoundary(m, w, h)).toEqual([{ x: 5, y: 1 }, { x: 5, y: 3 }, { x: 2, y: 3 }, { x: 2, y: 1 }]);
  });

  it('keeps the largest particle and fills its hole', () => {
    const w = 7;
    const h = 7;
    const m = new Uint8Array(w * h);
    for (let y = 1; y < 6; y++) for (let x = 1; x < 6; x++) m[y * w + x] = x === 3 && y === 3 ? 0 : 1;
    m[0] = 1;
    const r = largestFilledParticle(m, w, h);
    expect(r.count).toBe(25);
    expect(r.mask[0]).toBe(0);
    expect(r.mask[3 * w + 3]).toBe(1);
  });

  it('measures a 4 × 2 rectangle: Feret max is its diagonal, min its width', () => {
    const f = feretDiameters([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 2 }, { x: 0, y: 2 }, { x: 2, y: 1 }]);
    expect(f.max).toBeCloseTo(Math.hypot(4, 2), 10);
    expect(f.min).toBeCloseTo(2, 10);
  });
});

describe('power-law texture', () => {
  it('has a radially averaged power spectrum falling as 1/f^β with β ≈ 3', () => {
    const n = 256;
    const grid = powerLawGrid(n, 3, makeRandom(5));
    // Power at frequency f along rows, averaged over columns (1-D DFT at a few frequencies).
    const power = (f: number): number => {
      let total = 0;
      for (let x = 0; x < n; x += 4) {
        let re = 0;
        let im = 0;
        for (let y = 0; y < n; y++) {
          const v = grid[y * n + x] as number;
          re += v * Math.cos((2 * Math.PI * f * y) / n);
          im -= v * Math.sin((2 * Math.PI * f * y) / n);
        }
        total += re * re + im * im;
      }
      return total;
    };
    const fs = [4, 8, 16, 32];
    const logs = fs.map((f) => [Math.log(f), Math.log(power(f))] as const);
    const mx = logs.reduce((s, p) => s + p[0], 0) / logs.length;
    const my = logs.reduce((s, p) => s + p[1], 0) / logs.length;
    const slope = logs.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / logs.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    // A 1-D profile of a 2-D 1/f^β field falls as 1/f^(β−1).
    expect(slope).toBeGreaterThan(-2.5);
    expect(slope).toBeLessThan(-1.5);
  });

  it('refuses a grid size that is not a power of two', () => {
    expect(() => powerLawGrid(100, 3, makeRandom(1))).toThrow(RangeError);
  });
});

describe('report location', () => {
  const upperOuter = { depthMm: 40, lateralMm: 20, superiorMm: 15 };
  it('puts the upper outer quadrant at 10–11 o’clock on the right and 1–2 o’clock on the left', () => {
    expect([10, 11]).toContain(clockHour('R', upperOuter));
    expect([1, 2]).toContain(clockHour('L', upperOuter));
    expect(quadrant(upperOuter)).toBe('upper outer');
    expect(quadrant({ depthMm: 40, lateralMm: -5, superiorMm: -5 })).toBe('lower inner');
  });

  it('names 12, 3, 6 and 9 o’clock on the axes', () => {
    expect(clockHour('R', { depthMm: 10, lateralMm: 0, superiorMm: 10 })).toBe(12);
    expect(clockHour('R', { depthMm: 10, lateralMm: 0, superiorMm: -10 })).toBe(6);
    expect(clockHour('R', { depthMm: 10, lateralMm: 10, superiorMm: 0 })).toBe(9);
    expect(clockHour('L', { depthMm: 10, lateralMm: 10, superiorMm: 0 })).toBe(3);
  });

  it('splits depth into thirds of the nipple-to-chest-wall distance', () => {
    expect(depthThird({ depthMm: 10, lateralMm: 0, superiorMm: 0 }, 90)).toBe('anterior');
    expect(depthThird({ depthMm: 45, lateralMm: 0, superiorMm: 0 }, 90)).toBe('middle');
    expect(depthThird({ depthMm: 80, lateralMm: 0, superiorMm: 0 }, 90)).toBe('posterior');
  });
});

describe('breast geometry', () => {
  it('puts the right breast’s chest wall at the image’s right edge with lateral at the top of the CC', () => {
    const model = makeBreastModel(400, 320, 0.1, 'R', makeRandom(1));
    const cc = viewGeometry(model, 'CC');
    expect(cc.chestWallEdge).toBe('right');
    expect(cc.patientOrientation).toEqual(['P', 'L']);
    expect(cc.nipple.x).toBeLessThan(160);
    const lateral = cc.toPixel({ depthMm: 20, lateralMm: 10, superiorMm: 0 });
    expect(lateral.y).toBeLessThan(cc.nipple.y);
    expect(lateral.x).toBeGreaterThan(cc.nipple.x);
    expect(cc.radial(cc.nipple.x + 1, cc.nipple.y).q).toBeLessThan(1);
    expect(cc.radial(cc.nipple.x - 2, cc.nipple.y).q).toBeGreaterThan(1);
  });

  it('mirrors the left breast and puts superior at the top of the MLO, with a pectoral muscle', () => {
    const model = makeBreastModel(400, 320, 0.1, 'L', makeRandom(1));
    const mlo = viewGeometry(model, 'MLO');
    expect(mlo.chestWallEdge).toBe('left');
    expect(mlo.patientOrientation).toEqual(['A', 'F']);
    expect(mlo.inPectoral(1, 1)).toBe(true);
    expect(mlo.inPectoral(mlo.nipple.x - 5, mlo.nipple.y)).toBe(false);
    expect(viewGeometry(model, 'CC').inPectoral(1, 1)).toBe(false);
  });
});

describe('header helpers', () => {
  it('makes stable 2.25 UIDs of at most 64 characters with no leading zero', () => {
    const a = uidFor('study-1');
    expect(a).toBe(uidFor('study-1'));
    expect(a).not.toBe(uidFor('study-2'));
    expect(a.length).toBeLessThanOrEqual(64);
    expect(a).toMatch(/^2\.25\.[1-9]\d*$/);
  });

  it('writes decimal strings of at most 16 characters', () => {
    expect(ds(0.1 / 1.08).length).toBeLessThanOrEqual(16);
    expect(Number(ds(0.1 / 1.08))).toBeCloseTo(0.1 / 1.08, 8);
    expect(ds(660)).toBe('660');
  });
});
