/**
 * The sample exam's draft as a DICOM Comprehensive SR (TID 1500): written to a file, validated by
 * the real validators (dicom3tools' dciodvfy: no errors, only the warnings listed in
 * docs/structured-report.md; dcmtk's dsrdump parses the tree), and its content checked item by
 * item against the draft and the report derived from it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CODES,
  FINDING_CODES,
  MORPHOLOGY_CODES,
  PRIVATE_SCHEME,
  SR_CALIBRATION_CODES,
  SR_CODES,
  SR_PRIVATE_CODES,
  SR_UNITS,
} from '../../../../src/core/codes.js';
import { applyDraftAction, deriveReport, type ExamDraft } from '../../../../src/core/draft/index.js';
import { buildCalcificationSr, OUTLINE_TRACKING_IDENTIFIER, scoordOf, writeSrPart10, type SrDataset } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { childNamed, childrenNamed, dsrdump, expectValidSr, numOf, sameCode, valueCode, type Item } from './sr-tree.js';


let dir: string;
let sample: SampleExam;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-'));
  sample = await loadSampleExam();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(draft: ExamDraft = sample.draft, options = fixedOptions()): SrDataset {
  const r = buildCalcificationSr(draft, sample.header, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function writeFile(ds: SrDataset, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, writeSrPart10(ds));
  return path;
}

/** dciodvfy finds no error and no warning outside the documented list; dsrdump parses it. */
const expectValid = (path: string): void => void expectValidSr(path);

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`missing ${what}`);
  return v;
}

const measurements = (ds: SrDataset): Item => childNamed(ds, SR_CODES['imaging measurements']);
const groups = (ds: SrDataset): Item[] => childrenNamed(measurements(ds), SR_CODES['measurement group']);
const textOf = (i: Item): string => i['TextValue'] as string;
const trackingId = (g: Item): string => textOf(childNamed(g, SR_CODES['tracking identifier']));
const calcGroups = (ds: SrDataset): Item[] => groups(ds).filter((g) => trackingId(g) === OUTLINE_TRACKING_IDENTIFIER);
const findingGroups = (ds: SrDataset): Item[] => groups(ds).filter((g) => trackingId(g) !== OUTLINE_TRACKING_IDENTIFIER);
const originOf = (i: Item): string => valueCode(childNamed(i, SR_PRIVATE_CODES['statement origin'])).value;

describe('the sample exam as a Comprehensive SR', () => {
  it('passes dciodvfy without errors and dsrdump parses it, showing the report, groups and terms', () => {
    const path = writeFile(build(), 'sample.dcm');
    expectValid(path);
    const dump = dsrdump(path).text;
    expect(dump).toContain('Comprehensive SR Document');
    expect(dump).toContain('<CONTAINER:(,,"Imaging Measurement Report")=SEPARATE>');
    expect(dump).toContain('(129769006,SCT,"Calcification Cluster")');
    expect(dump).toContain('(111344,DCM,"Fine pleomorphic calcification")');
    expect(dump).toContain('(129750001,SCT,"Dystrophic calcification")');
    expect(dump).toContain('<contains TEXT:(,,"Narrative Summary")=');
    expect(dump.match(/"Tracking Identifier"\)="Cornerstone3DTools@\^0\.1\.0:PlanarFreehandROI"/g)?.length).toBe(sample.draft.calcifications.length);
  });

  it('is a TID 1500 Measurement Report of mammography, by the radiologist with calcscribe as device', () => {
    const ds = build();
    expect(ds['SOPClassUID']).toBe('1.2.840.10008.5.1.4.1.1.88.33');
    expect(ds['ContentTemplateSequence']).toEqual([{ MappingResource: 'DCMR', TemplateIdentifier: '1500' }]);
    expect(ds['ConceptNameCodeSequence']).toEqual([{ CodeValue: '126000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Imaging Measurement Report' }]);
    expect(sameCode(childNamed(ds, SR_CODES['procedure reported']), SR_CODES.mammography)).toBe(true);
    expect(childNamed(ds, SR_CODES['person observer name'])['PersonName']).toBe('Dr Ada Reader^');
    expect(textOf(childNamed(ds, SR_CODES['device observer model name']))).toBe('calcscribe 0.1.0');
    expect(ds['SoftwareVersions']).toBe('0.1.0');
    expect(ds['StudyInstanceUID']).toBe(sample.header.studyInstanceUid);
    expect(ds['PatientID']).toBe(sample.header.patientId);
    expect(ds['SOPInstanceUID']).toBe('2.25.900001');
    expect(ds['PredecessorDocumentsSequence']).toBeUndefined();
    const scheme = (ds['CodingSchemeIdentificationSequence'] as { CodingSchemeDesignator: string }[])[0];
    expect(scheme?.CodingSchemeDesignator).toBe(PRIVATE_SCHEME);
  });

  it('holds one group per calcification whose outline is the draft contour on its image, with its long axis, area and calibration', () => {
    const ds = build();
    const gs = calcGroups(ds);
    expect(gs).toHaveLength(sample.draft.calcifications.length);
    for (const c of sample.draft.calcifications) {
      const g = must(
        gs.find((x) => textOf(childNamed(x, SR_PRIVATE_CODES['calcification identifier'])) === c.id),
        `group of ${c.id}`,
      );
      const longAxis = childNamed(g, SR_CODES['long axis']);
      const outline = childNamed(longAxis, SR_CODES['image region']);
      expect(outline['RelationshipType']).toBe('INFERRED FROM');
      expect(outline['GraphicType']).toBe('POLYLINE');
      const closed = [...c.contour, must(c.contour[0], 'first point')];
      expect(outline['GraphicData']).toEqual(closed.flatMap((p) => [Math.fround(p.x + 0.5), Math.fround(p.y + 0.5)]));
      expect(outline['GraphicData']).toEqual(closed.flatMap(scoordOf));
      const image = must((outline['ContentSequence'] as Item[])[0], 'image');
      const ref = (image['ReferencedSOPSequence'] as { ReferencedSOPInstanceUID: string; ReferencedSOPClassUID: string }[])[0];
      expect(ref?.ReferencedSOPInstanceUID).toBe(sample.header.images[c.imageId]?.sopInstanceUid);
      expect(ref?.ReferencedSOPClassUID).toBe(sample.header.images[c.imageId]?.sopClassUid);
      const mm = must(c.measurements.longAxis.mm ?? undefined, 'calibrated long axis');
      expect(numOf(longAxis).unit).toBe(SR_UNITS.mm.value);
      expect(numOf(longAxis).value).toBeCloseTo(mm, 12);
      expect(numOf(childNamed(g, SR_CODES.area)).value).toBeCloseTo(must(c.measurements.area.mm2 ?? undefined, 'area'), 12);
      expect(numOf(childNamed(g, SR_CODES.area)).unit).toBe(SR_UNITS.mm2.value);
      expect(sameCode(childNamed(g, SR_PRIVATE_CODES['calibration kind']), SR_CALIBRATION_CODES[c.measurements.calibration])).toBe(true);
      expect(sameCode(childNamed(g, SR_CODES.finding), FINDING_CODES['individual calcification'])).toBe(true);
      const seed = childNamed(childNamed(g, SR_PRIVATE_CODES['outline origin']), SR_PRIVATE_CODES['seed point']);
      expect(seed['GraphicData']).toEqual(scoordOf(c.seed));
    }
  });

  it('holds one group per finding with its terms, count, category and wording as derived, members by tracking UID', () => {
    const ds = build();
    const report = deriveReport(sample.draft);
    const fs = findingGroups(ds);
    expect(fs).toHaveLength(report.findingsDerived.length);
    const calcUid = new Map(calcGroups(ds).map((g) => [textOf(childNamed(g, SR_PRIVATE_CODES['calcification identifier'])), childNamed(g, SR_CODES['tracking uid'])['UID']]));
    for (const [i, d] of report.findingsDerived.entries()) {
      const g = must(fs[i], `finding group ${i + 1}`);
      const f = must(sample.draft.findings.find((x) => x.id === d.id), d.id);
      expect(textOf(childNamed(g, SR_PRIVATE_CODES['finding identifier']))).toBe(d.id);
      expect(childrenNamed(g, SR_PRIVATE_CODES['member calcification']).map((m) => m['UID'])).toEqual(f.calcificationIds.map((id) => calcUid.get(id)));
      expect(numOf(childNamed(childNamed(g, SR_CODES.finding), FINDING_CODES['number of calcifications'])).value).toBe(d.count);
      expect(sameCode(childNamed(g, SR_CODES.finding), d.count >= 2 ? FINDING_CODES['calcification cluster'] : FINDING_CODES['individual calcification'])).toBe(true);
      const morph = childrenNamed(g, SR_CODES['calcification type']);
      expect(morph.map((m) => valueCode(m).value)).toEqual(d.finding.morphology.map((t) => MORPHOLOGY_CODES[t].value));
      expect(sameCode(childNamed(g, SR_CODES['assessment category']), ASSESSMENT_CODES[d.suggestion.assessment])).toBe(true);
      expect(textOf(childNamed(g, SR_PRIVATE_CODES['finding wording']))).toBe(d.wording);
    }
    // The sample's finding counts and the categories the report states.
    expect(report.findingsDerived.map((d) => d.count)).toEqual([6, 1, 4, 9]);
    expect(fs.map((g) => valueCode(childNamed(g, SR_CODES['assessment category'])).meaning)).toEqual(
      report.findingsDerived.map((d) => ASSESSMENT_CODES[d.suggestion.assessment].meaning),
    );
  });

  it('marks the overridden term as the radiologist\'s and keeps the suggestion it replaced in the suggestion container', () => {
    const ds = build();
    const report = deriveReport(sample.draft);
    const i = report.findingsDerived.findIndex((d) => d.overridden.includes('morphology'));
    expect(i).toBeGreaterThanOrEqual(0);
    const d = must(report.findingsDerived[i], 'overridden finding');
    const g = must(findingGroups(ds)[i], 'its group');
    for (const m of childrenNamed(g, SR_CODES['calcification type'])) expect(originOf(m)).toBe(SR_PRIVATE_CODES['chosen by radiologist'].value);
    const suggestion = childNamed(g, SR_PRIVATE_CODES.suggestion);
    expect(childrenNamed(suggestion, SR_CODES['calcification type']).map((m) => valueCode(m).value)).toEqual(d.suggested.morphology.map((t) => MORPHOLOGY_CODES[t].value));
    expect(d.suggested.morphology).not.toEqual(d.finding.morphology);
    expect(JSON.parse(textOf(childNamed(g, SR_PRIVATE_CODES.overrides)))).toEqual(sample.draft.findings.find((f) => f.id === d.id)?.overrides);
    // A term not overridden is the suggestion kept.
    const j = report.findingsDerived.findIndex((x) => x.overridden.length === 0);
    const plain = must(findingGroups(ds)[j], 'a finding without overrides');
    for (const m of childrenNamed(plain, SR_CODES['calcification type'])) expect(originOf(m)).toBe(SR_PRIVATE_CODES.suggested.value);
  });

  it('states the exam level: composition, history, comparison date, each breast\'s and the overall assessment, the suggested narrative', () => {
    const ds = build();
    const report = deriveReport(sample.draft);
    const ev = childNamed(ds, SR_CODES['qualitative evaluations']);
    expect(JSON.parse(textOf(childNamed(ev, SR_PRIVATE_CODES['clinical history'])))).toEqual(sample.draft.history);
    if (sample.draft.priorDate !== null) expect(childNamed(ev, SR_PRIVATE_CODES['comparison examination date'])['Date']).toBe(sample.draft.priorDate.replace(/-/g, ''));
    const assessments = childrenNamed(ev, SR_CODES['assessment category']);
    const breastOf = (a: Item): string | null => {
      const site = childrenNamed(a, SR_CODES['finding site'])[0];
      return site === undefined ? null : valueCode(childNamed(site, SR_CODES.laterality)).meaning;
    };
    expect(assessments.map((a) => [breastOf(a), valueCode(a).value])).toEqual([
      ['Right', ASSESSMENT_CODES[report.bySide.right.assessment].value],
      ['Left', ASSESSMENT_CODES[report.bySide.left.assessment].value],
      [null, ASSESSMENT_CODES[report.overall.assessment].value],
    ]);
    const narrative = childNamed(ev, SR_CODES['narrative summary']);
    expect(textOf(narrative)).toBe(report.text);
    expect(originOf(narrative)).toBe(SR_PRIVATE_CODES.suggested.value);
    expect(childrenNamed(ev, SR_PRIVATE_CODES.suggestion)).toEqual([]);
  });

  it('writes the radiologist\'s edited narrative as final and the suggested one beside it as the suggestion', () => {
    const edited = applyDraftAction(sample.draft, { type: 'editReportText', text: 'Impression: reviewed and amended by the radiologist.' });
    if (!edited.ok) throw new Error(edited.error.message);
    const ds = build(edited.value);
    const ev = childNamed(ds, SR_CODES['qualitative evaluations']);
    const narrative = childNamed(ev, SR_CODES['narrative summary']);
    expect(textOf(narrative)).toBe('Impression: reviewed and amended by the radiologist.');
    expect(originOf(narrative)).toBe(SR_PRIVATE_CODES['chosen by radiologist'].value);
    expect(textOf(childNamed(childNamed(ev, SR_PRIVATE_CODES.suggestion), SR_CODES['narrative summary']))).toBe(deriveReport(sample.draft).text);
    expectValid(writeFile(ds, 'edited.dcm'));
  });
});

describe('nipple markers', () => {
  it('are written on their image, where the radiologist placed them', () => {
    const placed = applyDraftAction(sample.draft, { type: 'placeNipple', imageId: 'LCC.dcm', point: { x: 12.25, y: 301.5 } });
    if (!placed.ok) throw new Error(placed.error.message);
    const ds = build(placed.value);
    const [marker, ...more] = childrenNamed(childNamed(ds, SR_CODES['qualitative evaluations']), SR_PRIVATE_CODES['nipple marker']);
    expect(more).toEqual([]);
    expect(marker?.['GraphicType']).toBe('POINT');
    expect(marker?.['GraphicData']).toEqual([12.75, 302]);
    const image = (marker?.['ContentSequence'] as Item[])[0];
    expect((image?.['ReferencedSOPSequence'] as { ReferencedSOPInstanceUID: string }[])[0]?.ReferencedSOPInstanceUID).toBe(sample.header.images['LCC.dcm']?.sopInstanceUid);
    expectValid(writeFile(ds, 'nipple.dcm'));
  });

  it('bring their image into the library and the evidence even when it holds no calcification', () => {
    const right = sample.draft.findings.filter((f) => f.side === 'right');
    const kept = new Set(right.flatMap((f) => f.calcificationIds));
    const rightOnly: ExamDraft = { ...sample.draft, findings: right, calcifications: sample.draft.calcifications.filter((c) => kept.has(c.id)) };
    const placed = applyDraftAction(rightOnly, { type: 'placeNipple', imageId: 'LCC.dcm', point: { x: 12, y: 300 } });
    if (!placed.ok) throw new Error(placed.error.message);
    const lcc = must(sample.header.images['LCC.dcm'], 'LCC header').sopInstanceUid;
    const lmlo = must(sample.header.images['LMLO.dcm'], 'LMLO header').sopInstanceUid;
    const ds = build(placed.value);
    const library = childNamed(childNamed(ds, SR_CODES['image library']), SR_CODES['image library group']);
    const inLibrary = ((library.ContentSequence ?? []) as Item[]).map((i) => (i['ReferencedSOPSequence'] as { ReferencedSOPInstanceUID: string }[])[0]?.ReferencedSOPInstanceUID);
    expect(inLibrary).toContain(lcc);
    expect(inLibrary).not.toContain(lmlo);
    expect(JSON.stringify(ds['CurrentRequestedProcedureEvidenceSequence'])).toContain(lcc);
    expectValid(writeFile(ds, 'nipple-only.dcm'));
  });
});

describe('amendments', () => {
  it('reference their predecessor and carry a new SOP Instance UID', () => {
    const predecessor = { sopInstanceUid: '2.25.900001', seriesInstanceUid: '2.25.900002', studyInstanceUid: sample.header.studyInstanceUid };
    const options = fixedOptions({ uids: { sopInstanceUid: '2.25.900011', seriesInstanceUid: '2.25.900002', next: fixedOptions().uids.next }, predecessor });
    const ds = build(sample.draft, options);
    expect(ds['SOPInstanceUID']).toBe('2.25.900011');
    expect(ds['PredecessorDocumentsSequence']).toEqual([
      {
        StudyInstanceUID: predecessor.studyInstanceUid,
        ReferencedSeriesSequence: [
          { SeriesInstanceUID: '2.25.900002', ReferencedSOPSequence: [{ ReferencedSOPClassUID: '1.2.840.10008.5.1.4.1.1.88.33', ReferencedSOPInstanceUID: '2.25.900001' }] },
        ],
      },
    ]);
    expectValid(writeFile(ds, 'amendment.dcm'));
    expect(dsrdump(join(dir, 'amendment.dcm')).text).toMatch(/Predecessor Docs\s*: 1/);
  });

  it('are refused when they would reuse the predecessor\'s SOP Instance UID', () => {
    const predecessor = { sopInstanceUid: '2.25.900001', seriesInstanceUid: '2.25.900002', studyInstanceUid: sample.header.studyInstanceUid };
    const r = buildCalcificationSr(sample.draft, sample.header, fixedOptions({ predecessor }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/new SOP Instance UID/);
  });

  it('are refused when the report they amend is of another study, naming both studies', () => {
    const predecessor = { sopInstanceUid: '2.25.900001', seriesInstanceUid: '2.25.900002', studyInstanceUid: '2.25.900003' };
    const r = buildCalcificationSr(sample.draft, sample.header, fixedOptions({ predecessor }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`the report it amends is of another study (2.25.900003), not this one (${sample.header.studyInstanceUid})`);
  });
});

describe('inputs the SR cannot carry', () => {
  it('refuses an image with calcifications but no header, naming it', () => {
    const { ['RCC.dcm']: _dropped, ...rest } = sample.header.images;
    const r = buildCalcificationSr(sample.draft, { ...sample.header, images: rest }, fixedOptions());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/image RCC\.dcm holds calcifications but the header gives no SOP Class/);
  });

  it('refuses identifiers that do not fit (never cut): a 65-character Patient ID, a malformed UID', () => {
    const r = buildCalcificationSr(sample.draft, { ...sample.header, patientId: 'P'.repeat(65), studyInstanceUid: '1.2.03' }, fixedOptions());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/Patient ID does not fit/);
      expect(r.error.message).toMatch(/Study Instance UID "1\.2\.03" is not a DICOM UID/);
    }
  });
});

describe('the injected UID generator', () => {
  it('is checked: an invalid or repeated tracking UID is refused', () => {
    const base = fixedOptions();
    const bad = buildCalcificationSr(sample.draft, sample.header, { ...base, uids: { ...base.uids, next: () => 'not-a-uid' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/invalid UIDs \("not-a-uid"/);
    const same = buildCalcificationSr(sample.draft, sample.header, { ...base, uids: { ...base.uids, next: () => '2.25.7' } });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error.message).toMatch(/the same UID twice/);
  });
});

describe('uncalibrated images', () => {
  it('give lengths and areas in pixels, coded so that no reader takes them for millimetres', () => {
    const draft: ExamDraft = {
      ...sample.draft,
      calcifications: sample.draft.calcifications.map((c) => ({
        ...c,
        measurements: { ...c.measurements, calibration: 'uncalibrated', longAxis: { ...c.measurements.longAxis, mm: null }, area: { ...c.measurements.area, mm2: null } },
      })),
    };
    const ds = build(draft);
    const c = must(sample.draft.calcifications[0], 'first calcification');
    const g = must(calcGroups(ds)[0], 'its group');
    const longAxis = numOf(childNamed(g, SR_CODES['long axis']));
    expect(longAxis.unit).toBe(SR_UNITS.px.value);
    // A DS holds 16 characters: the pixel length to 15 significant digits.
    expect(longAxis.value).toBeCloseTo(c.measurements.longAxis.px, 12);
    expect(numOf(childNamed(g, SR_CODES.area)).unit).toBe(SR_UNITS.px2.value);
    expect(sameCode(childNamed(g, SR_PRIVATE_CODES['calibration kind']), SR_CALIBRATION_CODES.uncalibrated)).toBe(true);
    expectValid(writeFile(ds, 'uncalibrated.dcm'));
  });
});
