import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePhantom, phantomOptions, type Phantom } from '../../test-data/generator/index.js';
import { writeMammogram } from '../core/ingest/mammogram-file.js';
import { runCli } from './run-cli.js';

let dir: string;
let phantom: Phantom;
let mgPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-cli-'));
  phantom = await generatePhantom(
    phantomOptions({ seed: 77, side: 'L', view: 'CC', findings: [{ morphology: 'dystrophic', distribution: 'grouped', count: 5 }] }),
  );
  mgPath = join(dir, 'LCC.dcm');
  writeFileSync(mgPath, phantom.dicom);
});

describe('calcscribe info', () => {
  it('prints the JSON contract with the calibration kind and its source', async () => {
    const r = await runCli(['info', mgPath, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      modality: 'MG',
      sopClassUid: '1.2.840.10008.5.1.4.1.1.1.2',
      laterality: 'L',
      view: 'CC',
      rows: phantom.truth.rows,
      columns: phantom.truth.columns,
      photometric: phantom.truth.photometric,
      bitsStored: phantom.truth.bitsStored,
      transferSyntaxUid: phantom.truth.transferSyntaxUid,
    });
    expect(info.calibration.kind).toBe(phantom.truth.calibration.kind);
    expect(info.calibration.rowSpacingMm).toBeCloseTo(phantom.truth.calibration.spacingMm, 6);
    expect(info.calibration.columnSpacingMm).toBeCloseTo(phantom.truth.calibration.spacingMm, 6);
    expect(info.calibration.source).toMatch(/Imager Pixel Spacing/);
  });

  it('shows the calibration in the text output', async () => {
    const r = await runCli(['info', mgPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calibration\s+magnification-corrected: 0\.0926 mm\/pixel/);
  });
});

describe('calcscribe analyze', () => {
  it('measures the clicked calcifications within 0.15 mm of the truth and suggests a category with reasons', async () => {
    const group = phantom.truth.calcifications.filter((c) => c.groupId === 'g1');
    const args = ['analyze', mgPath, ...group.flatMap((c) => ['--at', `${c.centre.x},${c.centre.y}`]), '--json'];
    const r = await runCli(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.calibration.kind).toBe('magnification-corrected');
    expect(out.calcifications).toHaveLength(group.length);
    for (const t of group) {
      const m = out.calcifications.find((c: { x: number; y: number }) => Math.hypot(c.x - t.centre.x, c.y - t.centre.y) < 5);
      expect(m, `calcification ${t.id}`).toBeDefined();
      expect(Math.abs(m.longAxisMm - t.longAxisMm)).toBeLessThanOrEqual(0.15);
    }
    expect(out.group.count).toBe(group.length);
    expect(out.suggestion.assessment).toMatch(/^(0|1|2|3|4A|4B|4C|5|6)$/);
    expect(out.suggestion.reasons.length).toBeGreaterThan(0);
    expect(out.wording).toMatch(/Left breast/);
  });

  it('refuses a seed point outside the image with exit code 2', async () => {
    const r = await runCli(['analyze', mgPath, '--at', '99999,5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a seed point on empty background with exit code 2', async () => {
    const r = await runCli(['analyze', mgPath, '--at', `${phantom.truth.columns - 3},3`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calcscribe analyze: /);
  });

  it('refuses a malformed point with exit code 2', async () => {
    const r = await runCli(['analyze', mgPath, '--at', '12;40']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--at X,Y must be 2 comma-separated numbers/);
  });

  it('applies the radiologist\'s override and recomputes the suggestion from it', async () => {
    const c = phantom.truth.calcifications[0];
    if (c === undefined) throw new Error('phantom has no calcification');
    const r = await runCli(['analyze', mgPath, '--at', `${c.centre.x},${c.centre.y}`, '--morphology', 'fine-linear branching', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.suggestion.overridden).toContain('morphology');
    expect(out.suggestion.assessment).toMatch(/^(4C|5)$/);
  });
});

describe('calcscribe on bad files', () => {
  it('says a missing file is missing (exit 2)', async () => {
    const r = await runCli(['info', join(dir, 'nope.dcm')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });

  it('says a text file is not DICOM (exit 2, no stack)', async () => {
    const p = join(dir, 'notes.txt');
    writeFileSync(p, 'Dear colleague, please find the images attached.\n'.repeat(20));
    const r = await runCli(['info', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a truncated mammogram is truncated (exit 2)', async () => {
    const p = join(dir, 'cut.dcm');
    writeFileSync(p, phantom.dicom.subarray(0, Math.floor(phantom.dicom.length / 2)));
    const r = await runCli(['info', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/truncated/i);
  });

  it('refuses a CT image as not a mammogram (exit 2)', async () => {
    const p = join(dir, 'ct.dcm');
    writeFileSync(p, writeMammogram({ attributes: { Modality: 'CT', SOPClassUID: '1.2.840.10008.5.1.4.1.1.2' } }));
    const r = await runCli(['info', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a mammogram/);
  });

  it('prints a hostile patient name literally, with control characters escaped', async () => {
    const hostile = await generatePhantom(phantomOptions({ seed: 78, findings: [], patient: { name: '<img src=x onerror=alert(1)>\u001b[31m', id: 'X', birthDate: '19700101' } }));
    const p = join(dir, 'hostile.dcm');
    writeFileSync(p, hostile.dicom);
    const r = await runCli(['info', p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/patient +<img src=x onerror=alert\(1\)>/);
    expect(r.stdout.includes('\u001b')).toBe(false);
  });
});
