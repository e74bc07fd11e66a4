/**
 * Writes a phantom as a DICOM Part 10 file of the Digital Mammography X-Ray Image — For
 * Presentation IOD, with the attributes real full-field digital mammography units write, using
 * dcmjs. Pixel data is native (explicit or implicit VR little endian) or JPEG-LS lossless,
 * encapsulated with a Basic Offset Table item and one fragment (PS3.5 A.4).
 */
import { createRequire } from 'node:module';
import { BREAST_REGION, MAGNIFICATION_MODIFIER, MG_FOR_PRESENTATION_SOP_CLASS, VIEW_CODES } from './codes.js';
import { encodeJpegLs } from './jpeg-ls.js';
import type { PhantomView, Side } from './breast-model.js';
import type { PatientInfo, StudyInfo, TransferSyntaxChoice } from './phantom-options.js';
import { TRANSFER_SYNTAX_UIDS } from './phantom-options.js';

interface DcmjsData {
  DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(options?: Record<string, unknown>): ArrayBuffer };
  DicomMetaDictionary: { denaturalizeDataset(ds: Record<string, unknown>): Record<string, unknown> };
}
const require = createRequire(import.meta.url);
const dcmjs = require('dcmjs') as { data: DcmjsData };

export interface DicomImageSpec {
  readonly rows: number;
  readonly columns: number;
  /** Stored values, row-major, already inverted for MONOCHROME1. */
  readonly stored: Uint16Array;
  readonly bitsStored: number;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2';
  readonly syntax: TransferSyntaxChoice;
  readonly side: Side;
  readonly view: PhantomView;
  readonly magnification: boolean;
  readonly patientOrientation: readonly [string, string];
  readonly imagerPixelSpacingMm: number;
  readonly magnificationFactor: number;
  readonly sourceToDetectorMm: number;
  /** Pixel Spacing (0028,0030) with calibration type GEOMETRY, or null to omit. */
  readonly pixelSpacingMm: number | null;
  readonly windows: readonly { readonly center: number; readonly width: number; readonly explanation: string }[];
  readonly patient: PatientInfo;
  readonly patientAgeYears: number;
  readonly study: StudyInfo;
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly implantPresent: boolean;
  /** VOI LUT Function (0028,1056); default LINEAR. */
  readonly voiFunction?: 'LINEAR' | 'SIGMOID';
  /** Burned In Annotation (0028,0301); default NO. */
  readonly burnedInAnnotation?: boolean;
  /**
   * 'direct' (a-Se) or 'scintillator' (CsI) flat panel, or 'film' (a digitised screen-film:
   * Image Type DERIVED\SECONDARY, Detector Type FILM). Default 'direct'.
   */
  readonly detector?: 'direct' | 'scintillator' | 'film';
}

/** Bits Allocated for a Bits Stored: 8 up to 8 bits, else 16 (PS3.3 C.8.11.7). */
export function bitsAllocatedFor(bitsStored: number): 8 | 16 {
  return bitsStored <= 8 ? 8 : 16;
}

/** A DS value: at most 16 characters. */
export function ds(v: number): string {
  for (let digits = 10; digits > 1; digits--) {
    const s = String(Number(v.toPrecision(digits)));
    if (s.length <= 16) return s;
  }
  return String(Math.round(v));
}

const POSITIONER_ANGLE: Record<PhantomView, number> = { CC: 0, MLO: 45, ML: 90 };

/** The naturalized dataset (dcmjs keywords) without pixel data. */
export function mammographyDataset(spec: DicomImageSpec): Record<string, unknown> {
  const viewCode = VIEW_CODES[spec.view];
  const mono2 = spec.photometric === 'MONOCHROME2';
  const sod = spec.sourceToDetectorMm / spec.magnificationFactor;
  const ds1: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 192',
    ImageType: spec.detector === 'film' ? ['DERIVED', 'SECONDARY', ''] : ['ORIGINAL', 'PRIMARY', ''],
    SOPClassUID: MG_FOR_PRESENTATION_SOP_CLASS,
    SOPInstanceUID: spec.sopInstanceUid,
    StudyDate: spec.study.date,
    SeriesDate: spec.study.date,
    AcquisitionDate: spec.study.date,
    ContentDate: spec.study.date,
    StudyTime: spec.study.time,
    SeriesTime: spec.study.time,
    AcquisitionTime: spec.study.time,
    ContentTime: spec.study.time,
    AccessionNumber: spec.study.accessionNumber,
    Modality: 'MG',
    PresentationIntentType: 'FOR PRESENTATION',
    Manufacturer: 'Calcscribe Phantom Works',
    InstitutionName: 'Phantom Breast Centre',
    ReferringPhysicianName: '',
    StationName: 'PHANTOM1',
    StudyDescription: spec.study.description,
    SeriesDescription: `${spec.side}${spec.view}${spec.magnification ? ' MAG' : ''}`,
    ManufacturerModelName: 'Phantom FFDM',
    PatientName: spec.patient.name,
    PatientID: spec.patient.id,
    PatientBirthDate: spec.patient.birthDate,
    PatientSex: 'F',
    PatientAge: `${String(Math.max(0, Math.min(999, Math.round(spec.patientAgeYears)))).padStart(3, '0')}Y`,
    BodyPartExamined: 'BREAST',
    DeviceSerialNumber: 'PH-0001',
    SoftwareVersions: 'calcscribe-phantom 1',
    DistanceSourceToDetector: ds(spec.sourceToDetectorMm),
    DistanceSourceToPatient: ds(sod),
    EstimatedRadiographicMagnificationFactor: ds(spec.magnificationFactor),
    KVP: '29',
    ExposureTime: '800',
    XRayTubeCurrent: '100',
    Exposure: '80',
    ExposureInuAs: 80000,
    AnodeTargetMaterial: 'TUNGSTEN',
    FilterMaterial: ['RHODIUM'],
    FilterThicknessMinimum: ['0.05'],
    FilterThicknessMaximum: ['0.05'],
    BodyPartThickness: '50',
    CompressionForce: '110',
    PositionerType: 'MAMMOGRAPHIC',
    PositionerPrimaryAngle: String(spec.side === 'R' ? POSITIONER_ANGLE[spec.view] : -POSITIONER_ANGLE[spec.view]),
    PositionerSecondaryAngle: '0',
    DetectorType: spec.detector === 'film' ? 'FILM' : spec.detector === 'scintillator' ? 'SCINTILLATOR' : 'DIRECT',
    DetectorConfiguration: 'AREA',
    DetectorID: 'PH-DET-1',
    ImagerPixelSpacing: [ds(spec.imagerPixelSpacingMm), ds(spec.imagerPixelSpacingMm)],
    DetectorBinning: ['1', '1'],
    DetectorElementPhysicalSize: [ds(spec.imagerPixelSpacingMm), ds(spec.imagerPixelSpacingMm)],
    DetectorElementSpacing: [ds(spec.imagerPixelSpacingMm), ds(spec.imagerPixelSpacingMm)],
    DetectorActiveShape: 'RECTANGLE',
    DetectorActiveDimensions: [ds(spec.rows * spec.imagerPixelSpacingMm), ds(spec.columns * spec.imagerPixelSpacingMm)],
    Grid: spec.magnification ? ['NONE'] : ['RECIPROCATING'],
    ViewPosition: spec.view,
    StudyInstanceUID: spec.study.studyInstanceUid,
    SeriesInstanceUID: spec.seriesInstanceUid,
    StudyID: spec.study.accessionNumber.slice(0, 16),
    SeriesNumber: String(spec.study.seriesNumber ?? 1),
    InstanceNumber: String(spec.study.instanceNumber ?? 1),
    PatientOrientation: [...spec.patientOrientation],
    ImageLaterality: spec.side,
    BurnedInAnnotation: spec.burnedInAnnotation === true ? 'YES' : 'NO',
    SamplesPerPixel: 1,
    PhotometricInterpretation: spec.photometric,
    Rows: spec.rows,
    Columns: spec.columns,
    BitsAllocated: bitsAllocatedFor(spec.bitsStored),
    BitsStored: spec.bitsStored,
    HighBit: spec.bitsStored - 1,
    PixelRepresentation: 0,
    QualityControlImage: 'NO',
    PixelIntensityRelationship: 'LOG',
    PixelIntensityRelationshipSign: mono2 ? -1 : 1,
    WindowCenter: spec.windows.map((w) => ds(w.center)),
    WindowWidth: spec.windows.map((w) => ds(w.width)),
    WindowCenterWidthExplanation: spec.windows.map((w) => w.explanation),
    VOILUTFunction: spec.voiFunction ?? 'LINEAR',
    PresentationLUTShape: mono2 ? 'IDENTITY' : 'INVERSE',
    RescaleIntercept: '0',
    RescaleSlope: '1',
    RescaleType: 'US',
    LossyImageCompression: '00',
    BreastImplantPresent: spec.implantPresent ? 'YES' : 'NO',
    OrganExposed: 'BREAST',
    PartialView: 'NO',
    AnatomicRegionSequence: [{ ...BREAST_REGION }],
    ViewCodeSequence: [{ ...viewCode, ViewModifierCodeSequence: spec.magnification ? [{ ...MAGNIFICATION_MODIFIER }] : [] }],
    AcquisitionContextSequence: [],
  };
  if (spec.pixelSpacingMm !== null) {
    ds1.PixelSpacing = [ds(spec.pixelSpacingMm), ds(spec.pixelSpacingMm)];
    ds1.PixelSpacingCalibrationType = 'GEOMETRY';
    ds1.PixelSpacingCalibrationDescription = 'Imager Pixel Spacing / estimated magnification';
  }
  return ds1;
}

/** Builds the Part 10 bytes. */
export async function writeMammogramDicom(spec: DicomImageSpec): Promise<Uint8Array> {
  const tsUid = TRANSFER_SYNTAX_UIDS[spec.syntax];
  const natural = mammographyDataset(spec);
  let pixelValue: ArrayBuffer[];
  const eight = bitsAllocatedFor(spec.bitsStored) === 8;
  if (spec.syntax === 'jpeg-ls') {
    const encoded = await encodeJpegLs(spec.stored, spec.columns, spec.rows, spec.bitsStored);
    pixelValue = [encoded.slice().buffer];
  } else if (eight) {
    // One byte per pixel, padded to an even length.
    const bytes = new Uint8Array(spec.stored.length + (spec.stored.length % 2));
    bytes.set(spec.stored);
    pixelValue = [bytes.buffer];
  } else {
    pixelValue = [spec.stored.slice().buffer];
  }
  const dataset = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(natural);
  dataset['7FE00010'] = { vr: spec.syntax === 'jpeg-ls' || eight ? 'OB' : 'OW', Value: pixelValue };
  const meta = dcmjs.data.DicomMetaDictionary.denaturalizeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: MG_FOR_PRESENTATION_SOP_CLASS,
    MediaStorageSOPInstanceUID: spec.sopInstanceUid,
    TransferSyntaxUID: tsUid,
    ImplementationClassUID: '2.25.296172718830948261412311374851236742611',
    ImplementationVersionName: 'CALCSCRIBE_PH1',
  });
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = dataset;
  const buffer = dict.write({ fragmentMultiframe: false, allowInvalidVRLength: false });
  return new Uint8Array(buffer);
}
