import { describe, expect, it } from 'vitest';
import { intensityProfile, longAxisLine } from '../../extensions/calcification/panel/profile.js';
import { centreDip } from '../../extensions/calcification/panel/ProfilePlot.js';
import { exportFileName } from '../../extensions/calcification/panel/download.js';
import { makeMammoImage } from '../../src/core/image.js';
import { renderScene } from '../core/segment/synthetic.js';

const SP = 0.05;

function ring(): ReturnType<typeof renderScene> {
  return renderScene({ rows: 60, columns: 60, rowSpacingMm: SP, columnSpacingMm: SP, shapes: [{ kind: 'ring', cx: 1.5, cy: 1.5, rOuter: 0.8, rInner: 0.5, contrast: 300 }], seed: 3 });
}
function disc(): ReturnType<typeof renderScene> {
  return renderScene({ rows: 60, columns: 60, rowSpacingMm: SP, columnSpacingMm: SP, shapes: [{ kind: 'disc', cx: 1.5, cy: 1.5, r: 0.8, contrast: 300 }], seed: 3 });
}

describe('intensityProfile', () => {
  it('samples evenly from one end to the other, both included', () => {
    const s = intensityProfile(disc(), { x: 10, y: 30 }, { x: 50, y: 30 }, 41);
    expect(s).toHaveLength(41);
    expect(s[0]?.x).toBe(10);
    expect(s[40]?.x).toBe(50);
    expect(s[40]?.distancePx).toBeCloseTo(40, 9);
    expect(s[1]?.distancePx).toBeCloseTo(1, 9);
  });

  it('reads the stored value at a pixel centre and interpolates between pixels', () => {
    const stored = new Uint16Array(4 * 4);
    stored[1 * 4 + 1] = 100;
    stored[1 * 4 + 2] = 200;
    const img = makeMammoImage({ rows: 4, columns: 4, stored, calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'test' } });
    const s = intensityProfile(img, { x: 1, y: 1 }, { x: 2, y: 1 }, 3);
    expect(s.map((p) => p.density)).toEqual([100, 150, 200]);
  });

  it('shows the lucent centre of a ring as a dip and a solid disc without one', () => {
    const line = { from: { x: 10, y: 30 }, to: { x: 50, y: 30 } };
    const r = intensityProfile(ring(), line.from, line.to, 81);
    const d = intensityProfile(disc(), line.from, line.to, 81);
    const centre = (s: typeof r): number => s[40]?.density as number;
    const peak = (s: typeof r): number => Math.max(...s.map((p) => p.density));
    expect(peak(r) - centre(r)).toBeGreaterThan(150);
    expect(peak(d) - centre(d)).toBeLessThan(40);
    expect(centreDip(r)).toBeGreaterThan(0.5);
    expect(centreDip(d)).toBeLessThan(0.15);
  });

  it('returns nothing for fewer than two samples, non-finite points or a line off the image', () => {
    const img = disc();
    expect(intensityProfile(img, { x: 0, y: 0 }, { x: 5, y: 5 }, 1)).toEqual([]);
    expect(intensityProfile(img, { x: 0, y: 0 }, { x: 5, y: 5 }, 2.5)).toEqual([]);
    expect(intensityProfile(img, { x: Number.NaN, y: 0 }, { x: 5, y: 5 }, 10)).toEqual([]);
    expect(intensityProfile(img, { x: 500, y: 500 }, { x: 600, y: 600 }, 10)).toEqual([]);
  });
});

describe('longAxisLine', () => {
  it('runs along the farthest pair of outline points through the centre, extended by the margin', () => {
    const contour = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 2 },
      { x: 0, y: 2 },
    ];
    const l = longAxisLine(contour, { x: 5, y: 1 }, 2);
    expect(l).not.toBeNull();
    const len = Math.hypot((l?.to.x ?? 0) - (l?.from.x ?? 0), (l?.to.y ?? 0) - (l?.from.y ?? 0));
    expect(len).toBeCloseTo(Math.hypot(10, 2) + 4, 9);
    expect(((l?.from.x ?? 0) + (l?.to.x ?? 0)) / 2).toBeCloseTo(5, 9);
  });
  it('is null for an outline of fewer than two distinct points', () => {
    expect(longAxisLine([{ x: 1, y: 1 }], { x: 1, y: 1 }, 2)).toBeNull();
    expect(longAxisLine([{ x: 1, y: 1 }, { x: 1, y: 1 }], { x: 1, y: 1 }, 2)).toBeNull();
  });
});

describe('exportFileName', () => {
  it('keeps UID characters and replaces anything else', () => {
    expect(exportFileName('2.25.123', 'json')).toBe('calcscribe-2.25.123.json');
    expect(exportFileName('../<x>/', 'txt')).toBe('calcscribe-..__x__.txt');
    expect(exportFileName('', 'txt')).toBe('calcscribe-exam.txt');
  });
});
