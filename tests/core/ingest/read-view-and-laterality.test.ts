import { describe, expect, it } from 'vitest';
import dicomParser from 'dicom-parser';
import { readViewAndLaterality, viewFromPatientOrientation, MAMMOGRAPHY_VIEW_CODES } from '../../../src/core/ingest/index.js';
import { writeMammogram } from './mammogram-file.js';

const read = (attributes: Record<string, unknown>) => readViewAndLaterality(dicomParser.parseDicom(writeMammogram({ attributes })));
const code = (value: string, scheme = 'SCT') => ({ CodeValue: value, CodingSchemeDesignator: scheme, CodeMeaning: 'x' });

describe('readViewAndLaterality: laterality', () => {
  it('prefers Image Laterality', () => {
    const r = read({ ImageLaterality: 'L', Laterality: 'R' });
    expect(r.laterality).toBe('L');
    expect(r.warnings).toEqual([]);
  });

  it('falls back to Laterality with a warning', () => {
    const r = read({ ImageLaterality: undefined, Laterality: 'R' });
    expect(r.laterality).toBe('R');
    expect(r.warnings).toEqual(['laterality R taken from series Laterality (0020,0060): no Image Laterality']);
  });

  it('is null when neither holds R, L or B', () => {
    const r = read({ ImageLaterality: 'X', Laterality: undefined });
    expect(r.laterality).toBeNull();
    expect(r.warnings).toContain('laterality unknown: no Image Laterality or Laterality');
  });
});

describe('readViewAndLaterality: view', () => {
  it.each([
    ['399162004', 'CC'],
    ['399368009', 'MLO'],
    ['399260004', 'ML'],
    ['399352003', 'LM'],
    ['399099002', 'LMO'],
    ['399192008', 'XCCL'],
    ['399101009', 'XCCM'],
    ['399196006', 'FB'],
    ['399188001', 'SIO'],
  ])('reads SCT %s from the View Code Sequence as %s', (value, view) => {
    const r = read({ ViewPosition: 'CC', ViewCodeSequence: [code(value)] });
    expect(r.view).toBe(view);
    expect(r.viewSource).toBe('view-code-sequence');
  });

  it('reads legacy SNOMED RT codes', () => {
    expect(read({ ViewCodeSequence: [code('R-10226', 'SRT')] }).view).toBe('MLO');
  });

  it('lists every CID 4014 code once', () => {
    const sct = MAMMOGRAPHY_VIEW_CODES.map((c) => c.sct);
    expect(new Set(sct).size).toBe(sct.length);
    expect(sct).toHaveLength(11);
  });

  it('prefers the coded view over View Position', () => {
    expect(read({ ViewPosition: 'CC', ViewCodeSequence: [code('399368009')] }).view).toBe('MLO');
  });

  it('falls back to View Position with a warning', () => {
    const r = read({ ViewPosition: 'MLO', ViewCodeSequence: undefined });
    expect(r.view).toBe('MLO');
    expect(r.viewSource).toBe('view-position');
    expect(r.warnings).toEqual(['view MLO taken from View Position (0018,5101): no coded view']);
  });

  it('falls back to Patient Orientation last', () => {
    const r = read({ ViewPosition: undefined, ViewCodeSequence: undefined, PatientOrientation: ['A', 'FR'] });
    expect(r.view).toBe('MLO');
    expect(r.viewSource).toBe('patient-orientation');
    expect(r.patientOrientation).toEqual(['A', 'FR']);
  });

  it('says when the view is unknown', () => {
    const r = read({ ViewPosition: 'XYZ', ViewCodeSequence: [code('123456')], PatientOrientation: undefined });
    expect(r.view).toBeNull();
    expect(r.viewSource).toBeNull();
    expect(r.warnings).toContain('unknown view code 123456 in View Code Sequence');
    expect(r.warnings).toContain('view unknown');
  });

  it('names a coded view the analysis does not use', () => {
    const r = read({ ViewPosition: undefined, ViewCodeSequence: [code('127457009')], PatientOrientation: undefined });
    expect(r.view).toBeNull();
    expect(r.warnings[0]).toBe('view "tissue specimen from breast" (SPECIMEN) is not one the analysis names');
  });
});

describe('readViewAndLaterality: view modifiers', () => {
  it('reads modifiers nested in the View Code Sequence item', () => {
    const r = read({ ViewCodeSequence: [{ ...code('399162004'), ViewModifierCodeSequence: [code('399163009'), code('399055006')] }] });
    expect(r.viewModifiers).toEqual(['magnification', 'spot-compression']);
  });

  it('reads modifiers at the top level too, once each', () => {
    const r = read({ ViewModifierCodeSequence: [code('399209000'), code('399209000'), code('R-102C2', 'SRT')] });
    expect(r.viewModifiers).toEqual(['implant-displaced', 'tangential']);
  });

  it('warns about modifiers it does not use', () => {
    const r = read({ ViewModifierCodeSequence: [code('442581004'), code('999')] });
    expect(r.viewModifiers).toEqual([]);
    expect(r.warnings).toEqual(['view modifier "nipple in profile" is not used by the analysis', 'unknown view modifier code 999: ignored']);
  });
});

describe('viewFromPatientOrientation', () => {
  it('reads CC from a pure left/right column direction and MLO from an oblique one', () => {
    expect(viewFromPatientOrientation(['P', 'L'])).toBe('CC');
    expect(viewFromPatientOrientation(['A', 'R'])).toBe('CC');
    expect(viewFromPatientOrientation(['P', 'FL'])).toBe('MLO');
    expect(viewFromPatientOrientation(['P', 'F'])).toBeNull();
  });
});
