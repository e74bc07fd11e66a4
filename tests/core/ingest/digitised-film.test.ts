/**
 * Digitised screen-film mammograms (Secondary Capture, Modality RG, Body Part Examined BREAST):
 * the two real files in test-data/real-mg, one image compressed two ways (JPEG Extended 12-bit
 * and JPEG 2000 lossy), open as uncalibrated mammograms and decode to the right pixels; other
 * secondary captures and CR / DX images are accepted only when the header shows a breast.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import type { MammoImage } from '../../../src/core/image.js';
import { describeCalibration } from '../../../src/core/info.js';
import { dcmtkConvert, dcmtkModify } from './dcmtk.js';
import { testPixels, writeMammogram } from './mammogram-file.js';

const real = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test-data/real-mg/${name}`, import.meta.url)));
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

async function ingestOk(bytes: Uint8Array): Promise<MammoImage> {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(`expected an image, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

describe('the digitised film in two lossy codecs', () => {
  let jpeg12: MammoImage;
  let j2k: MammoImage;
  let dcmtkJpeg12: MammoImage;
  beforeAll(async () => {
    const file = real('digitised-film-lmlo-jpeg12.dcm');
    jpeg12 = await ingestOk(file);
    j2k = await ingestOk(real('digitised-film-lmlo-j2k.dcm'));
    dcmtkJpeg12 = await ingestOk(dcmtkConvert('dcmdjpeg', [], file));
  }, 120_000);

  it('opens both as an uncalibrated left MLO, saying it is a digitised film (secondary capture)', () => {
    for (const [image, ts] of [
      [jpeg12, '1.2.840.10008.1.2.4.51'],
      [j2k, '1.2.840.10008.1.2.4.91'],
    ] as const) {
      expect(image.meta.transferSyntaxUid).toBe(ts);
      expect(image.meta.sopClassUid).toBe(SECONDARY_CAPTURE);
      expect(image.meta.modality).toBe('RG');
      expect([image.columns, image.rows]).toEqual([3064, 4664]);
      expect(image.meta.laterality).toBe('L');
      expect(image.meta.view).toBe('MLO');
      expect(image.calibration).toEqual({ kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'no Pixel Spacing or Imager Pixel Spacing' });
      expect(image.meta.warnings[0]).toBe(
        'RG image (Secondary Capture Image Storage) with Body Part Examined BREAST: accepted as a digitised film mammogram (secondary capture, not a digital mammogram)',
      );
    }
  });

  it('decodes JPEG Extended 12-bit like dcmtk (within the ±1 inverse DCTs differ by; the top 15 levels excepted)', () => {
    const ours = jpeg12.stored;
    const theirs = dcmtkJpeg12.stored;
    expect(ours.length).toBe(theirs.length);
    let worst = 0;
    let sum = 0;
    let exact = 0;
    let nonzero = 0;
    for (let i = 0; i < ours.length; i++) {
      const t = theirs[i] as number;
      const d = (ours[i] as number) - t;
      if (t !== 0) nonzero++;
      if (d === 0) exact++;
      sum += d;
      if (t <= 4080) worst = Math.max(worst, Math.abs(d));
    }
    expect(nonzero / ours.length).toBeGreaterThan(0.5);
    expect(worst).toBeLessThanOrEqual(2);
    expect(Math.abs(sum / ours.length)).toBeLessThan(0.2);
    expect(exact / ours.length).toBeGreaterThan(0.8);
  });

  it('decodes the JPEG 2000 copy close to the JPEG one, not equal (two lossy codecs of one image)', () => {
    const a = jpeg12.stored;
    const b = j2k.stored;
    let sum = 0;
    let sumAbs = 0;
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < a.length; i++) {
      ma += a[i] as number;
      mb += b[i] as number;
    }
    ma /= a.length;
    mb /= b.length;
    let cov = 0;
    let va = 0;
    let vb = 0;
    for (let i = 0; i < a.length; i++) {
      const x = (a[i] as number) - ma;
      const y = (b[i] as number) - mb;
      cov += x * y;
      va += x * x;
      vb += y * y;
      const d = (a[i] as number) - (b[i] as number);
      sum += d;
      sumAbs += Math.abs(d);
    }
    const correlation = cov / Math.sqrt(va * vb);
    expect(correlation).toBeGreaterThan(0.99);
    expect(Math.abs(sum / a.length)).toBeLessThan(1);
    expect(sumAbs / a.length).toBeGreaterThan(1);
    expect(sumAbs / a.length).toBeLessThan(40);
  });
});

describe('the digitised film with the digitiser pitch in its header (Nominal Scanned Pixel Spacing)', () => {
  const film = (): Uint8Array => real('digitised-film-lmlo-jpeg12.dcm');

  it('measures in mm at the film with a copy carrying 0.05\\0.05 mm, labelled as the scanner pitch, not magnification-corrected', async () => {
    const image = await ingestOk(dcmtkModify(['-i', '(0018,2010)=0.05\\0.05'], film()));
    expect(image.calibration).toEqual({
      kind: 'film-scanner',
      rowSpacingMm: 0.05,
      columnSpacingMm: 0.05,
      source: 'Nominal Scanned Pixel Spacing 0.05\\0.05 mm (scanner pitch on the film, no magnification correction)',
    });
    expect(describeCalibration(image.calibration)).toBe(
      'film-scanner: 0.05 mm/pixel — digitiser pitch on the film (Nominal Scanned Pixel Spacing), not corrected for magnification: sizes read slightly large (Nominal Scanned Pixel Spacing 0.05\\0.05 mm (scanner pitch on the film, no magnification correction))',
    );
  }, 60_000);

  it('stays uncalibrated, naming the value, with a pitch in the wrong unit (300 for 300 dpi)', async () => {
    const image = await ingestOk(dcmtkModify(['-i', '(0018,2010)=300\\300'], film()));
    expect(image.calibration.kind).toBe('uncalibrated');
    expect(image.meta.warnings).toContain('Nominal Scanned Pixel Spacing 300\\300 mm is outside 0.02–0.5 mm for a mammogram: ignored, image treated as uncalibrated');
    // The kind is named once: "uncalibrated: sizes in pixels only …", not "uncalibrated: uncalibrated: …".
    expect(describeCalibration(image.calibration)).toMatch(/^uncalibrated: sizes in pixels only; a millimetre threshold is applied only where it holds at every film scan pitch the image may have \(0\.042–0\.2 mm per pixel\) \(/);
    // With the image's size (the WG04 film, 3064 × 4664): the pitches it may have, and why.
    expect(describeCalibration(image.calibration, image)).toMatch(
      /^uncalibrated: sizes in pixels only; a millimetre threshold is applied only where it holds at every film scan pitch the image may have \(0\.042–0\.093 mm per pixel: the image's 4664 px long side spans at most 43 cm, the longest film\) \(/,
    );
  }, 60_000);
});

describe('which secondary captures and projection radiographs are mammograms', () => {
  const sc = { SOPClassUID: SECONDARY_CAPTURE, Modality: 'OT', ViewCodeSequence: undefined, ImageLaterality: undefined };

  it('accepts a secondary capture with a mammography view and a laterality, without a body part', async () => {
    const image = await ingestOk(writeMammogram({ attributes: { ...sc, ViewPosition: 'CC', ImageLaterality: 'R' } }));
    expect(image.meta.warnings[0]).toBe(
      'OT image (Secondary Capture Image Storage) with a mammography view (R CC): accepted as a digitised film mammogram (secondary capture, not a digital mammogram)',
    );
  });

  it('keeps a spacing a secondary capture carries', async () => {
    const image = await ingestOk(
      writeMammogram({ attributes: { ...sc, BodyPartExamined: 'BREAST', ImagerPixelSpacing: undefined, EstimatedRadiographicMagnificationFactor: undefined, PixelSpacing: [0.05, 0.05], PixelSpacingCalibrationType: 'FIDUCIAL' } }),
    );
    expect(image.calibration.kind).toBe('fiducial');
    expect(image.calibration.rowSpacingMm).toBe(0.05);
  });

  it('accepts a CR image with a mammography view and a laterality', async () => {
    const r = await ingestDicom(writeMammogram({ attributes: { SOPClassUID: '1.2.840.10008.5.1.4.1.1.1', Modality: 'CR', ViewPosition: 'MLO', ViewCodeSequence: undefined } }));
    expect(r.ok ? r.value.meta.warnings[0] : r.error.message).toBe('CR image (Computed Radiography Image Storage) with a mammography view (R MLO): accepted as a mammogram');
  });

  it('refuses a secondary capture of something else, and one whose view comes only from Patient Orientation', async () => {
    const chest = await ingestDicom(writeMammogram({ attributes: { ...sc, BodyPartExamined: 'CHEST', ViewPosition: 'PA' } }));
    expect(chest.ok ? null : chest.error).toEqual({
      kind: 'not-mammography',
      message: 'OT image (Secondary Capture Image Storage), not a mammogram (Body Part Examined CHEST, not BREAST)',
    });
    const orientationOnly = await ingestDicom(writeMammogram({ attributes: { ...sc, ViewPosition: undefined, ImageLaterality: 'L', PatientOrientation: ['P', 'L'] } }));
    expect(orientationOnly.ok ? null : orientationOnly.error.kind).toBe('not-mammography');
    const noLaterality = await ingestDicom(writeMammogram({ attributes: { ...sc, ViewPosition: 'CC' } }));
    expect(noLaterality.ok ? null : noLaterality.error).toEqual({
      kind: 'not-mammography',
      message: 'OT image (Secondary Capture Image Storage), not a mammogram (no Body Part Examined, and no mammography view with a laterality)',
    });
    const chestView = await ingestDicom(writeMammogram({ attributes: { ...sc, BodyPartExamined: 'CHEST', ViewPosition: 'CC', ImageLaterality: 'R' } }));
    expect(chestView.ok ? null : chestView.error.kind).toBe('not-mammography');
  });

  it('still refuses a CT image, even of the breast', async () => {
    const r = await ingestDicom(writeMammogram({ attributes: { Modality: 'CT', SOPClassUID: '1.2.840.10008.5.1.4.1.1.2', BodyPartExamined: 'BREAST' } }));
    expect(r.ok ? null : r.error).toEqual({ kind: 'not-mammography', message: 'CT image (CT Image Storage), not a mammogram' });
  });
});

describe('JPEG Extended made by dcmtk (dcmcjpeg +ee) decodes like dcmtk decodes it', () => {
  for (const [bits, allocated] of [
    [12, 16],
    [8, 8],
  ] as const) {
    it(`${bits}-bit`, async () => {
      const pixels = testPixels(64, 48, bits, 9);
      const source = writeMammogram({ rows: 64, columns: 48, pixels, bitsAllocated: allocated, bitsStored: bits });
      const compressed = dcmtkConvert('dcmcjpeg', ['+ee'], source);
      const ours = await ingestOk(compressed);
      expect(ours.meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.51');
      const theirs = await ingestOk(dcmtkConvert('dcmdjpeg', [], compressed));
      expect(ours.stored.constructor).toBe(theirs.stored.constructor);
      let worst = 0;
      for (let i = 0; i < ours.stored.length; i++) {
        if ((theirs.stored[i] as number) > 2 ** bits - 17) continue;
        worst = Math.max(worst, Math.abs((ours.stored[i] as number) - (theirs.stored[i] as number)));
      }
      expect(worst).toBeLessThanOrEqual(1);
    });
  }
});
