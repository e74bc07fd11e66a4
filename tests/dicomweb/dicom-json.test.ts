/**
 * The one reader of DICOM JSON search answers: study and instance searches refuse the same broken
 * answers with the same words (naming their search), and read their data sets through the same
 * value readers (tags in either case, Person Name's Alphabetic form).
 */
import { describe, expect, it } from 'vitest';
import { datasetsOf, personNameValue, textValue, uidValue } from '../../src/dicomweb/dicom-json.js';
import { parseInstances, parseStudies } from '../../src/dicomweb/index.js';

const STUDY = {
  '0020000D': { vr: 'UI', Value: ['2.25.1'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'PHANTOM^A' }] },
};

describe('datasetsOf', () => {
  it('gives the data sets of an array of data sets, as they are', () => {
    const r = datasetsOf([STUDY, {}], 'study search');
    expect(r).toEqual({ ok: true, value: [STUDY, {}] });
  });

  it.each([
    [null, 'expected a JSON array, got an answer that is not JSON'],
    [{ a: 1 }, 'expected a JSON array, got an object'],
    ['Bad Gateway', 'expected a JSON array, got a string'],
    [[STUDY, 7], 'entry 2 of 2 is a number, not a data set'],
    [[[STUDY]], 'entry 1 of 1 is an array of 1, not a data set'],
  ])('refuses %j as malformed, saying what arrived (never the value)', (json, words) => {
    for (const [answer, parse] of [
      ['study search', parseStudies],
      ['instance search', parseInstances],
    ] as const) {
      const direct = datasetsOf(json, answer);
      const parsed = parse(json);
      expect(direct).toEqual({ ok: false, error: { kind: 'malformed', message: `the ${answer} answer is not DICOM JSON (${words})` } });
      expect(parsed).toEqual(direct);
    }
  });
});

describe('the value readers both searches use', () => {
  it('read a tag in either case, a Person Name by its Alphabetic form or as a plain string', () => {
    expect(uidValue({ '0020000d': { vr: 'UI', Value: ['2.25.9'] } }, '0020000D')).toBe('2.25.9');
    expect(personNameValue(STUDY, '00100010')).toBe('PHANTOM^A');
    expect(personNameValue({ '00100010': { vr: 'PN', Value: ['DOE^JANE'] } }, '00100010')).toBe('DOE^JANE');
    expect(textValue({ '00080060': { vr: 'CS', Value: [42] } }, '00080060')).toBe('');
  });

  it('read the same study UID whichever search listed it', () => {
    const study = parseStudies([STUDY]);
    const instance = parseInstances([{ ...STUDY, '00080018': { vr: 'UI', Value: ['2.25.2'] } }]);
    expect(study.ok && study.value[0]?.studyInstanceUid).toBe('2.25.1');
    expect(instance.ok && instance.value[0]?.sopInstanceUid).toBe('2.25.2');
  });
});
