import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import type { MammoImage } from '../../../src/core/image.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';
import { renderScene } from './synthetic.js';
import type { Shape } from './synthetic.js';

interface TruthCalcification {
  readonly id: string;
  readonly groupId: string;
  readonly centre: { readonly x: number; readonly y: number };
  readonly longAxisMm: number;
}

async function phantom(path: string): Promise<{ image: MammoImage; calcifications: TruthCalcification[] }> {
  const r = await ingestDicom(new Uint8Array(readFileSync(path)));
  if (!r.ok) throw new Error(`${path}: ${r.error.message}`);
  const truth = JSON.parse(readFileSync(path.replace(/\.dcm$/, '.truth.json'), 'utf8')) as { calcifications: TruthCalcification[] };
  return { image: r.value, calcifications: truth.calcifications };
}

/** Outlines at the truth centres: how many succeed, and |long axis − truth| of each success (mm). */
function clickAll(image: MammoImage, calcifications: readonly TruthCalcification[]): { outlined: number; errors: number[] } {
  const errors: number[] = [];
  for (const c of calcifications) {
    const r = segmentAtSeed(image, { x: Math.round(c.centre.x), y: Math.round(c.centre.y) });
    if (!r.ok) continue;
    const m = measureCalcification(image, r.value);
    errors.push(Math.abs((m.longAxis.mm ?? NaN) - c.longAxisMm));
  }
  return { outlined: errors.length, errors };
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

describe('segmentAtSeed on faint calcifications clustered in dense, textured tissue', () => {
  it('outlines at least 6 of the 8 fine pleomorphic calcifications of the morphology phantom, sized within 0.1 mm (median)', async () => {
    const { image, calcifications } = await phantom('test-data/unit/morphology-fine-pleomorphic.dcm');
    expect(calcifications).toHaveLength(8);
    const { outlined, errors } = clickAll(image, calcifications);
    expect(outlined).toBeGreaterThanOrEqual(6);
    expect(median(errors)).toBeLessThan(0.1);
  });

  for (const view of ['LCC', 'LMLO']) {
    it(`outlines every calcification of the new fine pleomorphic group on the sample ${view}`, async () => {
      const { image, calcifications } = await phantom(`test-data/sample/${view}.dcm`);
      const group = calcifications.filter((c) => c.groupId === 'L2');
      expect(group).toHaveLength(9);
      const { outlined, errors } = clickAll(image, group);
      expect(outlined).toBe(9);
      expect(median(errors)).toBeLessThan(0.06);
    });
  }

  // Five faint 0.3 mm specks 0.6 mm apart on strong correlated texture (σ 120, ≈ 2 mm grain).
  const specks: Shape[] = [0, 1, 2, 3, 4].map((k) => ({ kind: 'disc', cx: 2.4 + 0.6 * k, cy: 3.2 + (k % 2) * 0.5, r: 0.15, contrast: 200 }));
  const scene = renderScene({
    rows: 64,
    columns: 80,
    rowSpacingMm: 0.1,
    columnSpacingMm: 0.1,
    shapes: specks,
    texture: 120,
    textureScalePx: 10,
    noise: 10,
    blurPx: 0.6,
    seed: 5,
  });

  it('outlines each of five faint specks next to each other, each on its own and near its true size', () => {
    for (const s of specks) {
      if (s.kind !== 'disc') continue;
      const r = segmentAtSeed(scene, { x: Math.round(s.cx / 0.1), y: Math.round(s.cy / 0.1) });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const m = measureCalcification(scene, r.value);
      expect(m.longAxis.mm).toBeGreaterThan(0.15);
      expect(m.longAxis.mm).toBeLessThan(0.45);
    }
  });

  it('still refuses clicks on the same textured background away from the specks', () => {
    const empty = renderScene({ rows: 64, columns: 80, rowSpacingMm: 0.1, columnSpacingMm: 0.1, shapes: [], texture: 120, textureScalePx: 10, noise: 10, seed: 5 });
    let refused = 0;
    const clicks = [10, 20, 30, 40, 50].flatMap((y) => [12, 24, 36, 48, 60, 70].map((x) => ({ x, y })));
    for (const p of clicks) {
      const r = segmentAtSeed(empty, p);
      if (!r.ok) {
        refused++;
        expect(r.error.kind).toBe('seed-on-background');
      }
    }
    expect(refused).toBe(clicks.length);
  });
});
