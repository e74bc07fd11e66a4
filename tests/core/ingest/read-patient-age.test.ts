import { describe, expect, it } from 'vitest';
import { ageFromDates, parseAgeString, patientAgeYears } from '../../../src/core/ingest/index.js';

describe('parseAgeString', () => {
  it('reads years, months, weeks and days', () => {
    expect(parseAgeString('056Y')).toBe(56);
    expect(parseAgeString('006M')).toBe(0.5);
    expect(parseAgeString('000Y')).toBe(0);
    expect(parseAgeString('365D')).toBeCloseTo(0.999, 3);
  });

  it('refuses anything else', () => {
    for (const s of ['', '56', 'Y056', '56 years', '-05Y', null]) expect(parseAgeString(s)).toBeNull();
  });
});

describe('ageFromDates', () => {
  it('counts whole years, the day before the birthday still the younger age', () => {
    expect(ageFromDates('19680115', '20240115')).toBe(56);
    expect(ageFromDates('19680116', '20240115')).toBe(55);
  });

  it('refuses invalid dates and a birth after the study', () => {
    expect(ageFromDates('1968-01-15', '20240115')).toBeNull();
    expect(ageFromDates('19681315', '20240115')).toBeNull();
    expect(ageFromDates('20250101', '20240115')).toBeNull();
  });
});

describe('patientAgeYears', () => {
  it('prefers the age string, then the dates', () => {
    expect(patientAgeYears('050Y', '19680115', '20240115')).toBe(50);
    expect(patientAgeYears(null, '19680115', '20240115')).toBe(56);
    expect(patientAgeYears('abc', null, '20240115')).toBeNull();
  });
});
