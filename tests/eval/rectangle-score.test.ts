/** The eval's rectangle around a phantom group: what the region search outlines at the group's deposits, and elsewhere. */
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePhantom, type Phantom } from '../../test-data/generator/index.js';
import { phantomOptions } from '../../test-data/generator/phantom-options.js';
import { ingestDicom, segmentAtSeed, type MammoImage } from '../../src/core/index.js';
import { rectangleScore } from './score-image.js';
import { acquisitionSettings, casesForSetting, settingName } from './acquisition-settings.js';
import { searchRegion } from '../../src/core/region-search.js';

let phantom: Phantom;
let image: MammoImage;

beforeAll(async () => {
  phantom = await generatePhantom(
    phantomOptions({
      seed: 31,
      findings: [
        { morphology: 'round', distribution: 'grouped', count: 6 },
        { morphology: 'amorphous', distribution: 'grouped', count: 2 },
      ],
    }),
  );
  const r = await ingestDicom(phantom.dicom);
  if (!r.ok) throw new Error(r.error.message);
  image = r.value;
});

const depositsOf = (morphology: string) => {
  const g = phantom.truth.groups.find((x) => x.morphology === morphology);
  if (g === undefined) throw new Error(`no ${morphology} group drawn`);
  return phantom.truth.calcifications.filter((t) => t.groupId === g.id);
};

describe('rectangleScore', () => {
  it('counts the group\'s deposits the rectangle outlines (as many as clicks outline) and nothing else in a clean group', () => {
    const deposits = depositsOf('round');
    const clicked = deposits.filter((t) => segmentAtSeed(image, t.centre).ok).length;
    expect(clicked).toBe(6);
    const score = rectangleScore(image, deposits, phantom.truth.calibration.spacingMm);
    expect(score).toEqual({ outlined: 6, elsewhere: 0 });
  });

  it('counts each outline at its nearest deposit: four large rods lying closer together than half their length', async () => {
    const all = acquisitionSettings();
    const i = all.findIndex((s) => settingName(s) === 'ffdm 0.07 mm, sharp, high noise, log');
    const c = casesForSetting(all[i]!, i, 900000).find((x) => x.options.findings?.some((f) => f.morphology === 'large rod-like'));
    const ph = await generatePhantom(c!.options);
    const r = await ingestDicom(ph.dicom);
    if (!r.ok) throw new Error(r.error.message);
    const g = ph.truth.groups.find((x) => x.morphology === 'large rod-like')!;
    const rods = ph.truth.calcifications.filter((t) => t.groupId === g.id);
    expect(rods).toHaveLength(4);
    // Some rod's centre lies within half another's long axis: the first match would take it.
    expect(rods.some((a) => rods.some((b) => a !== b && Math.hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) < b.longAxisPx / 2))).toBe(true);
    const score = rectangleScore(r.value, rods, ph.truth.calibration.spacingMm);
    expect(score).toEqual({ outlined: 4, elsewhere: 0 });
    // The search itself outlines four: one per rod.
    const sp = ph.truth.calibration.spacingMm;
    const xs = rods.flatMap((t) => t.outline.map((q) => q.x));
    const ys = rods.flatMap((t) => t.outline.map((q) => q.y));
    const m = 1.5 / sp;
    const found = searchRegion(r.value, { roi: { x0: Math.floor(Math.min(...xs) - m), y0: Math.floor(Math.min(...ys) - m), x1: Math.ceil(Math.max(...xs) + m), y1: Math.ceil(Math.max(...ys) + m) } }, new Map());
    expect(found.ok && found.value.outlines.length).toBe(4);
  }, 60_000);

  it('is not scored for fewer than three deposits', () => {
    expect(rectangleScore(image, depositsOf('amorphous'), phantom.truth.calibration.spacingMm)).toBeNull();
  });
});
