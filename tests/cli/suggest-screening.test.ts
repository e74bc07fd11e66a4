import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('calcscribe suggest --indication (ACR BI-RADS Atlas, 5th ed., Guidance: screening ends in 0, 1 or 2)', () => {
  it('at screening a finding that would be 4B is a recall (0), and says what it would be at diagnostic work-up', async () => {
    const r = await runCli(['suggest', '--morphology', 'fine pleomorphic', '--distribution', 'grouped', '--indication', 'screening', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.assessment).toBe('0');
    expect(out.diagnosticAssessment).toBe('4B');
    expect(out.management).toBe('Recall for diagnostic mammography with spot magnification views.');
    expect(out.reasons.join(' ')).toContain('grouped fine pleomorphic calcifications: would suggest 4B');
  });

  it('without an indication the diagnostic answer is kept', async () => {
    const r = await runCli(['suggest', '--morphology', 'fine pleomorphic', '--distribution', 'grouped', '--json']);
    expect(JSON.parse(r.stdout).assessment).toBe('4B');
  });

  it('states the next follow-up of a probably benign group in the text output', async () => {
    const r = await runCli(['suggest', '--morphology', 'punctate', '--distribution', 'grouped', '--change', 'stable:1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Suggested assessment: BI-RADS 3 /);
    expect(r.stdout).toMatch(/Next follow-up: 12 months/);
  });

  it('a known cancer: --known-cancer "this finding" with history.malignancies → 6', async () => {
    const r = await runCli([
      'suggest', '--morphology', 'fine linear', '--side', 'left', '--known-cancer', 'this finding',
      '--history', '{"malignancies":[{"side":"left","site":"2 o\'clock","date":"2026-10-01"}]}', '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assessment).toBe('6');
  });

  it('refuses --known-cancer on the left when history.malignancies lists only a right cancer, in the words exam and the viewer use', async () => {
    const r = await runCli([
      'suggest', '--morphology', 'fine linear', '--side', 'left', '--known-cancer', 'this finding',
      '--history', '{"malignancies":[{"side":"right","site":"10 o\'clock","date":"2026-10-01"}]}',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/knownCancer "this finding": the finding is in the left breast, history\.malignancies lists a malignancy in the right breast only/);
    expect(r.stdout).toBe('');
  });

  it('refuses a procedure dated in the future, naming the field', async () => {
    const r = await runCli(['suggest', '--morphology', 'dystrophic', '--history', '{"events":[{"kind":"lumpectomy","side":"right","date":"2999"}]}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/history\.events\[0\]\.date 2999 is in the future/);
  });

  it('accepts SCT:44771000 (CID 6011) as calcifications not characterised', async () => {
    const r = await runCli(['suggest', '--morphology', 'SCT:44771000', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assessment).toBe('0');
  });
});

describe('the sample exam is a screening exam and reads as one', () => {
  it('calcscribe exam test-data/sample: overall 0 with the recall wording, the fine pleomorphic group would be 4B', async () => {
    const r = await runCli(['exam', 'test-data/sample', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const categories = out.findings.map((f: { suggestion: { assessment: string } }) => f.suggestion.assessment);
    expect(categories).not.toContain('4B');
    const recalled = out.findings.find((f: { suggestion: { assessment: string } }) => f.suggestion.assessment === '0');
    expect(recalled.suggestion.reasons.join(' ')).toContain('would suggest 4B at diagnostic work-up');
    expect(out.report.text).toMatch(/Suggested overall assessment: BI-RADS 0/);
    expect(out.report.text).toMatch(/recall for diagnostic mammography with spot magnification views/);
    expect(out.report.text).not.toMatch(/biopsy/i);
  }, 120_000);
});
