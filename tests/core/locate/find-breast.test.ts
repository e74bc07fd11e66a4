import { describe, it, expect } from 'vitest';
import { findBreast } from '../../../src/core/locate/find-breast.js';
import { makeMammoImage } from '../../../src/core/image.js';
import { renderBreast } from './synthetic-breast.js';
import { MLO_SHAPE, standardView } from './standard-views.js';

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('findBreast: chest wall and nipple', () => {
  for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
    it(`finds a breast attached to the ${edge} edge and its nipple within 1 px`, () => {
      const vertical = edge === 'left' || edge === 'right';
      const s = renderBreast({
        rows: 700,
        columns: 560,
        chestWall: edge,
        centre: vertical ? 380 : 290,
        depth: 330,
        halfWidth: 250,
        nippleRadius: 8,
        seed: 5,
      });
      const g = findBreast(s.image);
      expect(g.ok).toBe(true);
      if (!g.ok) return;
      expect(g.value.chestWallEdge).toBe(edge);
      expect(distance(g.value.nipple, s.nipple)).toBeLessThanOrEqual(1);
      expect(g.value.source).toEqual({ chestWall: 'image', nipple: 'detected' });
    });
  }

  it('finds the nipple at the apex of a smooth half-ellipse without a bump', () => {
    const s = renderBreast({ rows: 600, columns: 500, chestWall: 'left', centre: 311, depth: 280, halfWidth: 240, seed: 9 });
    const g = findBreast(s.image);
    expect(g.ok && distance(g.value.nipple, s.nipple)).toBeLessThanOrEqual(3);
  });

  it('measures the breast area of the half-ellipse within 2 % in px² and mm²', () => {
    const s = renderBreast({ rows: 700, columns: 560, chestWall: 'right', centre: 350, depth: 330, halfWidth: 250, seed: 2, spacingMm: 0.1 });
    const g = findBreast(s.image);
    if (!g.ok) throw new Error(g.error.message);
    const expected = (Math.PI * 330 * 250) / 2;
    expect(Math.abs(g.value.breastArea.px2 - expected) / expected).toBeLessThan(0.02);
    expect(g.value.breastArea.mm2).toBeCloseTo(g.value.breastArea.px2 * 0.01, 6);
  });

  it('traces the skin line along the chest wall, each point on the ellipse edge within 2 overview strides', () => {
    const s = renderBreast({ rows: 700, columns: 560, chestWall: 'left', centre: 350, depth: 330, halfWidth: 250, seed: 4 });
    const g = findBreast(s.image);
    if (!g.ok) throw new Error(g.error.message);
    const contour = g.value.skinContour ?? [];
    expect(contour.length).toBeGreaterThan(50);
    const stride = Math.ceil(700 / 256);
    for (const p of contour) {
      const dv = (p.y - 350) / 250;
      const expectedU = 330 * Math.sqrt(Math.max(0, 1 - dv * dv));
      // Near the ends of the ellipse the edge is nearly parallel to u: compare in the ellipse's own scale.
      if (Math.abs(dv) < 0.9) expect(Math.abs(p.x + 0.5 - expectedU)).toBeLessThanOrEqual(2 * stride);
    }
  });

  it('ignores a bright laterality label in the background', () => {
    const s = renderBreast({ rows: 600, columns: 500, chestWall: 'right', centre: 330, depth: 280, halfWidth: 220, nippleRadius: 8, seed: 6 });
    const stored = s.image.stored as Uint16Array;
    for (let y = 20; y < 70; y++) for (let x = 20; x < 110; x++) stored[y * 500 + x] = 4000;
    const g = findBreast(s.image);
    expect(g.ok && g.value.chestWallEdge).toBe('right');
    expect(g.ok && distance(g.value.nipple, s.nipple)).toBeLessThanOrEqual(1);
  });

  it('reads MONOCHROME1 images (inverted display) the same way', () => {
    const s = renderBreast({ rows: 600, columns: 500, chestWall: 'right', centre: 300, depth: 280, halfWidth: 220, nippleRadius: 8, seed: 3 });
    const inverted = new Uint16Array(s.image.stored.length);
    for (let i = 0; i < inverted.length; i++) inverted[i] = 4095 - (s.image.stored[i] as number);
    const image = makeMammoImage({
      rows: 600,
      columns: 500,
      stored: inverted,
      calibration: s.image.calibration,
      meta: { bitsStored: 12, photometric: 'MONOCHROME1' },
    });
    const g = findBreast(image);
    expect(g.ok && g.value.chestWallEdge).toBe('right');
    expect(g.ok && distance(g.value.nipple, s.nipple)).toBeLessThanOrEqual(1);
  });
});

describe('findBreast: Patient Orientation cross-check', () => {
  it('records agreement when Patient Orientation names the same chest wall (right CC, P\\L)', () => {
    const g = findBreast(standardView('R', 'CC').image);
    expect(g.ok && g.value.source.chestWall).toBe('image, confirmed by patient orientation');
    expect(g.ok && g.value.warnings).toEqual([]);
  });

  it('uses the image and warns when Patient Orientation contradicts it', () => {
    const s = standardView('L', 'CC', { meta: { patientOrientation: ['P', 'L'] } });
    const g = findBreast(s.image);
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    expect(g.value.chestWallEdge).toBe('left');
    expect(g.value.source.chestWall).toBe('image');
    expect(g.value.warnings.join(' ')).toMatch(/right edge.*left edge/);
  });

  it('says so and ignores Patient Orientation made of unknown letters', () => {
    const g = findBreast(standardView('R', 'CC', { meta: { patientOrientation: ['Q', 'L'] } }).image);
    expect(g.ok && g.value.source.chestWall).toBe('image');
    expect(g.ok && g.value.warnings.some((w) => w.includes('A/P/L/R/H/F'))).toBe(true);
  });

  it('falls back to Patient Orientation when the breast barely touches any edge', () => {
    // A small blob in the middle: touches nothing.
    const s = renderBreast({ rows: 400, columns: 400, chestWall: 'left', centre: 200, depth: 150, halfWidth: 20, seed: 8, meta: { patientOrientation: ['A', 'R'] } });
    const g = findBreast(s.image);
    expect(g.ok && g.value.source.chestWall).toBe('patient orientation');
    expect(g.ok && g.value.chestWallEdge).toBe('left');
  });
});

describe('findBreast: warnings about the nipple', () => {
  it('warns on spot and magnification views that the nipple may be outside the field', () => {
    const g = findBreast(standardView('R', 'CC', { meta: { viewModifiers: ['magnification'] } }).image);
    expect(g.ok && g.value.warnings.some((w) => w.includes('nipple marker'))).toBe(true);
  });

  it('warns when the breast runs off the image edge opposite the chest wall', () => {
    const s = renderBreast({ rows: 500, columns: 300, chestWall: 'left', centre: 250, depth: 400, halfWidth: 200, seed: 14 });
    const g = findBreast(s.image);
    expect(g.ok && g.value.warnings.some((w) => w.includes('cut off'))).toBe(true);
  });

  it('does not warn on a whole breast', () => {
    const g = findBreast(standardView('L', 'CC').image);
    expect(g.ok && g.value.warnings).toEqual([]);
  });
});

describe('findBreast: nipple marker', () => {
  it('uses a radiologist-placed nipple marker instead of the detected nipple', () => {
    const marker = { x: 250, y: 410 };
    const g = findBreast(standardView('R', 'CC').image, { nippleMarker: marker });
    expect(g.ok && g.value.nipple).toEqual(marker);
    expect(g.ok && g.value.source.nipple).toBe('marker');
  });

  it('rejects a marker outside the image or not a number', () => {
    const image = standardView('R', 'CC').image;
    const outside = findBreast(image, { nippleMarker: { x: -3, y: 10 } });
    expect(!outside.ok && outside.error.kind).toBe('bad-argument');
    const nan = findBreast(image, { nippleMarker: { x: Number.NaN, y: 10 } });
    expect(!nan.ok && nan.error.kind).toBe('bad-argument');
  });
});

describe('findBreast: pectoral muscle', () => {
  it('fits the pectoral line on a right MLO within 2 % of the drawn triangle', () => {
    const g = findBreast(standardView('R', 'MLO').image);
    if (!g.ok) throw new Error(g.error.message);
    const line = g.value.pectoralLine;
    expect(line).not.toBeNull();
    if (line === null) return;
    // Triangle: width 300 px at the top edge (x = 699.5 − 300), meets the chest wall 700 px down.
    expect(Math.abs(line.p0.y + 0.5)).toBeLessThan(1e-9);
    expect(Math.abs(line.p0.x - (MLO_SHAPE.columns - 0.5 - MLO_SHAPE.pectoral.width))).toBeLessThan(6);
    expect(Math.abs(line.p1.x - (MLO_SHAPE.columns - 0.5))).toBeLessThan(1e-9);
    expect(Math.abs(line.p1.y - MLO_SHAPE.pectoral.length)).toBeLessThan(14);
  });

  it('finds the pectoral muscle at the bottom when Patient Orientation puts the head there', () => {
    const s = renderBreast({
      ...MLO_SHAPE,
      centre: MLO_SHAPE.rows - MLO_SHAPE.centre,
      pectoral: { ...MLO_SHAPE.pectoral, headAtEnd: true },
      chestWall: 'left',
      seed: 31,
      meta: { view: 'MLO', laterality: 'L', patientOrientation: ['A', 'H'] },
    });
    const g = findBreast(s.image);
    if (!g.ok) throw new Error(g.error.message);
    const line = g.value.pectoralLine;
    expect(line).not.toBeNull();
    expect(Math.abs((line?.p0.y ?? 0) - (MLO_SHAPE.rows - 0.5))).toBeLessThan(1e-9);
    expect(Math.abs((line?.p0.x ?? 0) - (MLO_SHAPE.pectoral.width - 0.5))).toBeLessThan(6);
  });

  it('does not look for the pectoral muscle on a CC view', () => {
    const g = findBreast(standardView('L', 'CC').image);
    expect(g.ok && g.value.pectoralLine).toBeNull();
  });

  it('warns when an MLO shows no pectoral muscle', () => {
    const s = renderBreast({ rows: 700, columns: 560, chestWall: 'left', centre: 350, depth: 330, halfWidth: 300, seed: 12, meta: { view: 'MLO' } });
    const g = findBreast(s.image);
    expect(g.ok && g.value.pectoralLine).toBeNull();
    expect(g.ok && g.value.warnings.some((w) => w.includes('pectoral muscle not found'))).toBe(true);
    expect(g.ok && g.value.warnings).toContain(
      'MLO view: pectoral muscle not found (no denser band at the head end large enough to be the muscle); depth is measured to the chest-wall edge',
    );
  });

  it('says so when the breast does not reach the chest wall at the head end', () => {
    const s = renderBreast({ rows: 700, columns: 560, chestWall: 'left', centre: 450, depth: 330, halfWidth: 200, seed: 12, meta: { view: 'MLO' } });
    const g = findBreast(s.image);
    expect(g.ok && g.value.warnings).toContain(
      'MLO view: pectoral muscle not found (the breast does not reach the chest wall at the head end); depth is measured to the chest-wall edge',
    );
  });
});

describe('findBreast: images without a breast', () => {
  it('fails on a uniform image', () => {
    const image = makeMammoImage({
      rows: 100,
      columns: 80,
      stored: new Uint16Array(8000).fill(500),
      calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'none' },
    });
    const g = findBreast(image);
    expect(!g.ok && g.error.kind).toBe('unsupported-image');
  });

  it('fails when nothing is left as background', () => {
    const stored = new Uint16Array(100 * 80);
    for (let i = 0; i < stored.length; i++) stored[i] = i === 0 ? 0 : 1000;
    const image = makeMammoImage({
      rows: 100,
      columns: 80,
      stored,
      calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'none' },
    });
    const g = findBreast(image);
    expect(!g.ok && g.error.kind).toBe('unsupported-image');
  });
});

describe('findBreast: full-field images', () => {
  it('finds the nipple within 1 px on a 4096 × 3328 MLO (its speed is in npm run bench)', () => {
    const s = renderBreast({
      rows: 4096,
      columns: 3328,
      chestWall: 'right',
      centre: 2100,
      depth: 2300,
      halfWidth: 1900,
      nippleRadius: 60,
      pectoral: { width: 1200, length: 2600 },
      seed: 77,
      meta: { view: 'MLO', patientOrientation: ['P', 'F'] },
    });
    const g = findBreast(s.image);
    if (!g.ok) throw new Error(g.error.message);
    expect(distance(g.value.nipple, s.nipple)).toBeLessThanOrEqual(1);
  });
});
