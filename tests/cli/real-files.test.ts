/**
 * The command line on the real files in test-data/real-mg and on real-vendor header quirks:
 * digitised films open (uncalibrated, said to be secondary captures), the GE full-field image
 * keeps its calibration, a GE Senographe DS-like absurd Pixel Spacing is not trusted, and a file
 * without preamble is read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeMammogram } from '../core/ingest/mammogram-file.js';
import { runCli } from './run-cli.js';

const realMg = fileURLToPath(new URL('../../test-data/real-mg/', import.meta.url));
const FILMS = ['digitised-film-lmlo-jpeg12.dcm', 'digitised-film-lmlo-j2k.dcm'];
const FILM_WARNING = 'RG image (Secondary Capture Image Storage) with Body Part Examined BREAST: accepted as a digitised film mammogram (secondary capture, not a digital mammogram)';
/** A bright dot inside the mass on the film (stored-image pixels, X = column). */
const DOT = '1265,1805';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-real-'));
});

describe('calcscribe on the digitised film', () => {
  for (const film of FILMS) {
    it(`info opens ${film} as an uncalibrated left MLO and says it is a digitised film`, async () => {
      const r = await runCli(['info', join(realMg, film), '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const info = JSON.parse(r.stdout);
      expect(info).toMatchObject({ modality: 'RG', sopClassUid: '1.2.840.10008.5.1.4.1.1.7', laterality: 'L', view: 'MLO', rows: 4664, columns: 3064 });
      expect(info.calibration).toEqual({ kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'no Pixel Spacing or Imager Pixel Spacing' });
      expect(info.warnings[0]).toBe(FILM_WARNING);
    });

    it(`analyze measures a dot on ${film} in pixels only`, async () => {
      const r = await runCli(['analyze', join(realMg, film), '--at', DOT, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.calibration.kind).toBe('uncalibrated');
      expect(out.calcifications).toHaveLength(1);
      const c = out.calcifications[0];
      expect(c.longAxisMm).toBeNull();
      expect(c.longAxisPx).toBeGreaterThan(20);
      expect(c.longAxisPx).toBeLessThan(80);
      expect(Math.hypot(c.x - 1270, c.y - 1808)).toBeLessThan(20);
      expect(out.warnings).toContain(FILM_WARNING);
    }, 60_000);
  }

  it('analyze --roi on the film states the uncalibrated caveat once in the group\'s evidence', async () => {
    const r = await runCli(['analyze', join(realMg, FILMS[0] as string), '--roi', '1767,3004,1967,3204', '--json']);
    expect(r.code).toBe(0);
    const evidence: string[] = JSON.parse(r.stdout).group.evidence;
    expect(evidence.filter((e) => e.startsWith('image uncalibrated'))).toHaveLength(1);
    expect(new Set(evidence).size).toBe(evidence.length);
  }, 60_000);

  it('analyze prints the film sizes as pixels in its text output', async () => {
    const r = await runCli(['analyze', join(realMg, FILMS[0] as string), '--at', DOT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/long axis \d+\.\d px \(uncalibrated\)/);
    expect(r.stdout).toContain(`warning: ${FILM_WARNING}`);
  }, 60_000);
});

describe('calcscribe analyze --roi on the real GE image', () => {
  it('outlines the round calcification alone and lists the tissue it left out, in the JSON and as a warning', async () => {
    const file = join(realMg, 'ge-senographe-essential-rmlo.dcm');
    const r = await runCli(['analyze', file, '--roi', '1700,1600,1950,1850', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.calcifications).toHaveLength(1);
    expect(out.calcifications[0].morphology).toEqual(['round']);
    expect(out.suggestion.assessment).toBe('2');
    expect(out.leftOutAsTissue).toHaveLength(3);
    for (const l of out.leftOutAsTissue) {
      expect(Number.isInteger(l.x) && Number.isInteger(l.y)).toBe(true);
      expect(l.why).toMatch(/^edge \d\.\d\d mm > 0\.40 mm, and 0\.\d\d of its width of \d\.\d+ mm > 0\.5$/);
    }
    const text = await runCli(['analyze', file, '--roi', '1700,1600,1950,1850']);
    expect(text.stdout).toMatch(/^warning: 3 densities in the region left out as tissue, not calcification \(/m);
  }, 60_000);
});

describe('calcscribe info on real vendor headers', () => {
  it('keeps the GE Senographe Essential calibration (Imager Pixel Spacing ÷ ERMF 1)', async () => {
    const r = await runCli(['info', join(realMg, 'ge-senographe-essential-rmlo.dcm'), '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.calibration.kind).toBe('magnification-corrected');
    expect(info.calibration.rowSpacingMm).toBeCloseTo(0.0941, 4);
    expect(info.modality).toBe('MG');
  });

  it('does not trust a GE Senographe DS-like Pixel Spacing of 74.7\\46.6 mm beside Imager Pixel Spacing 0.094', async () => {
    const p = join(dir, 'senograph-ds.dcm');
    writeFileSync(
      p,
      writeMammogram({
        attributes: { Manufacturer: 'GE MEDICAL SYSTEMS', PixelSpacing: [74.7, 46.6], ImagerPixelSpacing: [0.094, 0.094], EstimatedRadiographicMagnificationFactor: undefined },
      }),
    );
    const r = await runCli(['info', p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calibration\s+detector: 0\.094 mm\/pixel/);
    expect(r.stdout).toContain(
      'warning        Pixel Spacing 74.7\\46.6 mm is outside 0.02–0.5 mm for a mammogram (Imager Pixel Spacing 0.094\\0.094 mm): ignored, using Imager Pixel Spacing instead',
    );
  });

  it('reads a file without preamble and "DICM" marker, and says so', async () => {
    const p = join(dir, 'no-preamble.dcm');
    writeFileSync(p, readFileSync(fileURLToPath(new URL('../../test-data/unit/implicit-vr.dcm', import.meta.url))).subarray(132));
    const r = await runCli(['info', p, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings[0]).toBe('no 128-byte preamble and "DICM" marker: read from its File Meta Information');
  });

  it('still refuses garbage without a preamble (exit 2, one line)', async () => {
    const p = join(dir, 'garbage.dcm');
    writeFileSync(p, Uint8Array.from({ length: 2000 }, (_, i) => (i * 37 + 11) & 0xff));
    const r = await runCli(['info', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`calcscribe info: ${p}: not a DICOM file: no "DICM" marker at byte 128, and it does not start like a data set without one\n`);
  });
});
