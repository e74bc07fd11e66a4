/**
 * The report as a breast radiologist writes it: each wording rule with its source.
 * Atlas = ACR BI-RADS Atlas, 5th edition (2013), mammography section.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORY_TABLE } from '../../../src/core/assess/categories.js';
import type { AssessmentCategory } from '../../../src/core/lexicon.js';
import { comparisonDateOf, draftReport, isoDate, renderReportJson, wordFinding, wordLocation, wordRecommendation, type Finding } from '../../../src/core/report/index.js';
import { overallAssessment } from '../../../src/core/assess/overall-assessment.js';
import { length } from '../describe/fixtures.js';

function suggestion(assessment: AssessmentCategory, extra: { followUpMonths?: number | null; summary?: string } = {}): Finding['suggestion'] {
  return { assessment, management: CATEGORY_TABLE[assessment].management, reasons: [], ruleIds: [], differential: [], followUpMonths: null, diagnosticAssessment: null, ...extra };
}

const NIPPLE_CAVEAT = 'nipple not in profile on the LCC: depth, clock position and distance are measured from the most anterior skin point';

/** The sample's new fine pleomorphic group: 2 mm lateral and 6 mm below the nipple axis on the left. */
const pleomorphic: Finding = {
  side: 'left',
  location: { clockFace: 5, special: 'central', depth: 'middle', distanceFromNippleCm: 2, caveats: [NIPPLE_CAVEAT] },
  measurements: { count: 9, largest: length(0.5, true), extent: length(8, true), calibration: 'geometry' },
  morphology: ['fine pleomorphic'],
  distribution: ['grouped'],
  comparison: { change: { kind: 'new' }, priorDate: '2024-03-12' },
  suggestion: suggestion('4B'),
};

const vascular: Finding = {
  side: 'left',
  location: { quadrant: 'lower outer', clockFace: 4, depth: 'middle', distanceFromNippleCm: 3.3, caveats: ['nipple not in profile on the LMLO: …'] },
  measurements: { count: 4, largest: length(19.4, true), extent: length(40, true), calibration: 'geometry' },
  morphology: ['vascular'],
  distribution: ['linear'],
  comparison: { change: { kind: 'stable', years: 2 } },
  suggestion: suggestion('2'),
};

const round: Finding = {
  side: 'right',
  location: { quadrant: 'upper outer', clockFace: 10, depth: 'anterior', distanceFromNippleCm: 4 },
  measurements: { count: 5, largest: length(0.8, true), extent: length(6, true), calibration: 'geometry' },
  morphology: ['round'],
  distribution: ['grouped', 'regional'],
  comparison: { change: { kind: 'no-priors' } },
  suggestion: suggestion('3', { summary: 'single group of punctate calcifications without priors' }),
};

describe('findings: the lexicon words as chosen (atlas, calcifications: morphology and distribution)', () => {
  it('a suspicious group is sized by its extent, the largest calcification as supporting detail', () => {
    expect(wordFinding(pleomorphic)).toContain('9 grouped fine pleomorphic calcifications spanning 8.0 mm (individually up to 0.50 mm), new since 2024-03-12');
  });

  it('a typically benign group is sized by its largest calcification; one distribution per group; no rule summary in its place', () => {
    const text = wordFinding(round);
    expect(text).toContain(': 5 grouped round calcifications measuring up to 0.80 mm, no prior examinations');
    expect(text).not.toMatch(/regional|punctate|spanning/);
  });

  it('dystrophic is "dystrophic", not "coarse dystrophic"', () => {
    const text = wordFinding({ ...round, morphology: ['dystrophic'], distribution: ['grouped'], suggestion: suggestion('2') });
    expect(text).toContain('5 grouped dystrophic calcifications');
    expect(text).not.toContain('coarse');
  });

  it('a ductal distribution is named by its own term: fine-linear branching in a segmental distribution', () => {
    const text = wordFinding({ ...pleomorphic, morphology: ['fine-linear branching'], distribution: ['segmental'], suggestion: suggestion('5') });
    expect(text).toContain('9 fine-linear branching calcifications spanning 8.0 mm (individually up to 0.50 mm) in a segmental distribution');
    expect(text).not.toMatch(/ductal|fine linear calc/);
  });

  it('vascular calcifications are named as such: not counted, measured or located, and their caveats not stated', () => {
    expect(wordFinding(vascular)).toBe('Left breast: vascular calcifications. Suggested assessment: BI-RADS 2 — benign.');
    const report = draftReport({ composition: 'b', findings: [vascular] });
    expect(report.text).not.toMatch(/19\.4|4 vascular|o'clock|LMLO/);
  });
});

describe('location: a finding that needs action carries a clock face (atlas, location: subareolar, central and axillary tail need none)', () => {
  it('a suspicious group near the nipple axis is placed on the clock face, not in the "central region"', () => {
    expect(wordFinding(pleomorphic).startsWith("Left breast, 5 o'clock, middle depth, 2 cm from the nipple: ")).toBe(true);
  });

  it('a benign finding behind the nipple is "central" without a clock face', () => {
    const benign = { ...pleomorphic, morphology: ['round' as const], suggestion: suggestion('2') };
    expect(wordFinding(benign).startsWith('Left breast, central, middle depth, 2 cm from the nipple: ')).toBe(true);
  });

  it('a finding that needs action seen on one view says why there is no clock face', () => {
    const loc = { half: 'outer' as const, depth: 'middle' as const, noClockFace: 'seen on the CC only: the MLO or ML view is needed to place it on the clock face' };
    expect(wordLocation('left', loc, { action: true })).toBe(
      'Left breast, outer half, clock face not given (seen on the CC only: the MLO or ML view is needed to place it on the clock face), middle depth',
    );
    expect(wordLocation('left', loc)).toBe('Left breast, outer half, middle depth');
  });
});

describe('recommendation: method, side and location (atlas, assessment categories and management)', () => {
  const rec = (f: Finding): string => wordRecommendation([f], overallAssessment([f.suggestion]));

  it('biopsy for 4 and 5: stereotactic-guided, of the grouped calcifications, at the clock face, depth and distance', () => {
    expect(rec(pleomorphic)).toBe(
      "Suggested management: stereotactic-guided biopsy of the grouped calcifications in the left breast at 5 o'clock, middle depth, 2 cm from the nipple.",
    );
  });

  it('recall for 0: spot magnification views of the side', () => {
    expect(rec({ ...pleomorphic, suggestion: suggestion('0') })).toBe(
      "Suggested management: recall for diagnostic mammography with spot magnification views of the left breast for the grouped calcifications at 5 o'clock, middle depth, 2 cm from the nipple.",
    );
  });

  it('3: a unilateral diagnostic mammogram at the first 6-month follow-up, bilateral at 12 months; a missing interval reads as the first', () => {
    expect(rec({ ...pleomorphic, suggestion: suggestion('3', { followUpMonths: 6 }) })).toBe(
      "Suggested management: unilateral diagnostic mammogram of the left breast in 6 months for the grouped calcifications at 5 o'clock, middle depth, 2 cm from the nipple.",
    );
    expect(rec({ ...pleomorphic, suggestion: suggestion('3', { followUpMonths: 12 }) })).toBe(
      "Suggested management: bilateral diagnostic mammogram in 12 months for the grouped calcifications in the left breast at 5 o'clock, middle depth, 2 cm from the nipple.",
    );
    expect(rec({ ...pleomorphic, suggestion: suggestion('3') })).toBe(rec({ ...pleomorphic, suggestion: suggestion('3', { followUpMonths: null }) }));
    expect(rec({ ...pleomorphic, suggestion: suggestion('3') })).toContain('in 6 months');
  });

  it('a biopsy without a clock face says why', () => {
    const oneView = { ...pleomorphic, location: { half: 'outer' as const, depth: 'middle' as const, noClockFace: 'seen on the CC only: the MLO or ML view is needed to place it on the clock face' } };
    expect(rec(oneView)).toBe(
      'Suggested management: stereotactic-guided biopsy of the grouped calcifications in the left breast (clock face not given: seen on the CC only: the MLO or ML view is needed to place it on the clock face), middle depth.',
    );
  });

  it('benign findings only: routine screening; several actions: most urgent first', () => {
    expect(rec(vascular)).toBe('Suggested management: routine screening mammography.');
    const both = [round, pleomorphic];
    const text = wordRecommendation(both, overallAssessment(both.map((f) => f.suggestion)));
    expect(text.indexOf('stereotactic-guided biopsy')).toBeLessThan(text.indexOf('unilateral diagnostic mammogram of the right breast in 6 months'));
  });
});

describe('impression: an assessment per breast and an overall one (atlas, reporting system: overall assessment)', () => {
  it('states each breast, a breast without findings as negative, then the overall', () => {
    const report = draftReport({ composition: 'b', findings: [pleomorphic] });
    expect(report.impression).toContain(
      'Suggested assessment, right breast: BI-RADS 1 — negative. Suggested assessment, left breast: BI-RADS 4B — moderate suspicion for malignancy. Suggested overall assessment: BI-RADS 4B — moderate suspicion for malignancy.',
    );
    expect(report.bySide.left.assessment).toBe('4B');
  });
});

describe('comparison and composition (atlas, reporting system: report organization)', () => {
  it('names the prior by its date; "no prior" only when there is none', () => {
    expect(draftReport({ composition: null, findings: [], priorDate: '2024-03-12' }).text).toContain('\nComparison: 2024-03-12.\n');
    expect(draftReport({ composition: null, findings: [] }).text).toContain('\nComparison: No prior examinations available for comparison.\n');
  });

  it('says "breast composition not stated" once', () => {
    const text = draftReport({ composition: null, findings: [] }).text;
    expect(text.startsWith('Breast composition: not stated.\n')).toBe(true);
    expect(text.match(/composition/gi)).toHaveLength(1);
  });
});

describe('the comparison date comes from the loaded prior', () => {
  it('takes the newest prior study date, DICOM or ISO, as YYYY-MM-DD', () => {
    expect(comparisonDateOf(['20220301', '20240312', null])).toBe('2024-03-12');
    expect(comparisonDateOf(['2024-03-12'])).toBe('2024-03-12');
    expect(comparisonDateOf([null, '', '2024'])).toBeNull();
    expect(isoDate('20240312')).toBe('2024-03-12');
  });
});

describe('JSON: the assessment of each breast beside the overall one', () => {
  it('codes each breast, a breast without findings negative', () => {
    const exam = { composition: 'b' as const, findings: [pleomorphic] };
    const o = JSON.parse(renderReportJson(exam, draftReport(exam))) as {
      bySide: Record<'right' | 'left', { assessment: { term: string; code: string }; decidedBy: number | null }>;
      recommendation: string;
      overall: { assessment: { code: string } };
    };
    expect(o.bySide.left).toMatchObject({ assessment: { term: '4B' }, decidedBy: 0 });
    expect(o.bySide.right).toMatchObject({ assessment: { term: '1' }, decidedBy: null });
    expect(o.bySide.left.assessment.code).toBe(o.overall.assessment.code);
    expect(o.recommendation).toContain('stereotactic-guided biopsy');
  });
});
