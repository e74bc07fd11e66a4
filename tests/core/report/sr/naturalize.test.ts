/**
 * The SR read by dicom-parser (naturalizePart10) against dcmjs's read with readDataset's text
 * mends (readDatasetWithDcmjs, the reference): the same dataset, deep-equal, for every kind of SR
 * the tests write — the sample exam's, random drafts' (the round-trip property's generator), SRs
 * full of hostile or non-Latin text, and SRs written by @cornerstonejs/adapters (OHIF's) — each
 * checked to have been read by dicom-parser, not handed back to dcmjs. What dicom-parser's reader
 * leaves to dcmjs (another transfer syntax, a VR it does not read, a file cut short) is read as
 * before, with the same errors.
 */
import { deflateRawSync } from 'node:zlib';
import { adaptersSR } from '@cornerstonejs/adapters';
import { metaData, utilities } from '@cornerstonejs/core';
import dcmjs from 'dcmjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDraftAction, type ExamDraft } from '../../../../src/core/draft/index.js';
import { naturalizePart10, type Dataset } from '../../../../src/core/report/sr/naturalize.js';
import { asUtf8, readDataset, readDatasetWithDcmjs } from '../../../../src/core/report/sr/read-sr-dataset.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10, type SrDataset } from '../../../../src/core/report/sr/index.js';
import type { PointPx } from '../../../../src/core/units.js';
import { readSampleImage, registerImages, type SampleImageMetadata } from './cornerstone-metadata.js';
import { draftChanges, randomDraft } from './random-draft.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';

const FILES = ['RCC.dcm', 'LCC.dcm', 'RMLO.dcm', 'LMLO.dcm'];

let sample: SampleExam;
let meta: SampleImageMetadata[];
let unregister: () => void;

beforeAll(async () => {
  sample = await loadSampleExam();
  meta = FILES.map(readSampleImage);
  unregister = registerImages(meta);
}, 120_000);

afterAll(() => unregister());

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Read by dicom-parser (failing when it was left to dcmjs) and by the reference; both returned. */
function bothWays(bytes: Uint8Array): { fast: Dataset; reference: Dataset } {
  const fast = naturalizePart10(bytes);
  if (!('dataset' in fast)) throw new Error(`left to dcmjs: ${fast.notRead}`);
  return { fast: fast.dataset, reference: must(readDatasetWithDcmjs(bytes)) };
}

function expectSameBothWays(bytes: Uint8Array): Dataset {
  const { fast, reference } = bothWays(bytes);
  expect(fast).toStrictEqual(reference);
  expect(must(readDataset(bytes))).toStrictEqual(fast);
  return fast;
}

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** A naturalized dataset written by dcmjs as a Part 10 file in the given transfer syntax. */
function writtenAs(ds: Record<string, unknown>, transferSyntax: string): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: ds['SOPClassUID'],
      MediaStorageSOPInstanceUID: ds['SOPInstanceUID'],
      TransferSyntaxUID: transferSyntax,
      ImplementationClassUID: '2.25.292082511367074443093517503987214652961',
    }),
  );
  const { _meta: _dropped, ...rest } = ds;
  dict.dict = DicomMetaDictionary.denaturalizeDataset(rest);
  return new Uint8Array(dict.write());
}

const ours = (draft: ExamDraft, options = fixedOptions(), header = sample.header): Uint8Array => writeSrPart10(must(buildCalcificationSr(draft, header, options)));

const MARKUP = '<script>alert("x")</script><b>&amp;</b>';
const CONTROLS = 'a\u0000b\u0007c\u001Bd\u007Fe\u0085f';

describe('dicom-parser reads our SRs as dcmjs (with the mends) does', () => {
  it('the sample exam: every attribute, value and item the same', () => {
    const ds = expectSameBothWays(ours(sample.draft));
    // The comparison covers the content tree, numbers and text, not an empty shell.
    expect(ds['SpecificCharacterSet']).toBe('ISO_IR 192');
    expect(JSON.stringify(ds).length).toBeGreaterThan(100_000);
    expect(ds['ContentSequence']).toBeInstanceOf(Array);
  });

  it('random drafts (the round-trip property generator): the same dataset and the same draft read back', () => {
    let compared = 0;
    fc.assert(
      fc.property(draftChanges, (changes) => {
        const built = buildCalcificationSr(randomDraft(sample.draft, changes), sample.header, fixedOptions());
        if (!built.ok) return;
        const bytes = writeSrPart10(built.value);
        expectSameBothWays(bytes);
        compared++;
      }),
      { numRuns: 25, seed: 20261206 },
    );
    expect(compared).toBeGreaterThanOrEqual(20);
  }, 300_000);

  it('hostile and non-Latin text, in the header, observer, relation, history and narrative', () => {
    let draft: ExamDraft = sample.draft;
    const first = sample.draft.findings[0];
    if (first === undefined) throw new Error('the sample has findings');
    const words = 'Mikrokalk — “gruppiert” ✓ 微小石灰化 доброкачественный é\u00a0 € a\\b\\\\c   ';
    draft = must(applyDraftAction(draft, { type: 'setRelation', findingId: first.id, relation: `${MARKUP} ${CONTROLS} ${words}` }));
    draft = must(applyDraftAction(draft, { type: 'editReportText', text: `${MARKUP}\n${CONTROLS}\n${words}\n${'calcifications '.repeat(8000)}` }));
    const history = { ...draft.history, events: [...draft.history.events, { kind: 'biopsy' as const, side: 'left' as const, date: '2020', site: `${MARKUP}${words}` }] };
    draft = must(applyDraftAction(draft, { type: 'setHistory', history }));
    const header = { ...sample.header, referringPhysicianName: `Évil\u0000^${'R'.repeat(90)}\\x=Y=Z=W`, patientName: `Müller—Ødegård^Zoë=ミュラー` };
    const options = fixedOptions({ observer: { name: `${MARKUP} \u0007 Dr Ünal ✓ ${'Dr '.repeat(40)}` }, device: { name: 'calcscribe', version: `0.1.0\u0000${'9'.repeat(80)}`, uid: '2.25.900003' } });
    const bytes = ours(draft, options, header);
    const ds = expectSameBothWays(bytes);
    expect(JSON.stringify(ds)).toContain('微小石灰化');
    expect(JSON.stringify(ds)).toContain('“gruppiert” ✓');
    const read = must(readCalcificationSr(bytes));
    expect(read.draft.reportText).toContain(`${MARKUP}\na\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\n${words}\ncalcifications`);
    expect(read.draft.findings.find((f) => f.id === first.id)?.relation).toContain('“gruppiert” ✓ 微小石灰化');
  });

  it('an SR written by @cornerstonejs/adapters (OHIF): lengths, bidirectional, ellipse, freehand outline, probe', () => {
    const [rcc, lcc] = [meta[0]?.imageId, meta[1]?.imageId] as [string, string];
    const world = (imageId: string, x: number, y: number): number[] => utilities.imageToWorldCoords(imageId, [x, y]) as number[];
    const stats = (imageId: string, s: Record<string, unknown>): Record<string, unknown> => ({ [`imageId:${imageId}`]: s });
    const outline = sample.draft.calcifications.find((c) => c.imageId === 'RCC.dcm')?.contour ?? [];
    expect(outline.length).toBeGreaterThan(3);
    const toolState = {
      [rcc]: {
        PlanarFreehandROI: { data: [{ metadata: { toolName: 'PlanarFreehandROI', referencedImageId: rcc }, data: { contour: { polyline: outline.map((p: PointPx) => world(rcc, p.x, p.y)), closed: true }, handles: { points: [] }, cachedStats: stats(rcc, { area: 1.25, areaUnit: 'mm²' }) } }] },
        Bidirectional: { data: [{ metadata: { toolName: 'Bidirectional', referencedImageId: rcc }, data: { handles: { points: [world(rcc, 200, 300), world(rcc, 240, 300), world(rcc, 220, 290), world(rcc, 220, 310)] }, cachedStats: stats(rcc, { length: 3.7, width: 1.85, unit: 'mm' }) } }] },
      },
      [lcc]: {
        EllipticalROI: { data: [{ metadata: { toolName: 'EllipticalROI', referencedImageId: lcc }, data: { handles: { points: [world(lcc, 100, 97), world(lcc, 100, 103), world(lcc, 97, 100), world(lcc, 103, 100)] }, cachedStats: stats(lcc, { area: 2.4, areaUnit: 'mm²' }) } }] },
        Length: { data: [{ metadata: { toolName: 'Length', referencedImageId: lcc }, data: { handles: { points: [world(lcc, 10, 20), world(lcc, 40, 60)] }, cachedStats: stats(lcc, { length: 4.6, unit: 'mm' }) } }] },
        Probe: { data: [{ metadata: { toolName: 'Probe', referencedImageId: lcc }, data: { handles: { points: [world(lcc, 50, 50)] }, cachedStats: stats(lcc, { value: 100 }) } }] },
      },
    };
    const report = adaptersSR.Cornerstone3D.MeasurementReport.generateReport(toolState, metaData, {}) as { dataset: Record<string, unknown> };
    // As OHIF writes it (datasetToBuffer): implicit VR, left to dcmjs.
    const implicit = new Uint8Array((dcmjs.data as unknown as { datasetToBuffer(ds: unknown): Uint8Array }).datasetToBuffer(report.dataset));
    const left = naturalizePart10(implicit);
    expect('notRead' in left ? left.notRead : 'read by dicom-parser').toBe('transfer syntax 1.2.840.10008.1.2');
    // The same report in explicit VR little endian (as a PACS may store it): read by dicom-parser, as dcmjs reads it.
    const ds = expectSameBothWays(writtenAs(report.dataset, EXPLICIT_VR_LITTLE_ENDIAN));
    expect(ds['ContentSequence']).toStrictEqual(must(readDataset(implicit))['ContentSequence']);
    // SCOORD Graphic Data (FL) read as numbers, several values as an array.
    expect(JSON.stringify(ds)).toMatch(/"GraphicData":\[-?\d/);
  });
});

describe('what dicom-parser does not read is read by dcmjs, as before', () => {
  it('implicit VR little endian: left to dcmjs, read to the same dataset and draft as the explicit VR file', () => {
    const implicit = writtenAs(must(buildCalcificationSr(sample.draft, sample.header, fixedOptions())), '1.2.840.10008.1.2');
    const left = naturalizePart10(implicit);
    expect('notRead' in left ? left.notRead : 'read by dicom-parser').toBe('transfer syntax 1.2.840.10008.1.2');
    const explicit = ours(sample.draft);
    expect(must(readDataset(implicit))).toStrictEqual(bothWays(explicit).fast);
    expect(must(readCalcificationSr(implicit)).draft).toEqual(sample.draft);
  });

  it('deflated and big endian files: left to dcmjs, read to the same dataset as the explicit VR little endian file', () => {
    const ds = must(buildCalcificationSr(sample.draft, sample.header, fixedOptions()));
    const expected = bothWays(ours(sample.draft)).fast;
    // dcmjs writes the deflated transfer syntax's meta but not the deflation: the data set is deflated here.
    const plain = writtenAs(ds, '1.2.840.10008.1.2.1.99');
    const metaEnd = 144 + new DataView(plain.buffer, plain.byteOffset).getUint32(140, true);
    const deflated = new Uint8Array([...plain.subarray(0, metaEnd), ...deflateRawSync(plain.subarray(metaEnd))]);
    expect(deflated.length).toBeLessThan(plain.length / 3);
    const bigEndian = writtenAs(ds, '1.2.840.10008.1.2.2');
    for (const [bytes, syntax] of [
      [deflated, '1.2.840.10008.1.2.1.99'],
      [bigEndian, '1.2.840.10008.1.2.2'],
    ] as const) {
      const left = naturalizePart10(bytes);
      expect('notRead' in left ? left.notRead : 'read by dicom-parser').toBe(`transfer syntax ${syntax}`);
      expect(must(readDataset(bytes))).toStrictEqual(expected);
    }
  });

  it('a file cut short or with a length past its end: left to dcmjs, the same errors as before', () => {
    const bytes = ours(sample.draft);
    for (const n of [200, 1000, 5000, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const cut = bytes.subarray(0, n);
      expect('notRead' in naturalizePart10(cut), `a cut at ${n} bytes`).toBe(true);
      expect(readDataset(cut)).toStrictEqual(readDatasetWithDcmjs(cut));
    }
    const long = bytes.slice();
    // The first element after the meta group (its length field) made longer than the file.
    const metaEnd = 144 + new DataView(long.buffer).getUint32(140, true);
    new DataView(long.buffer).setUint16(metaEnd + 6, 0xfff0, true);
    expect('notRead' in naturalizePart10(long)).toBe(true);
  });

  it('a VR it does not read (OB) and a character set it does not read: left to dcmjs with the reason', () => {
    const ds = must(buildCalcificationSr(sample.draft, sample.header, fixedOptions()));
    const withOb = writeSrPart10({ ...ds, EncapsulatedDocument: new Uint8Array([1, 2, 3, 4]).buffer } as SrDataset);
    const ob = naturalizePart10(withOb);
    expect('notRead' in ob ? ob.notRead : '').toMatch(/VR "OB"/);
    expect(must(readDataset(withOb))['EncapsulatedDocument']).toBeDefined();
    const latin = writeSrPart10({ ...ds, SpecificCharacterSet: 'ISO 2022 IR 100' } as SrDataset);
    const l = naturalizePart10(latin);
    expect('notRead' in l ? l.notRead : '').toMatch(/Specific Character Set "ISO 2022 IR 100"/);
    expect(must(readDataset(latin))['SpecificCharacterSet']).toBe('ISO_IR 192');
  });
});

describe('where dcmjs reads wrongly and its mends cannot undo it, dicom-parser reads right (the deliberate differences)', () => {
  it('a value inside a sequence ending in "à" (UTF-8 C3 A0) in a VR dcmjs trims (LO): kept', () => {
    const ds = must(buildCalcificationSr(sample.draft, sample.header, fixedOptions())) as Record<string, unknown> & { ContentSequence: Record<string, unknown>[] };
    const item = ds.ContentSequence[0] as { ConceptNameCodeSequence: Record<string, unknown>[] };
    const changed = { ...ds, ContentSequence: [{ ...item, ConceptNameCodeSequence: [{ ...item.ConceptNameCodeSequence[0], CodeMeaning: 'Voilà' }] }, ...ds.ContentSequence.slice(1)] };
    const { fast, reference } = bothWays(writeSrPart10(changed as SrDataset));
    const meaning = (d: Dataset): unknown => ((d['ContentSequence'] as Dataset[])[0]?.['ConceptNameCodeSequence'] as Dataset[])[0]?.['CodeMeaning'];
    expect(meaning(fast)).toBe('Voilà');
    // dcmjs decodes C3 A0 as "Ã" + no-break space and trims the space: the mend cannot decode "Ã" alone.
    expect(meaning(reference)).toBe('Voil\u00c3');
    expect({ ...fast, ContentSequence: null }).toStrictEqual({ ...reference, ContentSequence: null });
  });

  it('Specific Character Set ISO_IR 100: given as stored (dcmjs says ISO_IR 192), every value read as Latin-1 both ways', () => {
    const ds = must(buildCalcificationSr(sample.draft, sample.header, fixedOptions()));
    const { fast, reference } = bothWays(writeSrPart10({ ...ds, SpecificCharacterSet: 'ISO_IR 100' } as SrDataset));
    expect(fast['SpecificCharacterSet']).toBe('ISO_IR 100');
    expect(reference['SpecificCharacterSet']).toBe('ISO_IR 192');
    expect({ ...fast, SpecificCharacterSet: null }).toStrictEqual({ ...reference, SpecificCharacterSet: null });
    // The sample's calibration source holds "÷" (UTF-8 C3 B7), read as Latin-1 in this mislabelled file.
    expect(JSON.stringify(fast)).toContain('mm \u00c3\u00b7 ERMF');
  });
});

describe('the mend of text dcmjs decodes inside sequences (UTF-8 read as windows-1252 or Latin-1)', () => {
  it('gives the UTF-8 text back from either decoding, and keeps what is not UTF-8', () => {
    const text = 'Mikrokalk — “gruppiert” ✓ € Œ à 微小石灰化';
    const bytes = new TextEncoder().encode(text);
    // windows-1252 (a browser's "latin1"): 0x80-0x9F are € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ, the rest Latin-1.
    const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const asWindows1252 = Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? cp1252[b - 0x80] : String.fromCharCode(b))).join('');
    const asLatin1 = String.fromCharCode(...bytes);
    expect(asWindows1252).not.toBe(asLatin1);
    expect(asUtf8(asWindows1252)).toBe(text);
    expect(asUtf8(asLatin1)).toBe(text);
    expect(asUtf8('Zoë')).toBe('Zoë');
    expect(asUtf8('plain')).toBe('plain');
  });
});
