/**
 * A naturalized SR dataset as a DICOM Part 10 file (PS3.10): File Meta Information, then the
 * dataset in Explicit VR Little Endian — the bytes dcmjs writes for it (part10-writer.ts, compared
 * with dcmjs byte for byte in the tests), written about twenty times faster.
 */
import { writePart10ExplicitLittle } from './part10-writer.js';
import type { SrDataset } from './build-calcification-sr.js';

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** calcscribe's Implementation Class UID: a UUID-derived UID (PS3.5 B.2), needing no registration. */
const IMPLEMENTATION_CLASS_UID = '2.25.292082511367074443093517503987214652961';

export function writeSrPart10(dataset: SrDataset): Uint8Array {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset['SOPClassUID'],
    MediaStorageSOPInstanceUID: dataset['SOPInstanceUID'],
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: 'CALCSCRIBE',
  };
  return writePart10ExplicitLittle(meta, dataset);
}
