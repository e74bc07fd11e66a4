import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('calcscribe suggest', () => {
  it('suggests BI-RADS 2 for stable dystrophic calcifications after radiation on the same side', async () => {
    const r = await runCli([
      'suggest',
      '--morphology',
      'dystrophic',
      '--change',
      'stable:3',
      '--side',
      'left',
      '--history',
      '{"events":[{"kind":"radiation","side":"left","date":"2021"}]}',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.assessment).toBe('2');
    expect(out.wording).toMatch(/BI-RADS 2/);
    expect(out.reasons.join(' ')).toMatch(/dystrophic/i);
  });

  it('accepts codes in place of terms and raises fine-linear branching in a segmental distribution to 5', async () => {
    const r = await runCli(['suggest', '--morphology', 'SCT:129762002', '--distribution', 'segmental', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assessment).toBe('5');
  });

  it('labels the text output as a suggestion', async () => {
    const r = await runCli(['suggest', '--morphology', 'fine pleomorphic', '--distribution', 'grouped']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Suggested assessment: BI-RADS 4B \(a suggestion/);
  });

  it('refuses an unknown term with exit code 2 and one line naming it', async () => {
    const r = await runCli(['suggest', '--morphology', 'sparkly']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/sparkly/);
  });

  it('runs a batch: one result per line, a bad line reported in place, exit code 2 at the end', async () => {
    const lines = [
      '{"morphology":["dystrophic"],"change":"stable:2","history":{"events":[{"kind":"lumpectomy","side":"right","date":"2022"}]},"side":"right"}',
      '{"morphology":["fine linear"],"distribution":["linear"]}',
      'not json',
      '{"morphology":["punctate"],"distribution":["grouped"],"change":"no-priors"}',
    ];
    const r = await runCli(['suggest', '--batch'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].assessment).toBe('2');
    expect(out[1].assessment).toBe('5');
    expect(out[2]).toEqual({ line: 3, error: { kind: 'bad-argument', message: 'not valid JSON' } });
    expect(out[3].assessment).toBe('3');
  });

  it('exits 0 for a batch whose lines are all valid', async () => {
    const r = await runCli(['suggest', '--batch'], '{"morphology":["round"],"distribution":["diffuse"]}\r\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assessment).toBe('2');
  });
});

describe('calcscribe (dispatch)', () => {
  it('refuses an unknown command with exit code 2', async () => {
    const r = await runCli(['measure']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "measure"/);
  });

  it('refuses an unknown option with exit code 2 and no stack trace', async () => {
    const r = await runCli(['suggest', '--colour', 'red']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
