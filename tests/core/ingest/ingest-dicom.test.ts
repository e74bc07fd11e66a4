import { describe, expect, it } from 'vitest';
import { ingestDicom, ingestUncompressed } from '../../../src/core/ingest/index.js';
import { FOR_PROCESSING_WARNING } from '../../../src/core/ingest/ingest-dicom.js';
import { readDensityPatch } from '../../../src/core/image.js';
import { IMPLICIT_LE, testPixels, writeMammogram } from './mammogram-file.js';

async function ingestOk(bytes: Uint8Array) {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

describe('ingestDicom on an uncompressed MG For Presentation image', () => {
  it('keeps the stored pixel values exactly, as a view onto the file bytes', async () => {
    const pixels = testPixels(40, 30, 12, 3) as Uint16Array;
    const bytes = writeMammogram({ rows: 40, columns: 30, pixels });
    const image = await ingestOk(bytes);
    expect(image.rows).toBe(40);
    expect(image.columns).toBe(30);
    expect(image.stored).toBeInstanceOf(Uint16Array);
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
    expect(image.stored.buffer).toBe(bytes.buffer);
  });

  it('copies only when the pixel data is not 2-byte aligned, with the same values', async () => {
    const pixels = testPixels(8, 6, 12, 5) as Uint16Array;
    const file = writeMammogram({ rows: 8, columns: 6, pixels });
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    const image = await ingestOk(shifted.subarray(1));
    expect(image.stored.buffer).not.toBe(shifted.buffer);
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
  });

  it('reads implicit VR little endian the same way', async () => {
    const pixels = testPixels(16, 12, 14, 9) as Uint16Array;
    const image = await ingestOk(writeMammogram({ rows: 16, columns: 12, bitsStored: 14, pixels, transferSyntaxUid: IMPLICIT_LE }));
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
    expect(image.meta.transferSyntaxUid).toBe(IMPLICIT_LE);
    expect(image.meta.view).toBe('CC');
    expect(image.meta.viewSource).toBe('view-code-sequence');
  });

  it('reads 8-bit images as bytes without copying', async () => {
    const pixels = testPixels(10, 10, 8, 2) as Uint8Array;
    const bytes = writeMammogram({ rows: 10, columns: 10, bitsAllocated: 8, bitsStored: 8, pixels });
    const image = await ingestOk(bytes);
    expect(image.stored).toBeInstanceOf(Uint8Array);
    expect(image.stored.buffer).toBe(bytes.buffer);
    expect(Array.from(image.stored)).toEqual(Array.from(pixels));
  });

  it('fills the metadata from the header', async () => {
    const image = await ingestOk(writeMammogram());
    const m = image.meta;
    expect(m.modality).toBe('MG');
    expect(m.sopClassUid).toBe('1.2.840.10008.5.1.4.1.1.1.2');
    expect(m.sopInstanceUid).toBe('1.2.826.0.1.3680043.8.498.1');
    expect(m.studyInstanceUid).toBe('1.2.826.0.1.3680043.8.498.2');
    expect(m.seriesInstanceUid).toBe('1.2.826.0.1.3680043.8.498.3');
    expect(m.presentationIntent).toBe('FOR PRESENTATION');
    expect(m.laterality).toBe('R');
    expect(m.patientOrientation).toEqual(['P', 'L']);
    expect(m.implantPresent).toBe(false);
    expect(m.studyDate).toBe('20240115');
    expect(m.patientAgeYears).toBe(56);
    expect(m.manufacturer).toBe('Phantom Works');
    expect(m.patientName).toBe('Doe^Jane');
    expect(m.windows).toEqual([
      { center: 2048, width: 4096, explanation: 'NORMAL' },
      { center: 1500, width: 2000, explanation: 'HARDER' },
    ]);
    expect(m.voiLutFunction).toBe('SIGMOID');
    expect(m.bitsAllocated).toBe(16);
    expect(m.bitsStored).toBe(12);
    expect(m.photometric).toBe('MONOCHROME2');
    expect(m.warnings).toEqual([]);
  });

  it('reads the patient and study attributes a structured report copies, null when absent', async () => {
    const attributes = { PatientSex: 'F', StudyTime: '101500.25', AccessionNumber: 'ACC-42', ReferringPhysicianName: 'Referrer^Rita', StudyID: 'S42' };
    const m = (await ingestOk(writeMammogram({ attributes }))).meta;
    expect([m.patientSex, m.studyTime, m.accessionNumber, m.referringPhysicianName, m.studyId]).toEqual(['F', '101500.25', 'ACC-42', 'Referrer^Rita', 'S42']);
    const none = { PatientSex: undefined, StudyTime: undefined, AccessionNumber: undefined, ReferringPhysicianName: undefined, StudyID: undefined };
    const bare = (await ingestOk(writeMammogram({ attributes: none }))).meta;
    expect([bare.patientSex, bare.studyTime, bare.accessionNumber, bare.referringPhysicianName, bare.studyId]).toEqual([null, null, null, null, null]);
  });

  it('calibrates from Imager Pixel Spacing and the ERMF', async () => {
    const image = await ingestOk(writeMammogram());
    expect(image.calibration.kind).toBe('magnification-corrected');
    expect(image.calibration.rowSpacingMm).toBeCloseTo(0.07 / 1.08, 12);
    expect(image.calibration.columnSpacingMm).toBeCloseTo(0.07 / 1.08, 12);
    expect(image.calibration.source).toBe('Imager Pixel Spacing 0.07\\0.07 mm ÷ ERMF 1.08');
  });

  it('treats zero Imager Pixel Spacing as uncalibrated and says so in the warnings', async () => {
    const image = await ingestOk(writeMammogram({ attributes: { ImagerPixelSpacing: [0, 0], EstimatedRadiographicMagnificationFactor: undefined } }));
    expect(image.calibration.kind).toBe('uncalibrated');
    expect(image.calibration.rowSpacingMm).toBeNull();
    expect(image.meta.warnings).toEqual(['Imager Pixel Spacing 0\\0 is invalid: image treated as uncalibrated']);
  });

  it('takes the presentation intent from the SOP class when the attribute is absent', async () => {
    const image = await ingestOk(
      writeMammogram({ attributes: { PresentationIntentType: undefined, SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.2.1' } }),
    );
    expect(image.meta.presentationIntent).toBe('FOR PROCESSING');
    expect(image.meta.warnings).toContain(FOR_PROCESSING_WARNING);
  });

  it('says a For Processing image is raw data, not the image radiologists read; a For Presentation image is not warned about', async () => {
    const raw = await ingestOk(writeMammogram({ attributes: { PresentationIntentType: 'FOR PROCESSING' } }));
    expect(raw.meta.warnings.filter((w) => w.startsWith('For Processing image'))).toEqual([FOR_PROCESSING_WARNING]);
    const shown = await ingestOk(writeMammogram({}));
    expect(shown.meta.presentationIntent).toBe('FOR PRESENTATION');
    expect(shown.meta.warnings.some((w) => w.includes('For Processing'))).toBe(false);
  });

  it('maps MONOCHROME1 so that denser is higher, masking bits above Bits Stored', async () => {
    const pixels = new Uint16Array([0, 4095, 0xf000 | 100, 2000]);
    const image = await ingestOk(writeMammogram({ rows: 2, columns: 2, pixels, photometric: 'MONOCHROME1' }));
    const patch = readDensityPatch(image, { x0: 0, y0: 0, x1: 2, y1: 2 });
    expect(Array.from(patch?.data ?? [])).toEqual([4095, 0, 3995, 2095]);
  });

  it('keeps signed pixels signed and applies the rescale', async () => {
    const pixels = new Int16Array([-2048, -1, 0, 2047]);
    const image = await ingestOk(
      writeMammogram({ rows: 2, columns: 2, pixels, pixelRepresentation: 1, attributes: { RescaleSlope: 2, RescaleIntercept: 10 } }),
    );
    expect(image.stored).toBeInstanceOf(Int16Array);
    expect([0, 1, 2, 3].map((i) => image.toDensity(image.stored[i] as number))).toEqual([-4086, 8, 10, 4104]);
  });
});

describe('hostile text in the header', () => {
  it('returns markup literally and strips control characters', async () => {
    const name = '<img src=x onerror=alert(1)>\u0001\u001b[31m\u007f\u0085^Eve';
    const image = await ingestOk(
      writeMammogram({ attributes: { SpecificCharacterSet: 'ISO_IR 192', PatientName: name, Manufacturer: 'ACME\u0007\u0000' } }),
    );
    expect(image.meta.patientName).toBe('<img src=x onerror=alert(1)>[31m^Eve');
    expect(image.meta.manufacturer).toBe('ACME');
  });

  it('strips single-byte C1 controls in the default character set', async () => {
    const bytes = writeMammogram({ attributes: { PatientName: 'Ann#Lee' } });
    const at = Buffer.from(bytes).indexOf('Ann#Lee');
    bytes[at + 3] = 0x9b;
    const image = await ingestOk(bytes);
    expect(image.meta.patientName).toBe('AnnLee');
  });

  it('decodes UTF-8 names when the character set says ISO_IR 192', async () => {
    const image = await ingestOk(writeMammogram({ attributes: { SpecificCharacterSet: 'ISO_IR 192', PatientName: 'Müller^Zoë' } }));
    expect(image.meta.patientName).toBe('Müller^Zoë');
  });
});

describe('ingestUncompressed', () => {
  it('gives the same image synchronously', () => {
    const pixels = testPixels(12, 9, 12, 11) as Uint16Array;
    const r = ingestUncompressed(writeMammogram({ rows: 12, columns: 9, pixels }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Array.from(r.value.stored)).toEqual(Array.from(pixels));
  });
});
