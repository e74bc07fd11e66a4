import { describe, expect, it } from 'vitest';
import dicomParser from 'dicom-parser';
import { decideCalibration, readCalibration, type CalibrationAttributes } from '../../../src/core/ingest/index.js';
import { writeMammogram } from './mammogram-file.js';

const NONE: CalibrationAttributes = {
  pixelSpacing: null,
  pixelSpacingCalibrationType: null,
  imagerPixelSpacing: null,
  estimatedRadiographicMagnificationFactor: null,
  distanceSourceToDetector: null,
  distanceSourceToPatient: null,
  nominalScannedPixelSpacing: null,
};
const decide = (a: Partial<CalibrationAttributes>) => decideCalibration({ ...NONE, ...a });

describe('decideCalibration', () => {
  it('uses Pixel Spacing with calibration type FIDUCIAL first', () => {
    const r = decide({ pixelSpacing: '0.05\\0.06', pixelSpacingCalibrationType: 'FIDUCIAL', imagerPixelSpacing: '0.07\\0.07', estimatedRadiographicMagnificationFactor: '1.1' });
    expect(r.calibration).toEqual({ kind: 'fiducial', rowSpacingMm: 0.05, columnSpacingMm: 0.06, source: 'Pixel Spacing 0.05\\0.06 mm (calibration type FIDUCIAL)' });
    expect(r.warnings).toEqual([]);
  });

  it('uses Pixel Spacing with calibration type GEOMETRY before Imager Pixel Spacing', () => {
    const r = decide({ pixelSpacing: '0.065\\0.065', pixelSpacingCalibrationType: 'GEOMETRY', imagerPixelSpacing: '0.07\\0.07' });
    expect(r.calibration.kind).toBe('geometry');
    expect(r.calibration.rowSpacingMm).toBe(0.065);
  });

  it('takes Pixel Spacing without a calibration type as geometry-corrected, with a warning', () => {
    const r = decide({ pixelSpacing: '0.065\\0.065', imagerPixelSpacing: '0.07\\0.07' });
    expect(r.calibration.kind).toBe('geometry');
    expect(r.calibration.source).toBe('Pixel Spacing 0.065\\0.065 mm (no Pixel Spacing Calibration Type)');
    expect(r.warnings).toEqual(['Pixel Spacing with no Pixel Spacing Calibration Type: taken as corrected for geometric magnification']);
  });

  it('ignores Pixel Spacing that only repeats Imager Pixel Spacing, and corrects by the ERMF', () => {
    const r = decide({ pixelSpacing: '0.07\\0.07', imagerPixelSpacing: '0.07\\0.07', estimatedRadiographicMagnificationFactor: '1.25' });
    expect(r.calibration.kind).toBe('magnification-corrected');
    expect(r.calibration.rowSpacingMm).toBeCloseTo(0.056, 12);
    expect(r.warnings[0]).toContain('Pixel Spacing equals Imager Pixel Spacing');
  });

  it('divides Imager Pixel Spacing by the ERMF', () => {
    const r = decide({ imagerPixelSpacing: '0.1\\0.085', estimatedRadiographicMagnificationFactor: '2.0' });
    expect(r.calibration).toEqual({ kind: 'magnification-corrected', rowSpacingMm: 0.05, columnSpacingMm: 0.0425, source: 'Imager Pixel Spacing 0.1\\0.085 mm ÷ ERMF 2.0' });
  });

  it('derives the magnification from SID / SOD when there is no ERMF', () => {
    const r = decide({ imagerPixelSpacing: '0.07\\0.07', distanceSourceToDetector: '660', distanceSourceToPatient: '600' });
    expect(r.calibration.kind).toBe('magnification-corrected');
    expect(r.calibration.rowSpacingMm).toBeCloseTo(0.07 / 1.1, 12);
    expect(r.calibration.source).toContain('Distance Source to Detector 660 mm / Distance Source to Patient 600 mm');
  });

  it('ignores an SOD larger than the SID', () => {
    expect(decide({ imagerPixelSpacing: '0.07\\0.07', distanceSourceToDetector: '600', distanceSourceToPatient: '660' }).calibration.kind).toBe('detector');
  });

  it('falls back to detector spacing with Imager Pixel Spacing alone', () => {
    const r = decide({ imagerPixelSpacing: '0.07\\0.07' });
    expect(r.calibration.kind).toBe('detector');
    expect(r.calibration.rowSpacingMm).toBe(0.07);
    expect(r.calibration.source).toContain('at the detector');
  });

  it('ignores an ERMF that is not a positive number, with a warning', () => {
    for (const ermf of ['abc', '-1.1', '0']) {
      const r = decide({ imagerPixelSpacing: '0.07\\0.07', estimatedRadiographicMagnificationFactor: ermf });
      expect(r.calibration.kind).toBe('detector');
      expect(r.warnings).toEqual([`Estimated Radiographic Magnification Factor ${ermf} is invalid: ignored`]);
    }
  });

  it('is uncalibrated without any spacing', () => {
    const r = decide({});
    expect(r.calibration).toEqual({ kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'no Pixel Spacing or Imager Pixel Spacing' });
    expect(r.warnings).toEqual([]);
  });

  it('treats zero Imager Pixel Spacing as uncalibrated, saying so', () => {
    const r = decide({ imagerPixelSpacing: '0\\0', estimatedRadiographicMagnificationFactor: '1.1' });
    expect(r.calibration.kind).toBe('uncalibrated');
    expect(r.calibration.rowSpacingMm).toBeNull();
    expect(r.warnings).toEqual(['Imager Pixel Spacing 0\\0 is invalid: image treated as uncalibrated']);
  });

  it('refuses negative, non-numeric, one-valued and empty spacings', () => {
    for (const bad of ['-0.07\\0.07', 'abc\\0.07', '0.07', '\\', '0.07\\0.07\\0.07']) {
      const r = decide({ imagerPixelSpacing: bad });
      expect(r.calibration.kind, bad).toBe('uncalibrated');
      expect(r.warnings, bad).toEqual([`Imager Pixel Spacing ${bad} is invalid: image treated as uncalibrated`]);
    }
  });

  it('uses Imager Pixel Spacing with a warning when Pixel Spacing is invalid', () => {
    const r = decide({ pixelSpacing: '0\\0', pixelSpacingCalibrationType: 'GEOMETRY', imagerPixelSpacing: '0.07\\0.07' });
    expect(r.calibration.kind).toBe('detector');
    expect(r.warnings).toEqual(['Pixel Spacing 0\\0 is invalid: using Imager Pixel Spacing instead']);
  });
});

describe('decideCalibration: the magnification factor must be a mammography geometry (1–2.5)', () => {
  const outside = 'outside 1–2.5 for a mammogram (contact views about 1.0–1.2, magnification views 1.5–2.0): ignored';

  it('keeps an ERMF of 1, 1.1 (contact), 1.8 (magnification stand) and 2.5, and ignores 0.8, 0.99, 2.51 and 10, naming the value', () => {
    for (const ermf of ['1', '1.1', '1.8', '2.5']) {
      const r = decide({ imagerPixelSpacing: '0.1\\0.1', estimatedRadiographicMagnificationFactor: ermf });
      expect(r.calibration.kind, ermf).toBe('magnification-corrected');
      expect(r.calibration.rowSpacingMm, ermf).toBeCloseTo(0.1 / Number(ermf), 12);
      expect(r.warnings, ermf).toEqual([]);
    }
    for (const ermf of ['0.8', '0.99', '2.51', '10']) {
      const r = decide({ imagerPixelSpacing: '0.1\\0.1', estimatedRadiographicMagnificationFactor: ermf });
      expect(r.calibration, ermf).toEqual({ kind: 'detector', rowSpacingMm: 0.1, columnSpacingMm: 0.1, source: 'Imager Pixel Spacing 0.1\\0.1 mm (at the detector, no magnification correction)' });
      expect(r.warnings, ermf).toEqual([`Estimated Radiographic Magnification Factor ${ermf} is ${outside}`]);
    }
  });

  it('falls back to a plausible SID / SOD when the ERMF is implausible', () => {
    const r = decide({ imagerPixelSpacing: '0.07\\0.07', estimatedRadiographicMagnificationFactor: '108', distanceSourceToDetector: '660', distanceSourceToPatient: '600' });
    expect(r.calibration.kind).toBe('magnification-corrected');
    expect(r.calibration.rowSpacingMm).toBeCloseTo(0.07 / 1.1, 12);
    expect(r.warnings).toEqual([`Estimated Radiographic Magnification Factor 108 is ${outside}`]);
  });

  it('ignores an SID / SOD magnification outside 1–2.5, naming both distances and the factor', () => {
    const far = decide({ imagerPixelSpacing: '0.07\\0.07', distanceSourceToDetector: '660', distanceSourceToPatient: '60' });
    expect(far.calibration.kind).toBe('detector');
    expect(far.warnings).toEqual([`Distance Source to Detector 660 mm / Distance Source to Patient 60 mm gives a magnification of 11, ${outside}`]);
    const swapped = decide({ imagerPixelSpacing: '0.07\\0.07', distanceSourceToDetector: '600', distanceSourceToPatient: '660' });
    expect(swapped.calibration.kind).toBe('detector');
    expect(swapped.warnings).toEqual([`Distance Source to Detector 600 mm / Distance Source to Patient 660 mm gives a magnification of 0.9091, ${outside}`]);
  });
});

describe('decideCalibration: Nominal Scanned Pixel Spacing of a digitised film', () => {
  it('uses it when there is no Pixel Spacing or Imager Pixel Spacing, as the scanner pitch on the film', () => {
    const r = decide({ nominalScannedPixelSpacing: '0.05\\0.06' });
    expect(r.calibration).toEqual({
      kind: 'film-scanner',
      rowSpacingMm: 0.05,
      columnSpacingMm: 0.06,
      source: 'Nominal Scanned Pixel Spacing 0.05\\0.06 mm (scanner pitch on the film, no magnification correction)',
    });
    expect(r.warnings).toEqual([]);
  });

  it('comes after Pixel Spacing and Imager Pixel Spacing', () => {
    expect(decide({ pixelSpacing: '0.04\\0.04', pixelSpacingCalibrationType: 'GEOMETRY', nominalScannedPixelSpacing: '0.05\\0.05' }).calibration.kind).toBe('geometry');
    expect(decide({ imagerPixelSpacing: '0.07\\0.07', nominalScannedPixelSpacing: '0.05\\0.05' }).calibration.kind).toBe('detector');
  });

  it('is used, saying so, when Pixel Spacing or Imager Pixel Spacing is invalid or implausible', () => {
    const badPs = decide({ pixelSpacing: '0\\0', nominalScannedPixelSpacing: '0.05\\0.05' });
    expect(badPs.calibration.kind).toBe('film-scanner');
    expect(badPs.warnings).toEqual(['Pixel Spacing 0\\0 is invalid: using Nominal Scanned Pixel Spacing instead']);
    const absurdPs = decide({ pixelSpacing: '50\\50', nominalScannedPixelSpacing: '0.05\\0.05' });
    expect(absurdPs.calibration.kind).toBe('film-scanner');
    expect(absurdPs.warnings).toEqual(['Pixel Spacing 50\\50 mm is outside 0.02–0.5 mm for a mammogram: ignored, using Nominal Scanned Pixel Spacing instead']);
    const badIps = decide({ imagerPixelSpacing: 'abc', nominalScannedPixelSpacing: '0.05\\0.05' });
    expect(badIps.calibration.kind).toBe('film-scanner');
    expect(badIps.warnings).toEqual(['Imager Pixel Spacing abc is invalid: using Nominal Scanned Pixel Spacing instead']);
  });

  it('is not trusted outside 0.02–0.5 mm or when invalid: uncalibrated, naming the value', () => {
    const dpi = decide({ nominalScannedPixelSpacing: '300\\300' });
    expect(dpi.calibration).toEqual({ kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'no Pixel Spacing or Imager Pixel Spacing, no valid Nominal Scanned Pixel Spacing' });
    expect(dpi.warnings).toEqual(['Nominal Scanned Pixel Spacing 300\\300 mm is outside 0.02–0.5 mm for a mammogram: ignored, image treated as uncalibrated']);
    for (const edge of ['0.02\\0.02', '0.5\\0.5']) expect(decide({ nominalScannedPixelSpacing: edge }).calibration.kind, edge).toBe('film-scanner');
    const bad = decide({ nominalScannedPixelSpacing: '0.05' });
    expect(bad.calibration.kind).toBe('uncalibrated');
    expect(bad.warnings).toEqual(['Nominal Scanned Pixel Spacing 0.05 is invalid: image treated as uncalibrated']);
  });
});

describe('readCalibration', () => {
  it('reads the attributes from a file', () => {
    const bytes = writeMammogram({
      attributes: { PixelSpacing: [0.05, 0.05], PixelSpacingCalibrationType: 'FIDUCIAL', EstimatedRadiographicMagnificationFactor: undefined },
    });
    const r = readCalibration(dicomParser.parseDicom(bytes));
    expect(r.calibration).toEqual({ kind: 'fiducial', rowSpacingMm: 0.05, columnSpacingMm: 0.05, source: 'Pixel Spacing 0.05\\0.05 mm (calibration type FIDUCIAL)' });
  });

  it('reads Pixel Spacing from the shared functional groups of an enhanced image', () => {
    const bytes = writeMammogram({
      attributes: {
        ImagerPixelSpacing: undefined,
        EstimatedRadiographicMagnificationFactor: undefined,
        PixelSpacingCalibrationType: 'GEOMETRY',
        SharedFunctionalGroupsSequence: [{ PixelMeasuresSequence: [{ PixelSpacing: [0.1, 0.1] }] }],
      },
    });
    const r = readCalibration(dicomParser.parseDicom(bytes));
    expect(r.calibration.kind).toBe('geometry');
    expect(r.calibration.columnSpacingMm).toBe(0.1);
  });
});

describe('decideCalibration: implausible spacings are not trusted', () => {
  it('ignores the GE Senographe DS Pixel Spacing 74.7\\46.6 beside Imager Pixel Spacing 0.094, naming both, and uses the detector spacing', () => {
    const r = decide({ pixelSpacing: '74.7\\46.6', imagerPixelSpacing: '0.094\\0.094', estimatedRadiographicMagnificationFactor: '1.0' });
    expect(r.calibration).toEqual({
      kind: 'magnification-corrected',
      rowSpacingMm: 0.094,
      columnSpacingMm: 0.094,
      source: 'Imager Pixel Spacing 0.094\\0.094 mm ÷ ERMF 1.0',
    });
    expect(r.warnings).toEqual([
      'Pixel Spacing 74.7\\46.6 mm is outside 0.02–0.5 mm for a mammogram (Imager Pixel Spacing 0.094\\0.094 mm): ignored, using Imager Pixel Spacing instead',
    ]);
  });

  it('ignores it even with a calibration type, and falls to the detector spacing without an ERMF', () => {
    const r = decide({ pixelSpacing: '74.7\\46.6', pixelSpacingCalibrationType: 'GEOMETRY', imagerPixelSpacing: '0.094\\0.094' });
    expect(r.calibration.kind).toBe('detector');
    expect(r.calibration.rowSpacingMm).toBe(0.094);
    expect(r.warnings[0]).toContain('74.7\\46.6');
    expect(r.warnings[0]).toContain('0.094\\0.094');
  });

  it('is uncalibrated when an absurd Pixel Spacing is the only spacing', () => {
    const r = decide({ pixelSpacing: '74.7\\46.6', pixelSpacingCalibrationType: 'FIDUCIAL' });
    expect(r.calibration.kind).toBe('uncalibrated');
    expect(r.warnings).toEqual(['Pixel Spacing 74.7\\46.6 mm is outside 0.02–0.5 mm for a mammogram: ignored, image treated as uncalibrated']);
  });

  it('keeps a Pixel Spacing at the ratio bounds 0.4 and 1.05 and ignores one just outside, naming the ratio', () => {
    for (const [psValue, ratio] of [
      ['0.04\\0.04', null],
      ['0.105\\0.105', null],
      ['0.0399\\0.0399', '0.399'],
      ['0.1051\\0.1051', '1.051'],
    ] as const) {
      const r = decide({ pixelSpacing: psValue, pixelSpacingCalibrationType: 'GEOMETRY', imagerPixelSpacing: '0.1\\0.1' });
      expect(r.calibration.kind, psValue).toBe(ratio === null ? 'geometry' : 'detector');
      expect(r.warnings, psValue).toEqual(
        ratio === null
          ? []
          : [
              `Pixel Spacing ${psValue} mm disagrees with Imager Pixel Spacing 0.1\\0.1 mm (ratio ${ratio}, outside the 0.4–1.05 that magnification explains): ignored, using Imager Pixel Spacing instead`,
            ],
      );
    }
  });

  it('judges each axis: one axis off is enough to ignore Pixel Spacing', () => {
    const r = decide({ pixelSpacing: '0.09\\0.02', pixelSpacingCalibrationType: 'FIDUCIAL', imagerPixelSpacing: '0.1\\0.1' });
    expect(r.calibration.kind).toBe('detector');
    expect(r.warnings[0]).toContain('(ratio 0.9 and 0.2, outside the 0.4–1.05');
  });

  it('keeps spacings at 0.02 and 0.5 mm and ignores them just outside', () => {
    expect(decide({ imagerPixelSpacing: '0.02\\0.02' }).calibration.kind).toBe('detector');
    expect(decide({ imagerPixelSpacing: '0.5\\0.5' }).calibration.kind).toBe('detector');
    expect(decide({ pixelSpacing: '0.02\\0.5', pixelSpacingCalibrationType: 'FIDUCIAL' }).calibration.kind).toBe('fiducial');
    for (const bad of ['0.0199\\0.0199', '0.5001\\0.5001', '0.07\\0.51']) {
      const r = decide({ imagerPixelSpacing: bad });
      expect(r.calibration.kind, bad).toBe('uncalibrated');
      expect(r.warnings, bad).toEqual([`Imager Pixel Spacing ${bad} mm is outside 0.02–0.5 mm for a mammogram: not trusted`]);
      const p = decide({ pixelSpacing: bad, pixelSpacingCalibrationType: 'FIDUCIAL', imagerPixelSpacing: '0.07\\0.07' });
      expect(p.calibration.kind, bad).toBe('detector');
      expect(p.warnings[0]).toBe(`Pixel Spacing ${bad} mm is outside 0.02–0.5 mm for a mammogram (Imager Pixel Spacing 0.07\\0.07 mm): ignored, using Imager Pixel Spacing instead`);
    }
  });

  it('uses a plausible Pixel Spacing when the Imager Pixel Spacing beside it is absurd', () => {
    const r = decide({ pixelSpacing: '0.085\\0.085', pixelSpacingCalibrationType: 'GEOMETRY', imagerPixelSpacing: '94\\94' });
    expect(r.calibration.kind).toBe('geometry');
    expect(r.calibration.rowSpacingMm).toBe(0.085);
    expect(r.warnings).toEqual(['Imager Pixel Spacing 94\\94 mm is outside 0.02–0.5 mm for a mammogram: not trusted']);
  });
});

describe('readCalibration on a GE Senographe DS-like header', () => {
  it('measures with the detector spacing, not the ×800 Pixel Spacing', () => {
    const bytes = writeMammogram({
      attributes: {
        Manufacturer: 'GE MEDICAL SYSTEMS',
        ManufacturerModelName: 'Senograph DS ADS_43.10.1',
        PixelSpacing: [74.7, 46.6],
        ImagerPixelSpacing: [0.094, 0.094],
        EstimatedRadiographicMagnificationFactor: 1,
      },
    });
    const r = readCalibration(dicomParser.parseDicom(bytes));
    expect(r.calibration.kind).toBe('magnification-corrected');
    expect(r.calibration.rowSpacingMm).toBe(0.094);
    expect(r.warnings[0]).toMatch(/^Pixel Spacing 74\.7\\46\.6 mm is outside .*Imager Pixel Spacing 0\.094\\0\.094 mm/);
  });
});
