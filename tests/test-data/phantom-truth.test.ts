import { describe, expect, it } from 'vitest';
import { generatePhantom } from '../../test-data/generator/generate-phantom.js';
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import { MORPHOLOGY_TERMS } from '../../src/core/lexicon.js';
import { phantomOptions } from '../../test-data/generator/phantom-options.js';
import { renderPhantom } from '../../test-data/generator/render-phantom.js';
import { renderParticle } from '../../test-data/generator/render-calcification.js';
import { DEFAULT_DISTRIBUTION, defaultCount } from '../../test-data/generator/command.js';
import type { CalcificationTruth, PhantomTruth } from '../../test-data/generator/truth.js';

const SIZE = { rows: 384, columns: 320 } as const;

describe('determinism', () => {
  it('gives the same bytes for the same seed and different bytes for another seed', async () => {
    const o = phantomOptions({ seed: 99, size: SIZE });
    const a = await generatePhantom(o);
    const b = await generatePhantom(o);
    const c = await generatePhantom({ ...o, seed: 100 });
    expect(Buffer.from(a.dicom).equals(Buffer.from(b.dicom))).toBe(true);
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(Buffer.from(a.dicom).equals(Buffer.from(c.dicom))).toBe(false);
  });

  it('rejects a seed that is not a 32-bit unsigned integer', async () => {
    await expect(generatePhantom(phantomOptions({ seed: -1, size: SIZE }))).rejects.toThrow(/seed/);
    await expect(generatePhantom(phantomOptions({ seed: 1.5, size: SIZE }))).rejects.toThrow(/seed/);
  });
});

/** Renders one phantom per morphology with the CLI's default distribution and count. */
function truthFor(term: MorphologyTerm, seed: number, view: 'CC' | 'MLO' | 'ML' = 'CC'): { truth: Pick<PhantomTruth, 'groups' | 'calcifications'>; spacing: number } {
  const r = renderPhantom(phantomOptions({
    seed, size: SIZE, view,
    findings: [{ morphology: term, distribution: DEFAULT_DISTRIBUTION[term], count: defaultCount(term) }],
  }));
  return { truth: { groups: r.groups, calcifications: r.calcifications }, spacing: r.objectSpacingMm };
}

function principalSpread(pts: readonly { x: number; y: number }[]): { major: number; minor: number } {
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of pts) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const tr = (sxx + syy) / 2;
  const det = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy * sxy);
  return { major: Math.sqrt(tr + det), minor: Math.sqrt(Math.max(tr - det, 0)) };
}

const longest = (cs: readonly CalcificationTruth[]): number => Math.max(...cs.map((c) => c.longAxisMm));
const shortest = (cs: readonly CalcificationTruth[]): number => Math.min(...cs.map((c) => c.longAxisMm));

describe('sizes follow the lexicon', () => {
  it('draws at least one calcification for every morphology', () => {
    for (const term of MORPHOLOGY_TERMS) {
      const { truth } = truthFor(term, 5);
      expect(truth.calcifications.length, term).toBeGreaterThan(0);
      expect(truth.calcifications.every((c) => c.morphology === term)).toBe(true);
    }
  });

  it('keeps punctate under 0.5 mm and round between 0.5 and 1 mm', () => {
    for (const seed of [1, 2, 3]) {
      expect(longest(truthFor('punctate', seed).truth.calcifications)).toBeLessThan(0.5);
      const round = truthFor('round', seed).truth.calcifications;
      expect(shortest(round)).toBeGreaterThanOrEqual(0.5);
      expect(longest(round)).toBeLessThanOrEqual(1.0);
    }
  });

  it('keeps fine pleomorphic and amorphous under 0.5 mm', () => {
    for (const seed of [1, 2, 3]) {
      expect(longest(truthFor('fine pleomorphic', seed).truth.calcifications)).toBeLessThan(0.5);
      expect(longest(truthFor('amorphous', seed).truth.calcifications)).toBeLessThan(0.5);
    }
  });

  it('makes dystrophic over 1 mm and coarse (popcorn) over 2 mm', () => {
    for (const seed of [1, 2]) {
      expect(shortest(truthFor('dystrophic', seed).truth.calcifications)).toBeGreaterThan(1);
      expect(shortest(truthFor('coarse', seed).truth.calcifications)).toBeGreaterThan(2);
    }
  });

  it('makes large rods at least 0.5 mm thick and longer than 1 mm', () => {
    const rods = truthFor('large rod-like', 4).truth.calcifications;
    for (const r of rods) {
      expect(r.shortAxisMm).toBeGreaterThanOrEqual(0.5);
      expect(r.longAxisMm).toBeGreaterThan(1);
    }
  });

  it('keeps fine linear casts under 0.5 mm calibre', () => {
    for (const term of ['fine linear', 'fine-linear branching'] as const) {
      const pieces = truthFor(term, 6).truth.calcifications.filter((c) => c.longAxisMm > 2 * c.shortAxisMm);
      expect(pieces.length, term).toBeGreaterThan(0);
      for (const p of pieces) expect(p.shortAxisMm).toBeLessThan(0.5);
    }
  });

  it('draws every branching cast with its branch, even among crowded deposits', () => {
    // A Y-shaped piece fills 0.17–0.51 of its long × short axis box, a cast's straight piece 0.58 or
    // more. Among 25 punctate dots a cast's branch is often where a dot already is: the cast used to
    // be drawn without it (half of the casts here), and the truth named a branching the image did not show.
    const fill = (c: CalcificationTruth): number => c.areaMm2 / (c.longAxisMm * c.shortAxisMm);
    let casts = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { calcifications } = renderPhantom(
        phantomOptions({
          seed,
          size: SIZE,
          findings: [
            { id: 'dots', morphology: 'punctate', distribution: 'grouped', count: 25 },
            { id: 'casts', morphology: 'fine-linear branching', distribution: 'grouped', count: 3, placeWith: 'dots' },
          ],
        }),
      );
      const structures = new Set(calcifications.filter((c) => c.groupId === 'casts').map((c) => c.structureId));
      for (const id of structures) {
        casts++;
        expect(calcifications.some((c) => c.structureId === id && fill(c) < 0.55), `seed ${seed} ${id}`).toBe(true);
      }
    }
    expect(casts).toBeGreaterThanOrEqual(10);
  });

  it('marks rim, skin and dystrophic calcifications as lucent-centred', () => {
    for (const term of ['rim', 'skin', 'dystrophic'] as const) {
      expect(truthFor(term, 7).truth.calcifications.every((c) => c.lucentCentre), term).toBe(true);
    }
    expect(truthFor('round', 7).truth.calcifications.some((c) => c.lucentCentre)).toBe(false);
  });

  it('draws milk of calcium as round on CC and as a wide, flat meniscus on ML', () => {
    const cc = truthFor('milk of calcium', 8, 'CC').truth.calcifications;
    const ml = truthFor('milk of calcium', 8, 'ML').truth.calcifications;
    const ratio = (cs: readonly CalcificationTruth[]): number => cs.reduce((s, c) => s + c.longAxisMm / c.shortAxisMm, 0) / cs.length;
    expect(ratio(cc)).toBeLessThan(1.3);
    expect(ratio(ml)).toBeGreaterThan(1.8);
  });
});

describe('distributions', () => {
  it('puts a grouped finding within 2 cm and at least 5 calcifications within 1 cm', () => {
    const { truth } = truthFor('punctate', 9);
    const g = truth.groups[0];
    expect(g?.extentMm).toBeLessThanOrEqual(20);
    expect(g?.count).toBeGreaterThanOrEqual(5);
  });

  it('lines a linear finding up: its spread across the main axis is small', () => {
    const r = renderPhantom(phantomOptions({ seed: 12, findings: [{ morphology: 'punctate', distribution: 'linear', count: 10 }] }));
    const pts = r.calcifications.map((c) => c.centre);
    const { major, minor } = principalSpread(pts);
    expect(pts.length).toBeGreaterThanOrEqual(8);
    expect(minor / major).toBeLessThan(0.25);
  });

  it('opens a segmental finding into a wedge whose narrow end points at the nipple', () => {
    for (const seed of [13, 14, 15]) {
      const r = renderPhantom(phantomOptions({ seed, findings: [{ morphology: 'punctate', distribution: 'segmental', count: 30 }] }));
      const pts = r.calcifications.map((c) => ({ d: Math.abs(c.centre.x - r.nipple.x), y: c.centre.y }));
      pts.sort((a, b) => a.d - b.d);
      const third = Math.floor(pts.length / 3);
      const spread = (xs: readonly { y: number }[]): number => Math.max(...xs.map((p) => p.y)) - Math.min(...xs.map((p) => p.y));
      expect(spread(pts.slice(-third)), `seed ${seed}`).toBeGreaterThan(spread(pts.slice(0, third)));
    }
  });

  it('scatters a diffuse finding over much of the breast', () => {
    const r = renderPhantom(phantomOptions({ seed: 16, findings: [{ morphology: 'round', distribution: 'diffuse', count: 20 }] }));
    expect(r.groups[0]?.extentMm).toBeGreaterThan(40);
  });

  it('spreads a regional finding over more than 2 cm', () => {
    const r = renderPhantom(phantomOptions({ seed: 10, findings: [{ morphology: 'round', distribution: 'regional', count: 10 }] }));
    expect(r.groups[0]?.extentMm).toBeGreaterThan(20);
  });
});

describe('truth sizes agree with the rendered pixels', () => {
  it('gives outlines whose enclosed area matches the stated area', () => {
    const r = renderPhantom(phantomOptions({ seed: 17, size: SIZE, findings: [
      { morphology: 'dystrophic', distribution: 'regional', count: 4 },
      { morphology: 'fine-linear branching', distribution: 'segmental', count: 2 },
      { morphology: 'round', distribution: 'grouped', count: 6 },
    ] }));
    for (const c of r.calcifications) {
      let twice = 0;
      c.outline.forEach((p, i) => {
        const q = c.outline[(i + 1) % c.outline.length] ?? p;
        twice += p.x * q.y - q.x * p.y;
      });
      // Clockwise on screen (y down) gives a positive shoelace sum.
      expect(twice, c.id).toBeGreaterThan(0);
      expect(Math.abs(twice / 2 - c.areaPx2) / c.areaPx2, c.id).toBeLessThan(0.08);
    }
  });

  it('matches the half-maximum area of a rendered particle to the truth area', () => {
    for (const radius of [0.3, 0.45, 1.2]) {
      const shape = { primitives: [{ kind: 'ellipsoid' as const, cx: 0, cy: 0, a: radius, b: radius * 0.8, angle: 0.4, profile: 0.5 }], holes: [], density: 1.5 };
      const p = renderParticle(shape, { x: 20.3, y: 20.7 }, 0.05);
      const peak = Math.max(...p.density);
      let above = 0;
      for (const v of p.density) if (v >= peak * 0.25) above++;
      const trueArea = Math.PI * radius * radius * 0.8 / (0.05 * 0.05);
      expect(Math.abs(p.areaPx2 - trueArea) / trueArea).toBeLessThan(0.02);
      expect(Math.abs(above - p.areaPx2) / p.areaPx2).toBeLessThan(0.2);
    }
  });

  it('finds each calcification in the final image where the truth says, with about the stated area', async () => {
    const o = phantomOptions({ seed: 31, size: SIZE, findings: [
      { morphology: 'coarse', distribution: 'diffuse', count: 3 },
      { morphology: 'round', distribution: 'regional', count: 4 },
      { morphology: 'punctate', distribution: 'grouped', count: 6 },
      { morphology: 'dystrophic', distribution: 'diffuse', count: 3 },
    ] });
    const p = await generatePhantom(o);
    // Same seed without findings: same breast, same detector noise, so the difference is the calcium alone.
    const empty = await generatePhantom({ ...o, findings: [] });
    expect(p.truth.calcifications.length).toBeGreaterThanOrEqual(12);
    const { columns } = p.truth;
    const added = (x: number, y: number): number => (p.pixels[y * columns + x] as number) - (empty.pixels[y * columns + x] as number);
    for (const c of p.truth.calcifications) {
      const xs = c.outline.map((q) => q.x);
      const ys = c.outline.map((q) => q.y);
      const x0 = Math.floor(Math.min(...xs)) - 3;
      const x1 = Math.ceil(Math.max(...xs)) + 3;
      const y0 = Math.floor(Math.min(...ys)) - 3;
      const y1 = Math.ceil(Math.max(...ys)) + 3;
      let peak = 0;
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) peak = Math.max(peak, added(x, y));
      expect(added(Math.round(c.centre.x), Math.round(c.centre.y)), c.id).toBeGreaterThan(0.3 * peak);
      let above = 0;
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (added(x, y) > 0.3 * peak) above++;
      const tolerance = Math.max(0.2 * c.areaPx2, 4);
      expect(Math.abs(above - c.areaPx2), `${c.id} ${c.morphology}: ${above} px above vs ${c.areaPx2} px² truth`).toBeLessThanOrEqual(tolerance);
      expect(c.areaMm2).toBeCloseTo(c.areaPx2 * p.truth.calibration.spacingMm ** 2, 3);
    }
  });
});
