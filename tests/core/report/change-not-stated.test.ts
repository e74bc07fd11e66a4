/**
 * A change since prior the radiologist has not stated yet is known to the report layer: the
 * wording says so itself ("change since the prior examination not stated") whatever change the
 * assessment read it as, the comparison line still compares, and the JSON gives no kind and no code.
 */
import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../src/core/assess/index.js';
import type { ChangeSincePrior } from '../../../src/core/lexicon.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';
import { CHANGE_NOT_STATED, draftReport, renderReportJson, wordChange, wordFinding, type Finding } from '../../../src/core/report/index.js';
import { length } from '../describe/fixtures.js';

/** A left-breast group of fine pleomorphic calcifications; the assessment reads `change`. */
function pleomorphic(change: ChangeSincePrior, comparison: Omit<Finding['comparison'], 'change'>): Finding {
  const base = {
    side: 'left' as const,
    location: { quadrant: 'upper inner' as const, clockFace: 2 as const, depth: 'posterior' as const, distanceFromNippleCm: 7.5 },
    measurements: { count: 9, largest: length(0.42, true), calibration: 'fiducial' as const },
    morphology: ['fine pleomorphic' as const],
    distribution: ['grouped' as const],
    comparison: { change, ...comparison },
  };
  const suggestion = suggestAssessment({ morphology: base.morphology, distribution: base.distribution, change, history: EMPTY_HISTORY, composition: null, side: 'left' });
  return { ...base, suggestion };
}

describe('change since prior not stated, in the report layer', () => {
  it('wordChange words it, whatever change the assessment read it as', () => {
    expect(CHANGE_NOT_STATED).toBe('change since the prior examination not stated');
    for (const change of [{ kind: 'new' }, { kind: 'stable', years: 2 }, { kind: 'increased', newPosition: true }, { kind: 'no-priors' }] as const) {
      expect(wordChange({ change, stated: false })).toBe(CHANGE_NOT_STATED);
      expect(wordChange({ change, priorDate: '2024-03-10', stated: false })).toBe(CHANGE_NOT_STATED);
    }
    // Stated, explicitly or by default, the change is worded as before.
    expect(wordChange({ change: { kind: 'new' }, priorDate: '2024-03-10', stated: true })).toBe('new since 2024-03-10');
    expect(wordChange({ change: { kind: 'new' }, priorDate: '2024-03-10' })).toBe('new since 2024-03-10');
  });

  it('the finding sentence carries the clause in its place, the assessment still follows the change read', () => {
    const unstated = pleomorphic({ kind: 'new' }, { priorDate: '2024-03-10', stated: false });
    const stated = pleomorphic({ kind: 'new' }, { priorDate: '2024-03-10' });
    const text = wordFinding(unstated);
    expect(text).toContain(`measuring up to 0.42 mm, ${CHANGE_NOT_STATED}. Suggested assessment:`);
    expect(text).not.toMatch(/new since|no prior/i);
    // Only the change clause differs from the same finding stated as new.
    expect(text).toBe(wordFinding(stated).replace('new since 2024-03-10', CHANGE_NOT_STATED));
    expect(unstated.suggestion.assessment).toBe(stated.suggestion.assessment);
  });

  it('the draft report compares with the prior and never says "no prior", and the JSON has no kind or code', () => {
    const f = pleomorphic({ kind: 'new' }, { priorDate: null, stated: false });
    const exam = { composition: 'b' as const, findings: [f], priorDate: null };
    const report = draftReport(exam);
    expect(report.comparison).toBe('Compared with prior examinations (date not stated).');
    expect(report.findings).toEqual([wordFinding(f)]);
    expect(report.text).toContain(CHANGE_NOT_STATED);
    expect(report.text).not.toMatch(/no prior/i);
    const json = JSON.parse(renderReportJson(exam, report)) as { findings: { change: Record<string, unknown>; text: string }[] };
    expect(json.findings[0]?.change).toEqual({ kind: null, stated: false, years: null, newPosition: false, priorDate: null, code: null });
    expect(json.findings[0]?.text).toBe(wordFinding(f));

    const said = pleomorphic({ kind: 'stable', years: 2 }, { priorDate: '2022-05-01' });
    const saidJson = JSON.parse(renderReportJson({ ...exam, findings: [said] }, draftReport({ ...exam, findings: [said] }))) as { findings: { change: Record<string, unknown> }[] };
    expect(saidJson.findings[0]?.change).toMatchObject({ kind: 'stable', stated: true, years: 2, priorDate: '2022-05-01' });
    expect(saidJson.findings[0]?.change['code']).toMatch(/^(SCT|DCM):/);
  });
});
