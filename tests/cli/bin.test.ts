import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/calcscribe.js`;

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(`${root}dist/cli/main.js`)) throw new Error('dist/cli/ is missing: run `npm run build` (npm test does it first)');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the calcscribe executable', () => {
  it('runs suggest and exits 0', () => {
    const r = run(['suggest', '--morphology', 'amorphous', '--distribution', 'grouped', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assessment).toBe('4B');
  });

  it('exits 2 with one line and no stack trace for a missing file', () => {
    const r = run(['info', 'no/such/file.dcm']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calcscribe info: cannot read no/such/file.dcm: no such file\n');
  });

  it('exits 2 when called without a command, after printing the usage', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^calcscribe — measure breast calcifications/);
  });

  it('treats a name of an object property as an unknown command', () => {
    const r = run(['toString', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calcscribe: unknown command "toString" (try: info, analyze, suggest, exam, phantom, store, fetch)\n');
  });

  it('reads a real digitised film (JPEG Extended 12-bit) and measures on it in pixels', () => {
    const film = 'test-data/real-mg/digitised-film-lmlo-jpeg12.dcm';
    const info = run(['info', film, '--json']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).calibration.kind).toBe('uncalibrated');
    const r = run(['analyze', film, '--at', '1265,1805', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).calcifications[0].longAxisMm).toBeNull();
  });

  it('decodes a JPEG-LS phantom through the codec package', () => {
    const r = run(['info', 'test-data/unit/jpeg-ls.dcm', '--json']);
    expect(r.status).toBe(0);
    const truth = JSON.parse(readFileSync(`${root}test-data/unit/jpeg-ls.truth.json`, 'utf8'));
    const c = truth.calcifications[0];
    const a = run(['analyze', 'test-data/unit/jpeg-ls.dcm', '--at', `${c.centre.x},${c.centre.y}`, '--json']);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).calcifications).toHaveLength(1);
  });

  it('reads a batch on stdin', () => {
    const r = run(['suggest', '--batch'], '{"morphology":["fine pleomorphic"],"distribution":["segmental"]}\n');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assessment).toBe('4C');
  });
});
