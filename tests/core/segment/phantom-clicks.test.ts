import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import { measureCalcification } from '../../../src/core/measure/measure-calcification.js';
import { segmentAtSeed } from '../../../src/core/segment/segment-at-seed.js';

interface TruthCalcification {
  readonly morphology: string;
  readonly centre: { readonly x: number; readonly y: number };
  readonly longAxisMm: number;
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

/**
 * Clicks at every truth centre (calcifications ≥ 0.2 mm) of every committed phantom, and six
 * times on background 2–6 mm from each calcification and clear of all of them by 1.5 mm + half
 * its size (six, not two: at two clicks per calcification the refused share is known only to
 * about ± 2.5 points, so it moved with every regeneration of the phantoms).
 */
async function clickEveryPhantom(): Promise<{ truths: number; outlined: number; errors: number[]; signed: number[]; background: number; backgroundOutlined: number }> {
  const files: string[] = [];
  for (const dir of ['test-data/unit', 'test-data/sample']) for (const f of readdirSync(dir)) if (f.endsWith('.dcm')) files.push(join(dir, f));
  let truths = 0;
  let background = 0;
  let backgroundOutlined = 0;
  const errors: number[] = [];
  const signed: number[] = [];
  for (const f of files) {
    const truth = JSON.parse(readFileSync(f.replace(/\.dcm$/, '.truth.json'), 'utf8')) as { calcifications: TruthCalcification[] };
    const r = await ingestDicom(new Uint8Array(readFileSync(f)));
    if (!r.ok) throw new Error(`${f}: ${r.error.message}`);
    const image = r.value;
    const sp = image.calibration.columnSpacingMm ?? 0.1;
    let state = 1;
    const u = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
    for (const c of truth.calcifications) {
      for (let k = 0; k < 6; k++) {
        const angle = 2 * Math.PI * u();
        const d = (2 + 4 * u()) / sp;
        const p = { x: Math.round(c.centre.x + d * Math.cos(angle)), y: Math.round(c.centre.y + d * Math.sin(angle)) };
        if (p.x < 0 || p.y < 0 || p.x >= image.columns || p.y >= image.rows) continue;
        if (!truth.calcifications.every((t) => Math.hypot(t.centre.x - p.x, t.centre.y - p.y) * sp > 1.5 + t.longAxisMm / 2)) continue;
        background++;
        if (segmentAtSeed(image, p).ok) backgroundOutlined++;
      }
      if (c.longAxisMm < 0.2) continue;
      truths++;
      const o = segmentAtSeed(image, { x: Math.round(c.centre.x), y: Math.round(c.centre.y) });
      if (!o.ok) continue;
      const la = measureCalcification(image, o.value).longAxis.mm ?? Number.NaN;
      errors.push(Math.abs(la - c.longAxisMm));
      signed.push(la - c.longAxisMm);
    }
  }
  return { truths, outlined: errors.length, errors, signed, background, backgroundOutlined };
}

describe('segmentAtSeed at the truth centres of every committed phantom', () => {
  it('outlines ≥ 95 % of calcifications ≥ 0.2 mm, sizes them within 0.08 mm (median), and refuses ≥ 85 % of background clicks', async () => {
    const r = await clickEveryPhantom();
    expect(r.truths).toBe(198);
    expect(r.outlined / r.truths).toBeGreaterThanOrEqual(0.95);
    // The ring-plane outline (half maximum) comes first, so small spherical specks read ~10 % small:
    // median 0.074 mm, bias −0.055 mm. Outlining specks against the texture model at 0.4 reached 0.050 mm but
    // overstated the calibre of fine lines; until both hold, this guards the current level.
    expect(median(r.errors)).toBeLessThanOrEqual(0.08);
    expect(Math.abs(median(r.signed))).toBeLessThanOrEqual(0.06);
    // About 14 % of clicks on plain tissue get an outline of a texture crest (mean contrast mostly under 3 ×
    // the ring's noise); this guards that level. A refusal on contrast and margin together would
    // reach 10 % here, but the margin is read per pixel and refuses true faint specks at 0.05 mm.
    expect(r.background).toBeGreaterThan(450);
    expect(r.backgroundOutlined / r.background).toBeLessThanOrEqual(0.15);
  }, 30000);
});
