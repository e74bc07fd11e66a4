import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { analyzeFinding, ingestDicom, makeMammoImage, type MammoImage } from '../../src/core/index.js';
import { generatePhantom, phantomOptions, type Phantom } from '../../test-data/generator/index.js';

let phantom: Phantom;
let image: MammoImage;

beforeAll(async () => {
  phantom = await generatePhantom(
    phantomOptions({ seed: 31, side: 'R', view: 'CC', findings: [{ morphology: 'dystrophic', distribution: 'grouped', count: 5 }] }),
  );
  const r = await ingestDicom(phantom.dicom);
  if (!r.ok) throw new Error(r.error.message);
  image = r.value;
});

function seeds(): { x: number; y: number }[] {
  return phantom.truth.calcifications.filter((c) => c.groupId === 'g1').map((c) => c.centre);
}

describe('analyzeFinding', () => {
  it('measures every clicked calcification in mm with the image calibration kind', () => {
    const r = analyzeFinding(image, { seeds: seeds() });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calibration.kind).toBe('magnification-corrected');
    expect(r.value.calcifications).toHaveLength(seeds().length);
    for (const c of r.value.calcifications) {
      expect(c.longAxisMm).not.toBeNull();
      expect(c.measurements.calibration).toBe('magnification-corrected');
    }
    expect(r.value.group.count).toBe(seeds().length);
  });

  it('counts a calcification clicked twice once', () => {
    const s = seeds();
    const first = s[0];
    if (first === undefined) throw new Error('no truth calcification');
    const r = analyzeFinding(image, { seeds: [first, { x: first.x + 0.5, y: first.y }, ...s.slice(1)] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.group.count).toBe(s.length);
  });

  it('states where the finding lies from the image (side, depth, distance from the nipple)', () => {
    const r = analyzeFinding(image, { seeds: seeds() });
    if (!r.ok) throw new Error(r.error.message);
    const truth = phantom.truth.groups[0];
    if (truth === undefined) throw new Error('no truth group');
    expect(r.value.location?.side).toBe('right');
    expect(r.value.location?.distanceFromNippleCm).toBeCloseTo(truth.location.distanceFromNippleCm, 0);
    expect(r.value.wording).toMatch(/^Right breast/);
  });

  it('recomputes the suggestion from an overridden morphology and says which term was overridden', () => {
    const plain = analyzeFinding(image, { seeds: seeds() });
    const overridden = analyzeFinding(image, { seeds: seeds(), overrides: { morphology: ['fine-linear branching'], distribution: ['segmental'] } });
    if (!plain.ok || !overridden.ok) throw new Error('analysis failed');
    expect(overridden.value.suggestion.assessment).toBe('5');
    expect(overridden.value.suggestion.overridden).toEqual(expect.arrayContaining(['morphology', 'distribution']));
    expect(plain.value.suggestion.overridden).toEqual([]);
    expect(overridden.value.group.morphology).toEqual(['fine-linear branching']);
  });

  it('gives sizes in pixels only, and says so, on an uncalibrated image', () => {
    const bare = makeMammoImage({
      rows: image.rows,
      columns: image.columns,
      stored: image.stored,
      meta: image.meta,
      calibration: { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'no spacing attributes' },
    });
    const r = analyzeFinding(bare, { seeds: seeds() });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calibration.kind).toBe('uncalibrated');
    for (const c of r.value.calcifications) {
      expect(c.longAxisMm).toBeNull();
      expect(c.longAxisPx).toBeGreaterThan(0);
    }
    expect(r.value.group.extentMm).toBeNull();
    expect(r.value.wording).toMatch(/uncalibrated/);
    expect(r.value.group.morphologyDescription.sizeThresholdsApplied).toBe(false);
  });

  it('refuses a request with nothing to measure', () => {
    const r = analyzeFinding(image, { seeds: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('seed-on-background');
  });

  it('passes a seed outside the image through as a typed error', () => {
    const r = analyzeFinding(image, { seeds: [{ x: -4, y: 10 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('seed-outside-image');
  });

  it('finds the calcifications inside a rectangle', () => {
    const s = seeds();
    const xs = s.map((p) => p.x);
    const ys = s.map((p) => p.y);
    const roi = { x0: Math.min(...xs) - 15, y0: Math.min(...ys) - 15, x1: Math.max(...xs) + 15, y1: Math.max(...ys) + 15 };
    const r = analyzeFinding(image, { roi });
    if (!r.ok) throw new Error(r.error.message);
    for (const p of s) {
      expect(r.value.calcifications.some((c) => Math.hypot(c.x - p.x, c.y - p.y) < 4)).toBe(true);
    }
  });
});

describe('analyseCalcifications', () => {
  it('gives the calcifications analyzeFinding gives, for clicks and for a click on background', () => {
    const s = seeds();
    const finding = analyzeFinding(image, { seeds: s });
    const alone = analyseCalcifications(image, { seeds: s });
    if (!finding.ok || !alone.ok) throw new Error('analysis failed');
    expect(alone.value.calcifications).toHaveLength(s.length);
    expect(alone.value.calcifications).toEqual(finding.value.calcifications);
    expect(alone.value.calibration).toEqual(finding.value.calibration);
    const background = { x: 5, y: 5 };
    expect(analyseCalcifications(image, { seeds: [background] })).toEqual(analyzeFinding(image, { seeds: [background] }));
  });
});
