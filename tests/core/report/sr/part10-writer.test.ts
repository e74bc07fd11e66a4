/**
 * The Part 10 writer against its reference, dcmjs (denaturalizeDataset + DicomDict.write): the
 * same bytes for the sample exam's SR, for SRs with hostile text, and for random naturalized
 * datasets over every value representation the writer handles (random text in every script,
 * backslashes, over-long values, numbers of every magnitude, multiple values, nulls, empty and
 * nested sequences); and where dcmjs refuses a value (too long for its VR), the writer refuses it too.
 */
import dcmjs from 'dcmjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCalcificationSr, writeSrPart10 } from '../../../../src/core/report/sr/index.js';
import { writePart10ExplicitLittle } from '../../../../src/core/report/sr/part10-writer.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';

const dcmjsLog = (dcmjs as unknown as { log: { setLevel(level: string): void } }).log;

const META = {
  FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
  MediaStorageSOPClassUID: '1.2.840.10008.5.1.4.1.1.88.33',
  MediaStorageSOPInstanceUID: '2.25.1234',
  TransferSyntaxUID: '1.2.840.10008.1.2.1',
  ImplementationClassUID: '2.25.292082511367074443093517503987214652961',
  ImplementationVersionName: 'CALCSCRIBE',
};

/** dcmjs's own write of a naturalized dataset: the reference. */
function dcmjsBytes(meta: Record<string, unknown>, dataset: Record<string, unknown>): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...dataset });
  return new Uint8Array(dict.write({ allowInvalidVRLength: false }));
}

type Outcome = { bytes: Uint8Array } | { error: string };
function attempt(write: () => Uint8Array): Outcome {
  try {
    return { bytes: write() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The first differing byte, for a readable failure. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function expectSameBytes(dataset: Record<string, unknown>, meta: Record<string, unknown> = META): void {
  const ours = attempt(() => writePart10ExplicitLittle(meta, dataset));
  const reference = attempt(() => dcmjsBytes(meta, dataset));
  if ('error' in reference) {
    expect('error' in ours, `dcmjs refused (${reference.error}) but the writer wrote it`).toBe(true);
    return;
  }
  expect('bytes' in ours, `dcmjs wrote it but the writer refused: ${'error' in ours ? ours.error : ''}`).toBe(true);
  if (!('bytes' in ours)) return;
  expect(firstDifference(ours.bytes, reference.bytes), `lengths ${ours.bytes.length} / ${reference.bytes.length}`).toBe(-1);
}

let sample: SampleExam;
beforeAll(async () => {
  sample = await loadSampleExam();
  // dcmjs warns on every value it cuts; the comparison is the check here.
  dcmjsLog.setLevel('error');
}, 120_000);

describe('the Part 10 writer writes what dcmjs writes', () => {
  it('for the sample exam SR, byte for byte (and writeSrPart10 is that writer)', () => {
    const sr = buildCalcificationSr(sample.draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    expectSameBytes(sr.value);
    const meta = { ...META, MediaStorageSOPClassUID: sr.value['SOPClassUID'], MediaStorageSOPInstanceUID: sr.value['SOPInstanceUID'] };
    expect(firstDifference(writeSrPart10(sr.value), dcmjsBytes(meta, sr.value))).toBe(-1);
  });

  it('for an SR whose texts are hostile (markup, control characters, backslashes, other scripts, 70 000 characters)', () => {
    const hostile = '<script>alert("x")</script>\\\u0001\u007f\u0085 — 良性の石灰化 ' + 'x'.repeat(70_000);
    const draft = { ...sample.draft, reportText: hostile, indication: sample.draft.indication };
    const sr = buildCalcificationSr(draft, { ...sample.header, patientName: `Ev\\il^<b>${'n'.repeat(90)}` }, fixedOptions({ observer: { name: `Dr\u0000 ${'z'.repeat(80)}` } }));
    if (!sr.ok) throw new Error(sr.error.message);
    expectSameBytes(sr.value);
  });

  // Keywords of every value representation the writer handles, with values of their kind.
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', 'a\\b', 'ÄÖÜ é', '良性', '<b>x</b>', 'x'.repeat(70), 'y'.repeat(1100), '2.25.1.2\\1.3', '20260310-20260311'),
  );
  const ascii = fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789.-+ ABCXYZ_^'), maxLength: 30 }), fc.constantFrom('', '20260310', '101500.123456', '1.2.840.10008.5.1.4.1.1.88.33'));
  // Dates, times and ages mostly within their length (a longer one is refused by both, tested too).
  const dateLike = fc.oneof({ weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789.'), maxLength: 8 }) }, { weight: 1, arbitrary: ascii });
  const numberish = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -100000, max: 100000 }),
    fc.constantFrom(0, -0, 0.1, 1 / 3, 123456789.12345679, 1e-7, -2.5e21, 4096.5),
  );
  const maybeMany = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | T[] | null> => fc.oneof({ weight: 6, arbitrary: a }, { weight: 2, arbitrary: fc.array(a, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant(null) });
  const leaves: Record<string, fc.Arbitrary<unknown>> = {
    Modality: maybeMany(ascii), // CS
    StudyDate: maybeMany(dateLike), // DA
    StudyTime: maybeMany(dateLike), // TM
    AcquisitionDateTime: maybeMany(dateLike), // DT
    SOPInstanceUID: maybeMany(ascii), // UI
    RetrieveAETitle: maybeMany(ascii), // AE
    PatientAge: maybeMany(dateLike), // AS
    RetrieveURL: maybeMany(ascii), // UR
    AccessionNumber: maybeMany(text), // SH
    PatientID: maybeMany(text), // LO
    PatientName: maybeMany(fc.oneof(text, fc.record({ Alphabetic: text }, { requiredKeys: [], noNullPrototype: true }))), // PN
    InstitutionAddress: maybeMany(text), // ST
    AdditionalPatientHistory: maybeMany(text), // LT
    TextValue: maybeMany(text), // UT
    SelectorUCValue: maybeMany(text), // UC
    NumericValue: maybeMany(fc.oneof(numberish, ascii)), // DS
    SeriesNumber: maybeMany(fc.oneof(fc.integer({ min: -99999, max: 99999 }), numberish)), // IS
    GraphicData: fc.array(numberish, { maxLength: 12 }), // FL
    FloatingPointValue: maybeMany(numberish), // FD
    Rows: maybeMany(fc.integer({ min: 0, max: 65535 })), // US
    SimpleFrameList: maybeMany(fc.integer({ min: 0, max: 0xffffffff })), // UL
    TagAngleSecondAxis: maybeMany(fc.integer({ min: -32768, max: 32767 })), // SS
    SelectorSLValue: maybeMany(fc.integer({ min: -0x80000000, max: 0x7fffffff })), // SL
  };
  const flat = fc.record(leaves, { requiredKeys: [], noNullPrototype: true });
  const item = fc.letrec<{ ds: Record<string, unknown> }>((tie) => ({
    ds: fc.tuple(flat, fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(undefined), fc.array(tie('ds'), { maxLength: 3 }), fc.constant(null))).map(([d, seq]) =>
      seq === undefined ? d : { ...d, ContentSequence: seq },
    ),
  })).ds;

  it('for random datasets over every value representation it writes, nested sequences included (or refuses what dcmjs refuses)', () => {
    fc.assert(
      fc.property(item, (ds) => {
        expectSameBytes(ds);
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('writes a short-length value of 64 KiB or more as UN with a 32-bit length, as dcmjs does', () => {
    const ds = { PatientID: 'p'.repeat(70_000), AccessionNumber: 'A1' };
    expectSameBytes(ds);
    const bytes = writePart10ExplicitLittle(META, ds);
    const at = bytes.findIndex((_, i) => bytes[i] === 0x10 && bytes[i + 1] === 0x00 && bytes[i + 2] === 0x20 && bytes[i + 3] === 0x00);
    expect(String.fromCharCode(bytes[at + 4] as number, bytes[at + 5] as number)).toBe('UN');
  });

  it('refuses what it does not know rather than writing it wrong', () => {
    expect(() => writePart10ExplicitLittle(META, { NotADicomKeyword: 'x' })).toThrow(/not a DICOM keyword/);
    expect(() => writePart10ExplicitLittle(META, { GraphicData: ['1.5'] })).toThrow(/not a number/);
    expect(() => writePart10ExplicitLittle(META, { PixelData: new ArrayBuffer(4) })).toThrow(/not written by the SR writer/);
  });
});
