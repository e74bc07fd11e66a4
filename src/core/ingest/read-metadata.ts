/**
 * The descriptive metadata of an image that later stages and reports use: identifiers,
 * presentation intent, implants, dates, age, manufacturer, name, VOI windows, and the patient and
 * study attributes a structured report copies (sex, study time, accession number, referring
 * physician, study ID).
 */
import type { DataSet } from 'dicom-parser';
import type { VoiWindow } from '../image.js';
import { readNumbers, readText, readTexts } from './dataset-values.js';
import { TAG } from './dicom-tags.js';
import { patientAgeYears } from './read-patient-age.js';

export interface DescriptiveMetadata {
  readonly sopInstanceUid: string | null;
  readonly studyInstanceUid: string | null;
  readonly seriesInstanceUid: string | null;
  readonly presentationIntent: string | null;
  readonly implantPresent: boolean | null;
  readonly studyDate: string | null;
  readonly patientAgeYears: number | null;
  readonly manufacturer: string | null;
  readonly patientName: string | null;
  readonly patientId: string | null;
  /** YYYYMMDD as stored, or null. */
  readonly patientBirthDate: string | null;
  /** M, F or O as stored, or null. */
  readonly patientSex: string | null;
  /** HHMMSS(.ffffff) as stored, or null. */
  readonly studyTime: string | null;
  readonly accessionNumber: string | null;
  /** PN as stored, or null. */
  readonly referringPhysicianName: string | null;
  readonly studyId: string | null;
  readonly windows: readonly VoiWindow[];
  readonly voiLutFunction: string | null;
}

/** Window Center / Width pairs (multi-valued), with their explanations when given. */
export function readWindows(ds: DataSet): VoiWindow[] {
  const centers = readNumbers(ds, TAG.WindowCenter) ?? [];
  const widths = readNumbers(ds, TAG.WindowWidth) ?? [];
  const explanations = readTexts(ds, TAG.WindowCenterWidthExplanation) ?? [];
  const out: VoiWindow[] = [];
  for (let i = 0; i < Math.min(centers.length, widths.length); i++) {
    const center = centers[i] as number;
    const width = widths[i] as number;
    if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) continue;
    const e = explanations[i];
    out.push({ center, width, explanation: e === undefined || e === '' ? null : e });
  }
  return out;
}

function yesNo(v: string | null): boolean | null {
  const s = v?.toUpperCase();
  return s === 'YES' ? true : s === 'NO' ? false : null;
}

/** Reads the descriptive metadata; every field is null when absent or unreadable. */
export function readDescriptiveMetadata(ds: DataSet): DescriptiveMetadata {
  const studyDate = readText(ds, TAG.StudyDate);
  const intent = readText(ds, TAG.PresentationIntentType)?.toUpperCase() ?? null;
  const voi = readText(ds, TAG.VOILUTFunction)?.toUpperCase() ?? null;
  return {
    sopInstanceUid: readText(ds, TAG.SOPInstanceUID),
    studyInstanceUid: readText(ds, TAG.StudyInstanceUID),
    seriesInstanceUid: readText(ds, TAG.SeriesInstanceUID),
    presentationIntent: intent,
    implantPresent: yesNo(readText(ds, TAG.BreastImplantPresent)),
    studyDate: studyDate !== null && /^\d{8}$/.test(studyDate) ? studyDate : null,
    patientAgeYears: patientAgeYears(readText(ds, TAG.PatientAge), readText(ds, TAG.PatientBirthDate), studyDate),
    manufacturer: readText(ds, TAG.Manufacturer),
    patientName: readText(ds, TAG.PatientName),
    patientId: readText(ds, TAG.PatientID),
    patientBirthDate: readText(ds, TAG.PatientBirthDate),
    patientSex: readText(ds, TAG.PatientSex),
    studyTime: readText(ds, TAG.StudyTime),
    accessionNumber: readText(ds, TAG.AccessionNumber),
    referringPhysicianName: readText(ds, TAG.ReferringPhysicianName),
    studyId: readText(ds, TAG.StudyID),
    windows: readWindows(ds),
    voiLutFunction: voi,
  };
}
