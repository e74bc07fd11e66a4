import { describe, it, expect } from 'vitest';
import { makeMammoImage } from '../../../src/core/image.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import type { CalcificationOutline } from '../../../src/core/segment/outline.js';
import type { PointPx } from '../../../src/core/units.js';
import { renderScene } from './synthetic.js';
import type { SceneSpec, Shape } from './synthetic.js';

const SP = 0.1;
const scene = (shapes: Shape[], extra: Partial<SceneSpec> = {}): ReturnType<typeof renderScene> =>
  renderScene({
    rows: 64,
    columns: 64,
    rowSpacingMm: SP,
    columnSpacingMm: SP,
    shapes,
    level: 2000,
    gradient: [3, -2],
    texture: 12,
    textureScalePx: 4,
    noise: 10,
    seed: 7,
    ...extra,
  });

function value<T>(r: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value;
}

function signedArea(p: readonly PointPx[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as PointPx;
    const b = p[(i + 1) % p.length] as PointPx;
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

const inMask = (o: CalcificationOutline, x: number, y: number): boolean => {
  const m = o.mask;
  const lx = x - m.x0;
  const ly = y - m.y0;
  return lx >= 0 && ly >= 0 && lx < m.width && ly < m.height && m.data[ly * m.width + lx] === 1;
};

describe('segmentAtSeed', () => {
  const disc: Shape = { kind: 'disc', cx: 3.2, cy: 3.2, r: 0.3, contrast: 300 };

  it('outlines a disc clicked on its centre: clockwise contour of the right area', () => {
    const o = value(segmentAtSeed(scene([disc]), { x: 32, y: 32 }));
    const area = signedArea(o.contour);
    expect(area).toBeGreaterThan(0);
    expect(area * SP * SP).toBeCloseTo(Math.PI * 0.3 * 0.3, 1);
    expect(inMask(o, 32, 32)).toBe(true);
    expect(o.seed).toEqual({ x: 32, y: 32 });
  });

  it('finds the calcification when the click is 3 px off', () => {
    const o = value(segmentAtSeed(scene([disc]), { x: 35, y: 30 }));
    expect(inMask(o, 32, 32)).toBe(true);
    const xs = o.contour.map((p) => p.x);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(32, 0);
  });

  it('estimates the local background on a gradient and puts the threshold half-way to the peak', () => {
    const o = value(segmentAtSeed(scene([disc]), { x: 32, y: 32 }));
    // background at (32, 32): 2000 + 3·32 − 2·32 = 2032, texture and noise ± ~20
    expect(Math.abs(o.backgroundDensity - 2032)).toBeLessThan(25);
    expect(o.backgroundNoise).toBeGreaterThan(5);
    expect(o.backgroundNoise).toBeLessThan(30);
    expect(o.threshold - o.backgroundDensity).toBeGreaterThan(120);
    expect(o.threshold - o.backgroundDensity).toBeLessThan(190);
  });

  it('keeps a lucent centre inside the outline (the hole is filled)', () => {
    const ring: Shape = { kind: 'ring', cx: 3.2, cy: 3.2, rOuter: 1.0, rInner: 0.6, contrast: 300 };
    const o = value(segmentAtSeed(scene([ring]), { x: 32, y: 22 }));
    expect(inMask(o, 32, 32)).toBe(true);
    expect(signedArea(o.contour) * SP * SP).toBeCloseTo(Math.PI, 0);
  });

  it('accepts a click in the lucent centre of a ring, whose outline encloses it', () => {
    const ring: Shape = { kind: 'ring', cx: 3.2, cy: 3.2, rOuter: 0.9, rInner: 0.6, contrast: 300 };
    const o = value(segmentAtSeed(scene([ring]), { x: 32, y: 32 }));
    expect(inMask(o, 32, 32)).toBe(true);
    expect(signedArea(o.contour) * SP * SP).toBeCloseTo(Math.PI * 0.81, 0);
  });

  it('does not jump to a calcification 1 mm away that does not enclose the click', () => {
    const r = segmentAtSeed(scene([disc]), { x: 32, y: 42 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('seed-on-background');
  });

  it('grows its patch to follow a long rod', () => {
    const rod: Shape = { kind: 'lines', segments: [{ x0: 0.8, y0: 3.2, x1: 5.6, y1: 3.2 }], width: 0.3, contrast: 300 };
    const o = value(segmentAtSeed(scene([rod]), { x: 32, y: 32 }));
    const xs = o.contour.map((p) => p.x);
    // A capsule: 4.8 mm between the cap centres plus 0.15 mm of cap at each end.
    expect((Math.max(...xs) - Math.min(...xs)) * SP).toBeCloseTo(5.1, 1);
  });

  it('follows a thin vessel wall past the 15 mm patch and outlines it whole', () => {
    const vessel: Shape = { kind: 'lines', segments: [{ x0: 2, y0: 5, x1: 23, y1: 5 }], width: 0.5, contrast: 300 };
    const img = renderScene({ rows: 100, columns: 250, rowSpacingMm: SP, columnSpacingMm: SP, shapes: [vessel], noise: 10, seed: 5 });
    const o = value(segmentAtSeed(img, { x: 125, y: 50 }));
    const xs = o.contour.map((p) => p.x);
    // 21 mm between the cap centres plus 0.25 mm of cap at each end.
    expect((Math.max(...xs) - Math.min(...xs)) * SP).toBeCloseTo(21.5, 0);
  });

  it('refuses a thick structure longer than the 15 mm search patch rather than cut its outline', () => {
    const band: Shape = { kind: 'lines', segments: [{ x0: 2, y0: 5, x1: 23, y1: 5 }], width: 2.5, contrast: 300 };
    const img = renderScene({ rows: 100, columns: 250, rowSpacingMm: SP, columnSpacingMm: SP, shapes: [band], noise: 10, seed: 5 });
    const r = segmentAtSeed(img, { x: 125, y: 50 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('seed-on-background');
    if (!r.ok) expect(r.error.message).toMatch(/beyond the 15 mm search patch/);
    const wider = segmentAtSeed(img, { x: 125, y: 50 }, { maxPatchMm: 30 });
    expect(wider.ok).toBe(true);
  });

  it('answers seed-on-background inside a large flat dense area (no local peak)', () => {
    const big = renderScene({ rows: 200, columns: 200, rowSpacingMm: SP, columnSpacingMm: SP, shapes: [{ kind: 'disc', cx: 10, cy: 10, r: 8.5, contrast: 300 }], noise: 10, seed: 5 });
    const r = segmentAtSeed(big, { x: 100, y: 100 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('seed-on-background');
  });

  it('does not merge a separate neighbour 1 mm away', () => {
    const o = value(
      segmentAtSeed(scene([disc, { kind: 'disc', cx: 4.2, cy: 3.2, r: 0.3, contrast: 300 }]), { x: 32, y: 32 }),
    );
    expect(inMask(o, 42, 32)).toBe(false);
    expect(Math.max(...o.contour.map((p) => p.x))).toBeLessThan(37);
  });

  it('reports seed-on-background with the contrast found', () => {
    const r = segmentAtSeed(scene([disc]), { x: 10, y: 50 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('seed-on-background');
      expect(r.error.message).toMatch(/peak contrast -?\d+\.\d is -?\d+\.\d × the (background|detector) noise \(needs \d+(\.\d+)? ×\)/);
    }
  });

  it('rejects a faint bump below 3 × the noise', () => {
    const faint: Shape = { kind: 'disc', cx: 3.2, cy: 3.2, r: 0.1, contrast: 8 };
    const r = segmentAtSeed(scene([faint], { texture: 0, noise: 10 }), { x: 32, y: 32 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('seed-on-background');
  });

  it('reports seed-outside-image for points off the image or not finite', () => {
    const img = scene([disc]);
    for (const p of [{ x: -1, y: 5 }, { x: 64, y: 5 }, { x: 5, y: 64 }, { x: Number.NaN, y: 5 }]) {
      const r = segmentAtSeed(img, p);
      expect(r.ok ? 'ok' : r.error.kind).toBe('seed-outside-image');
    }
  });

  it('answers seed-on-background, not an exception, on an image too small to judge', () => {
    const tiny = makeMammoImage({ rows: 1, columns: 2, stored: new Uint16Array([100, 900]), calibration: scene([]).calibration });
    const r = segmentAtSeed(tiny, { x: 1, y: 0 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('seed-on-background');
  });

  it('outlines a calcification at the image edge', () => {
    const edge: Shape = { kind: 'disc', cx: 0.2, cy: 3.2, r: 0.3, contrast: 300 };
    const o = value(segmentAtSeed(scene([edge]), { x: 2, y: 32 }));
    expect(inMask(o, 0, 32)).toBe(true);
    expect(o.contour.length).toBeGreaterThan(4);
  });

  it('reads MONOCHROME1 images in the density convention (same outline as the inverted image)', () => {
    const img = scene([disc]);
    const inverted = Uint16Array.from(img.stored, (v) => 65535 - v);
    const mono1 = makeMammoImage({ rows: 64, columns: 64, stored: inverted, calibration: img.calibration, meta: { photometric: 'MONOCHROME1' } });
    const a = value(segmentAtSeed(img, { x: 32, y: 32 }));
    const b = value(segmentAtSeed(mono1, { x: 32, y: 32 }));
    expect(signedArea(b.contour)).toBeCloseTo(signedArea(a.contour), 6);
    expect(b.threshold - b.backgroundDensity).toBeCloseTo(a.threshold - a.backgroundDensity, 3);
  });

  it('is not thrown off by a brighter calcification in the background ring', () => {
    const near: Shape = { kind: 'disc', cx: 3.2 + 1.3, cy: 3.2, r: 0.25, contrast: 900 };
    const alone = value(segmentAtSeed(scene([disc]), { x: 32, y: 32 }));
    const crowded = value(segmentAtSeed(scene([disc, near]), { x: 32, y: 32 }));
    expect(Math.abs(crowded.backgroundDensity - alone.backgroundDensity)).toBeLessThan(10);
    expect(Math.abs(signedArea(crowded.contour) / signedArea(alone.contour) - 1)).toBeLessThan(0.1);
  });

  it('works on an uncalibrated image (nominal spacing for its search sizes)', () => {
    const o = value(segmentAtSeed(scene([disc], { uncalibrated: true }), { x: 33, y: 31 }));
    expect(inMask(o, 32, 32)).toBe(true);
  });
});
