/** Reads phantom files back with dicom-parser (the library the product's ingest uses). */
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';

export interface ParsedPhantom {
  readonly dataSet: DataSet;
  readonly rows: number;
  readonly columns: number;
  /** Native pixel data as 16-bit values; null when encapsulated. */
  readonly pixels: Uint16Array | null;
  /** The single JPEG-LS frame when encapsulated. */
  readonly frame: Uint8Array | null;
}

export function readPhantom(bytes: Uint8Array): ParsedPhantom {
  const dataSet = dicomParser.parseDicom(bytes);
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const el = dataSet.elements['x7fe00010'];
  if (el === undefined) throw new Error('no pixel data');
  if (el.encapsulatedPixelData) {
    const frame = dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, el, 0);
    return { dataSet, rows, columns, pixels: null, frame: new Uint8Array(frame) };
  }
  const copy = bytes.slice(el.dataOffset, el.dataOffset + el.length);
  return { dataSet, rows, columns, pixels: new Uint16Array(copy.buffer, copy.byteOffset, copy.byteLength / 2), frame: null };
}
