import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../src/core/assess/index.js';
import type { AssessmentInput } from '../../../src/core/assess/suggestion.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';
import {
  draftReport,
  qualifiersFrom,
  renderReportJson,
  stableJson,
  summariseMeasurements,
  wordChange,
  wordFinding,
  wordLocation,
  type Finding,
} from '../../../src/core/report/index.js';
import { calc, DYSTROPHIC, length } from '../describe/fixtures.js';

function finding(f: Omit<Finding, 'suggestion'>, extra: Partial<AssessmentInput> = {}): Finding {
  const suggestion = suggestAssessment({
    morphology: f.morphology,
    distribution: f.distribution,
    change: f.comparison.change,
    history: EMPTY_HISTORY,
    composition: null,
    side: f.side,
    ...extra,
  });
  return { ...f, suggestion };
}

const treatedRight = {
  history: {
    ...EMPTY_HISTORY,
    events: [{ kind: 'lumpectomy' as const, side: 'right' as const, date: '2022-03-01', site: 'upper outer quadrant' }],
  },
};

const dystrophicRight = finding(
  {
    side: 'right',
    location: { quadrant: 'upper outer', clockFace: 10, depth: 'middle', distanceFromNippleCm: 4 },
    measurements: { count: 6, largest: length(2.4, true), calibration: 'geometry' },
    morphology: ['dystrophic'],
    distribution: ['grouped'],
    qualifiers: ['with lucent centres'],
    relation: 'at the lumpectomy site',
    comparison: { change: { kind: 'stable', years: 2 } },
  },
  treatedRight,
);

const pleomorphicLeft = finding({
  side: 'left',
  location: { quadrant: 'upper inner', clockFace: 2, depth: 'posterior', distanceFromNippleCm: 7.5 },
  measurements: { count: 14, largest: length(0.42, true), calibration: 'fiducial' },
  morphology: ['fine pleomorphic'],
  distribution: ['segmental'],
  comparison: { change: { kind: 'new' }, priorDate: '2024-11-20' },
});

const punctateUncalibrated = finding({
  side: 'right',
  location: { quadrant: 'lower outer', depth: 'anterior', distanceFromNippleCm: null },
  measurements: { count: 5, largest: length(0.3, false), calibration: 'uncalibrated' },
  morphology: ['punctate'],
  distribution: ['grouped'],
  comparison: { change: { kind: 'no-priors' } },
});

const dystrophicNoHistory = finding({
  side: 'left',
  location: { special: 'subareolar', distanceFromNippleCm: 1.5 },
  measurements: { count: 3, largest: length(1.8, true), calibration: 'geometry' },
  morphology: ['dystrophic'],
  distribution: ['grouped'],
  qualifiers: ['with lucent centres'],
  comparison: { change: { kind: 'stable', years: 4 } },
});

describe('wordFinding: golden text', () => {
  it('dystrophic calcifications at a lumpectomy site', () => {
    expect(wordFinding(dystrophicRight)).toBe(
      "Right breast, upper outer quadrant, 10 o'clock, middle depth, 4 cm from the nipple: 6 grouped dystrophic calcifications measuring up to 2.4 mm with lucent centres, at the lumpectomy site, stable for 2 years. Suggested assessment: BI-RADS 2 — benign.",
    );
  });

  it('new segmental fine pleomorphic calcifications', () => {
    expect(wordFinding(pleomorphicLeft)).toBe(
      "Left breast, upper inner quadrant, 2 o'clock, posterior depth, 7.5 cm from the nipple: 14 fine pleomorphic calcifications measuring up to 0.42 mm in a segmental distribution, new since 2024-11-20. Suggested assessment: BI-RADS 4C — high suspicion for malignancy.",
    );
  });

  it('punctate calcifications on an uncalibrated image, no priors', () => {
    expect(wordFinding(punctateUncalibrated)).toBe(
      'Right breast, lower outer quadrant, clock face not given (not located on both a cranio-caudal and an MLO or ML view), anterior depth: 5 grouped punctate calcifications (size not stated: image uncalibrated), no prior examinations for comparison. Suggested assessment: BI-RADS 3 — probably benign.',
    );
  });

  it('dystrophic calcifications without history, with the differential', () => {
    expect(wordFinding(dystrophicNoHistory)).toBe(
      'Left breast, subareolar, 1.5 cm from the nipple: 3 grouped dystrophic calcifications measuring up to 1.8 mm with lucent centres, stable for 4 years. Suggested assessment: BI-RADS 2 — benign. Other causes to consider: paraffin or silicone injections (augmentation), dermatomyositis, secondary hyperparathyroidism and Ehlers-Danlos syndrome.',
    );
  });

  it('states a location caveat (nipple not in profile) once per view, after the findings sentence', () => {
    const rcc = 'nipple not in profile on the RCC: depth, clock position and distance are measured from the most anterior skin point';
    const rmlo = 'nipple not in profile on the RMLO: depth, clock position and distance are measured from the most anterior skin point';
    const f = { ...dystrophicRight, location: { ...dystrophicRight.location, caveats: [rcc, rmlo, rcc] } };
    expect(wordFinding(f)).toBe(
      "Right breast, upper outer quadrant, 10 o'clock, middle depth, 4 cm from the nipple: 6 grouped dystrophic calcifications measuring up to 2.4 mm with lucent centres, at the lumpectomy site, stable for 2 years. " +
        'Nipple not in profile on the RCC: depth, clock position and distance are measured from the most anterior skin point. ' +
        'Nipple not in profile on the RMLO: depth, clock position and distance are measured from the most anterior skin point. ' +
        'Suggested assessment: BI-RADS 2 — benign.',
    );
    const exam = { composition: null, findings: [f] };
    const json = JSON.parse(renderReportJson(exam, draftReport(exam))) as { findings: { location: { caveats: string[] } }[] };
    expect(json.findings[0]?.location.caveats).toEqual([rcc, rmlo]);
    const none = JSON.parse(renderReportJson({ composition: null, findings: [dystrophicRight] }, draftReport({ composition: null, findings: [dystrophicRight] }))) as typeof json;
    expect(none.findings[0]?.location.caveats).toEqual([]);
  });

  it('states the caveats once per view for a whole report of several findings, after the findings', () => {
    const rcc = 'nipple not in profile on the RCC: depth, clock position and distance are measured from the most anterior skin point';
    const lcc = 'nipple not in profile on the LCC: depth, clock position and distance are measured from the most anterior skin point';
    const right = { ...dystrophicRight, location: { ...dystrophicRight.location, caveats: [rcc] } };
    const rightToo = { ...punctateUncalibrated, location: { ...punctateUncalibrated.location, caveats: [rcc] } };
    const left = { ...pleomorphicLeft, location: { ...pleomorphicLeft.location, caveats: [lcc] } };
    const d = draftReport({ composition: null, findings: [right, rightToo, left] });
    expect(d.findings).toEqual([wordFinding(dystrophicRight), wordFinding(punctateUncalibrated), wordFinding(pleomorphicLeft)]);
    expect(d.locationCaveats).toEqual([
      'Nipple not in profile on the RCC: depth, clock position and distance are measured from the most anterior skin point.',
      'Nipple not in profile on the LCC: depth, clock position and distance are measured from the most anterior skin point.',
    ]);
    const lines = d.text.split('\n');
    const at = lines.indexOf(d.locationCaveats[0] as string);
    expect(lines.slice(at - 3, at + 3)).toEqual([...d.findings, ...d.locationCaveats, `Comparison: ${d.comparison}`]);
    expect(d.text.split('Nipple not in profile on the RCC')).toHaveLength(2);
    expect(draftReport({ composition: null, findings: [dystrophicRight] }).locationCaveats).toEqual([]);
  });

  it('never states the assessment as a certainty', () => {
    for (const f of [dystrophicRight, pleomorphicLeft, punctateUncalibrated, dystrophicNoHistory]) {
      expect(wordFinding(f)).toContain('Suggested assessment: BI-RADS');
    }
  });
});

describe('wording parts', () => {
  it('wordChange covers every kind of change', () => {
    expect(wordChange({ change: { kind: 'new' } })).toBe('new since the prior examination');
    expect(wordChange({ change: { kind: 'increased' }, priorDate: '2023-05-02' })).toBe('increased since 2023-05-02');
    expect(wordChange({ change: { kind: 'decreased' } })).toBe('decreased since the prior examination');
    expect(wordChange({ change: { kind: 'stable', years: 1 } })).toBe('stable for 1 year');
    expect(wordChange({ change: { kind: 'stable', years: 1.5 } })).toBe('stable for 1.5 years');
    expect(wordChange({ change: { kind: 'stable' }, priorDate: '2020-01-01' })).toBe('stable since 2020-01-01');
    expect(wordChange({ change: { kind: 'new', newPosition: true } })).toBe('new since the prior examination, in a new position');
    expect(wordChange({ change: { kind: 'no-priors' } })).toBe('no prior examinations for comparison');
  });

  it('wordLocation keeps report order and leaves out what is unknown', () => {
    expect(wordLocation('left', { half: 'outer', distanceFromNippleCm: 3 })).toBe('Left breast, outer half, 3 cm from the nipple');
    expect(wordLocation('both', {})).toBe('Both breasts');
    expect(wordLocation('right', { clockFace: 12, depth: 'posterior', distanceFromNippleCm: -1 })).toBe(
      "Right breast, 12 o'clock, posterior depth",
    );
  });

  it('summarises measurements for the wording', () => {
    const ms = [calc(DYSTROPHIC), calc({ ...DYSTROPHIC, longMm: 1.2 })];
    expect(summariseMeasurements(ms)).toEqual({ count: 2, largest: length(2.4, true), extent: null, calibration: 'geometry' });
    expect(summariseMeasurements(ms, length(8, true)).extent).toEqual(length(8, true));
    expect(qualifiersFrom(ms)).toEqual(['with lucent centres']);
    expect(qualifiersFrom([calc({ longMm: 0.3 })])).toEqual([]);
    const unc = summariseMeasurements([calc({ longMm: 0.3, calibration: 'uncalibrated' })]);
    expect(unc.calibration).toBe('uncalibrated');
    expect(unc.largest?.mm).toBeNull();
  });

  it('words a single calcification and an unknown count', () => {
    const one = { ...punctateUncalibrated, measurements: { count: 1, largest: length(0.3, true), calibration: 'geometry' as const }, distribution: [] };
    expect(wordFinding(one)).toContain(': a single punctate calcification measuring up to 0.30 mm, no prior');
  });
});

describe('draftReport', () => {
  const exam = { composition: 'b' as const, findings: [dystrophicRight, pleomorphicLeft], priorDate: '2024-11-20' };

  it('follows report order and takes the most urgent finding overall', () => {
    const d = draftReport(exam);
    expect(d.overall).toEqual({ assessment: '4C', management: 'Tissue diagnosis (biopsy).', decidedBy: 1 });
    expect(d.text).toBe(
      [
        'Breast composition: There are scattered areas of fibroglandular density (b).',
        'Findings:',
        wordFinding(dystrophicRight),
        wordFinding(pleomorphicLeft),
        'Comparison: 2024-11-20.',
        'Impression: Right breast: dystrophic calcifications, suggested BI-RADS 2. Left breast: fine pleomorphic calcifications, suggested BI-RADS 4C. Suggested assessment, right breast: BI-RADS 2 — benign. Suggested assessment, left breast: BI-RADS 4C — high suspicion for malignancy. Suggested overall assessment: BI-RADS 4C — high suspicion for malignancy.',
        "Recommendation: Suggested management: stereotactic-guided biopsy of the segmental calcifications in the left breast at 2 o'clock, posterior depth, 7.5 cm from the nipple.",
      ].join('\n'),
    );
  });

  it('reports an exam without findings as negative', () => {
    const d = draftReport({ composition: null, findings: [] });
    expect(d.overall.assessment).toBe('1');
    expect(d.text).toContain('Findings:\nNo calcification findings recorded.');
    expect(d.comparison).toBe('No prior examinations available for comparison.');
    expect(d.recommendation).toBe('Suggested management: routine screening mammography.');
  });

  it('is deterministic', () => {
    expect(draftReport(exam).text).toBe(draftReport(exam).text);
  });
});

describe('JSON output', () => {
  it('sorts keys at every level regardless of input order', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(stableJson({ a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 }));
    expect(stableJson({ b: 1, a: 2, u: undefined })).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });

  it('carries a code beside every term', () => {
    const exam = { composition: 'b' as const, findings: [dystrophicRight], priorDate: null };
    const json = renderReportJson(exam, draftReport(exam));
    const o = JSON.parse(json) as {
      composition: { code: string };
      findings: { side: { code: string }; morphology: { term: string; code: string }[]; location: { clockFace: { code: string }; depth: { code: string } }; suggestion: { assessment: { code: string }; followUp: { code: string } }; text: string }[];
      overall: { assessment: { code: string } };
    };
    expect(o.composition.code).toBe('SCT:129717001');
    const f = o.findings[0];
    expect(f?.side.code).toBe('SCT:73056007');
    expect(f?.morphology).toEqual([{ term: 'dystrophic', code: 'SCT:129750001', meaning: 'Dystrophic calcification' }]);
    expect(f?.location.clockFace.code).toBe('SCT:129781005');
    expect(f?.location.depth.code).toBe('NCIt:C25569');
    expect(f?.suggestion.assessment.code).toBe('SCT:397141009');
    expect(f?.suggestion.followUp.code).toBe('DCM:111140');
    expect(f?.text).toBe(wordFinding(dystrophicRight));
    expect(o.overall.assessment.code).toBe('SCT:397141009');
    expect(Object.keys(o)).toEqual(['bySide', 'composition', 'findings', 'overall', 'priorDate', 'recommendation', 'text']);
  });
});
