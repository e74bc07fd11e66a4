/**
 * The exam draft as a DICOM Comprehensive SR following TID 1500 (Measurement Report), as a dcmjs
 * naturalized dataset: one typed builder, pure (UIDs and clock injected). The content is another
 * rendering of the one finding model: every number and word comes from the draft and deriveReport.
 *
 * Tree: Language, observers (the radiologist; calcscribe as device), Procedure reported
 * (mammography), Image Library, Imaging Measurements (one group per calcification, then one per
 * finding), Qualitative Evaluations (exam level). See docs/structured-report.md.
 */
import { PRIVATE_SCHEME_IDENTIFICATION, SR_CODES } from '../../codes.js';
import { deriveReport } from '../../draft/derive-report.js';
import { calcificationsOf, findFinding, findImage } from '../../draft/draft-lookup.js';
import type { ExamDraft } from '../../draft/exam-draft.js';
import { err, ok, type Result } from '../../result.js';
import { calcificationGroup } from './calcification-group.js';
import { codeItem, codeValue, container, imageRef, personValue, textValue, uidValue, type ContentItem } from './content-items.js';
import { examEvaluations } from './exam-evaluations.js';
import { findingGroup, notReportedFindingGroup } from './finding-group.js';
import { COMPREHENSIVE_SR_SOP_CLASS, type SrExamHeader, type SrImageHeader, type SrWriteOptions } from './sr-options.js';
import { checkIdentifier, checkUid, headerPersonName, personName, shortText } from './sr-text.js';

/** A naturalized dataset (dcmjs keywords), ready for writeSrPart10. */
export type SrDataset = Readonly<Record<string, unknown>>;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const daOf = (d: Date): string => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const tmOf = (d: Date): string => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;

const DA = /^\d{8}$/;
const TM = /^\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?$/;

/** A header date or time kept only when it is a valid DA / TM (Type 2: empty otherwise). */
function headerValue(v: string | null, pattern: RegExp): string {
  return v !== null && pattern.test(v) ? v : '';
}

function must<T>(r: Result<T>, bad: string[]): T | '' {
  if (r.ok) return r.value;
  bad.push(r.error.message);
  return '';
}

function observerContext(options: SrWriteOptions, deviceUid: string): ContentItem[] {
  return [
    codeValue('HAS OBS CONTEXT', SR_CODES['observer type'], SR_CODES.person),
    personValue('HAS OBS CONTEXT', SR_CODES['person observer name'], personName(options.observer.name)),
    codeValue('HAS OBS CONTEXT', SR_CODES['observer type'], SR_CODES.device),
    uidValue('HAS OBS CONTEXT', SR_CODES['device observer uid'], deviceUid),
    textValue('HAS OBS CONTEXT', SR_CODES['device observer name'], shortText(options.device.name, 64)),
    textValue('HAS OBS CONTEXT', SR_CODES['device observer model name'], shortText(`${options.device.name} ${options.device.version}`, 64)),
  ];
}

/** Checks every UID the SR will carry and every identifier it copies; all problems at once. */
function checkInputs(draft: ExamDraft, header: SrExamHeader, options: SrWriteOptions, used: ReadonlySet<string>): string[] {
  const bad: string[] = [];
  must(checkUid(options.uids.sopInstanceUid, 'SOP Instance UID'), bad);
  must(checkUid(options.uids.seriesInstanceUid, 'Series Instance UID'), bad);
  must(checkUid(header.studyInstanceUid, 'Study Instance UID'), bad);
  if (options.device.uid !== undefined) must(checkUid(options.device.uid, 'Device Observer UID'), bad);
  must(checkIdentifier(header.patientId, 64, 'Patient ID'), bad);
  must(checkIdentifier(header.accessionNumber, 16, 'Accession Number'), bad);
  must(checkIdentifier(header.studyId, 16, 'Study ID'), bad);
  const p = options.predecessor ?? null;
  if (p !== null) {
    must(checkUid(p.sopInstanceUid, 'predecessor SOP Instance UID'), bad);
    must(checkUid(p.seriesInstanceUid, 'predecessor Series Instance UID'), bad);
    must(checkUid(p.studyInstanceUid, 'predecessor Study Instance UID'), bad);
    if (p.sopInstanceUid === options.uids.sopInstanceUid) bad.push('an amendment needs a new SOP Instance UID: it equals its predecessor\'s');
    // An amendment replaces the report of this examination; a report of another study is a prior, not a predecessor.
    if (p.studyInstanceUid !== header.studyInstanceUid) {
      bad.push(`the report it amends is of another study (${shortText(p.studyInstanceUid, 64)}), not this one (${shortText(header.studyInstanceUid, 64)})`);
    }
  }
  for (const imageId of used) {
    const h = header.images[imageId];
    if (h === undefined) {
      bad.push(`image ${shortText(imageId, 64)} holds calcifications but the header gives no SOP Class / Series / Study for it`);
      continue;
    }
    must(checkUid(h.sopInstanceUid, `SOP Instance UID of image ${shortText(imageId, 64)}`), bad);
    must(checkUid(h.sopClassUid, 'referenced SOP Class UID'), bad);
    must(checkUid(h.seriesInstanceUid, 'referenced Series Instance UID'), bad);
    must(checkUid(h.studyInstanceUid, 'referenced Study Instance UID'), bad);
  }
  if (draft.findings.length === 0) bad.push('the draft has no findings: there is nothing to report');
  return bad;
}

/** Evidence sequences: images of the current study, and of other studies (priors), by study and series. */
function evidence(used: readonly string[], images: Readonly<Record<string, SrImageHeader>>, inStudy: (h: SrImageHeader) => boolean): Record<string, unknown>[] {
  const byStudy = new Map<string, Map<string, Record<string, unknown>[]>>();
  for (const id of used) {
    const h = images[id] as SrImageHeader;
    if (!inStudy(h)) continue;
    const series = byStudy.get(h.studyInstanceUid) ?? new Map<string, Record<string, unknown>[]>();
    series.set(h.seriesInstanceUid, [...(series.get(h.seriesInstanceUid) ?? []), { ReferencedSOPClassUID: h.sopClassUid, ReferencedSOPInstanceUID: h.sopInstanceUid }]);
    byStudy.set(h.studyInstanceUid, series);
  }
  return [...byStudy.entries()].map(([study, series]) => ({
    StudyInstanceUID: study,
    ReferencedSeriesSequence: [...series.entries()].map(([s, sops]) => ({ SeriesInstanceUID: s, ReferencedSOPSequence: sops })),
  }));
}

/**
 * The SR of a draft. Refused (with every reason) when a UID or identifier would be invalid, when
 * an image with calcifications has no header, or when the draft has no findings. Findings the
 * report leaves out (deriveReport's leftOut) are kept, marked not reported with the rules' reason.
 */
export function buildCalcificationSr(draft: ExamDraft, header: SrExamHeader, options: SrWriteOptions): Result<SrDataset> {
  const report = deriveReport(draft);
  // Calcifications of the reported findings in report order, then of those left out; the images they lie on, in draft order.
  const reported = report.findingsDerived.map((d) => ({ d, f: findFinding(draft, d.id) })).filter((x): x is { d: typeof x.d; f: NonNullable<typeof x.f> } => x.f !== undefined);
  // Findings the rules refuse stay in the SR, marked not reported with the reason: nothing the radiologist made is lost.
  const leftOut = report.leftOut.map(({ findingId, reason }) => ({ reason, f: findFinding(draft, findingId) })).filter((x): x is { reason: string; f: NonNullable<typeof x.f> } => x.f !== undefined);
  const calcs = [...new Set([...reported, ...leftOut].flatMap(({ f }) => calcificationsOf(draft, f)))];
  // Every image the content references is in the library and the evidence: those with calcifications, and those with a nipple marker the header knows.
  const withCalcs = new Set(calcs.map((c) => c.imageId));
  const referenced = (id: string): boolean => withCalcs.has(id) || (id in draft.nippleMarkers && header.images[id] !== undefined);
  const used = draft.images.map((i) => i.imageId).filter(referenced);
  const bad = checkInputs(draft, header, options, new Set([...withCalcs, ...used]));
  if (bad.length > 0) return err('bad-argument', `the SR cannot be written: ${bad.join('; ')}`);

  const trackingUids = new Map<string, string>();
  const calcGroups: ContentItem[] = [];
  for (const c of calcs) {
    const image = findImage(draft, c.imageId);
    const h = header.images[c.imageId];
    if (image === undefined || h === undefined) continue;
    const uid = options.uids.next();
    trackingUids.set(c.id, uid);
    calcGroups.push(calcificationGroup(c, image, h, uid));
  }
  const members = (f: { readonly calcificationIds: readonly string[] }): string[] => f.calcificationIds.map((id) => trackingUids.get(id)).filter((u): u is string => u !== undefined);
  const findingUids = [...reported, ...leftOut].map(() => options.uids.next());
  const findingGroups = [
    ...reported.map(({ f, d }, i) => findingGroup(f, d, i, findingUids[i] as string, members(f))),
    ...leftOut.map(({ f, reason }, i) => notReportedFindingGroup(f, reason, i, findingUids[reported.length + i] as string, members(f))),
  ];
  const deviceUid = options.device.uid ?? options.uids.next();
  // The injected generator's UIDs: valid, and none given twice (a tracking UID names one group).
  const generated = [...trackingUids.values(), ...findingUids, ...(options.device.uid === undefined ? [deviceUid] : [])];
  const badUids = generated.flatMap((u) => (checkUid(u, 'generated UID').ok ? [] : [u]));
  if (badUids.length > 0 || new Set(generated).size !== generated.length) {
    return err('bad-argument', `the SR cannot be written: the UID generator gave ${badUids.length > 0 ? `invalid UIDs (${badUids.slice(0, 3).map((u) => `"${shortText(u, 64)}"`).join(', ')})` : 'the same UID twice'}`);
  }
  const library = container('CONTAINS', SR_CODES['image library'], [
    container('CONTAINS', SR_CODES['image library group'], used.map((id) => imageRef('CONTAINS', (header.images[id] as SrImageHeader).sopClassUid, (header.images[id] as SrImageHeader).sopInstanceUid))),
  ]);
  const content: ContentItem[] = [
    codeValue('HAS CONCEPT MOD', SR_CODES.language, SR_CODES.english),
    ...observerContext(options, deviceUid),
    codeValue('HAS CONCEPT MOD', SR_CODES['procedure reported'], SR_CODES.mammography),
    library,
    container('CONTAINS', SR_CODES['imaging measurements'], [...calcGroups, ...findingGroups]),
    examEvaluations(draft, report, header.images),
  ];

  const now = options.now;
  const predecessor = options.predecessor ?? null;
  const current = evidence(used, header.images, (h) => h.studyInstanceUid === header.studyInstanceUid);
  const other = evidence(used, header.images, (h) => h.studyInstanceUid !== header.studyInstanceUid);
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 192',
    InstanceCreationDate: daOf(now),
    InstanceCreationTime: tmOf(now),
    TimezoneOffsetFromUTC: '+0000',
    SOPClassUID: COMPREHENSIVE_SR_SOP_CLASS,
    SOPInstanceUID: options.uids.sopInstanceUid,
    StudyDate: headerValue(header.studyDate, DA),
    ContentDate: daOf(now),
    StudyTime: headerValue(header.studyTime, TM),
    ContentTime: tmOf(now),
    AccessionNumber: header.accessionNumber ?? '',
    Modality: 'SR',
    Manufacturer: shortText(options.device.name, 64),
    ReferringPhysicianName: headerPersonName(header.referringPhysicianName),
    CodingSchemeIdentificationSequence: [
      {
        CodingSchemeDesignator: PRIVATE_SCHEME_IDENTIFICATION.designator,
        CodingSchemeName: PRIVATE_SCHEME_IDENTIFICATION.name,
        CodingSchemeVersion: PRIVATE_SCHEME_IDENTIFICATION.version,
        CodingSchemeResponsibleOrganization: PRIVATE_SCHEME_IDENTIFICATION.responsibleOrganization,
      },
    ],
    SeriesDescription: 'calcscribe calcification report',
    ManufacturerModelName: shortText(options.device.name, 64),
    ReferencedPerformedProcedureStepSequence: [],
    PatientName: headerPersonName(header.patientName),
    PatientID: header.patientId ?? '',
    PatientBirthDate: headerValue(header.patientBirthDate, DA),
    PatientSex: header.patientSex !== null && ['M', 'F', 'O'].includes(header.patientSex) ? header.patientSex : '',
    SoftwareVersions: shortText(options.device.version, 64),
    StudyInstanceUID: header.studyInstanceUid,
    SeriesInstanceUID: options.uids.seriesInstanceUid,
    StudyID: header.studyId ?? '',
    SeriesNumber: 1,
    InstanceNumber: 1,
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [codeItem(SR_CODES['imaging measurement report'])],
    ContinuityOfContent: 'SEPARATE',
    ...(predecessor === null
      ? {}
      : {
          PredecessorDocumentsSequence: [
            {
              StudyInstanceUID: predecessor.studyInstanceUid,
              ReferencedSeriesSequence: [
                { SeriesInstanceUID: predecessor.seriesInstanceUid, ReferencedSOPSequence: [{ ReferencedSOPClassUID: COMPREHENSIVE_SR_SOP_CLASS, ReferencedSOPInstanceUID: predecessor.sopInstanceUid }] },
              ],
            },
          ],
        }),
    PerformedProcedureCodeSequence: [codeItem(SR_CODES.mammography)],
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'UNVERIFIED',
    ...(current.length === 0 ? {} : { CurrentRequestedProcedureEvidenceSequence: current }),
    ...(other.length === 0 ? {} : { PertinentOtherEvidenceSequence: other }),
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '1500' }],
    ContentSequence: content,
  };
  return ok(dataset);
}
