/**
 * The region search on the real GE Senographe Essential right MLO
 * (test-data/real-mg/ge-senographe-essential-rmlo.dcm, reading.json): a rectangle drawn around a
 * round calcification of the reading gives what a click gives — that calcification, round, BI-RADS 2
 * — and the smooth bumps of tissue beside it are left out by name.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFinding, ingestDicom, type MammoImage } from '../../../src/core/index.js';

const FILE = new URL('../../../test-data/real-mg/ge-senographe-essential-rmlo.dcm', import.meta.url);
const READING = JSON.parse(readFileSync(new URL('../../../test-data/real-mg/reading.json', import.meta.url), 'utf8')) as {
  images: { file: string; calcifications: { id: string; centre: { x: number; y: number }; term: string }[] }[];
};
const ROUND = (READING.images.find((i) => i.file === 'ge-senographe-essential-rmlo.dcm')?.calcifications ?? []).filter((c) => c.term === 'round');

let image: MammoImage;
beforeAll(async () => {
  const r = await ingestDicom(new Uint8Array(readFileSync(FILE)));
  if (!r.ok) throw new Error(r.error.message);
  image = r.value;
});

const square = (c: { x: number; y: number }, sideMm: number) => {
  const h = Math.round(sideMm / 2 / (image.calibration.rowSpacingMm as number));
  return { x0: c.x - h, y0: c.y - h, x1: c.x + h, y1: c.y + h };
};

describe('real GE image: a rectangle around a round calcification', () => {
  it('the reading has four round calcifications on this image', () => {
    expect(ROUND.map((c) => c.id)).toEqual(['ge-1', 'ge-2', 'ge-3', 'ge-4']);
  });

  for (const id of ['ge-1', 'ge-2', 'ge-3', 'ge-4']) {
    it(`${id}: a 10 mm square gives the calcification alone, outlined and described as a click at it: round, BI-RADS 2`, () => {
      const c = ROUND.find((r) => r.id === id);
      if (c === undefined) throw new Error(`${id} not in the reading`);
      const region = analyzeFinding(image, { roi: square(c.centre, 10) });
      const click = analyzeFinding(image, { seeds: [c.centre] });
      if (!region.ok) throw new Error(region.error.message);
      if (!click.ok) throw new Error(click.error.message);
      expect(region.value.calcifications).toHaveLength(1);
      const a = region.value.calcifications[0];
      expect(Math.hypot((a?.x ?? 0) - c.centre.x, (a?.y ?? 0) - c.centre.y)).toBeLessThan(5);
      expect(a?.morphology[0]).toBe('round');
      expect(a?.longAxisMm).toBeCloseTo(click.value.calcifications[0]?.longAxisMm ?? NaN, 2);
      expect(region.value.suggestion.assessment).toBe('2');
    });
  }

  it('ge-4, 2.2 mm across, is found by a 10 mm square (the coarse pass) and not taken for the tissue bump beside it', () => {
    const c = ROUND.find((r) => r.id === 'ge-4');
    if (c === undefined) throw new Error('ge-4 not in the reading');
    const r = analyzeFinding(image, { roi: square(c.centre, 10) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calcifications[0]?.longAxisMm).toBeGreaterThan(2);
    expect(r.value.warnings.some((w) => /^1 density in the region left out as tissue, not calcification .* — at \(\d+, \d+\): edge/.test(w))).toBe(true);
  });

  for (const id of ['ge-1', 'ge-2', 'ge-3']) {
    it(`${id}: a 25 mm square gives the calcification alone, the tissue around it left out by name: BI-RADS 2`, () => {
      const c = ROUND.find((r) => r.id === id);
      if (c === undefined) throw new Error(`${id} not in the reading`);
      const r = analyzeFinding(image, { roi: square(c.centre, 25) });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.calcifications).toHaveLength(1);
      expect(r.value.calcifications[0]?.morphology[0]).toBe('round');
      expect(r.value.suggestion.assessment).toBe('2');
      expect(r.value.warnings.some((w) => /^\d+ densit(y|ies) in the region left out as tissue, not calcification/.test(w))).toBe(true);
    });
  }

  it('a faint line beside ge-4 (contrast-to-noise over its area 1.4) is kept but given no term: too faint to tell from noise, not fine linear', () => {
    const c = ROUND.find((r) => r.id === 'ge-4');
    if (c === undefined) throw new Error('ge-4 not in the reading');
    const r = analyzeFinding(image, { roi: square(c.centre, 25) });
    if (!r.ok) throw new Error(r.error.message);
    const line = r.value.calcifications.find((a) => Math.hypot(a.x - 1362, a.y - 868) < 10);
    expect(line?.morphology).toEqual([]);
    expect(line?.evidence[0]).toMatch(/^not characterised: too faint \(contrast-to-noise over its area \d\.\d < 5: below the Rose criterion a deposit cannot be told from noise\)/);
    // Before, it read fine linear and the finding 4C.
    expect(['4A', '4B', '4C', '5']).not.toContain(r.value.suggestion.assessment);
  });

  it('a 25 × 25 mm rectangle around ge-1 leaves the soft-tissue blobs beside it out, by name', () => {
    const r = analyzeFinding(image, { roi: { x0: 1700, y0: 1600, x1: 1950, y1: 1850 } });
    if (!r.ok) throw new Error(r.error.message);
    // The three blobs 1.5–3 mm across, contrast-to-noise 3–4, that read BI-RADS 0 beside ge-1 before.
    const blobs = [{ x: 1911, y: 1763 }, { x: 1708, y: 1798 }, { x: 1901, y: 1844 }];
    for (const b of blobs) expect(r.value.calcifications.some((c) => Math.hypot(c.x - b.x, c.y - b.y) < 15)).toBe(false);
    const words = r.value.warnings.find((w) => w.includes('in the region left out')) ?? '';
    expect(Number(/^(\d+) densit/.exec(words)?.[1])).toBeGreaterThanOrEqual(3);
    expect(r.value.calcifications).toHaveLength(1);
    expect(r.value.calcifications[0]?.morphology[0]).toBe('round');
    expect(r.value.suggestion.assessment).toBe('2');
  });
});
