/**
 * The locate stage on the project's textured phantoms (test-data/generator): a breast with
 * fatty periphery, glandular texture, skin line and pectoral muscle, with known truth.
 */
import { describe, it, expect } from 'vitest';
import { renderPhantom, type RenderedPhantom } from '../../../test-data/generator/render-phantom.js';
import { phantomOptions } from '../../../test-data/generator/phantom-options.js';
import { makeBreastModel } from '../../../test-data/generator/breast-model.js';
import { makeRandom } from '../../../test-data/generator/random.js';
import { makeMammoImage, type MammoImage } from '../../../src/core/image.js';
import { mm } from '../../../src/core/units.js';
import { findBreast } from '../../../src/core/locate/find-breast.js';
import { locateFinding } from '../../../src/core/locate/locate-finding.js';
import { combineViews } from '../../../src/core/locate/combine-views.js';
import type { BreastGeometry } from '../../../src/core/locate/breast-geometry.js';

interface Case {
  readonly phantom: RenderedPhantom;
  readonly image: MammoImage;
  readonly geometry: BreastGeometry;
}

function render(seed: number, side: 'R' | 'L', view: 'CC' | 'MLO'): Case {
  const phantom = renderPhantom(
    phantomOptions({
      seed,
      side,
      view,
      anatomySeed: seed * 10 + (side === 'R' ? 0 : 1),
      findings: [{ morphology: 'fine pleomorphic', distribution: 'grouped', count: 6, seed: seed * 7 }],
    }),
  );
  const stored = new Uint16Array(phantom.display.length);
  for (let i = 0; i < stored.length; i++) stored[i] = Math.round((phantom.display[i] as number) * 16383);
  const sp = mm(phantom.objectSpacingMm);
  const image = makeMammoImage({
    rows: phantom.rows,
    columns: phantom.columns,
    stored,
    calibration: { kind: 'magnification-corrected', rowSpacingMm: sp, columnSpacingMm: sp, source: 'phantom' },
    meta: { bitsStored: 14, laterality: side, view, patientOrientation: phantom.patientOrientation },
  });
  const g = findBreast(image);
  if (!g.ok) throw new Error(g.error.message);
  return { phantom, image, geometry: g.value };
}

/** Hours apart on the clock (0–6). */
function hoursApart(a: number, b: number): number {
  const d = Math.abs(a - b) % 12;
  return Math.min(d, 12 - d);
}

const SEEDS = [1, 3, 5];

describe('locate on textured phantoms', () => {
  for (const seed of SEEDS) {
    for (const side of ['R', 'L'] as const) {
      it(`seed ${seed}, ${side}: chest wall, nipple, pectoral line, distance and clock face match the truth`, () => {
        const cc = render(seed, side, 'CC');
        const mlo = render(seed, side, 'MLO');
        for (const v of [cc, mlo]) {
          expect(v.geometry.chestWallEdge).toBe(v.phantom.chestWallEdge);
          expect(v.geometry.source.chestWall).toBe('image, confirmed by patient orientation');
          const nippleErrorMm = Math.hypot(v.geometry.nipple.x - v.phantom.nipple.x, v.geometry.nipple.y - v.phantom.nipple.y) * v.phantom.objectSpacingMm;
          expect(nippleErrorMm).toBeLessThan(v === cc ? 0.5 : 3);
        }
        // Pectoral muscle: the drawn triangle's width along the top edge.
        const anatomySeed = seed * 10 + (side === 'R' ? 0 : 1);
        const model = makeBreastModel(mlo.phantom.rows, mlo.phantom.columns, mlo.phantom.objectSpacingMm, side, makeRandom(anatomySeed).fork(`breast-${side}`));
        const chestX = side === 'R' ? mlo.phantom.columns - 0.5 : -0.5;
        const drawnTopX = chestX + (side === 'R' ? -1 : 1) * (model.views.MLO.pectoralWidthMm / mlo.phantom.objectSpacingMm);
        expect(mlo.geometry.pectoralLine).not.toBeNull();
        expect(Math.abs((mlo.geometry.pectoralLine?.p0.x ?? 0) - drawnTopX) * mlo.phantom.objectSpacingMm).toBeLessThan(2);

        const group = cc.phantom.groups[0];
        const groupMlo = mlo.phantom.groups[0];
        if (group === undefined || groupMlo === undefined) throw new Error('phantom without a group');
        const ccAt = locateFinding(group.centre, cc.geometry, cc.image);
        const mloAt = locateFinding(groupMlo.centre, mlo.geometry, mlo.image);
        if (!ccAt.ok || !mloAt.ok) throw new Error('not located');
        expect(Math.abs((ccAt.value.distanceFromNippleCm ?? 0) - group.location.distanceFromNippleCm)).toBeLessThan(0.1);
        expect(Math.abs((mloAt.value.distanceFromNippleCm ?? 0) - groupMlo.location.distanceFromNippleCm)).toBeLessThan(0.3);
        expect(ccAt.value.depth).toBe(group.location.depth);
        const both = combineViews(ccAt.value, mloAt.value, side === 'R' ? 'right' : 'left');
        if (!both.ok) throw new Error(both.error.message);
        expect(both.value.clockFace).not.toBeNull();
        expect(hoursApart(both.value.clockFace ?? 0, group.location.clockHour)).toBeLessThanOrEqual(1);
        if (both.value.quadrant !== null) expect(both.value.quadrant).toBe(group.location.quadrant);
      });
    }
  }
});
