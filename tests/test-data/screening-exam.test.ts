import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScreeningExamSet } from '../../test-data/generator/screening-exam.js';
import { generateScreeningExam, writeExam } from '../../test-data/generator/screening-exam.js';
import { readPhantom } from './read-dicom.js';

let exam: ScreeningExamSet;

beforeAll(async () => {
  exam = await generateScreeningExam({ seed: 77, size: { rows: 384, columns: 320 } });
});

const tag = (bytes: Uint8Array, t: string): string | undefined => readPhantom(bytes).dataSet.string(t);

describe('generateScreeningExam', () => {
  it('makes RCC, LCC, RMLO and LMLO for the current exam and the prior', () => {
    expect(exam.current.images.map((i) => i.name)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
    expect(exam.prior.images.map((i) => i.name)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
  });

  it('shares one study UID per exam, a different one for the prior, and one patient', () => {
    const studies = (e: ScreeningExamSet['current']): Set<string | undefined> => new Set(e.images.map((i) => tag(i.phantom.dicom, 'x0020000d')));
    const current = studies(exam.current);
    const prior = studies(exam.prior);
    expect(current.size).toBe(1);
    expect(prior.size).toBe(1);
    expect([...current][0]).not.toBe([...prior][0]);
    const all = [...exam.current.images, ...exam.prior.images];
    expect(new Set(all.map((i) => tag(i.phantom.dicom, 'x00100020'))).size).toBe(1);
    expect(new Set(all.map((i) => tag(i.phantom.dicom, 'x00100010'))).size).toBe(1);
    expect(new Set(all.map((i) => tag(i.phantom.dicom, 'x00080018'))).size).toBe(8);
  });

  it('dates the prior two years earlier and ages the patient accordingly', () => {
    expect(tag(exam.current.images[0]?.phantom.dicom ?? new Uint8Array(), 'x00080020')).toBe('20260310');
    expect(tag(exam.prior.images[0]?.phantom.dicom ?? new Uint8Array(), 'x00080020')).toBe('20240312');
    expect(tag(exam.current.images[0]?.phantom.dicom ?? new Uint8Array(), 'x00101010')).toBe('060Y');
    expect(tag(exam.prior.images[0]?.phantom.dicom ?? new Uint8Array(), 'x00101010')).toBe('058Y');
  });

  it('has post-lumpectomy dystrophic calcifications on the right, identical on the prior', () => {
    for (const name of ['RCC', 'RMLO']) {
      const now = exam.current.images.find((i) => i.name === name)?.phantom.truth;
      const before = exam.prior.images.find((i) => i.name === name)?.phantom.truth;
      const dys = now?.calcifications.filter((c) => c.morphology === 'dystrophic') ?? [];
      expect(dys.length).toBeGreaterThan(0);
      expect(before?.calcifications.filter((c) => c.morphology === 'dystrophic')).toEqual(dys);
    }
  });

  it('has a new grouped fine-pleomorphic finding on the left that the prior lacks', () => {
    for (const name of ['LCC', 'LMLO']) {
      const now = exam.current.images.find((i) => i.name === name)?.phantom.truth;
      const before = exam.prior.images.find((i) => i.name === name)?.phantom.truth;
      const group = now?.groups.find((g) => g.morphology === 'fine pleomorphic');
      expect(group?.distribution).toBe('grouped');
      expect(group?.count).toBeGreaterThanOrEqual(5);
      expect(group?.location.side).toBe('left');
      expect(before?.groups.some((g) => g.morphology === 'fine pleomorphic')).toBe(false);
      expect(before?.groups.some((g) => g.morphology === 'vascular')).toBe(true);
    }
    expect(exam.findings.find((f) => f.morphology === 'fine pleomorphic')?.change).toBe('new');
    expect(exam.findings.find((f) => f.morphology === 'dystrophic')?.change).toBe('stable');
  });

  it('gives a finding the same clock position and quadrant on CC and MLO', () => {
    const cc = exam.current.images.find((i) => i.name === 'LCC')?.phantom.truth.groups.find((g) => g.id === 'L2');
    const mlo = exam.current.images.find((i) => i.name === 'LMLO')?.phantom.truth.groups.find((g) => g.id === 'L2');
    expect(cc?.location.clockHour).toBe(mlo?.location.clockHour);
    expect(cc?.location.quadrant).toBe(mlo?.location.quadrant);
    // Same depth from the nipple on both views: the group sits at the same column.
    expect(Math.abs((cc?.centre.x ?? 0) - (mlo?.centre.x ?? Infinity))).toBeLessThan(15);
  });

  it('puts the suture calcification at the lumpectomy site, within 2 cm of the dystrophic group, on both right views', () => {
    for (const name of ['RCC', 'RMLO']) {
      const t = exam.current.images.find((i) => i.name === name)?.phantom.truth;
      const r1 = t?.groups.find((g) => g.id === 'R1');
      const r2 = t?.groups.find((g) => g.id === 'R2');
      expect(r2?.morphology, name).toBe('suture');
      const mm = Math.hypot((r1?.centre.x ?? 0) - (r2?.centre.x ?? 1e9), (r1?.centre.y ?? 0) - (r2?.centre.y ?? 1e9)) * (t?.calibration.spacingMm ?? 0);
      expect(mm, name).toBeLessThan(20);
    }
  });
});

describe('writeExam', () => {
  it('writes 8 images with truth beside each and an exam.json naming the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exam-'));
    const written = await writeExam(dir, exam);
    expect(written.filter((f) => f.endsWith('.dcm'))).toHaveLength(8);
    const doc = JSON.parse(readFileSync(join(dir, 'exam.json'), 'utf8')) as { studies: { images: { file: string }[] }[] };
    const files = doc.studies.flatMap((s) => s.images.map((i) => i.file));
    expect(files).toContain('prior/LMLO.dcm');
    for (const f of files) expect(readFileSync(join(dir, f)).subarray(128, 132).toString('latin1')).toBe('DICM');
    rmSync(dir, { recursive: true, force: true });
  });
});
