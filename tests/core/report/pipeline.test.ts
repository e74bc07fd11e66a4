import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../src/core/assess/index.js';
import { chosenTerms, describeCalcifications, describeDistribution } from '../../../src/core/describe/index.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';
import { qualifiersFrom, summariseMeasurements, wordFinding } from '../../../src/core/report/index.js';
import { calc, DYSTROPHIC, group } from '../describe/fixtures.js';

describe('measurements → describe → assess → wording', () => {
  it('words six dystrophic calcifications after a lumpectomy on the same side', () => {
    const ms = [2.4, 1.8, 2.1, 1.6, 2.0, 1.3].map((longMm) => calc({ ...DYSTROPHIC, longMm }));
    const morphology = chosenTerms(describeCalcifications(ms, { view: 'MLO' }));
    const distribution = chosenTerms(describeDistribution(group({ count: 6, extentMm: 12 })));
    expect(morphology).toEqual(['dystrophic']);
    expect(distribution).toEqual(['grouped']);
    const change = { kind: 'stable' as const, years: 2 };
    const suggestion = suggestAssessment({
      morphology,
      distribution,
      change,
      history: { ...EMPTY_HISTORY, events: [{ kind: 'lumpectomy', side: 'right', date: '2022', site: 'upper outer quadrant' }] },
      composition: 'b',
      side: 'right',
    });
    const text = wordFinding({
      side: 'right',
      location: { quadrant: 'upper outer', clockFace: 10, depth: 'middle', distanceFromNippleCm: 4 },
      measurements: summariseMeasurements(ms),
      morphology,
      distribution,
      qualifiers: qualifiersFrom(ms),
      relation: 'at the lumpectomy site',
      comparison: { change },
      suggestion,
    });
    expect(text).toBe(
      "Right breast, upper outer quadrant, 10 o'clock, middle depth, 4 cm from the nipple: a group of 6 coarse dystrophic calcifications measuring up to 2.4 mm with lucent centres, at the lumpectomy site, stable for 2 years. Suggested assessment: BI-RADS 2 — benign; expected post-surgical change.",
    );
  });

  it('the same calcifications on an uncalibrated image keep their shape terms but state no size', () => {
    const ms = [2.4, 1.8, 2.1].map((longMm) => calc({ ...DYSTROPHIC, longMm, calibration: 'uncalibrated' }));
    const desc = describeCalcifications(ms);
    expect(desc.sizeThresholdsApplied).toBe(false);
    const text = wordFinding({
      side: 'left',
      location: {},
      measurements: summariseMeasurements(ms),
      morphology: chosenTerms(desc),
      distribution: [],
      comparison: { change: { kind: 'no-priors' } },
      suggestion: suggestAssessment({
        morphology: chosenTerms(desc),
        distribution: [],
        change: { kind: 'no-priors' },
        history: EMPTY_HISTORY,
        composition: null,
        side: 'left',
      }),
    });
    expect(text).toContain('(size not stated: image uncalibrated)');
    expect(text).not.toMatch(/measuring up to/);
  });
});
