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

  it('ignores an ERMF below 1 or not a number, with a warning', () => {
    for (const ermf of ['0.8', 'abc', '-1.1', '0']) {
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
