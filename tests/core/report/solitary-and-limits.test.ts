import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../src/core/assess/index.js';
import { describeCalcifications } from '../../../src/core/describe/index.js';
import { chosenTerms } from '../../../src/core/describe/index.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';
import type { CalcificationMeasurements } from '../../../src/core/measure/measurements.js';
import { draftReport, summariseMeasurements, wordFinding, type Finding } from '../../../src/core/report/index.js';
import { calc } from '../describe/fixtures.js';

/** A finding the way the pipeline builds it: describe → chosen terms → assess → words. */
function findingOf(ms: readonly CalcificationMeasurements[], distribution: Finding['distribution'] = []): Finding {
  const morphologyDescription = describeCalcifications(ms, { view: 'MLO' });
  const morphology = chosenTerms(morphologyDescription);
  const suggestion = suggestAssessment({
    morphology,
    distribution,
    change: { kind: 'no-priors' },
    history: EMPTY_HISTORY,
    composition: null,
    side: 'right',
    count: ms.length,
    notCharacterised: morphologyDescription.notCharacterised?.words ?? null,
  });
  return {
    side: 'right',
    location: { half: 'lower', depth: 'middle' },
    measurements: summariseMeasurements(ms),
    morphology,
    distribution,
    comparison: { change: { kind: 'no-priors' } },
    suggestion,
    descriptions: { morphology: morphologyDescription },
  };
}

const roundSphere = calc({ longMm: 1.7, elongation: 1.2, circularity: 0.96, solidity: 0.99, cnr: 12.5, lucent: 0.02, margin: 0.2 });

describe('a solitary calcification is worded as one, never as a group', () => {
  it('a single round calcification, BI-RADS 2', () => {
    const f = findingOf([roundSphere]);
    expect(f.suggestion.assessment).toBe('2');
    const text = wordFinding(f);
    expect(text).toContain('a single round calcification measuring up to 1.7 mm');
    expect(text).not.toMatch(/group/);
    expect(draftReport({ composition: 'b', findings: [f] }).impression).toContain('Right breast: a single round calcification, suggested BI-RADS 2.');
  });

  it('a distribution of "grouped" given for one calcification is not worded as a group', () => {
    const f = findingOf([roundSphere], ['grouped']);
    expect(wordFinding(f)).toContain('a single round calcification');
    expect(wordFinding(f)).not.toMatch(/group of/);
  });
});

describe('the wording says what the pixel size cannot tell', () => {
  it('not characterised: too small for the 0.20 mm pixel size', () => {
    const f = findingOf([calc({ longMm: 0.3, mmPerPx: 0.2 })]);
    const text = wordFinding(f);
    expect(text).toContain('a single calcification measuring up to 0.30 mm, not characterised (too small for the 0.20 mm pixel size)');
    expect(f.suggestion.assessment).toBe('0');
    expect(f.suggestion.reasons[0]).toContain('(too small for the 0.20 mm pixel size)');
  });

  it('lists the terms it cannot separate, and the most suspicious decides', () => {
    const ms = [0.42, 0.45, 0.48, 0.44, 0.46].map((longMm) => calc({ longMm, elongation: 1.05, mmPerPx: 0.2 }));
    const f = findingOf(ms, ['grouped']);
    const text = wordFinding(f);
    expect(text).toContain(
      '5 grouped punctate, amorphous or fine pleomorphic calcifications measuring up to 0.48 mm (punctate, amorphous and fine pleomorphic cannot be separated at the 0.20 mm pixel size)',
    );
    expect(f.suggestion.assessment).toBe('4B');
  });
});
