/**
 * The sample exams as the PACS tests send them: the current 4-image screening exam and its prior
 * (test-data/sample, test-data/sample/prior), and copies of one image re-identified with dcmjs as
 * further studies (an older prior, a later study, another modality, another patient).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import dicomParser from 'dicom-parser';

export const SAMPLE_DIR = join(process.cwd(), 'test-data/sample');
export const VIEWS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;
export const CURRENT_FILES = VIEWS.map((v) => join(SAMPLE_DIR, `${v}.dcm`));
export const PRIOR_FILES = VIEWS.map((v) => join(SAMPLE_DIR, 'prior', `${v}.dcm`));

export function readPart10(path: string): ArrayBuffer {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** The attributes a test checks, read with dicom-parser (independently of the client under test). */
export interface Part10Facts {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  readonly patientId: string;
  readonly accessionNumber: string;
  readonly studyDate: string;
  readonly transferSyntaxUid: string;
  /** The bytes of Pixel Data (7FE0,0010), encapsulated fragments included. */
  readonly pixelData: Uint8Array;
}

export function part10Facts(file: ArrayBuffer): Part10Facts {
  const bytes = new Uint8Array(file);
  const ds = dicomParser.parseDicom(bytes);
  const px = ds.elements['x7fe00010'];
  if (px === undefined) throw new Error('no Pixel Data');
  const length = px.length > 0 && px.length !== 0xffffffff ? px.length : bytes.length - px.dataOffset;
  const s = (tag: string): string => ds.string(tag)?.trim() ?? '';
  return {
    studyInstanceUid: s('x0020000d'),
    seriesInstanceUid: s('x0020000e'),
    sopInstanceUid: s('x00080018'),
    patientId: s('x00100020'),
    accessionNumber: s('x00080050'),
    studyDate: s('x00080020'),
    transferSyntaxUid: s('x00020010'),
    pixelData: bytes.subarray(px.dataOffset, px.dataOffset + length),
  };
}

const TAGS: Record<string, string> = {
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SOPInstanceUID: '00080018',
  StudyDate: '00080020',
  AccessionNumber: '00080050',
  PatientID: '00100020',
  PatientName: '00100010',
  Modality: '00080060',
};

/** A copy of a file as a new instance of a new study (new UIDs from `seed`), with the given attributes changed. */
export function reidentified(
  file: ArrayBuffer,
  seed: number,
  changes: { readonly StudyDate: string; readonly AccessionNumber: string; readonly PatientID?: string; readonly PatientName?: string; readonly Modality?: string },
): ArrayBuffer {
  const { DicomMessage } = dcmjs.data;
  const dicomDict = DicomMessage.readFile(file) as unknown as { meta: Record<string, { Value: unknown[] }>; dict: Record<string, { Value: unknown[] }>; write(): ArrayBuffer };
  const uid = (n: number): string => `2.25.${(BigInt(seed) * 1_000_003n + BigInt(n)).toString()}9`;
  const set = (keyword: string, value: unknown): void => {
    const el = dicomDict.dict[TAGS[keyword] ?? ''];
    if (el === undefined) throw new Error(`${keyword} not in the file`);
    el.Value = [value];
  };
  set('StudyInstanceUID', uid(1));
  set('SeriesInstanceUID', uid(2));
  set('SOPInstanceUID', uid(3));
  dicomDict.meta['00020003']!.Value = [uid(3)];
  set('StudyDate', changes.StudyDate);
  set('AccessionNumber', changes.AccessionNumber);
  if (changes.PatientID !== undefined) set('PatientID', changes.PatientID);
  if (changes.PatientName !== undefined) set('PatientName', { Alphabetic: changes.PatientName });
  if (changes.Modality !== undefined) set('Modality', changes.Modality);
  return dicomDict.write();
}
