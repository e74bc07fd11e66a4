/**
 * A naturalized SR dataset as a DICOM Part 10 file (PS3.10): File Meta Information, then the
 * dataset in Explicit VR Little Endian, written by dcmjs.
 */
import dcmjs from 'dcmjs';
import type { SrDataset } from './build-calcification-sr.js';

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** calcscribe's Implementation Class UID: a UUID-derived UID (PS3.5 B.2), needing no registration. */
const IMPLEMENTATION_CLASS_UID = '2.25.292082511367074443093517503987214652961';

export function writeSrPart10(dataset: SrDataset): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset['SOPClassUID'],
    MediaStorageSOPInstanceUID: dataset['SOPInstanceUID'],
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: 'CALCSCRIBE',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...dataset });
  return new Uint8Array(dict.write({ allowInvalidVRLength: false }));
}
