import { describe, it, expect } from 'vitest';
import { locateFinding, type LocatingImage } from '../../../src/core/locate/locate-finding.js';
import type { BreastGeometry } from '../../../src/core/locate/breast-geometry.js';
import type { ImageMetadata } from '../../../src/core/image.js';
import { mm, px2 } from '../../../src/core/units.js';

/** A right CC, 800 × 600, chest wall on the right, nipple 400 px (40 mm) from it at row 400. */
function rightCc(meta: Partial<Pick<ImageMetadata, 'laterality' | 'view' | 'patientOrientation'>> = {}, spacing: [number, number] | null = [0.1, 0.1]): LocatingImage {
  return {
    rows: 800,
    columns: 600,
    meta: { laterality: 'R', view: 'CC', patientOrientation: ['P', 'L'], ...meta },
    calibration: {
      rowSpacingMm: spacing === null ? null : mm(spacing[0]),
      columnSpacingMm: spacing === null ? null : mm(spacing[1]),
    },
  };
}

function geometry(over: Partial<BreastGeometry> = {}): BreastGeometry {
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

function located(...args: Parameters<typeof locateFinding>) {
  const r = locateFinding(...args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('locateFinding: a nipple not seen in profile', () => {
  const caveat = 'nipple not in profile on the RCC: depth, clock position and distance are measured from the most anterior skin point';
  const detected = { chestWall: 'image', nipple: 'detected' } as const;

  it('says so once when the detected nipple was not in profile, in the caveats and the evidence', () => {
    const v = located([{ x: 289.5, y: 240 }, { x: 309.5, y: 260 }, { x: 299.5, y: 250 }], geometry({ source: detected, nippleInProfile: false }), rightCc());
    expect(v.caveats).toEqual([caveat]);
    expect(v.evidence.filter((e) => e === caveat)).toHaveLength(1);
  });

  it('says nothing when the nipple was in profile, or placed by the radiologist', () => {
    expect(located({ x: 299.5, y: 250 }, geometry({ source: detected, nippleInProfile: true }), rightCc()).caveats).toEqual([]);
    // A marker placed over a detected nipple that was not in profile (as the draft does it).
    const marked = located({ x: 299.5, y: 250 }, geometry({ source: { chestWall: 'image', nipple: 'marker' }, nippleInProfile: false }), rightCc());
    expect(marked.caveats).toEqual([]);
    expect(marked.evidence.join(' ')).not.toContain('not in profile');
  });

  it('names the view without a laterality when there is none', () => {
    const v = located({ x: 299.5, y: 250 }, geometry({ source: detected, nippleInProfile: false }), rightCc({ laterality: null }));
    expect(v.caveats).toEqual([caveat.replace('RCC', 'CC')]);
  });
});

describe('locateFinding: distance from the nipple', () => {
  it('measures the distance in cm from the spacing (100 px right, 150 px up at 0.1 mm: 1.80 cm)', () => {
    const v = located({ x: 299.5, y: 250 }, geometry(), rightCc());
    expect(v.distanceFromNippleCm).toBeCloseTo(Math.hypot(10, 15) / 10, 9);
    expect(v.distanceFromNipple.px).toBeCloseTo(Math.hypot(100, 150), 9);
  });

  it('uses row and column spacing separately', () => {
    const v = located({ x: 299.5, y: 250 }, geometry(), rightCc({}, [0.2, 0.1]));
    expect(v.distanceFromNipple.mm).toBeCloseTo(Math.hypot(100 * 0.1, 150 * 0.2), 9);
  });

  it('gives no distance in cm on an uncalibrated image, and says so', () => {
    const v = located({ x: 299.5, y: 250 }, geometry(), rightCc({}, null));
    expect(v.distanceFromNippleCm).toBeNull();
    expect(v.distanceFromNipple.mm).toBeNull();
    expect(v.evidence.join(' ')).toContain('uncalibrated');
  });

  it('locates a group by the centre of its points', () => {
    const v = located([{ x: 289.5, y: 240 }, { x: 309.5, y: 260 }], geometry(), rightCc());
    expect(v.distanceFromNippleCm).toBeCloseTo(Math.hypot(10, 15) / 10, 9);
  });
});

describe('locateFinding: depth', () => {
  it('takes the third from the distance behind the nipple along the posterior nipple line', () => {
    expect(located({ x: 199.5 + 120, y: 300 }, geometry(), rightCc()).depth).toBe('anterior');
    expect(located({ x: 199.5 + 140, y: 300 }, geometry(), rightCc()).depth).toBe('middle');
    expect(located({ x: 199.5 + 300, y: 500 }, geometry(), rightCc()).depth).toBe('posterior');
    expect(located({ x: 199.5 + 300, y: 500 }, geometry(), rightCc()).depthFraction).toBeCloseTo(0.75, 9);
  });

  it('on MLO measures depth to the pectoral line when it is known', () => {
    // Pectoral line x − y − 300 = 0; nipple (200, 500): PNL 600/√2 px up and back at 45°.
    const g = geometry({ nipple: { x: 200, y: 500 }, pectoralLine: { p0: { x: 300, y: 0 }, p1: { x: 600, y: 300 } } });
    const image = rightCc({ view: 'MLO', patientOrientation: ['P', 'FL'] });
    const v = located({ x: 350, y: 350 }, g, image);
    expect(v.depthFraction).toBeCloseTo(0.5, 9);
    expect(v.depth).toBe('middle');
    expect(v.posteriorNippleLine.mm).toBeCloseTo(60 / Math.SQRT2, 9);
    expect(v.evidence.join(' ')).toContain('pectoral line');
  });
});

describe('locateFinding: medial / lateral on CC', () => {
  it('right CC (P\\L): above the nipple axis is lateral, below is medial', () => {
    const up = located({ x: 299.5, y: 250 }, geometry(), rightCc());
    expect(up.axis).toBe('medial-lateral');
    expect(up.axisSide).toBe('lateral');
    expect(up.offset?.mm).toBeCloseTo(15, 9);
    const down = located({ x: 299.5, y: 550 }, geometry(), rightCc());
    expect(down.axisSide).toBe('medial');
    expect(down.offset?.mm).toBeCloseTo(-15, 9);
  });

  it('left CC (A\\R): above the nipple axis is also lateral (patient\'s left at the top)', () => {
    const g = geometry({ chestWallEdge: 'left', nipple: { x: 399.5, y: 400 } });
    const image = rightCc({ laterality: 'L', patientOrientation: ['A', 'R'] });
    expect(located({ x: 299.5, y: 250 }, g, image).axisSide).toBe('lateral');
    expect(located({ x: 299.5, y: 550 }, g, image).axisSide).toBe('medial');
  });

  it('follows Patient Orientation when the image is flipped (P\\R: lateral at the bottom)', () => {
    const v = located({ x: 299.5, y: 250 }, geometry(), rightCc({ patientOrientation: ['P', 'R'] }));
    expect(v.axisSide).toBe('medial');
  });

  it('calls a finding within 1 cm of the axis "on axis"', () => {
    expect(located({ x: 299.5, y: 400 - 100 }, geometry(), rightCc()).axisSide).toBe('on axis');
    expect(located({ x: 299.5, y: 400 - 101 }, geometry(), rightCc()).axisSide).toBe('lateral');
  });

  it('uncalibrated: "on axis" within a tenth of the posterior nipple line', () => {
    expect(located({ x: 299.5, y: 361 }, geometry(), rightCc({}, null)).axisSide).toBe('on axis');
    expect(located({ x: 299.5, y: 359 }, geometry(), rightCc({}, null)).axisSide).toBe('lateral');
  });

  it('without Patient Orientation assumes the usual layout and says so; or refuses when told not to assume', () => {
    const assumed = located({ x: 299.5, y: 250 }, geometry(), rightCc({ patientOrientation: null }));
    expect(assumed.axisSide).toBe('lateral');
    expect(assumed.evidence.join(' ')).toContain('usual layout');
    const refused = located({ x: 299.5, y: 250 }, geometry(), rightCc({ patientOrientation: null }), { assumeUsualLayout: false });
    expect(refused.axisSide).toBeNull();
    expect(refused.offset).toBeNull();
  });

  it('cannot tell medial from lateral without laterality', () => {
    const v = located({ x: 299.5, y: 250 }, geometry(), rightCc({ laterality: null }));
    expect(v.side).toBeNull();
    expect(v.axisSide).toBeNull();
    expect(v.evidence.join(' ')).toContain('laterality unknown');
  });
});

describe('locateFinding: upper / lower on MLO', () => {
  it('uses the head direction from Patient Orientation (P\\FL: up is the top of the image)', () => {
    const image = rightCc({ view: 'MLO', patientOrientation: ['P', 'FL'] });
    expect(located({ x: 299.5, y: 250 }, geometry(), image).axisSide).toBe('upper');
    expect(located({ x: 299.5, y: 550 }, geometry(), image).axisSide).toBe('lower');
  });

  it('follows a head-down orientation (P\\H)', () => {
    const image = rightCc({ view: 'MLO', patientOrientation: ['P', 'H'] });
    expect(located({ x: 299.5, y: 250 }, geometry(), image).axisSide).toBe('lower');
  });

  it('says nothing across the axis for a view that does not tell (AT) or an unknown view', () => {
    expect(located({ x: 299.5, y: 250 }, geometry(), rightCc({ view: 'AT' })).axisSide).toBeNull();
    expect(located({ x: 299.5, y: 250 }, geometry(), rightCc({ view: null })).axisSide).toBeNull();
  });
});

describe('locateFinding: bad input', () => {
  it('rejects no points and non-finite points', () => {
    const none = locateFinding([], geometry(), rightCc());
    expect(!none.ok && none.error.kind).toBe('bad-argument');
    const nan = locateFinding({ x: Number.NaN, y: 3 }, geometry(), rightCc());
    expect(!nan.ok && nan.error.kind).toBe('bad-argument');
  });

  it('rejects a geometry whose nipple is on the chest wall', () => {
    const r = locateFinding({ x: 10, y: 10 }, geometry({ nipple: { x: 600, y: 400 } }), rightCc());
    expect(!r.ok && r.error.message).toContain('chest wall');
  });
});
