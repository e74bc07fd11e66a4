import { describe, it, expect } from 'vitest';
import { findBreast } from '../../../src/core/locate/find-breast.js';
import { locateFinding } from '../../../src/core/locate/locate-finding.js';
import { combineViews, locateFromOneView } from '../../../src/core/locate/combine-views.js';
import type { BreastGeometry } from '../../../src/core/locate/breast-geometry.js';
import type { ViewLocation } from '../../../src/core/locate/view-location.js';
import type { MammoImage } from '../../../src/core/image.js';
import type { FindingLocation } from '../../../src/core/report/finding.js';
import type { PointPx } from '../../../src/core/units.js';
import { MLO_SHAPE, standardView, type Projection } from './standard-views.js';

interface View {
  readonly image: MammoImage;
  readonly geometry: BreastGeometry;
  /** The drawn nipple tip. */
  readonly nipple: PointPx;
  /** Unit vector from the nipple along the drawn posterior nipple line. */
  readonly back: PointPx;
}

/** Lateral (CC, lateral at the top) or up (MLO, head at the top): toward the top of the image. */
const ACROSS = { x: 0, y: -1 };

/**
 * Renders a view, finds its breast, and gives the drawn posterior nipple line: on CC
 * perpendicular to the chest-wall edge; on MLO perpendicular to the drawn pectoral edge
 * u/300 + v/700 = 1.
 */
function view(side: 'R' | 'L', projection: Projection, spacingMm: number | null = 0.1, withOrientation = true): View {
  const s = standardView(side, projection, { spacingMm, withOrientation });
  const g = findBreast(s.image);
  if (!g.ok) throw new Error(g.error.message);
  const towardWall = side === 'R' ? 1 : -1; // chest wall on the right for R, left for L
  if (projection === 'CC') return { image: s.image, geometry: g.value, nipple: s.nipple, back: { x: towardWall, y: 0 } };
  const { width, length } = MLO_SHAPE.pectoral;
  const nu = 1 / width;
  const nv = 1 / length;
  const norm = Math.hypot(nu, nv);
  return { image: s.image, geometry: g.value, nipple: s.nipple, back: { x: (towardWall * nu) / norm, y: -nv / norm } };
}

/**
 * A point `behind` px along the posterior nipple line, then `across` px toward lateral (CC) or up
 * (MLO) of the nipple's level.
 */
function at(v: View, behind: number, across: number): PointPx {
  const n = v.geometry.nipple;
  const alongBack = { x: n.x + behind * v.back.x, y: n.y + behind * v.back.y };
  // Across is measured from the nipple's level: remove what the tilted line already climbed.
  const climbed = (alongBack.x - n.x) * ACROSS.x + (alongBack.y - n.y) * ACROSS.y;
  return { x: alongBack.x + (across - climbed) * ACROSS.x, y: alongBack.y + (across - climbed) * ACROSS.y };
}

function where(v: View, p: PointPx): ViewLocation {
  const r = locateFinding(p, v.geometry, v.image);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const VIEWS = {
  RCC: view('R', 'CC'),
  RMLO: view('R', 'MLO'),
  LCC: view('L', 'CC'),
  LMLO: view('L', 'MLO'),
};

// Offsets (px at 0.1 mm, beyond the 1 cm on-axis band) at 30° or 60° from vertical give whole hours away from half-hour boundaries.
const CASES = [
  { quadrant: 'upper outer', lateral: 120, up: 208, right: 11, left: 1 },
  { quadrant: 'upper inner', lateral: -120, up: 208, right: 1, left: 11 },
  { quadrant: 'lower outer', lateral: 120, up: -208, right: 7, left: 5 },
  { quadrant: 'lower inner', lateral: -120, up: -208, right: 5, left: 7 },
  { quadrant: 'upper outer', lateral: 208, up: 120, right: 10, left: 2 },
  { quadrant: 'lower inner', lateral: -208, up: -120, right: 4, left: 8 },
] as const;

describe('combineViews: quadrants and clock face on rendered CC + MLO pairs', () => {
  for (const side of ['right', 'left'] as const) {
    const cc = side === 'right' ? VIEWS.RCC : VIEWS.LCC;
    const mlo = side === 'right' ? VIEWS.RMLO : VIEWS.LMLO;
    for (const c of CASES) {
      const hour = c[side];
      it(`${side} breast, ${c.quadrant}: ${hour} o'clock`, () => {
        const r = combineViews(where(cc, at(cc, 150, c.lateral)), where(mlo, at(mlo, 150, c.up)), side);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.side).toBe(side);
        expect(r.value.quadrant).toBe(c.quadrant);
        expect(r.value.clockFace).toBe(hour);
        expect(r.value.special).toBeNull();
      });
    }
  }

  it('reports depth and distance as the mean of the two views', () => {
    const ccPoint = at(VIEWS.RCC, 300, 100);
    const mloPoint = at(VIEWS.RMLO, 300, 100);
    const r = combineViews(where(VIEWS.RCC, ccPoint), where(VIEWS.RMLO, mloPoint), 'right');
    if (!r.ok) throw new Error(r.error.message);
    const cm = (p: PointPx, n: PointPx): number => (Math.hypot(p.x - n.x, p.y - n.y) * 0.1) / 10;
    const expected = (cm(ccPoint, VIEWS.RCC.nipple) + cm(mloPoint, VIEWS.RMLO.nipple)) / 2;
    expect(Math.abs((r.value.distanceFromNippleCm ?? 0) - expected)).toBeLessThan(0.1);
    expect(r.value.depth).toBe('posterior'); // 300 of 400 px (CC) and of ~368 px (MLO)
  });
});

describe('combineViews: without Patient Orientation', () => {
  it('gives the same quadrants and clock faces from the usual layout, and says it assumed it', () => {
    for (const side of ['R', 'L'] as const) {
      const cc = view(side, 'CC', 0.1, false);
      const mlo = view(side, 'MLO', 0.1, false);
      const r = combineViews(where(cc, at(cc, 150, 120)), where(mlo, at(mlo, 150, -208)), side === 'R' ? 'right' : 'left');
      expect(r.ok && r.value.quadrant).toBe('lower outer');
      expect(r.ok && r.value.clockFace).toBe(side === 'R' ? 7 : 5);
      expect(r.ok && r.value.evidence.some((e) => e.includes('usual layout'))).toBe(true);
    }
  });
});

describe('combineViews: output fits the report\'s FindingLocation', () => {
  it('passes as a FindingLocation without mapping', () => {
    const r = combineViews(where(VIEWS.RCC, at(VIEWS.RCC, 150, 120)), where(VIEWS.RMLO, at(VIEWS.RMLO, 150, 208)), 'right');
    if (!r.ok) throw new Error(r.error.message);
    const forReport: FindingLocation = r.value;
    expect(forReport).toMatchObject({ clockFace: 11, quadrant: 'upper outer', depth: 'middle' });
  });
});

describe('combineViews: special locations', () => {
  // ACR BI-RADS Atlas 5th ed., location of lesion: retroareolar at anterior depth, central at middle or posterior depth.
  it('subareolar: on the nipple axis in both views, in the anterior third', () => {
    const r = combineViews(where(VIEWS.LCC, at(VIEWS.LCC, 100, 20)), where(VIEWS.LMLO, at(VIEWS.LMLO, 120, -30)), 'left');
    expect(r.ok && r.value.special).toBe('subareolar');
    // The clock face is still given near the axis (left breast, lateral and below the nipple): a finding that needs action is placed on it.
    expect(r.ok && r.value.clockFace).toBe(5);
    expect(r.ok && r.value.quadrant).toBeNull();
    expect(r.ok && r.value.depth).toBe('anterior');
  });

  it('central: on the nipple axis in both views, deeper than the anterior third', () => {
    const r = combineViews(where(VIEWS.RCC, at(VIEWS.RCC, 250, 30)), where(VIEWS.RMLO, at(VIEWS.RMLO, 250, -40)), 'right');
    expect(r.ok && r.value.special).toBe('central');
    expect(r.ok && r.value.depth).not.toBe('anterior');
    // Right breast, lateral and below the nipple.
    expect(r.ok && r.value.clockFace).toBe(7);
  });

  it('axillary tail: upper outer, close to the pectoral line and high up along it on MLO', () => {
    const mlo = VIEWS.RMLO;
    // Frame point u = 330, v = 150: about 9 mm in front of the drawn pectoral edge.
    const p = { x: MLO_SHAPE.columns - 0.5 - 330, y: 150 };
    const mloAt = where(mlo, p);
    expect(mloAt.nearPectoral).toBe(true);
    expect(mloAt.upThePectoral).toBeGreaterThan(0.6);
    const r = combineViews(where(VIEWS.RCC, at(VIEWS.RCC, 250, 150)), mloAt, 'right');
    expect(r.ok && r.value.special).toBe('axillary tail');
    expect(r.ok && r.value.quadrant).toBe('upper outer');
    expect(locateFromOneView(mloAt).special).toBe('axillary tail');
  });

  it('is not axillary tail when the finding is far from the pectoral line', () => {
    const mloAt = where(VIEWS.RMLO, at(VIEWS.RMLO, 60, 150));
    expect(mloAt.axisSide).toBe('upper');
    expect(mloAt.nearPectoral).toBe(false);
    expect(locateFromOneView(mloAt).special).toBeNull();
  });

  it('is not axillary tail when close to the pectoral line but low along it (near the PNL foot)', () => {
    // Frame point u = 180, v = 400: about 4.7 mm in front of the pectoral edge, above the nipple level.
    const mloAt = where(VIEWS.RMLO, { x: MLO_SHAPE.columns - 0.5 - 180, y: 400 });
    expect(mloAt.nearPectoral).toBe(true);
    expect(mloAt.axisSide).toBe('upper');
    expect(mloAt.upThePectoral).toBeLessThan(0.2);
    expect(locateFromOneView(mloAt).special).toBeNull();
  });

  it('gives only the half when one view puts the finding on the axis (clock still from the angle)', () => {
    const r = combineViews(where(VIEWS.RCC, at(VIEWS.RCC, 150, 150)), where(VIEWS.RMLO, at(VIEWS.RMLO, 150, 5)), 'right');
    expect(r.ok && r.value.quadrant).toBeNull();
    expect(r.ok && r.value.half).toBe('outer');
    expect(r.ok && r.value.clockFace).toBe(9);
  });
});

describe('combineViews: uncalibrated images', () => {
  const cc = view('R', 'CC', null);
  const mlo = view('R', 'MLO', null);

  it('still gives quadrant and clock from offsets relative to each posterior nipple line, with no distance', () => {
    const r = combineViews(where(cc, at(cc, 150, 100)), where(mlo, at(mlo, 150, 173)), 'right');
    expect(r.ok && r.value.quadrant).toBe('upper outer');
    expect(r.ok && r.value.clockFace).toBe(11);
    expect(r.ok && r.value.distanceFromNippleCm).toBeNull();
  });

  // The depth third is a fraction of the posterior nipple line: subareolar is judged without a distance
  // (it was called central here while subareolar was a distance of at most 2 cm).
  it('names a finding on the axis of both views by its depth third when no distance is known', () => {
    const r = combineViews(where(cc, at(cc, 100, 5)), where(mlo, at(mlo, 100, 5)), 'right');
    expect(r.ok && r.value.depth).toBe('anterior');
    expect(r.ok && r.value.special).toBe('subareolar');
  });
});

describe('locateFromOneView: only what one view tells', () => {
  it('CC gives outer / inner and no clock or quadrant', () => {
    const outer = locateFromOneView(where(VIEWS.LCC, at(VIEWS.LCC, 150, 150)));
    expect(outer).toMatchObject({ side: 'left', half: 'outer', clockFace: null, quadrant: null, depth: 'middle' });
    expect(outer.evidence.join(' ')).toContain('one view only');
    expect(locateFromOneView(where(VIEWS.LCC, at(VIEWS.LCC, 150, -150))).half).toBe('inner');
  });

  it('MLO gives upper / lower', () => {
    expect(locateFromOneView(where(VIEWS.RMLO, at(VIEWS.RMLO, 150, -173))).half).toBe('lower');
    expect(locateFromOneView(where(VIEWS.RMLO, at(VIEWS.RMLO, 150, 173))).half).toBe('upper');
  });

  it('gives no half on the nipple axis and no special location from CC alone', () => {
    const v = locateFromOneView(where(VIEWS.RCC, at(VIEWS.RCC, 100, 0)));
    expect(v.half).toBeNull();
    expect(v.special).toBeNull();
  });
});

describe('combineViews: bad input', () => {
  const ccAt = where(VIEWS.RCC, at(VIEWS.RCC, 150, 100));
  const mloAt = where(VIEWS.RMLO, at(VIEWS.RMLO, 150, 100));

  it('rejects views of the other breast', () => {
    const r = combineViews(ccAt, mloAt, 'left');
    expect(!r.ok && r.error.kind).toBe('bad-argument');
  });

  it('rejects the views in the wrong order', () => {
    const r = combineViews(mloAt, ccAt, 'right');
    expect(!r.ok && r.error.message).toContain('cranio-caudal');
  });
});
