/**
 * Writes small synthetic mammography DICOM files with dcmjs for the ingest tests.
 * Pixel content is deterministic (seeded) so decoded pixels can be compared exactly.
 */
import { createRequire } from 'node:module';

interface DcmjsData {
  DicomMetaDictionary: { denaturalizeDataset(ds: Record<string, unknown>): Record<string, unknown> };
  DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
  DicomMessage: { readFile(buffer: ArrayBuffer): { dict: Record<string, unknown> } };
}

export const dcmjs = createRequire(import.meta.url)('dcmjs') as { data: DcmjsData };

export const MG_FOR_PRESENTATION = '1.2.840.10008.5.1.4.1.1.1.2';
export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const IMPLICIT_LE = '1.2.840.10008.1.2';

export type SamplesArray = Uint16Array | Int16Array | Uint8Array;

export interface MammogramSpec {
  rows?: number;
  columns?: number;
  bitsAllocated?: number;
  bitsStored?: number;
  pixelRepresentation?: 0 | 1;
  photometric?: string;
  pixels?: SamplesArray;
  transferSyntaxUid?: string;
  /** Naturalized dcmjs attributes added to (or, with undefined, removed from) the defaults. */
  attributes?: Record<string, unknown>;
  omitPixelData?: boolean;
  /** VR of Pixel Data; default OW for 16-bit, OB for 8-bit. */
  pixelVr?: 'OB' | 'OW';
}

/** Deterministic pseudo-random samples below 2^bits (a smooth gradient plus noise and a few bright specks). */
export function testPixels(rows: number, columns: number, bits: number, seed = 1, signed = false): SamplesArray {
  let s = seed >>> 0 || 1;
  const rand = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  const max = 2 ** (signed ? bits - 1 : bits) - 1;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const out = bits > 8 ? (signed ? new Int16Array(rows * columns) : new Uint16Array(rows * columns)) : new Uint8Array(rows * columns);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const base = min + ((max - min) * (x + y)) / (rows + columns) * 0.7;
      const v = rand() < 0.01 ? max : base + rand() * (max - min) * 0.2;
      out[y * columns + x] = Math.max(min, Math.min(max, Math.round(v)));
    }
  }
  return out;
}

/** The default attributes of a right CC MG For Presentation image. */
export function defaultAttributes(): Record<string, unknown> {
  return {
    SOPClassUID: MG_FOR_PRESENTATION,
    SOPInstanceUID: '1.2.826.0.1.3680043.8.498.1',
    StudyInstanceUID: '1.2.826.0.1.3680043.8.498.2',
    SeriesInstanceUID: '1.2.826.0.1.3680043.8.498.3',
    Modality: 'MG',
    Manufacturer: 'Phantom Works',
    PatientName: 'Doe^Jane',
    PatientAge: '056Y',
    StudyDate: '20240115',
    PresentationIntentType: 'FOR PRESENTATION',
    ImageLaterality: 'R',
    ViewPosition: 'CC',
    ViewCodeSequence: [
      { CodeValue: '399162004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'cranio-caudal' },
    ],
    PatientOrientation: ['P', 'L'],
    ImagerPixelSpacing: [0.07, 0.07],
    EstimatedRadiographicMagnificationFactor: 1.08,
    BreastImplantPresent: 'NO',
    WindowCenter: [2048, 1500],
    WindowWidth: [4096, 2000],
    WindowCenterWidthExplanation: ['NORMAL', 'HARDER'],
    VOILUTFunction: 'SIGMOID',
    RescaleSlope: 1,
    RescaleIntercept: 0,
  };
}

/** Writes one single-frame image as DICOM Part 10 bytes. */
export function writeMammogram(spec: MammogramSpec = {}): Uint8Array {
  const rows = spec.rows ?? 32;
  const columns = spec.columns ?? 24;
  const bitsAllocated = spec.bitsAllocated ?? 16;
  const bitsStored = spec.bitsStored ?? (bitsAllocated === 16 ? 12 : 8);
  const pixelRepresentation = spec.pixelRepresentation ?? 0;
  const pixels = spec.pixels ?? testPixels(rows, columns, bitsStored, 7, pixelRepresentation === 1);
  const ts = spec.transferSyntaxUid ?? EXPLICIT_LE;
  const attributes: Record<string, unknown> = { ...defaultAttributes(), ...spec.attributes };
  for (const k of Object.keys(attributes)) if (attributes[k] === undefined) delete attributes[k];
  const sopClass = (attributes.SOPClassUID as string | undefined) ?? MG_FOR_PRESENTATION;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: sopClass,
    MediaStorageSOPInstanceUID: (attributes.SOPInstanceUID as string | undefined) ?? '1.2.3',
    TransferSyntaxUID: ts,
    ImplementationClassUID: '1.2.826.0.1.3680043.8.498.99',
  };
  const image: Record<string, unknown> = {
    ...attributes,
    Rows: rows,
    Columns: columns,
    BitsAllocated: bitsAllocated,
    BitsStored: bitsStored,
    HighBit: bitsStored - 1,
    PixelRepresentation: pixelRepresentation,
    SamplesPerPixel: 1,
    PhotometricInterpretation: spec.photometric ?? 'MONOCHROME2',
  };
  if (spec.omitPixelData !== true) {
    const copy = pixels.slice();
    image.PixelData = [copy.buffer];
    image._vrMap = { PixelData: spec.pixelVr ?? (bitsAllocated === 16 ? 'OW' : 'OB') };
  }
  const { DicomMetaDictionary, DicomDict } = dcmjs.data;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(image);
  return new Uint8Array(dict.write());
}

/** Writes a file whose Pixel Data is the given encapsulated frame under a compressed transfer syntax. */
export function writeEncapsulated(frame: Uint8Array, transferSyntaxUid: string, spec: MammogramSpec = {}): Uint8Array {
  const bytes = writeMammogram({ ...spec, transferSyntaxUid, omitPixelData: true });
  const padded = frame.length % 2 === 0 ? frame : Uint8Array.from([...frame, 0]);
  const tail: number[] = [];
  const u16 = (v: number): void => void tail.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (v: number): void => void tail.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  u16(0x7fe0); u16(0x0010); tail.push(0x4f, 0x42, 0, 0); u32(0xffffffff);
  u16(0xfffe); u16(0xe000); u32(0);
  u16(0xfffe); u16(0xe000); u32(padded.length);
  const out = new Uint8Array(bytes.length + tail.length + padded.length + 8);
  out.set(bytes, 0);
  out.set(tail, bytes.length);
  out.set(padded, bytes.length + tail.length);
  out.set([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0], bytes.length + tail.length + padded.length);
  return out;
}
