import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePhantomArgs, runPhantomCommand } from '../../test-data/generator/command.js';

function io(): { out: string[]; err: string[]; io: { stdout: (s: string) => void; stderr: (s: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s) => out.push(s), stderr: (s) => err.push(s) } };
}

describe('parsePhantomArgs', () => {
  it('reads every option', () => {
    const p = parsePhantomArgs(['--out', 'd', '--seed', '9', '--view', 'MLO', '--side', 'L', '--size', 'full', '--photometric', 'MONOCHROME1', '--syntax', 'jpeg-ls', '--calcifications', 'amorphous,fine linear', '--count', '4', '--bits', '12', '--pixel-spacing', '--magnification']);
    if (!p.ok) throw new Error(p.message);
    expect(p.options.seed).toBe(9);
    expect(p.options.view).toBe('MLO');
    expect(p.options.side).toBe('L');
    expect(p.options.size).toBe('full');
    expect(p.options.photometric).toBe('MONOCHROME1');
    expect(p.options.syntax).toBe('jpeg-ls');
    expect(p.options.bitsStored).toBe(12);
    expect(p.options.pixelSpacingGeometry).toBe(true);
    expect(p.options.magnification).toBe(true);
    expect(p.options.findings.map((f) => [f.morphology, f.distribution, f.count])).toEqual([['amorphous', 'grouped', 4], ['fine linear', 'linear', 4]]);
  });

  it('accepts ROWSxCOLUMNS sizes and draws milk of calcium by default on ML', () => {
    const p = parsePhantomArgs(['--out', 'd', '--size', '300x200', '--view', 'ML']);
    if (!p.ok) throw new Error(p.message);
    expect(p.options.size).toEqual({ rows: 300, columns: 200 });
    expect(p.options.findings[0]?.morphology).toBe('milk of calcium');
  });

  it.each([
    [['--seed', '1'], /--out/],
    [['--out', 'd', '--view', 'AP'], /--view/],
    [['--out', 'd', '--side', 'B'], /--side/],
    [['--out', 'd', '--seed', '-3'], /--seed/],
    [['--out', 'd', '--seed', '4294967296'], /--seed/],
    [['--out', 'd', '--calcifications', 'popcorn'], /unknown calcification term: popcorn/],
    [['--out', 'd', '--count', '0'], /--count/],
    [['--out', 'd', '--bits', '11'], /--bits/],
    [['--out', 'd', '--size', '10x10'], /--size/],
    [['--out', 'd', '--distribution', 'clustered'], /--distribution/],
    [['--out', 'd', '--frobnicate'], /unknown argument/],
    [['--out'], /needs a value/],
  ])('rejects %j', (args, message) => {
    const p = parsePhantomArgs(args);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toMatch(message);
  });
});

describe('runPhantomCommand', () => {
  it('writes a DICOM file and its truth, prints their paths and returns 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phantom-cmd-'));
    const t = io();
    const code = await runPhantomCommand(['--out', dir, '--seed', '5', '--size', '256x208', '--calcifications', 'round'], t.io);
    expect(code).toBe(0);
    const dcm = join(dir, 'phantom-5-RCC.dcm');
    expect(t.out.join('')).toContain(dcm);
    expect(readFileSync(dcm).subarray(128, 132).toString('latin1')).toBe('DICM');
    const truth = JSON.parse(readFileSync(join(dir, 'phantom-5-RCC.truth.json'), 'utf8')) as { groups: { morphology: string }[] };
    expect(truth.groups[0]?.morphology).toBe('round');
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns 2 with a one-line reason and usage for bad arguments, writing nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'phantom-cmd-')), 'never');
    const t = io();
    expect(await runPhantomCommand(['--out', dir, '--view', 'XX'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/^calcscribe phantom: --view must be CC, MLO or ML, got XX\nusage:/);
    expect(existsSync(dir)).toBe(false);
  });

  it('prints usage for --help', async () => {
    const t = io();
    expect(await runPhantomCommand(['--help'], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/^usage: calcscribe phantom --out DIR/);
  });
});
