/**
 * The region search leaves smooth bumps of tissue out and names them (src/core/region-search.ts,
 * src/core/describe/tissue-edge.ts), outlines what it keeps as a click at its centre would, and
 * finds a round calcification 2 mm across (the coarse pass).
 */
import { describe, expect, it } from 'vitest';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { calcificationFeatures } from '../../src/core/describe/calcification-features.js';
import { FILM_LMLO, loadRealImage } from './locate/real-mammograms.js';
import { renderScene, type Shape } from './segment/synthetic.js';

const SP = 0.1;
const calcium: Shape[] = [
  { kind: 'sphere', cx: 4, cy: 4, r: 1.1, contrast: 500 },
  { kind: 'disc', cx: 14, cy: 4, r: 0.25, contrast: 300 },
];
const tissue: Shape[] = [
  { kind: 'bump', cx: 8, cy: 10, fwhm: 1.6, contrast: 120 },
  { kind: 'bump', cx: 14, cy: 11, fwhm: 2.4, contrast: 160 },
  { kind: 'bump', cx: 3.5, cy: 11.5, fwhm: 2.0, contrast: 140 },
];
const image = renderScene({
  rows: 150,
  columns: 180,
  rowSpacingMm: SP,
  columnSpacingMm: SP,
  shapes: [...calcium, ...tissue],
  gradient: [1, 0.5],
  texture: 6,
  textureScalePx: 6,
  noise: 5,
  seed: 7,
});
const at = (s: Shape): { x: number; y: number } => (s.kind === 'lines' ? { x: 0, y: 0 } : { x: s.cx / SP, y: s.cy / SP });
const near = (p: { x: number; y: number }, s: Shape, mm: number): boolean => Math.hypot(p.x - at(s).x, p.y - at(s).y) * SP <= mm;
const whole = { x0: 0, y0: 0, x1: 180, y1: 150 };

describe('region search: tissue left out, calcium kept', () => {
  it('outlines the two calcium deposits and nothing else, and names the three bumps of tissue it left out', () => {
    const r = analyseCalcifications(image, { roi: whole });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calcifications).toHaveLength(2);
    for (const s of calcium) expect(r.value.calcifications.filter((c) => near(c, s, 0.5))).toHaveLength(1);
    expect(r.value.leftOutDensities).toHaveLength(3);
    for (const s of tissue) expect(r.value.leftOutDensities.filter((l) => near(l, s, 1))).toHaveLength(1);
    const words = r.value.warnings.find((w) => w.includes('in the region left out as tissue'));
    expect(words).toMatch(/^3 densities in the region left out as tissue, not calcification \(their edge softer than a calcium deposit's/);
    expect(words).toMatch(/at \(\d+, \d+\): edge \d\.\d\d mm > 0\.40 mm, and 0\.\d\d of its width of \d\.\d mm > 0\.5/);
    expect(words).toMatch(/click one to outline it anyway$/);
  });

  it('a freehand outline leaves the same bumps out', () => {
    const polygon = [{ x: 0, y: 0 }, { x: 179, y: 0 }, { x: 179, y: 149 }, { x: 0, y: 149 }];
    const r = analyseCalcifications(image, { polygon });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calcifications).toHaveLength(2);
    expect(r.value.leftOutDensities).toHaveLength(3);
  });

  it('a click on a bump still outlines it: the radiologist decides', () => {
    const r = analyseCalcifications(image, { seeds: [at(tissue[1] as Shape)] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calcifications).toHaveLength(1);
    expect(r.value.leftOutDensities).toEqual([]);
  });

  it('a rectangle holding only tissue says so instead of outlining it', () => {
    const r = analyseCalcifications(image, { roi: { x0: 50, y0: 75, x1: 180, y1: 150 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('seed-on-background');
    expect(r.error.message).toMatch(/^no calcification found \(2 densities in the region left out as tissue, not calcification/);
  });

  it('outlines the sphere 2.2 mm across as a click at its centre does: the same outline and measurements', () => {
    const region = analyseCalcifications(image, { roi: { x0: 10, y0: 10, x1: 75, y1: 75 } });
    const click = analyseCalcifications(image, { seeds: [at(calcium[0] as Shape)] });
    if (!region.ok || !click.ok) throw new Error('not outlined');
    expect(region.value.calcifications).toHaveLength(1);
    const a = region.value.calcifications[0];
    const b = click.value.calcifications[0];
    expect(a?.outline.contour).toEqual(b?.outline.contour);
    expect(a?.longAxisMm).toBe(b?.longAxisMm);
    expect(a?.morphology).toEqual(b?.morphology);
    // The half-maximum outline of a sphere lies at 0.87 of its radius: 1.9 mm across.
    expect(a?.longAxisMm).toBeGreaterThan(1.8);
  });
});

describe('region search on the real digitised film (uncalibrated)', () => {
  it('keeps a faint member of a cluster outlined and counted, its shape not read', async () => {
    const image = await loadRealImage(FILM_LMLO);
    const r = analyseCalcifications(image, { roi: { x0: 1850, y0: 2900, x1: 2050, y1: 3100 } });
    if (!r.ok) throw new Error(r.error.message);
    const faint = r.value.calcifications.filter((c) => calcificationFeatures(c.measurements).areaContrastToNoise < 5);
    expect(faint.length).toBeGreaterThanOrEqual(1);
    // Its shape cannot be read: amorphous when small enough, else not characterised as too faint —
    // read alone; one lying on the vessel another member shows reads as that vessel's (describe/on-vessel.ts).
    for (const c of faint) {
      const onVessel = /^vascular: on the calcified vessel shown by the calcification at/.test(c.evidence[0] ?? '');
      if (onVessel) expect(c.morphology).toEqual(['vascular']);
      const alone = onVessel ? (c.evidence[1] ?? '').replace(/^read alone: /, '') : null;
      if (alone !== null) expect(alone).toMatch(/^(amorphous|not characterised: too faint \(contrast-to-noise over its area \d\.\d < 5)/);
      else if (c.morphology.length > 0) expect(c.morphology).toEqual(['amorphous']);
      else expect(c.evidence[0]).toMatch(/^not characterised: too faint \(contrast-to-noise over its area \d\.\d < 5/);
    }
  });
});
