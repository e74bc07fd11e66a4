import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** The sample exam's images beside a changed copy of its annotations. */
function sampleWith(change: (doc: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'calcscribe-exam-'));
  for (const v of ['RCC', 'RMLO', 'LCC', 'LMLO']) symlinkSync(resolve(`test-data/sample/${v}.dcm`), join(dir, `${v}.dcm`));
  const doc = JSON.parse(readFileSync('test-data/sample/annotations.json', 'utf8')) as Record<string, unknown>;
  change(doc);
  writeFileSync(join(dir, 'annotations.json'), JSON.stringify(doc));
  return dir;
}

describe('calcscribe exam refuses contradictory clinical context, naming the field', () => {
  it('a lumpectomy dated after the exam (Study Date 2026-03-10)', async () => {
    const dir = sampleWith((doc) => {
      (doc['history'] as { events: { date: string }[] }).events[0]!.date = '2026-06';
    });
    const r = await runCli(['exam', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/history\.events\[0\]\.date 2026-06 is after the exam date 2026-03-10/);
    expect(r.stdout).toBe('');
  });

  it('"stable" in a new position', async () => {
    const dir = sampleWith((doc) => {
      (doc['findings'] as { change: unknown }[])[0]!.change = { kind: 'stable', years: 2, newPosition: true };
    });
    const r = await runCli(['exam', dir]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/newPosition|new position/);
  });
});

describe('calcscribe exam: a finding that is the known cancer', () => {
  it('knownCancer "this finding" with a left biopsy-proven malignancy in the history → 6 for that finding only', async () => {
    const dir = sampleWith((doc) => {
      (doc['history'] as Record<string, unknown>)['malignancies'] = [{ side: 'left', site: "5 o'clock", date: '2026-02' }];
      (doc['findings'] as Record<string, unknown>[])[3]!['knownCancer'] = 'this finding';
    });
    const r = await runCli(['exam', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: { suggestion: { assessment: string } }[] };
    expect(out.findings.map((f) => f.suggestion.assessment)).toEqual(['2', '2', '2', '6']);
  });

  it('knownCancer on a finding in the left breast while history.malignancies lists only a right one is refused, naming the field (as suggest and the viewer refuse it)', async () => {
    const dir = sampleWith((doc) => {
      (doc['history'] as Record<string, unknown>)['malignancies'] = [{ side: 'right', site: "10 o'clock", date: '2026-02' }];
      (doc['findings'] as Record<string, unknown>[])[3]!['knownCancer'] = 'this finding';
    });
    const r = await runCli(['exam', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/finding 4: knownCancer "this finding": the finding is in the left breast, history\.malignancies lists a malignancy in the right breast only/);
    expect(r.stdout).toBe('');
  });

  it('an unknown knownCancer value is refused, naming the finding', async () => {
    const dir = sampleWith((doc) => {
      (doc['findings'] as Record<string, unknown>[])[3]!['knownCancer'] = 'nearby';
    });
    const r = await runCli(['exam', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/findings\[3\]\.knownCancer must be one of "this finding", "adjacent"/);
  });
});
